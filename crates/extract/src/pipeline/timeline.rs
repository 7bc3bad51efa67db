//! Stage 5, the dates: each body sentence's date mentions, resolved
//! against the publication day and the story's narrative anchor carried
//! forward sentence by sentence ([`date_sentences`]).

use super::source::Layers;
use super::{Options, Warning};
use crate::claims::Sent;
use crate::dates::{self, Date, DateContext, DateMention, MentionKind, Resolved};
use crate::model::{Precision, PublishedSource};
use crate::text::Folded;

/// What an article's dates are read against.
#[derive(Debug, Clone, Copy)]
pub(super) struct Period {
    /// The publication day, stated or inferred.
    pub published: Option<Date>,
    /// The publication day when stated (front matter or dateline); bare
    /// weekdays resolve against it.
    pub reliable: Option<Date>,
    /// The year of year-less dates: the publication's (the inferred one is
    /// built from the same weekday/day-month evidence); the corpus's usual
    /// year otherwise.
    pub year_hint: Option<i32>,
}

impl Period {
    pub fn new(published: Option<Date>, source: PublishedSource, opts: Options) -> Self {
        let reliable = matches!(source, PublishedSource::FrontMatter | PublishedSource::Text)
            .then_some(published)
            .flatten();
        Period {
            published,
            reliable,
            year_hint: published.map(|d| d.year).or(opts.reference_year),
        }
    }

    /// Over a year before publication: background, not the story.
    pub fn is_old(&self, r: &Resolved) -> bool {
        self.published.is_some_and(|p| r.end.days_until(p) > 365)
    }
}

/// A date mention of a sentence, in document code points.
#[derive(Debug, Clone)]
pub(super) struct DateHit {
    pub start: u32,
    pub end: u32,
    pub resolved: Option<Resolved>,
    /// "since …": the happening goes on after the date.
    pub since: bool,
    /// The day something was said ("denied on Tuesday"), not the day it happened.
    pub statement: bool,
}

impl DateHit {
    /// Its day, when it resolved to one.
    fn day(&self) -> Option<Date> {
        self.resolved
            .filter(|r| r.precision == Precision::Day && r.start == r.end)
            .map(|r| r.start)
    }
}

/// The dates of an article's sentences.
pub(super) struct SentenceDates {
    /// Per sentence, its date mentions (none for sentences not mined).
    pub hits: Vec<Vec<DateHit>>,
    /// Per sentence, the story's date before it: what an undated sentence
    /// is about.
    pub narratives: Vec<Option<Resolved>>,
}

impl SentenceDates {
    /// The day and month ranges the article names, old ones included, for
    /// reports looking back.
    pub fn mentioned(&self) -> Vec<(Date, Date)> {
        self.hits
            .iter()
            .flatten()
            .filter_map(|h| h.resolved)
            .filter(|r| r.start.days_until(r.end) <= 62)
            .map(|r| (r.start, r.end))
            .collect()
    }
}

/// Sentences → their [`SentenceDates`], in order; a date that cannot be
/// resolved is a warning at its line. Lead sentences without a date take
/// the day the lead names next ([`date_the_lead`]).
pub(super) fn date_sentences(
    text: &str,
    layers: &Layers,
    sents: &[Sent],
    period: Period,
    warnings: &mut Vec<Warning>,
) -> SentenceDates {
    let mut story = Story {
        period,
        anchor: period.published,
        narrative: period.published.map(|d| Resolved {
            start: d,
            end: d,
            precision: Precision::Day,
        }),
    };
    let mut hits: Vec<Vec<DateHit>> = Vec::with_capacity(sents.len());
    let mut narratives: Vec<Option<Resolved>> = Vec::with_capacity(sents.len());
    for s in sents {
        narratives.push(story.narrative);
        hits.push(if s.body {
            story.read(text, layers, s, warnings)
        } else {
            Vec::new()
        });
    }
    date_the_lead(sents, &hits, &mut narratives, period.published);
    SentenceDates { hits, narratives }
}

/// Where the story stands while its sentences are read in order.
/// `anchor`: the last day of the story, for "the day before", "two days
/// earlier"; `narrative`: the last date of any precision, which undated
/// sentences take ("At the time, …" after "at the end of July"). Without a
/// reliable publication date, bare weekdays are resolved against the
/// inferred one (the latest day the article mentions), not against the
/// story's anchor.
struct Story {
    period: Period,
    anchor: Option<Date>,
    narrative: Option<Resolved>,
}

