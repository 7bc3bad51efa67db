//! The rows, and both writers read back with real parsers (the `csv` crate,
//! serde_json): what a spreadsheet or a script gets equals the rows.

use proptest::prelude::*;

use super::*;
use crate::model::*;
use crate::text::slice_cp;

fn actor(id: &str, name: &str, side: CampIx) -> Actor {
    Actor { id: id.into(), name: name.into(), aliases: vec![], side, kind: None }
}

fn place(id: &str, name: &str, lat: f64, lon: f64) -> Place {
    Place { id: id.into(), name: name.into(), aliases: vec![], lat, lon, country: None }
}

fn doc(id: &str, text: &str, url: Option<&str>) -> Document {
    Document {
        id: id.into(),
        path: format!("{id}.txt"),
        title: format!("Title of {id}"),
        outlet: Some("AFP".into()),
        published: Some("2023-10-02".into()),
        published_source: PublishedSource::FrontMatter,
        url: url.map(Into::into),
        language: "en".into(),
        text: text.into(),
        paragraphs: vec![],
        sentences: vec![],
        boilerplate: vec![],
    }
}

/// A claim quoting `text[start..end]` of `document`.
fn claim(id: &str, document: &Document, start: u32, end: u32, speaker: Option<&str>, side: Option<CampIx>) -> Claim {
    Claim {
        id: id.into(),
        document: document.id.clone(),
        start,
        end,
        quote: slice_cp(&document.text, start, end).into(),
        speaker: speaker.map(Into::into),
        speaker_text: "a local official".into(),
        side,
        verb: "said".into(),
        stance: Stance::Assert,
        date: None,
        event: None,
        numbers: vec![],
        confidence: Default::default(),
        note: None,
    }
}

fn event(id: &str, places: &[&str], actors: &[&str], claims: &[&str]) -> Event {
    Event {
        id: id.into(),
        title: format!("Event {id}"),
        kind: EventKind::ArmedClash,
        start: "2023-10-01".into(),
        end: "2023-10-01".into(),
        precision: Precision::Day,
        places: places.iter().map(|s| s.to_string()).collect(),
        actors: actors.iter().map(|s| s.to_string()).collect(),
        claims: claims.iter().map(|s| s.to_string()).collect(),
        documents: vec![],
        contested: false,
        disputes: vec![],
        caveats: vec![],
        confidence: Default::default(),
        note: None,
    }
}

/// Two documents; event `e1` (two places, three actors of two sides, one
/// dangling) lists one claim and is named by another; `e2` has no claims.
fn fixture() -> Corpus {
    let d1 = doc("d1", "L'armée a dit: « Anéfis est repris ». Le CSP dément.", Some("https://example.org/a"));
    let d2 = doc("d2", "Rebels said: \"we hold the town\", officials said.", Some("javascript:alert(1)"));
    let mut c2 = claim("d2#c1", &d2, 13, 30, Some("csp"), Some(CampIx(1)));
    c2.event = Some("e1".into());
    c2.stance = Stance::Deny;
    let c1 = claim("d1#c1", &d1, 15, 36, Some("fama"), Some(CampIx(0)));
    let c3 = claim("d1#c2", &d1, 38, 52, None, None);
    let mut e1 = event("e1", &["anefis", "kidal"], &["fama", "wagner", "csp", "ghost"], &["d1#c1", "missing"]);
    e1.contested = true;
    let mut e2 = event("e2", &[], &[], &[]);
    e2.precision = Precision::Month;
    e2.start = "2023-09-01".into();
    e2.end = "2023-09-30".into();
    Corpus {
        camps: Camp::defaults(),
        version: FORMAT_VERSION,
        documents: vec![d1, d2],
        actors: vec![
            actor("fama", "Malian Armed Forces", CampIx(0)),
            actor("wagner", "Wagner Group", CampIx(0)),
            actor("csp", "CSP", CampIx(1)),
        ],
        places: vec![place("anefis", "Anéfis", 18.0549, 0.6167), place("kidal", "Kidal", 18.441, 1.407)],
        claims: vec![c1, c2, c3],
        events: vec![e1, e2],
        corrections: 0,
        settings: Default::default(),
    }
}

type Row = Vec<Cell>;

fn csv_of(rows: &[Row]) -> String {
    let mut w = Writer::csv();
    replay(rows, &mut w);
    w.finish()
}

fn json_of(rows: &[Row], query: &str, events: usize) -> String {
    let mut w = Writer::json(query, events);
    replay(rows, &mut w);
    w.finish()
}

fn col(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap()
}

