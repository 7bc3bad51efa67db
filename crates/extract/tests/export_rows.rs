//! The downloads over the real seeds, as the app builds them: the embedded
//! (slimmed) corpus, the filter's results in display order.

use std::path::Path;

use counterclaim_extract::embed::slim_for_app;
use counterclaim_extract::export_rows::{rows, to_csv, to_json, Cell, CorpusIds, COLUMNS};
use counterclaim_extract::gazetteer::Gazetteer;
use counterclaim_extract::load::parse_corpus;
use counterclaim_extract::query::{Filter, Index};
use counterclaim_extract::text::slice_cp;
use counterclaim_extract::Corpus;

fn seeds() -> Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let gazetteer = Gazetteer::load(&root.join("seeds/gazetteer.toml")).expect("gazetteer loads");
    let mut files = Vec::new();
    for e in std::fs::read_dir(root.join("seeds")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            files.push((p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()));
        }
    }
    parse_corpus(&files, &gazetteer).expect("seeds parse")
}

type Row = Vec<Cell>;

fn get<'r>(row: &'r Row, name: &str) -> &'r Cell {
    &row[COLUMNS.iter().position(|c| *c == name).unwrap()]
}

fn text<'r>(row: &'r Row, name: &str) -> Option<&'r str> {
    match get(row, name) {
        Cell::Text(s) => Some(s),
        _ => None,
    }
}

#[test]
fn the_contested_anefis_event_has_rows_from_both_sides() {
    let mut corpus = seeds();
    slim_for_app(&mut corpus);
    let index = Index::new(&corpus);
    let contested = index.results(&Filter { contested: true, ..Filter::default() });
    assert!(!contested.is_empty());
    let rows = rows(&corpus, &contested);
    let anefis: Vec<&Row> = rows.iter().filter(|r| text(r, "place").is_some_and(|p| p.contains("Anéfis"))).collect();
    assert!(!anefis.is_empty(), "an Anéfis row among the contested");
    for side in ["State & allies", "Rebels & armed opposition"] {
        assert!(anefis.iter().any(|r| text(r, "side") == Some(side)), "no claim by {side} about Anéfis");
    }
    assert!(anefis.iter().any(|r| text(r, "stance") == Some("deny")), "the CSP's denial is there");
    assert!(anefis.iter().all(|r| *get(r, "contested") == Cell::Bool(true)));
    assert!(anefis.iter().any(|r| text(r, "quote").is_some_and(|q| q.contains("I deny the entry"))));
    assert!(matches!(get(anefis[0], "latitude"), Cell::Coord(v) if (17.0..19.0).contains(v)));
    assert!(matches!(get(anefis[0], "longitude"), Cell::Coord(v) if (0.0..1.5).contains(v)));
}

#[test]
fn every_row_cites_its_article_and_every_event_is_there() {
    let full = seeds();
    let mut corpus = full.clone();
    slim_for_app(&mut corpus);
    let index = Index::new(&corpus);
    let all = index.results(&Filter::default());
    assert_eq!(all.len(), corpus.events.len());
    let rows = rows(&corpus, &all);
    assert_eq!(rows, counterclaim_extract::export_rows::rows(&full, &all), "slimming changes no row");

    let mut events: Vec<&str> = rows.iter().filter_map(|r| text(r, "event_id")).collect();
    events.dedup();
    let expected: Vec<&str> = all.iter().map(|&i| corpus.events[i].id.as_str()).collect();
    assert_eq!(events, expected, "every event, in display order, its rows together");

    let mut quoted = 0;
    for r in &rows {
        let offsets = (get(r, "quote_start"), get(r, "quote_end"));
        if let (Some(id), (Cell::Int(s), Cell::Int(e))) = (text(r, "claim_id"), offsets) {
            let claim = corpus.claims.iter().find(|c| c.id == id).unwrap();
            let doc = corpus.documents.iter().find(|d| d.id == claim.document).unwrap();
            assert_eq!(text(r, "quote"), Some(slice_cp(&doc.text, *s, *e)), "{id}");
            assert_eq!(text(r, "source_title"), Some(doc.title.as_str()));
            quoted += 1;
        }
        if let Some(u) = text(r, "url") {
            assert!(u.starts_with("https://") || u.starts_with("http://"), "{u}");
        }
    }
    assert!(quoted > 10, "{quoted} quoted rows");

    let ids = CorpusIds::new(&corpus);
    let csv = to_csv(&corpus, &ids, &all);
    assert!(csv.matches("\r\n").count() > rows.len(), "a header and a CRLF per record");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), rows.len());
    let json: serde_json::Value = serde_json::from_str(&to_json(&corpus, &ids, &all, "")).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), rows.len());
    assert_eq!(json["events"], all.len());
}
