//! `counterclaim eval`: scores the engine's output on a corpus folder against
//! hand-written gold (`DIR/gold.json`), with the matching rules of the dev
//! corpus's reference scorer (`score.py`, documented in
//! `docs/corpus-format.md`, "Gold files and `counterclaim eval`").
//!
//! * A gold claim (document prefix, exact cue, speaker words, stance) is hit
//!   by a project claim of that document whose span overlaps the cue's first
//!   occurrence by at least half the cue's length, whose speaker (speaker
//!   text, actor name, aliases or side key; case and accents folded) contains
//!   one of the speaker words, and whose stance is the gold stance. The first
//!   such claim in corpus order wins; failing that, the first overlapping
//!   claim is a *partial* match (reported, neither hit nor false positive).
//! * Recall counts required (non-optional) gold claims; precision counts the
//!   project claims of the documents the gold covers that matched some gold
//!   claim, required or optional.
//! * A gold event maps to the most frequent project event among its matched
//!   claims (ties: the smallest id); it is right when every side and every
//!   document has a matched claim in it, a gold place name is inside its
//!   places' names, a gold date lies in its range (`YYYY-MM` by month) and,
//!   unless gold says `null`, its contested flag equals the gold one.
//!
//! This module is pure: it scores a [`Corpus`] against a [`Gold`]; the CLI
//! reads the files and prints the [`Report`].

use counterclaim_extract::{Claim, Corpus, Document, Stance};
use serde_json::Value;

/// One gold claim (see `docs/corpus-format.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct GoldClaim {
    pub id: String,
    /// Prefix of the article's file name.
    pub doc: String,
    pub cue: String,
    pub speakers: Vec<String>,
    pub stance: Stance,
    pub event: Option<String>,
    pub optional: bool,
}

/// One gold event.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldEvent {
    pub id: String,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub dates: Vec<String>,
    pub place: Vec<String>,
    pub contested: Option<bool>,
    pub sides: Vec<Vec<String>>,
    pub docs: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gold {
    pub claims: Vec<GoldClaim>,
    pub events: Vec<GoldEvent>,
}

/// Where a problem points: a document's path and a 0-based code-point
/// offset into its body (the CLI turns it into `file:line`).
#[derive(Debug, Clone, PartialEq)]
pub struct At {
    pub document: String,
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub at: Option<At>,
    /// The same wording as `score.py`'s problem lines.
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// Required gold claims hit, and required gold claims.
    pub hits: usize,
    pub required: usize,
    /// Project claims (in documents the gold covers) matched to some gold
    /// claim, and all such project claims.
    pub matched: usize,
    pub claims: usize,
    /// Gold claims (required or optional) whose span the engine found, and
    /// among them those with an acceptable speaker / the gold stance.
    pub spans_found: usize,
    pub speaker_right: usize,
    pub stance_right: usize,
    pub events_right: usize,
    pub events: usize,
}

impl Report {
    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.required)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.claims)
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.spans_found)
    }
    pub fn stance_accuracy(&self) -> f64 {
        ratio(self.stance_right, self.spans_found)
    }

    /// `score.py`'s summary line, then speaker and stance accuracy.
    pub fn summary(&self, name: &str) -> String {
        format!(
            "{name}: claim recall {:.2} ({}/{}), precision {:.2} ({}/{}), events right {}/{}\n\
             {name}: speaker accuracy {:.2} ({}/{}), stance accuracy {:.2} ({}/{}) on the gold claims whose span was found",
            self.recall(),
            self.hits,
            self.required,
            self.precision(),
            self.matched,
            self.claims,
            self.events_right,
            self.events,
            self.speaker_accuracy(),
            self.speaker_right,
            self.spans_found,
            self.stance_accuracy(),
            self.stance_right,
            self.spans_found,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Parse `gold.json`; the error names the offending claim or event.
pub fn parse_gold(json: &str) -> Result<Gold, String> {
    let v: Value = serde_json::from_str(json).map_err(|e| format!("not valid JSON: {e}"))?;
    let list = |key: &str| -> Result<Vec<Value>, String> {
        match v.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(a)) => Ok(a.clone()),
            Some(_) => Err(format!("`{key}` must be a list")),
        }
    };
    let mut gold = Gold::default();
    for c in list("claims")? {
        let claim = gold_claim(&c)?;
        if gold.claims.iter().any(|g| g.id == claim.id) {
            return Err(format!("duplicate claim id {:?}", claim.id));
        }
        gold.claims.push(claim);
    }
    for e in list("events")? {
        gold.events.push(gold_event(&e)?);
    }
    Ok(gold)
}