fn text_of<'a>(row: &'a Row, name: &str) -> Option<&'a str> {
    match &row[col(name)] {
        Cell::Text(s) => Some(s),
        _ => None,
    }
}

/// What a CSV reader should get for a cell.
fn csv_value(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) if s.starts_with(super::csv::is_formula_start) => format!("'{s}"),
        Cell::Text(s) => s.to_string(),
        Cell::Int(n) => n.to_string(),
        Cell::Coord(v) => coord_str(*v),
        Cell::Bool(b) => b.to_string(),
        Cell::Null => String::new(),
    }
}

fn coord_str(v: f64) -> String {
    let mut s = String::new();
    if v.is_finite() {
        push_coord(&mut s, v);
    }
    s
}

/// What a JSON parser should get for a cell.
fn json_value(cell: &Cell) -> serde_json::Value {
    use serde_json::Value;
    match cell {
        Cell::Text(s) => Value::String(s.to_string()),
        Cell::Int(n) => Value::from(*n),
        Cell::Coord(v) if v.is_finite() => Value::from(coord_str(*v).parse::<f64>().unwrap()),
        Cell::Bool(b) => Value::Bool(*b),
        _ => Value::Null,
    }
}

fn read_csv(s: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = ::csv::ReaderBuilder::new().has_headers(true).from_reader(s.as_bytes());
    let header = r.headers().expect("header").iter().map(str::to_owned).collect();
    let records = r.records().map(|rec| rec.expect("record").iter().map(str::to_owned).collect()).collect();
    (header, records)
}

fn assert_round_trips(rows: &[Row], query: &str, events: usize) {
    let out = csv_of(rows);
    assert!(out.ends_with("\r\n"), "records end with CRLF");
    let (header, records) = read_csv(&out);
    assert_eq!(header, COLUMNS);
    let expected: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(csv_value).collect()).collect();
    assert_eq!(records, expected, "CSV read back: {out}");

    let json = json_of(rows, query, events);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(v["format"], "counterclaim-rows");
    assert_eq!(v["version"], ROWS_VERSION);
    assert_eq!(v["query"], query);
    assert_eq!(v["events"], events);
    let got = v["rows"].as_array().expect("rows array");
    assert_eq!(got.len(), rows.len());
    for (g, row) in got.iter().zip(rows) {
        let obj = g.as_object().expect("row object");
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        let mut want: Vec<&str> = COLUMNS.to_vec();
        want.sort_unstable();
        assert_eq!(keys, want, "serde_json sorts keys");
        for (name, cell) in COLUMNS.iter().zip(row) {
            let (a, b) = (&obj[*name], json_value(cell));
            match (a.as_f64(), b.as_f64()) {
                (Some(x), Some(y)) => assert!((x - y).abs() < 1e-9, "{name}: {x} vs {y}"),
                _ => assert_eq!(a, &b, "{name}"),
            }
        }
    }
}

#[test]
fn country_is_that_of_the_geolocated_place() {
    let mut c = fixture();
    assert_eq!(rows(&c, &[0])[0][col("country")], Cell::Null, "no country in the gazetteer: empty");
    c.places[1].country = Some("Kestria".into());
    assert_eq!(rows(&c, &[0])[0][col("country")], Cell::Null, "only the first place's country");
    c.places[0].country = Some("Varna".into());
    assert_eq!(text_of(&rows(&c, &[0])[0], "country"), Some("Varna"));
}

