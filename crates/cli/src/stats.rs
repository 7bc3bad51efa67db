//! `counterclaim stats`: counts over a parsed corpus, and their plain-text
//! rendering.

use std::collections::BTreeMap;
use std::fmt::Write;

use counterclaim_extract::{Corpus, Stance};

/// How many of the top places and actors to list.
const TOP: usize = 10;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub documents: usize,
    pub paragraphs: usize,
    pub sentences: usize,
    pub boilerplate_spans: usize,
    pub characters: usize,
    pub actors: usize,
    pub places: usize,
    pub claims: usize,
    /// Claims per speaker side key ("state", …, or "unknown").
    pub claims_by_side: BTreeMap<String, usize>,
    pub claims_by_stance: BTreeMap<String, usize>,
    pub claims_with_numbers: usize,
    pub events: usize,
    /// Events per kind label.
    pub events_by_kind: BTreeMap<String, usize>,
    pub contested_events: usize,
    /// Earliest and latest date (`YYYY-MM-DD`) among events, claim dates and
    /// publication dates.
    pub date_span: Option<(String, String)>,
    /// `(name, events mentioning the place)`, most first.
    pub top_places: Vec<(String, usize)>,
    /// `(name, claims spoken + events involved)`, most first.
    pub top_actors: Vec<(String, usize)>,
}

pub fn compute(c: &Corpus) -> Stats {
    let mut s = Stats {
        documents: c.documents.len(),
        paragraphs: c.documents.iter().map(|d| d.paragraphs.len()).sum(),
        sentences: c.documents.iter().map(|d| d.sentences.len()).sum(),
        boilerplate_spans: c.documents.iter().map(|d| d.boilerplate.len()).sum(),
        characters: c.documents.iter().map(|d| d.text.chars().count()).sum(),
        actors: c.actors.len(),
        places: c.places.len(),
        claims: c.claims.len(),
        events: c.events.len(),
        contested_events: c.events.iter().filter(|e| e.contested).count(),
        claims_with_numbers: c.claims.iter().filter(|cl| !cl.numbers.is_empty()).count(),
        ..Stats::default()
    };
    for camp in &c.camps {
        s.claims_by_side.insert(camp.id.clone(), 0);
    }
    for cl in &c.claims {
        let side = cl.side.and_then(|s| c.camp(s)).map_or("unknown", |camp| camp.id.as_str());
        *s.claims_by_side.entry(side.to_string()).or_default() += 1;
        let stance = match cl.stance {
            Stance::Assert => "assert",
            Stance::Deny => "deny",
        };
        *s.claims_by_stance.entry(stance.to_string()).or_default() += 1;
    }
    for e in &c.events {
        *s.events_by_kind
            .entry(e.kind.label().to_string())
            .or_default() += 1;
    }

    let dates = c
        .events
        .iter()
        .flat_map(|e| [e.start.as_str(), e.end.as_str()])
        .chain(
            c.claims
                .iter()
                .filter_map(|cl| cl.date.as_ref())
                .flat_map(|d| [d.start.as_str(), d.end.as_str()]),
        )
        .chain(c.documents.iter().filter_map(|d| d.published.as_deref()))
        .filter(|d| !d.is_empty());
    s.date_span = dates
        .fold(None, |span: Option<(&str, &str)>, d| match span {
            None => Some((d, d)),
            Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
        })
        .map(|(lo, hi)| (lo.to_string(), hi.to_string()));

    let place_name: BTreeMap<&str, &str> = c
        .places
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let mut places: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &c.events {
        for p in &e.places {
            *places
                .entry(place_name.get(p.as_str()).copied().unwrap_or(p))
                .or_default() += 1;
        }
    }
    s.top_places = top(places);

    let actor_name: BTreeMap<&str, &str> = c
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    let mut actors: BTreeMap<&str, usize> = BTreeMap::new();
    let ids = c
        .claims
        .iter()
        .filter_map(|cl| cl.speaker.as_deref())
        .chain(
            c.events
                .iter()
                .flat_map(|e| e.actors.iter().map(String::as_str)),
        );
    for id in ids {
        *actors
            .entry(actor_name.get(id).copied().unwrap_or(id))
            .or_default() += 1;
    }
    s.top_actors = top(actors);
    s
}

fn top(counts: BTreeMap<&str, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
    // Most first; ties by name (the map already sorted them by name).
    v.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    v.truncate(TOP);
    v
}