fn field<'a>(v: &'a Value, what: &str, key: &str) -> Result<&'a Value, String> {
    let id = v.get("id").and_then(Value::as_str).unwrap_or("?");
    v.get(key)
        .ok_or_else(|| format!("{what} {id:?} lacks {key:?}"))
}

fn string(v: &Value, what: &str, key: &str) -> Result<String, String> {
    let id = v.get("id").and_then(Value::as_str).unwrap_or("?");
    field(v, what, key)?
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("{what} {id:?}: {key:?} must be a string"))
}

fn strings(v: &Value, what: &str, key: &str) -> Result<Vec<String>, String> {
    let id = v.get("id").and_then(Value::as_str).unwrap_or("?");
    let bad = || format!("{what} {id:?}: {key:?} must be a list of strings");
    field(v, what, key)?
        .as_array()
        .ok_or_else(bad)?
        .iter()
        .map(|s| s.as_str().map(str::to_string).ok_or_else(bad))
        .collect()
}

fn gold_claim(v: &Value) -> Result<GoldClaim, String> {
    let id = string(v, "claim", "id")?;
    let stance = match string(v, "claim", "stance")?.as_str() {
        "assert" => Stance::Assert,
        "deny" => Stance::Deny,
        _ => return Err(format!("claim {id}: stance must be assert or deny")),
    };
    Ok(GoldClaim {
        doc: string(v, "claim", "doc")?,
        cue: string(v, "claim", "cue")?,
        speakers: strings(v, "claim", "speakers")?,
        stance,
        event: v.get("event").and_then(Value::as_str).map(str::to_string),
        optional: v.get("optional").and_then(Value::as_bool).unwrap_or(false),
        id,
    })
}

fn gold_event(v: &Value) -> Result<GoldEvent, String> {
    let id = string(v, "event", "id")?;
    let sides = field(v, "event", "sides")?
        .as_array()
        .ok_or_else(|| format!("event {id:?}: \"sides\" must be a list of lists"))?
        .iter()
        .map(|s| {
            s.as_array()
                .and_then(|a| a.iter().map(|w| w.as_str().map(str::to_string)).collect())
                .ok_or_else(|| format!("event {id:?}: \"sides\" must be a list of lists of strings"))
        })
        .collect::<Result<_, _>>()?;
    Ok(GoldEvent {
        dates: strings(v, "event", "dates")?,
        place: strings(v, "event", "place")?,
        contested: v.get("contested").and_then(Value::as_bool),
        sides,
        docs: strings(v, "event", "docs")?,
        id,
    })
}

/// Case and accent folding as `score.py` does it (NFKD, combining marks
/// dropped, lower case), for the Latin letters news copy uses.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if (0x300..=0x36F).contains(&u) {
            continue;
        }
        match base_letter(c) {
            Some(b) => out.push(b.to_ascii_lowercase()),
            None => match c {
                '\u{a0}' => out.push(' '),
                'ﬁ' => out.push_str("fi"),
                'ﬂ' => out.push_str("fl"),
                'Ĳ' | 'ĳ' => out.push_str("ij"),
                _ => out.extend(c.to_lowercase()),
            },
        }
    }
    out
}