#[test]
fn one_row_per_claim_in_event_then_claim_order() {
    let c = fixture();
    let rows = rows(&c, &[1, 0, 99]);
    let ids: Vec<(Option<&str>, Option<&str>)> =
        rows.iter().map(|r| (text_of(r, "event_id"), text_of(r, "claim_id"))).collect();
    assert_eq!(
        ids,
        [(Some("e2"), None), (Some("e1"), Some("d1#c1")), (Some("e1"), Some("d2#c1"))],
        "listed claims first, then those naming the event; unknown claim ids and indexes skipped"
    );
    // The event without claims: empty claim columns, month precision.
    let e2 = &rows[0];
    assert!(e2[col("claim_id")..col("confidence")].iter().all(|c| *c == Cell::Null));
    // its confidence column carries the event's own confidence
    assert_eq!(e2[col("confidence")], Cell::Text("low".into()));
    assert!(rows[1..].iter().all(|r| matches!(&r[col("confidence")], Cell::Text(t) if ["high", "medium", "low"].contains(&t.as_str()))));
    assert_eq!(e2[col("time_precision")], Cell::Int(3));
    assert_eq!(e2[col("latitude")], Cell::Null);
    assert_eq!(text_of(e2, "place"), Some(""));

    let r = &rows[1];
    assert_eq!(text_of(r, "event_date"), Some("2023-10-01"));
    assert_eq!(r[col("time_precision")], Cell::Int(1));
    assert_eq!(text_of(r, "event_kind"), Some("Armed clash"));
    assert_eq!(text_of(r, "actors"), Some("Malian Armed Forces; Wagner Group; CSP; ghost"));
    assert_eq!(text_of(r, "sides"), Some("State & allies; Rebels & armed opposition"));
    assert_eq!(text_of(r, "place"), Some("Anéfis; Kidal"));
    assert_eq!(r[col("latitude")], Cell::Coord(18.0549), "the first place is geolocated");
    assert_eq!(r[col("contested")], Cell::Bool(true));
    assert_eq!(text_of(r, "speaker"), Some("Malian Armed Forces"));
    assert_eq!(text_of(r, "side"), Some("State & allies"));
    assert_eq!(text_of(r, "quote"), Some("« Anéfis est repris »"));
    assert_eq!((r[col("quote_start")].clone(), r[col("quote_end")].clone()), (Cell::Int(15), Cell::Int(36)));
    assert_eq!(text_of(r, "source_title"), Some("Title of d1"));
    assert_eq!(text_of(r, "url"), Some("https://example.org/a"));

    let r = &rows[2];
    assert_eq!(text_of(r, "stance"), Some("deny"));
    assert_eq!(r[col("url")], Cell::Null, "a javascript: URL is never exported");
}

#[test]
fn streaming_writers_equal_the_table() {
    let c = fixture();
    let events = [1, 0];
    let table = rows(&c, &events);
    let ids = CorpusIds::new(&c);
    assert_eq!(to_csv(&c, &ids, &events), csv_of(&table));
    assert_eq!(to_json(&c, &ids, &events, "contested=1"), json_of(&table, "contested=1", 2));
    assert!(table.iter().all(|r| r.len() == COLUMNS.len()));
}

#[test]
fn quotes_are_their_spans_of_the_article() {
    let c = fixture();
    let rows = rows(&c, &[0, 1]);
    for r in &rows {
        let offsets = (&r[col("quote_start")], &r[col("quote_end")]);
        let (Some(id), (Cell::Int(s), Cell::Int(e))) = (text_of(r, "claim_id"), offsets) else {
            continue;
        };
        let cl = c.claims.iter().find(|x| x.id == id).unwrap();
        let d = c.documents.iter().find(|d| d.id == cl.document).unwrap();
        assert_eq!(text_of(r, "quote"), Some(slice_cp(&d.text, *s, *e)));
    }
}

#[test]
fn unidentified_speakers_and_time_precision_codes() {
    let mut c = fixture();
    c.events[0].claims.push("d1#c2".into());
    let rows = rows(&c, &[0]);
    let ids: Vec<_> = rows.iter().map(|r| text_of(r, "claim_id").unwrap()).collect();
    assert_eq!(ids, ["d1#c1", "d1#c2", "d2#c1"]);
    let r = &rows[1];
    assert_eq!(text_of(r, "speaker"), Some("a local official"));
    assert_eq!(r[col("side")], Cell::Null);
    let mut e = c.events[0].clone();
    for (p, start, end, code) in [
        (Precision::Day, "2023-10-01", "2023-10-01", 1),
        (Precision::Day, "2023-10-01", "2023-10-03", 2),
        (Precision::Week, "2023-10-01", "2023-10-07", 2),
        (Precision::Month, "2023-10-01", "2023-10-31", 3),
        (Precision::Year, "2023-01-01", "2023-12-31", 3),
    ] {
        (e.precision, e.start, e.end) = (p, start.into(), end.into());
        assert_eq!(time_precision(&e), code, "{p:?} {start}..{end}");
    }
}

#[test]
fn coordinates_are_short_numbers() {
    for (v, s) in [
        (18.441, "18.441"),
        (-3.0, "-3"),
        (0.0, "0"),
        (-0.000001, "0"),
        (-0.00001, "-0.00001"),
        (1.407, "1.407"),
        (-179.999995, "-180"),
        (12.345678, "12.34568"),
        (0.1, "0.1"),
    ] {
        assert_eq!(coord_str(v), s, "{v}");
    }
    let mut c = fixture();
    c.places[0].lat = f64::NAN;
    let r = &rows(&c, &[0])[0];
    assert_eq!(r[col("latitude")], Cell::Null, "NaN is missing, never written");
    assert_round_trips(&rows(&c, &[0]), "", 1);
}