pub fn render(s: &Stats) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "documents:   {}", s.documents);
    let _ = writeln!(o, "paragraphs:  {}", s.paragraphs);
    let _ = writeln!(o, "sentences:   {}", s.sentences);
    let _ = writeln!(o, "characters:  {}", s.characters);
    let _ = writeln!(o, "boilerplate: {} spans", s.boilerplate_spans);
    let _ = writeln!(o, "actors:      {}", s.actors);
    let _ = writeln!(o, "places:      {}", s.places);
    let _ = writeln!(o, "claims:      {}", s.claims);
    for (side, n) in &s.claims_by_side {
        let _ = writeln!(o, "  side {side:<14} {n}");
    }
    for (stance, n) in &s.claims_by_stance {
        let _ = writeln!(o, "  stance {stance:<12} {n}");
    }
    let _ = writeln!(o, "  with numbers        {}", s.claims_with_numbers);
    let _ = writeln!(o, "events:      {}", s.events);
    for (kind, n) in &s.events_by_kind {
        let _ = writeln!(o, "  {kind:<36} {n}");
    }
    let _ = writeln!(o, "contested events: {}", s.contested_events);
    match &s.date_span {
        Some((lo, hi)) => {
            let _ = writeln!(o, "date span:   {lo} .. {hi}");
        }
        None => {
            let _ = writeln!(o, "date span:   (no dates)");
        }
    }
    let _ = writeln!(o, "top places:");
    for (name, n) in &s.top_places {
        let _ = writeln!(o, "  {name:<30} {n}");
    }
    let _ = writeln!(o, "top actors:");
    for (name, n) in &s.top_actors {
        let _ = writeln!(o, "  {name:<30} {n}");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use counterclaim_extract::*;

    fn claim(
        id: &str,
        speaker: Option<&str>,
        side: Option<CampIx>,
        stance: Stance,
        date: Option<&str>,
    ) -> Claim {
        Claim {
            id: id.into(),
            document: "d".into(),
            start: 0,
            end: 1,
            quote: "x".into(),
            speaker: speaker.map(Into::into),
            speaker_text: String::new(),
            side,
            verb: "said".into(),
            stance,
            date: date.map(|d| DateRange {
                start: d.into(),
                end: d.into(),
                precision: Precision::Day,
            }),
            event: None,
            numbers: vec![],
            confidence: Default::default(),
            note: None,
        }
    }

    fn event(
        id: &str,
        kind: EventKind,
        start: &str,
        places: &[&str],
        actors: &[&str],
        contested: bool,
    ) -> Event {
        Event {
            id: id.into(),
            title: id.into(),
            kind,
            start: start.into(),
            end: start.into(),
            precision: Precision::Day,
            places: places.iter().map(|s| s.to_string()).collect(),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            claims: vec![],
            documents: vec![],
            contested,
            disputes: vec![],
            caveats: vec![],
            confidence: Default::default(),
            note: None,
        }
    }

    #[test]
    fn counts_sides_kinds_span_and_tops() {
        let corpus = Corpus {
            version: FORMAT_VERSION,
            camps: Camp::defaults(),
            actors: vec![Actor {
                id: "fama".into(),
                name: "FAMa".into(),
                aliases: vec![],
                side: CampIx(0),
                kind: None,
            }],
            places: vec![Place {
                id: "kidal".into(),
                name: "Kidal".into(),
                aliases: vec![],
                lat: 18.4,
                lon: 1.4,
                country: None,
            }],
            claims: vec![
                claim(
                    "c1",
                    Some("fama"),
                    Some(CampIx(0)),
                    Stance::Assert,
                    Some("2023-11-12"),
                ),
                claim("c2", Some("csp"), Some(CampIx(1)), Stance::Deny, None),
                claim("c3", None, None, Stance::Assert, Some("2023-10-02")),
            ],
            events: vec![
                event(
                    "e1",
                    EventKind::ArmedClash,
                    "2023-11-11",
                    &["kidal"],
                    &["fama", "csp"],
                    true,
                ),
                event(
                    "e2",
                    EventKind::AirDroneStrike,
                    "2023-11-04",
                    &["kidal", "anefis"],
                    &["fama"],
                    false,
                ),
            ],
            ..Corpus::default()
        };
        let s = compute(&corpus);
        assert_eq!(s.claims, 3);
        assert_eq!(s.claims_by_side["state"], 1);
        assert_eq!(s.claims_by_side["rebels"], 1);
        assert_eq!(s.claims_by_side["unknown"], 1);
        assert_eq!(s.claims_by_side["jihadists"], 0);
        assert_eq!(s.claims_by_stance["deny"], 1);
        assert_eq!(s.events_by_kind["Armed clash"], 1);
        assert_eq!(s.contested_events, 1);
        assert_eq!(
            s.date_span,
            Some(("2023-10-02".into(), "2023-11-12".into()))
        );
        assert_eq!(s.top_places[0], ("Kidal".to_string(), 2));
        assert_eq!(s.top_places[1], ("anefis".to_string(), 1));
        assert_eq!(s.top_actors[0], ("FAMa".to_string(), 3));
        let text = render(&s);
        assert!(text.contains("claims:      3"));
        assert!(text.contains("date span:   2023-10-02 .. 2023-11-12"));
    }
}