/// The base letter of a Latin letter that Unicode decomposes into a letter
/// and accents (so not `æ`, `ø`, `ß`, `đ`, `ł`, `œ`: NFKD keeps those).
fn base_letter(c: char) -> Option<char> {
    const LATIN1: &str = "AAAAAA_CEEEEIIII_NOOOOO__UUUUY__aaaaaa_ceeeeiiii_nooooo__uuuuy_y";
    const EXT_A: &str = "AaAaAaCcCcCcCcDd__EeEeEeEeEeGgGgGgGgHh__IiIiIiIiI___JjKk_LlLlLl____NnNnNn___OoOoOo__RrRrRrSsSsSsSsTtTt__UuUuUuUuUuUuWwYyYZzZzZz_";
    let u = c as u32;
    let (table, base) = match u {
        0xC0..=0xFF => (LATIN1, 0xC0),
        0x100..=0x17F => (EXT_A, 0x100),
        _ => return None,
    };
    match table.as_bytes().get((u - base) as usize) {
        Some(b'_') | None => None,
        Some(&b) => Some(b as char),
    }
}

/// The path's file name, which gold's `doc` prefixes are matched against.
fn doc_key(d: &Document) -> &str {
    let p = if d.path.is_empty() { &d.id } else { &d.path };
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

fn cp_len(s: &str) -> usize {
    s.chars().count()
}

/// Where `needle` first occurs in `hay`, in code points.
fn find_cp(hay: &str, needle: &str) -> Option<usize> {
    hay.find(needle).map(|b| cp_len(&hay[..b]))
}

/// Python's `repr` of a string (what `score.py` prints with `!r`).
pub fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa1).contains(&(c as u32)) || c == '\u{ad}' => {
                let u = c as u32;
                out.push_str(&format!("\\x{u:02x}"))
            }
            c if matches!(c as u32, 0x2028 | 0x2029 | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2064 | 0xfeff) => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn py_opt(s: Option<&str>) -> String {
    s.map(py_repr).unwrap_or_else(|| "None".into())
}

fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((b, _)) => &s[..b],
        None => s,
    }
}

struct Scorer<'a> {
    corpus: &'a Corpus,
}

impl<'a> Scorer<'a> {
    fn speaker_words(&self, c: &Claim) -> String {
        let mut words = vec![c.speaker_text.clone()];
        if let Some(a) = c.speaker.as_ref().and_then(|id| self.corpus.actors.iter().find(|a| &a.id == id)) {
            words.push(a.name.clone());
            words.extend(self.corpus.camp(a.side).map(|camp| camp.id.clone()));
            words.extend(a.aliases.iter().cloned());
        }
        fold(&words.join(" | "))
    }

    fn speaker_ok(&self, c: &Claim, words: &[String]) -> bool {
        let sw = self.speaker_words(c);
        words.iter().any(|w| sw.contains(&fold(w)))
    }

    fn find_doc(&self, prefix: &str) -> Option<&'a Document> {
        self.corpus.documents.iter().find(|d| doc_key(d).starts_with(prefix))
    }
}