#[test]
fn csv_quotes_escapes_and_guards_text_only() {
    let c = fixture();
    let mut rows = rows(&c, &[0]);
    rows[0][col("event_title")] = Cell::Text(String::from("=HYPERLINK(\"x\"),\r\n2"));
    rows[0][col("speaker")] = Cell::Text(String::from("-1"));
    rows[0][col("longitude")] = Cell::Coord(-8.0);
    let out = csv_of(&rows);
    let first = out.split("\r\n").next().unwrap();
    assert_eq!(first, COLUMNS.join(","));
    assert!(out.contains(",\"'=HYPERLINK(\"\"x\"\"),\r\n2\","), "{out}");
    assert!(out.contains(",'-1,"), "{out}");
    assert!(out.contains(",-8,"), "numbers are never guarded: {out}");
    assert_round_trips(&rows, "view=map&contested=1", 1);
}

#[test]
fn json_escapes_control_characters_and_keeps_utf8() {
    let c = fixture();
    let mut rows = rows(&c, &[0]);
    rows[0][col("event_title")] = Cell::Text(String::from("a\"b\\c\u{1}\n\té😀\u{7f}"));
    let json = json_of(&rows, "q=\"x\"", 1);
    assert!(json.contains(r#""event_title":"a\"b\\c\u0001\u000a\u0009é😀"#), "{json}");
    assert!(json.contains(r#""latitude":18.0549,"longitude":0.6167,"contested":true"#), "{json}");
    assert!(json.contains(r#""quote_start":15,"quote_end":36"#), "{json}");
    assert_round_trips(&rows, "q=\"x\"", 1);
}

#[test]
fn empty_view() {
    let c = fixture();
    assert_eq!(to_csv(&c, &CorpusIds::new(&c), &[]), format!("{}\r\n", COLUMNS.join(",")));
    assert_round_trips(&[], "", 0);
    assert_eq!(
        to_json(&c, &CorpusIds::new(&c), &[], ""),
        "{\"format\":\"counterclaim-rows\",\"version\":2,\"query\":\"\",\"events\":0,\"rows\":[\n]}\n"
    );
}

fn hostile() -> impl Strategy<Value = String> {
    let nasty = prop::sample::select(vec![
        '"', ',', '\n', '\r', '=', '+', '-', '@', '\t', '\\', '\'', ';', '\u{0}', '\u{1b}', '\u{1f}', '\u{7f}',
        'é', '漢', '😀', '\u{2028}', '\u{feff}', ' ', 'a',
    ]);
    prop::collection::vec(prop_oneof![3 => nasty, 1 => any::<char>()], 0..16).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn hostile_strings_round_trip(
        title in hostile(), text in hostile(), speaker in hostile(), outlet in hostile(),
        place_name in hostile(), actor_name in hostile(), query in hostile(),
        lat in -90.0f64..90.0, lon in -180.0f64..180.0,
    ) {
        let mut c = fixture();
        c.events[0].title = title;
        c.documents[0].text = text.clone();
        let len = crate::text::cp_len(&text);
        c.claims[0].start = len / 3;
        c.claims[0].end = len;
        c.claims[0].quote = slice_cp(&text, len / 3, len).into();
        c.claims[0].speaker = None;
        c.claims[0].speaker_text = speaker;
        c.documents[0].outlet = Some(outlet);
        c.places[0].name = place_name;
        (c.places[0].lat, c.places[0].lon) = (lat, lon);
        c.actors[0].name = actor_name;
        let rows = rows(&c, &[0, 1]);
        assert_round_trips(&rows, &query, 2);
        let got = match &rows[0][col("latitude")] { Cell::Coord(v) => *v, _ => f64::NAN };
        prop_assert!((coord_str(got).parse::<f64>().unwrap() - lat).abs() <= 0.5e-5 + 1e-12);
        prop_assert_eq!(text_of(&rows[0], "quote"), Some(slice_cp(&text, len / 3, len)));
    }
}

#[test]
fn notes_of_events_and_claims_are_carried() {
    let mut c = fixture();
    c.events[0].note = Some("Merged two reports.".into());
    c.events[1].note = Some("Dated by the editors.".into());
    c.claims[0].note = Some("Speaker corrected.".into());
    let rows = rows(&c, &[0, 1]);
    let notes: Vec<Option<&str>> = rows.iter().map(|r| text_of(r, "note")).collect();
    assert_eq!(
        notes,
        [Some("Merged two reports. Speaker corrected."), Some("Merged two reports."), Some("Dated by the editors.")]
    );
    assert_round_trips(&rows, "", 2);
}
