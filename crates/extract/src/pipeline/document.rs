//! Stage 4, what the document is: its title, outlet and publication day.
//!
//! Title: front matter; else a headline-like line (short, no final
//! punctuation) among the first lines, followed by prose (seed 003's
//! headline after its dateline and breadcrumb); else the first sentence,
//! cut at 90 characters. Published: front matter; else a dateline (`text`);
//! else the latest day the article mentions, year from weekday/day
//! consistency or the corpus's usual year (`inferred`); else `unknown`.
//! Outlet: front matter; else a press outlet named in the boilerplate
//! (`France 24`) or in a wire dateline (`(AP) —`), agencies in a credit line
//! (`With AFP`) only when nothing else is named.

use super::layout::Layout;
use super::Options;
use crate::boilerplate::ParaKind;
use crate::claims::Sent;
use crate::dates::{self, Date, DateContext, MentionKind};
use crate::frontmatter::FrontMatter;
use crate::mentions::{ents_in, Ent, Lexicon};
use crate::model::{Document, Precision, PublishedSource, Span};
use crate::text::Folded;

/// What the document is, beside its text.
pub(super) struct About {
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub source: PublishedSource,
}

/// The front matter, the paragraphs and sentences, the mentions → [`About`].
pub(super) fn describe(
    front: &FrontMatter,
    f: &Folded,
    layout: &Layout,
    ents: &[Ent],
    lex: &Lexicon,
    text: &str,
    opts: Options,
) -> About {
    let (published, source) = published(front, text, opts);
    About {
        title: title(front, f, layout),
        outlet: outlet(front, f, layout, ents, lex),
        published,
        source,
    }
}

impl About {
    /// The [`Document`] `id` read from `rel_path`: these, the front
    /// matter's link and language, the text with its paragraphs,
    /// sentences and boilerplate.
    pub fn into_document(
        self,
        id: String,
        rel_path: &str,
        front: &FrontMatter,
        layout: Layout,
        text: String,
    ) -> Document {
        let boilerplate = layout
            .paragraphs
            .iter()
            .zip(&layout.kinds)
            .filter(|(_, k)| **k == ParaKind::Boilerplate)
            .map(|(p, _)| *p)
            .collect();
        Document {
            id,
            path: rel_path.to_string(),
            title: self.title,
            outlet: self.outlet,
            published: self.published.map(|d| d.iso()),
            published_source: self.source,
            url: front.url.clone(),
            language: front.language.clone().unwrap_or_else(|| "en".into()),
            paragraphs: layout.paragraphs,
            sentences: layout.spans,
            boilerplate,
            text,
        }
    }
}

/// The title: the front matter's, the headline's, or the first body sentence's.
fn title(front: &FrontMatter, f: &Folded, layout: &Layout) -> String {
    match (&front.title, layout.headline) {
        (Some(t), _) => t.clone(),
        (None, Some(pi)) => {
            let p = layout.paragraphs[pi];
            f.original(p.start as usize, p.end as usize)
        }
        (None, None) => {
            let sents = &layout.sents;
            short_title(f, sents.iter().find(|s| s.body).or(sents.first()))
        }
    }
}

/// The outlet: the front matter's, else one named in the boilerplate or a wire dateline.
fn outlet(
    front: &FrontMatter,
    f: &Folded,
    layout: &Layout,
    ents: &[Ent],
    lex: &Lexicon,
) -> Option<String> {
    front
        .outlet
        .clone()
        .or_else(|| infer_outlet(f, &layout.paragraphs, &layout.kinds, ents, lex))
}

/// The publication day and where it comes from: the front matter, a
/// dateline, the latest day the article names (with the corpus's usual
/// year), or nowhere.
fn published(
    front: &FrontMatter,
    text: &str,
    opts: Options,
) -> (Option<Date>, PublishedSource) {
    match &front.published {
        Some(p) => (Date::parse_iso(p), PublishedSource::FrontMatter),
        None => match dates::infer_published_with(text, opts.reference_year) {
            Some((d, src)) => (Some(d), src),
            // with the corpus's usual year, the latest day the article names
            None => match opts.reference_year.and_then(|y| latest_day(text, y)) {
                Some(d) => (Some(d), PublishedSource::Inferred),
                None => (None, PublishedSource::Unknown),
            },
        },
    }
}

/// The latest day an article names, its year-less dates taken in `year`.
fn latest_day(text: &str, year: i32) -> Option<Date> {
    let ctx = DateContext {
        published: None,
        anchor: None,
        year_hint: Some(year),
    };
    dates::find_dates(text, &ctx)
        .into_iter()
        .filter(|m| matches!(m.kind, MentionKind::Absolute | MentionKind::Night))
        .filter_map(|m| m.resolved)
        .filter(|r| r.precision == Precision::Day)
        .map(|r| r.end)
        .max()
}

/// A title made from the first sentence, cut at about 90 characters.
fn short_title(f: &Folded, s: Option<&Sent>) -> String {
    let Some(s) = s else { return String::new() };
    let first = f.original(s.start as usize, s.end as usize);
    let first = first.trim_end_matches(['.', ' ']);
    if first.chars().count() <= 90 {
        return first.to_string();
    }
    let cut: String = first.chars().take(88).collect();
    let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}


/// Outlets recognised by their gazetteer actor id, and agencies.
const OUTLETS: &[&str] = &[
    "france-24",
    "le-monde",
    "rfi",
    "jeune-afrique",
    "al-jazeera",
    "bbc",
    "voa",
];
const AGENCIES: &[&str] = &["afp", "reuters", "ap"];

fn infer_outlet(
    f: &Folded,
    paragraphs: &[Span],
    kinds: &[ParaKind],
    ents: &[Ent],
    lex: &Lexicon,
) -> Option<String> {
    let name = |a: usize| lex.gazetteer.actors.get(a).map(|x| x.name.clone());
    let id_of = |a: usize| lex.actors.get(a).map(|x| x.id.as_str()).unwrap_or("");
    let mut agency: Option<usize> = None;
    for (p, _) in paragraphs
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == ParaKind::Boilerplate)
    {
        for e in ents_in(ents, p.start, p.end) {
            let Some(a) = e.actor else { continue };
            if OUTLETS.contains(&id_of(a)) {
                return name(a);
            }
            if AGENCIES.contains(&id_of(a)) && agency.is_none() {
                agency = Some(a);
            }
        }
    }
    // a wire dateline: "BAMAKO, Mali (AP) —"
    if let Some(p) = paragraphs
        .iter()
        .zip(kinds)
        .find(|(_, k)| **k == ParaKind::Body)
        .map(|(p, _)| *p)
    {
        let head = f.fs(
            p.start as usize,
            (p.start as usize + 80).min(p.end as usize),
        );
        if let Some(dash) = head.find(") -") {
            for e in ents_in(ents, p.start, p.start + dash as u32) {
                if let Some(a) = e
                    .actor
                    .filter(|&a| AGENCIES.contains(&id_of(a)) || OUTLETS.contains(&id_of(a)))
                {
                    return name(a);
                }
            }
        }
    }
    agency.and_then(name)
}