enum Found<'a> {
    Hit(&'a Claim),
    Partial(&'a Claim, bool, bool),
}

/// Score `corpus` against `gold`.
pub fn score(corpus: &Corpus, gold: &Gold) -> Report {
    let s = Scorer { corpus };
    let mut r = Report::default();
    let doc_by_id = |id: &str| corpus.documents.iter().find(|d| d.id == id);

    for c in &corpus.claims {
        match doc_by_id(&c.document) {
            None => r.problems.push(Problem {
                at: None,
                message: format!("claim {} names unknown document {}", c.id, py_repr(&c.document)),
            }),
            Some(d) => {
                let text: String = d.text.chars().skip(c.start as usize).take(c.end.saturating_sub(c.start) as usize).collect();
                if text != c.quote {
                    r.problems.push(Problem {
                        at: Some(At { document: d.path.clone(), offset: c.start }),
                        message: format!("claim {} quote is not text[start:end]", c.id),
                    });
                }
            }
        }
    }

    // Claims.
    let mut found: Vec<(usize, &Claim)> = Vec::new(); // gold index -> hit
    let mut matched: Vec<&str> = Vec::new();
    let mut cue_at: Vec<Option<At>> = vec![None; gold.claims.len()];
    for (gi, g) in gold.claims.iter().enumerate() {
        let Some(d) = s.find_doc(&g.doc) else {
            r.problems.push(Problem { at: None, message: format!("document {} missing from export", g.doc) });
            continue;
        };
        let Some(pos) = find_cp(&d.text, &g.cue) else {
            r.problems.push(Problem {
                at: Some(At { document: d.path.clone(), offset: 0 }),
                message: format!("{}: gold cue is not in the text of {} — {}", g.id, doc_key(d), py_repr(prefix(&g.cue, 60))),
            });
            continue;
        };
        let len = cp_len(&g.cue);
        let (cs, ce) = (pos as i64, (pos + len) as i64);
        let at = At { document: d.path.clone(), offset: pos as u32 };
        cue_at[gi] = Some(at.clone());
        let mut best: Option<Found> = None;
        for c in corpus.claims.iter().filter(|c| c.document == d.id) {
            let overlap = ce.min(c.end as i64) - cs.max(c.start as i64);
            if (overlap as f64) < 0.5 * len as f64 {
                continue;
            }
            let sp_ok = s.speaker_ok(c, &g.speakers);
            let st_ok = c.stance == g.stance;
            if sp_ok && st_ok {
                best = Some(Found::Hit(c));
                break;
            }
            if best.is_none() {
                best = Some(Found::Partial(c, sp_ok, st_ok));
            }
        }
        match best {
            Some(Found::Hit(c)) => {
                found.push((gi, c));
                matched.push(&c.id);
                r.spans_found += 1;
                r.speaker_right += 1;
                r.stance_right += 1;
            }
            Some(Found::Partial(c, sp_ok, st_ok)) => {
                matched.push(&c.id);
                r.spans_found += 1;
                r.speaker_right += sp_ok as usize;
                r.stance_right += st_ok as usize;
                let py_bool = |b: bool| if b { "True" } else { "False" };
                r.problems.push(Problem {
                    at: Some(at),
                    message: format!(
                        "{}: span found but speaker ok={} stance ok={} (speaker={} text={} stance={})",
                        g.id,
                        py_bool(sp_ok),
                        py_bool(st_ok),
                        py_opt(c.speaker.as_deref()),
                        py_repr(&c.speaker_text),
                        stance_key(c.stance)
                    ),
                });
            }
            None if !g.optional => r.problems.push(Problem {
                at: Some(at),
                message: format!("{}: missed — {}", g.id, py_repr(prefix(&g.cue, 60))),
            }),
            None => {}
        }
    }
    let hit = |gi: usize| found.iter().find(|(i, _)| *i == gi).map(|(_, c)| *c);
    r.required = gold.claims.iter().filter(|g| !g.optional).count();
    r.hits = gold.claims.iter().enumerate().filter(|(i, g)| !g.optional && hit(*i).is_some()).count();
    let relevant: Vec<&str> = gold.claims.iter().filter_map(|g| s.find_doc(&g.doc)).map(|d| d.id.as_str()).collect();
    let proj: Vec<&Claim> = corpus.claims.iter().filter(|c| relevant.contains(&c.document.as_str())).collect();
    r.claims = proj.len();
    for c in &proj {
        if matched.contains(&c.id.as_str()) {
            r.matched += 1;
        } else {
            let path = doc_by_id(&c.document).map(|d| d.path.clone()).unwrap_or_default();
            r.problems.push(Problem {
                at: Some(At { document: path, offset: c.start }),
                message: format!(
                    "extra claim {} in {}: {} speaker={} text={}",
                    c.id,
                    c.document,
                    py_repr(prefix(&c.quote, 70)),
                    c.speaker.as_deref().unwrap_or("None"),
                    py_repr(&c.speaker_text)
                ),
            });
        }
    }

    // Events.
    r.events = gold.events.len();
    for ge in &gold.events {
        let members: Vec<(usize, &Claim)> = gold
            .claims
            .iter()
            .enumerate()
            .filter(|(_, g)| g.event.as_deref() == Some(ge.id.as_str()))
            .filter_map(|(i, _)| hit(i).map(|c| (i, c)))
            .collect();
        let at = gold
            .claims
            .iter()
            .enumerate()
            .filter(|(_, g)| g.event.as_deref() == Some(ge.id.as_str()))
            .find_map(|(i, _)| cue_at[i].clone());
        let evids: Vec<&str> = members.iter().filter_map(|(_, c)| c.event.as_deref()).collect();
        let Some(top) = most_frequent(&evids) else {
            r.problems.push(Problem { at, message: format!("event {}: no matched claim carries an event", ge.id) });
            continue;
        };
        let Some(e) = corpus.events.iter().find(|e| e.id == top) else {
            r.problems.push(Problem { at, message: format!("event {}: claims point at unknown event {top}", ge.id) });
            continue;
        };
        let mut why = Vec::new();
        let in_top: Vec<&Claim> = members.iter().map(|(_, c)| *c).filter(|c| c.event.as_deref() == Some(top)).collect();
        for side in &ge.sides {
            if !in_top.iter().any(|c| s.speaker_ok(c, side)) {
                why.push("a side's claims are not in the event".to_string());
            }
        }
        let keys: Vec<&str> = in_top.iter().filter_map(|c| doc_by_id(&c.document)).map(doc_key).collect();
        for p in &ge.docs {
            if !keys.iter().any(|k| k.starts_with(p.as_str())) {
                why.push(format!("no claim from {p} in the event"));
            }
        }
        let names = fold(
            &e.places
                .iter()
                .filter_map(|p| corpus.places.iter().find(|x| &x.id == p))
                .map(|p| format!("{} {}", p.name, p.aliases.join(" ")))
                .collect::<Vec<_>>()
                .join(" "),
        );
        if !ge.place.iter().any(|p| names.contains(&fold(p))) {
            let list = e.places.iter().map(|p| py_repr(p)).collect::<Vec<_>>().join(", ");
            why.push(format!("place not among [{list}]"));
        }
        let start = prefix(&e.start, 10);
        let end = prefix(if e.end.is_empty() { &e.start } else { &e.end }, 10);
        let in_range = |d: &str| {
            if d.chars().count() == 10 {
                start <= d && d <= end
            } else {
                prefix(start, 7) <= d && d <= prefix(end, 7)
            }
        };
        if !ge.dates.iter().any(|d| in_range(d)) {
            let list = ge.dates.iter().map(|d| py_repr(d)).collect::<Vec<_>>().join(", ");
            why.push(format!("dates {start}..{end} miss [{list}]"));
        }
        if let Some(want) = ge.contested {
            if e.contested != want {
                let py_bool = |b: bool| if b { "True" } else { "False" };
                why.push(format!("contested={} expected {}", py_bool(e.contested), py_bool(want)));
            }
        }
        if why.is_empty() {
            r.events_right += 1;
        } else {
            r.problems.push(Problem { at, message: format!("event {} ({top}): {}", ge.id, why.join("; ")) });
        }
    }
    r
}

fn stance_key(s: Stance) -> &'static str {
    match s {
        Stance::Assert => "assert",
        Stance::Deny => "deny",
    }
}