impl Story {
    /// One body sentence's date mentions; moves the anchor and narrative on.
    fn read(&mut self, text: &str, layers: &Layers, s: &Sent, warnings: &mut Vec<Warning>) -> Vec<DateHit> {
        let p = self.period;
        let st = layers.slice(text, s.start, s.end);
        let doc_anchor = if p.reliable.is_some() {
            self.anchor
        } else {
            p.published.or(self.anchor)
        };
        let ctx = DateContext {
            published: p.reliable,
            anchor: doc_anchor,
            year_hint: p.year_hint,
        };
        let ms = dates::find_dates(st, &ctx);
        let question = st
            .trim_end()
            .trim_end_matches(['”', '"', '’', ')'])
            .ends_with('?');
        let mut hs = Vec::with_capacity(ms.len());
        for m in ms {
            let resolved = self.resolve(&m, doc_anchor);
            if resolved.is_none() && m.kind != MentionKind::Year {
                warnings.push(Warning {
                    line: Some(layers.file_line(s.start + m.start)),
                    message: format!("date “{}” could not be resolved", m.text),
                });
            }
            if let Some(r) = &resolved {
                self.advance(m.kind, r, question);
            }
            hs.push(hit(&layers.f, s, &m, resolved));
        }
        hs
    }

    /// A relative date ("the day before") against the story's anchor when
    /// it has moved off the one the sentence was scanned with.
    fn resolve(&self, m: &DateMention, doc_anchor: Option<Date>) -> Option<Resolved> {
        if m.kind == MentionKind::Relative && self.anchor != doc_anchor {
            let ctx = DateContext {
                published: self.period.reliable,
                anchor: self.anchor,
                year_hint: self.period.year_hint,
            };
            if let Some(r) = dates::find_dates(&m.text, &ctx)
                .first()
                .and_then(|x| x.resolved)
            {
                return Some(r);
            }
        }
        m.resolved
    }

    /// A recent day moves the anchor; a recent date of the story (not a
    /// bare year or a deadline, not in a question) the narrative.
    fn advance(&mut self, kind: MentionKind, r: &Resolved, question: bool) {
        let day_like = matches!(
            kind,
            MentionKind::Absolute | MentionKind::Weekday | MentionKind::Relative | MentionKind::Night
        );
        let old = self.period.is_old(r);
        if day_like && r.precision == Precision::Day && !old {
            self.anchor = Some(r.start);
        }
        if !question && !old && !matches!(kind, MentionKind::Year | MentionKind::Deadline) {
            self.narrative = Some(*r);
        }
    }
}

/// Mention `m` of sentence `s` as a [`DateHit`]: in document code points,
/// with whether it follows "since" and whether it is the day of a statement.
fn hit(f: &Folded, s: &Sent, m: &DateMention, resolved: Option<Resolved>) -> DateHit {
    let since = f
        .fs(
            (s.start + m.start).saturating_sub(12) as usize,
            (s.start + m.end) as usize,
        )
        .contains("since");
    let (a, b) = (s.start + m.start, s.start + m.end);
    let statement = dates::statement::is_statement_day(
        f.fs(a.saturating_sub(30).max(s.start) as usize, a as usize),
        f.fs(b as usize, (b + 20).min(s.end) as usize),
    );
    DateHit {
        start: a,
        end: b,
        resolved,
        since,
        statement,
    }
}

/// How many body sentences open a story (its lead).
const LEAD_SENTENCES: usize = 3;

/// The lead of a news story tells the happening first and its day just
/// after ("The army has claimed an advance. It said late on Friday …"):
/// undated lead sentences take the first day the lead names (on or before
/// publication, within a week of it) instead of the publication day.
fn date_the_lead(
    sents: &[Sent],
    hits: &[Vec<DateHit>],
    narratives: &mut [Option<Resolved>],
    published: Option<Date>,
) {
    let Some(p) = published else { return };
    let body: Vec<usize> = (0..sents.len()).filter(|&i| sents[i].body).take(LEAD_SENTENCES).collect();
    let first = body.iter().find_map(|&si| {
        hits[si].iter().find_map(|h| h.day()).map(|d| (si, d))
    });
    let Some((si, day)) = first else { return };
    if day > p || day.days_until(p) > 7 {
        return;
    }
    for &sj in body.iter().take_while(|&&sj| sj < si) {
        if hits[sj].is_empty() && narratives[sj].is_some_and(|r| r.start == p && r.end == p) {
            narratives[sj] = Some(Resolved { start: day, end: day, precision: Precision::Day });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout;
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn relative_days_follow_the_story_and_old_dates_do_not_move_it() {
        let text = "Fighting broke out near the town on Monday, November 6. The day before, rebels had gathered there. The town fell once before, in 2012. Residents fled.";
        let layers = Layers::new(text, 0);
        let l = layout::sentences(&layers.f, text, false);
        let period = Period::new(Some(day(2023, 11, 14)), PublishedSource::FrontMatter, Options::default());
        let mut warnings = Vec::new();
        let d = date_sentences(text, &layers, &l.sents, period, &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        let first_day = |si: usize| d.hits[si].first().and_then(|h| h.resolved).map(|r| (r.start, r.end));
        assert_eq!(first_day(0), Some((day(2023, 11, 6), day(2023, 11, 6))));
        // "the day before": before the story's last day, not before publication
        assert_eq!(first_day(1), Some((day(2023, 11, 5), day(2023, 11, 5))));
        // 2012 is background: the last sentence still takes the story's day
        assert!(period.is_old(&d.hits[2][0].resolved.unwrap()));
        assert_eq!(d.narratives[3].map(|r| r.start), Some(day(2023, 11, 5)));
    }
}