/// The most frequent id; ties go to the smallest (as `score.py`'s
/// `max(sorted(set(ids)), key=ids.count)`).
fn most_frequent<'s>(ids: &[&'s str]) -> Option<&'s str> {
    let mut distinct: Vec<&str> = ids.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let mut best: Option<(&str, usize)> = None;
    for id in distinct {
        let n = ids.iter().filter(|x| **x == id).count();
        if best.map_or(true, |(_, m)| n > m) {
            best = Some((id, n));
        }
    }
    best.map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use counterclaim_extract::{Actor, Event, EventKind, Place, Precision, PublishedSource, CampIx};

    const TEXT: &str = "The army said it held the bridge. The rebels denied it. A café owner said nothing.";

    fn doc() -> Document {
        Document {
            id: "01_bridge".into(),
            path: "01_bridge.txt".into(),
            title: "t".into(),
            outlet: None,
            published: None,
            published_source: PublishedSource::Unknown,
            url: None,
            language: "en".into(),
            text: TEXT.into(),
            paragraphs: vec![],
            sentences: vec![],
            boilerplate: vec![],
        }
    }

    fn claim(id: &str, quote: &str, speaker: Option<&str>, text: &str, stance: Stance, event: Option<&str>) -> Claim {
        let start = find_cp(TEXT, quote).unwrap() as u32;
        Claim {
            id: id.into(),
            document: "01_bridge".into(),
            start,
            end: start + cp_len(quote) as u32,
            quote: quote.into(),
            speaker: speaker.map(str::to_string),
            speaker_text: text.into(),
            side: None,
            verb: "said".into(),
            stance,
            date: None,
            event: event.map(str::to_string),
            numbers: vec![],
            confidence: Default::default(),
            note: None,
        }
    }

    fn corpus(claims: Vec<Claim>, contested: bool) -> Corpus {
        Corpus {
            version: 1,
            camps: counterclaim_extract::Camp::defaults(),
            documents: vec![doc()],
            actors: vec![
                Actor { id: "army".into(), name: "National Army".into(), aliases: vec!["FAX".into()], side: CampIx(0), kind: None },
                Actor { id: "reb".into(), name: "Rebel Front".into(), aliases: vec![], side: CampIx(1), kind: None },
            ],
            places: vec![Place { id: "bridge".into(), name: "Old Bridge".into(), aliases: vec![], lat: 0.0, lon: 0.0, country: None }],
            claims,
            events: vec![Event {
                id: "e1".into(),
                title: "t".into(),
                kind: EventKind::ArmedClash,
                start: "2024-05-01".into(),
                end: "2024-05-02".into(),
                precision: Precision::Day,
                places: vec!["bridge".into()],
                actors: vec![],
                claims: vec![],
                documents: vec![],
                contested,
                disputes: vec![],
                caveats: vec![],
                confidence: Default::default(),
                note: None,
            }],
            corrections: 0,
            settings: Default::default(),
        }
    }

    fn gold() -> Gold {
        parse_gold(
            r#"{"claims": [
              {"id": "g1", "doc": "01_", "cue": "The army said it held the bridge.", "speakers": ["national army"], "stance": "assert", "event": "bridge"},
              {"id": "g2", "doc": "01_", "cue": "The rebels denied it.", "speakers": ["rebel"], "stance": "deny", "event": "bridge"},
              {"id": "g3", "doc": "01_", "cue": "A café owner said nothing.", "speakers": ["cafe"], "stance": "assert", "event": null, "optional": true}],
             "events": [{"id": "bridge", "dates": ["2024-05-02"], "place": ["old bridge"], "contested": true,
                         "sides": [["state"], ["rebel"]], "docs": ["01_"]}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn perfect_output_scores_full_marks() {
        let c = corpus(
            vec![
                claim("c1", "The army said it held the bridge.", Some("army"), "The army", Stance::Assert, Some("e1")),
                claim("c2", "The rebels denied it.", Some("reb"), "The rebels", Stance::Deny, Some("e1")),
                claim("c3", "A café owner said nothing.", None, "A CAFE owner", Stance::Assert, None),
            ],
            true,
        );
        let r = score(&c, &gold());
        assert_eq!(r.problems, vec![]);
        assert_eq!((r.hits, r.required, r.matched, r.claims, r.events_right, r.events), (2, 2, 3, 3, 1, 1));
        assert_eq!((r.spans_found, r.speaker_right, r.stance_right), (3, 3, 3));
        assert!(r.summary("x").starts_with("x: claim recall 1.00 (2/2), precision 1.00 (3/3), events right 1/1\n"));
    }

    #[test]
    fn half_overlap_wrong_stance_and_extras() {
        // c1 covers only "The army said" (13 of 33 code points): not enough.
        // c2 has the right span but the wrong stance: reported, not a hit,
        // not a false positive.
        let c = corpus(
            vec![
                claim("c1", "The army said", Some("army"), "The army", Stance::Assert, Some("e1")),
                claim("c2", "The rebels denied it.", Some("reb"), "The rebels", Stance::Assert, Some("e1")),
            ],
            false,
        );
        let r = score(&c, &gold());
        assert_eq!((r.hits, r.required, r.matched, r.claims, r.events_right), (0, 2, 1, 2, 0));
        let msgs: Vec<&str> = r.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(msgs[0], "g1: missed — 'The army said it held the bridge.'");
        assert_eq!(msgs[1], "g2: span found but speaker ok=True stance ok=False (speaker='reb' text='The rebels' stance=assert)");
        assert_eq!(msgs[2], "extra claim c1 in 01_bridge: 'The army said' speaker=army text='The army'");
        assert_eq!(msgs[3], "event bridge: no matched claim carries an event");
        assert_eq!(r.problems[0].at, Some(At { document: "01_bridge.txt".into(), offset: 0 }));
        assert_eq!(r.speaker_accuracy(), 1.0);
        assert_eq!(r.stance_accuracy(), 0.0);
    }

    #[test]
    fn event_checks_sides_place_dates_and_flag() {
        let mut c = corpus(
            vec![
                claim("c1", "The army said it held the bridge.", Some("army"), "The army", Stance::Assert, Some("e1")),
                claim("c2", "The rebels denied it.", Some("reb"), "The rebels", Stance::Deny, Some("e2")),
            ],
            false,
        );
        c.events[0].start = "2024-06-01".into();
        c.events[0].end = "2024-06-01".into();
        let r = score(&c, &gold());
        let last = &r.problems.last().unwrap().message;
        assert_eq!(
            last,
            "event bridge (e1): a side's claims are not in the event; dates 2024-06-01..2024-06-01 miss ['2024-05-02']; contested=False expected True"
        );
        assert_eq!(r.events_right, 0);
    }

    #[test]
    fn most_frequent_breaks_ties_by_smallest_id() {
        assert_eq!(most_frequent(&["b", "a", "b", "a"]), Some("a"));
        assert_eq!(most_frequent(&["b", "a", "b"]), Some("b"));
        assert_eq!(most_frequent(&[]), None);
    }

    #[test]
    fn folds_accents_like_nfkd() {
        assert_eq!(fold("Goïta ÉTAT Ségou"), "goita etat segou");
        assert_eq!(fold("Œuvre"), "œuvre");
    }

    #[test]
    fn python_repr() {
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a'b\"c\n"), "'a\\'b\"c\\n'");
    }

    #[test]
    fn bad_gold_is_named() {
        let e = parse_gold(r#"{"claims": [{"id": "x", "doc": "01_", "cue": "c", "speakers": [], "stance": "maybe"}]}"#).unwrap_err();
        assert_eq!(e, "claim x: stance must be assert or deny");
        let e = parse_gold(r#"{"claims": [{"id": "x", "doc": "01_", "speakers": [], "stance": "deny"}]}"#).unwrap_err();
        assert_eq!(e, "claim \"x\" lacks \"cue\"");
        assert!(parse_gold("{").unwrap_err().starts_with("not valid JSON"));
    }
}
