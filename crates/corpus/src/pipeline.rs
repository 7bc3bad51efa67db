//! Orchestration: one article's bytes → a [`Document`] with its claims,
//! event candidates and caveats ([`parse_article`]); all articles → a
//! [`Corpus`] with events grouped across articles and their disputes
//! ([`assemble`]).
//!
//! Per article the text is decoded and folded once; paragraphs are
//! classified (body / heading / boilerplate), split into sentences and
//! tokenised once; gazetteer mentions are found once over the whole text;
//! dates are read sentence by sentence with the narrative anchor carried
//! forward (the last resolved day of the reported period).
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

use crate::boilerplate::{self, ParaKind};
use crate::claims::{self, RawClaim, Sent};
use crate::dates::{self, Date, DateContext, MentionKind, Resolved};
use crate::events::{self, Candidate, Family};
use crate::frontmatter;
use crate::mentions::{ents_in, Ent, Lexicon};
use crate::model::*;
use crate::numbers;
use crate::sentences;
use crate::text::Folded;
use crate::tokens::{tokenize, Tok, Words};

/// Why an article cannot be parsed; `line` is 1-based in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleError {
    pub line: Option<usize>,
    pub message: String,
}

/// Something worth reporting that does not stop the article from loading.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub line: Option<usize>,
    pub message: String,
}

/// Options for [`parse_article`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The corpus's usual year, used when an article's year-less dates are
    /// ambiguous (a weekday + day-month fits several years).
    pub reference_year: Option<i32>,
}

/// One parsed article, before events are grouped across the corpus.
#[derive(Debug, Clone)]
pub struct Article {
    pub document: Document,
    /// Claims with ids; `event` is filled by [`assemble`].
    pub claims: Vec<Claim>,
    /// Event candidates (`doc` is 0 here; [`assemble`] renumbers; `claims`
    /// index into this article's claims).
    pub candidates: Vec<Candidate>,
    /// Caveats with the sentence they come from.
    pub caveats: Vec<(usize, Caveat)>,
    pub warnings: Vec<Warning>,
    /// Places and date of each claim's sentence, for attaching claims
    /// without a candidate.
    pub(crate) claim_where: Vec<ClaimWhere>,
    /// The day and month ranges the article mentions, old ones included
    /// (a report looking back on an incident names its days).
    pub(crate) mentioned: Vec<(Date, Date)>,
    /// The year of year-less dates was ambiguous and no reference was given.
    pub needs_reference_year: bool,
}

/// Where and when a claim is, for attaching it to an event when its own
/// sentence made none.
#[derive(Debug, Clone)]
pub(crate) struct ClaimWhere {
    /// The claim's sentence in its document.
    pub(crate) sent: usize,
    pub(crate) places: Vec<usize>,
    /// The claim's own day (from its sentence), if any.
    pub(crate) strong: Option<(Date, Date)>,
    /// Its date, own or carried over.
    pub(crate) any: Option<(Date, Date)>,
    /// It speaks of something happening (a trigger or an outcome word).
    pub(crate) eventish: bool,
}

/// Verification caveats (folded phrases). Each contains "verif", "confirm"
/// or "independ" (the pre-test in [`parse_article`] relies on it).
const CAVEATS: &[&str] = &[
    "difficult to verify",
    "hard to verify",
    "impossible to verify",
    "could not be verified",
    "cannot be verified",
    "could not be independently",
    "cannot be independently",
    "can not be independently",
    "not be independently",
    "independently verif",
    "independently confirm",
    "established independently",
    "verified independently",
    "confirmed independently",
    "verification of the facts impossible",
    "any verification",
    "verification impossible",
    "could not be confirmed",
    "cannot be confirmed",
    "unverifiable",
    "no independent",
    "impossible to confirm",
    "not possible to confirm",
];

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

fn line_of(bytes: &[u8], upto: usize) -> usize {
    bytes[..upto.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parse one article. `rel_path` names it (its stem is the document id).
pub fn parse_article(
    rel_path: &str,
    bytes: &[u8],
    lex: &Lexicon,
    opts: Options,
) -> Result<Article, ArticleError> {
    let raw = std::str::from_utf8(bytes).map_err(|e| ArticleError {
        line: Some(line_of(bytes, e.valid_up_to())),
        message: format!("not valid UTF-8 (byte {})", e.valid_up_to()),
    })?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let normalized;
    let raw = if raw.contains('\r') {
        normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        raw
    };
    let split = frontmatter::split(raw).map_err(|e| ArticleError {
        line: Some(e.line),
        message: e.message,
    })?;
    let mut warnings: Vec<Warning> = split
        .warnings
        .iter()
        .map(|w| Warning {
            line: Some(w.line),
            message: w.message.clone(),
        })
        .collect();
    let text = split.body.to_string();
    if text.trim().is_empty() {
        return Err(ArticleError {
            line: None,
            message: "empty article (no text after the front matter)".into(),
        });
    }
    let body_line0 = split.body_first_line;
    let front = split.front;
    let id = std::path::Path::new(rel_path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();

    // ── text layers, computed once ──
    let f = Folded::new(&text);
    let mut byte_of: Vec<usize> = Vec::with_capacity(f.len() + 1);
    // from the decoded chars: the text is not decoded a second time
    let mut b = 0;
    byte_of.extend(f.chars.iter().map(|c| {
        let at = b;
        b += c.len_utf8();
        at
    }));
    byte_of.push(text.len());
    let mut line_starts: Vec<u32> = vec![0];
    for (i, &c) in f.chars.iter().enumerate() {
        if c == '\n' {
            line_starts.push(i as u32 + 1);
        }
    }
    let file_line = |cp: u32| -> usize { line_starts.partition_point(|&s| s <= cp) + body_line0 };
    let paragraphs = sentences::paragraphs(&text);
    let kinds = boilerplate::classify(&f, &paragraphs);
    let headline = if front.title.is_none() {
        headline(&f, &paragraphs, &kinds)
    } else {
        None
    };
    let mut toks: Vec<Tok> = Vec::with_capacity(f.len() / 5);
    tokenize(&f, 0, f.len(), &mut toks);
    let mut spans: Vec<Span> = Vec::with_capacity(paragraphs.len() * 4);
    let mut sents: Vec<Sent> = Vec::with_capacity(paragraphs.len() * 4);
    for (pi, p) in paragraphs.iter().enumerate() {
        let before = spans.len();
        sentences::split_sentences(&f, *p, &mut spans);
        for s in &spans[before..] {
            let t0 = toks.partition_point(|t| t.start < s.start);
            let t1 = toks.partition_point(|t| t.start < s.end);
            sents.push(Sent {
                start: s.start,
                end: s.end,
                t0,
                t1,
                para: pi,
                body: kinds[pi] == ParaKind::Body && Some(pi) != headline,
            });
        }
    }
    // A wire dateline ("BAMAKO, Mali (AP) — ", "GAO, Oct 6 (AFP) - ") is not
    // part of the first sentence's content: its place is where the story
    // was filed, not where things happened.
    // The agency form is looked for in the first body sentence; the bare
    // form ("KYIV, Ukraine -- ") opens the story after captions and teasers,
    // so in any paragraph's first sentence.
    let mut prev_para = usize::MAX;
    let mut first_body = true;
    for s in sents.iter_mut() {
        let opens_para = s.para != prev_para;
        prev_para = s.para;
        if !s.body || !opens_para {
            continue;
        }
        let end = if first_body {
            dateline_end(&f, s.start as usize, s.end as usize)
        } else {
            bare_dateline_end(&f, s.start as usize, s.end as usize)
        };
        first_body = false;
        if let Some(after) = end {
            s.start = after as u32;
            s.t0 = toks.partition_point(|t| t.start < s.start);
        }
    }
    let ents = lex.find(&text);
    let cls = crate::tokens::classes(&f, &toks);
    let words = Words {
        f: &f,
        toks: &toks,
        cls: &cls,
    };

    // ── title, outlet, published ──
    let title = match (&front.title, headline) {
        (Some(t), _) => t.clone(),
        (None, Some(pi)) => f.original(paragraphs[pi].start as usize, paragraphs[pi].end as usize),
        (None, None) => short_title(&f, sents.iter().find(|s| s.body).or(sents.first())),
    };
    let outlet = front
        .outlet
        .clone()
        .or_else(|| infer_outlet(&f, &paragraphs, &kinds, &ents, lex));
    let (published, published_source) = match &front.published {
        Some(p) => (Date::parse_iso(p), PublishedSource::FrontMatter),
        None => match dates::infer_published_with(&text, opts.reference_year) {
            Some((d, src)) => (Some(d), src),
            // with the corpus's usual year, the latest day the article names
            None => match opts.reference_year.and_then(|y| latest_day(&text, y)) {
                Some(d) => (Some(d), PublishedSource::Inferred),
                None => (None, PublishedSource::Unknown),
            },
        },
    };
    // The year of year-less dates: the publication's (the inferred one is
    // built from the same weekday/day-month evidence); the corpus's usual
    // year otherwise.
    let year_hint = published.map(|d| d.year).or(opts.reference_year);
    let needs_reference_year = published.is_none() && opts.reference_year.is_none();
    if published.is_none() {
        warnings.push(Warning {
            line: None,
            message:
                "no published date: none in front matter, no dateline, no datable day in the text"
                    .into(),
        });
    }
    let reliable = matches!(
        published_source,
        PublishedSource::FrontMatter | PublishedSource::Text
    )
    .then_some(published)
    .flatten();
    let reference = published;
    let is_old = |r: &Resolved| reference.is_some_and(|p| r.end.days_until(p) > 365);

    // ── dates, sentence by sentence, with the narrative anchor ──
    struct DateHit {
        start: u32,
        end: u32,
        resolved: Option<Resolved>,
        /// "since …": the happening goes on after the date.
        since: bool,
        /// The day something was said ("denied on Tuesday"), not the day it happened.
        statement: bool,
    }
    impl LeadHit for DateHit {
        fn day(&self) -> Option<Date> {
            self.resolved
                .filter(|r| r.precision == Precision::Day && r.start == r.end)
                .map(|r| r.start)
        }
    }
    // `anchor`: the last day of the story, for "the day before", "two days
    // earlier"; `narrative`: the last date of any precision, which undated
    // sentences take ("At the time, …" after "at the end of July").
    // Without a reliable publication date, bare weekdays are resolved
    // against the inferred one (the latest day the article mentions), not
    // against the story's anchor.
    let mut hits: Vec<Vec<DateHit>> = Vec::with_capacity(sents.len());
    let mut narratives: Vec<Option<Resolved>> = Vec::with_capacity(sents.len());
    let mut anchor = published;
    let mut narrative: Option<Resolved> = published.map(|d| Resolved {
        start: d,
        end: d,
        precision: Precision::Day,
    });
    let hint = year_hint.or(reference.map(|d| d.year));
    for s in &sents {
        narratives.push(narrative);
        if !s.body {
            hits.push(Vec::new());
            continue;
        }
        let st = &text[byte_of[s.start as usize]..byte_of[s.end as usize]];
        let doc_anchor = if reliable.is_some() {
            anchor
        } else {
            published.or(anchor)
        };
        let ctx = DateContext {
            published: reliable,
            anchor: doc_anchor,
            year_hint: hint,
        };
        let ms = dates::find_dates(st, &ctx);
        let question = st
            .trim_end()
            .trim_end_matches(['”', '"', '’', ')'])
            .ends_with('?');
        let mut hs = Vec::with_capacity(ms.len());
        for m in ms {
            let mut resolved = m.resolved;
            if m.kind == MentionKind::Relative && anchor != doc_anchor {
                let ctx = DateContext {
                    published: reliable,
                    anchor,
                    year_hint: hint,
                };
                if let Some(r) = dates::find_dates(&m.text, &ctx)
                    .first()
                    .and_then(|x| x.resolved)
                {
                    resolved = Some(r);
                }
            }
            if resolved.is_none() && m.kind != MentionKind::Year {
                warnings.push(Warning {
                    line: Some(file_line(s.start + m.start)),
                    message: format!("date “{}” could not be resolved", m.text),
                });
            }
            if let Some(r) = &resolved {
                let day_like = matches!(
                    m.kind,
                    MentionKind::Absolute
                        | MentionKind::Weekday
                        | MentionKind::Relative
                        | MentionKind::Night
                );
                if day_like && r.precision == Precision::Day && !is_old(r) {
                    anchor = Some(r.start);
                }
                if !question
                    && !is_old(r)
                    && !matches!(m.kind, MentionKind::Year | MentionKind::Deadline)
                {
                    narrative = Some(*r);
                }
            }
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
            hs.push(DateHit {
                start: a,
                end: b,
                resolved,
                since,
                statement,
            });
        }
        hits.push(hs);
    }
    date_the_lead(&sents, &hits, &mut narratives, published);
    // days and months the article names, for reports looking back
    let mentioned: Vec<(Date, Date)> = hits
        .iter()
        .flatten()
        .filter_map(|h| h.resolved)
        .filter(|r| r.start.days_until(r.end) <= 62)
        .map(|r| (r.start, r.end))
        .collect();

    // ── claims ──
    let cctx = claims::Ctx {
        f: &f,
        w: words,
        ents: &ents,
        lex,
    };
    let raw_claims: Vec<RawClaim> = claims::extract(&cctx, &sents);
    let mut claims_out: Vec<Claim> = Vec::with_capacity(raw_claims.len());
    let mut claim_strong: Vec<bool> = Vec::with_capacity(raw_claims.len());
    let pick_date = |from: u32, to: u32, si: usize| -> Option<Resolved> {
        hits[si]
            .iter()
            .filter(|h| h.start >= from && h.end <= to)
            .filter_map(|h| h.resolved)
            .find(|r| !is_old(r))
    };
    for (n, rc) in raw_claims.iter().enumerate() {
        let (ta, tb) = (
            toks.partition_point(|t| t.start < rc.start),
            toks.partition_point(|t| t.start < rc.end),
        );
        let nums = numbers::find_numbers(&words, ta, tb);
        // the date the claim is about: in its content, else its sentence(s), else the anchor
        let first_sent = sents.partition_point(|s| s.end <= rc.start).min(rc.sent);
        let own = pick_date(rc.content.0, rc.content.1, rc.sent)
            .or_else(|| (first_sent..=rc.sent).find_map(|si| pick_date(rc.start, rc.end, si)));
        claim_strong.push(own.is_some_and(|r| r.precision == Precision::Day));
        let date = own.or(narratives[first_sent]);
        if rc.speaker.is_none() && rc.side.is_none() {
            warnings.push(Warning {
                line: Some(file_line(rc.start)),
                message: format!(
                    "claim without an identified speaker (“{}”)",
                    rc.speaker_text
                ),
            });
        }
        claims_out.push(Claim {
            id: format!("{id}#c{}", n + 1),
            document: id.clone(),
            start: rc.start,
            end: rc.end,
            quote: f.original(rc.start as usize, rc.end as usize),
            speaker: rc
                .speaker
                .and_then(|a| lex.actors.get(a))
                .map(|a| a.id.clone()),
            speaker_text: rc.speaker_text.clone(),
            side: rc.side,
            verb: rc.verb.clone(),
            stance: rc.stance,
            date: date.map(|r| r.to_range()),
            event: None,
            numbers: nums,
            confidence: rc.confidence,
            note: None,
        });
    }

    // ── event candidates and caveats ──
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut caveats: Vec<(usize, Caveat)> = Vec::new();
    let mut sent_places: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
    let mut prev_places: Vec<usize> = Vec::new();
    let mut prev_para = usize::MAX;
    for (si, s) in sents.iter().enumerate() {
        if !s.body {
            continue;
        }
        let folded = f.fs(s.start as usize, s.end as usize);
        // every caveat phrase holds one of these stems: most sentences are
        // cleared by three scans instead of one per phrase
        let caveat =
            (folded.contains("verif") || folded.contains("confirm") || folded.contains("independ"))
                && CAVEATS.iter().any(|c| folded.contains(c))
                || (folded.starts_with("no ") && folded.contains("assessment"));
        if caveat {
            caveats.push((
                si,
                Caveat {
                    document: id.clone(),
                    start: s.start,
                    end: s.end,
                    quote: f.original(s.start as usize, s.end as usize),
                },
            ));
        }
        // places: towns and regions, nearest the trigger first
        let trig = events::triggers(&words, s.t0, s.t1);
        let tk = trig.as_ref().map(|t| toks[t.2].start).unwrap_or(s.start);
        let mut own: Vec<(u32, usize)> = Vec::new();
        let sent_ents = ents_in(&ents, s.start, s.end);
        for e in sent_ents {
            let Some(p) = e.place else { continue };
            if !lex.locates(p) || metonymic(&words, &toks, e) {
                continue;
            }
            own.push((e.start.abs_diff(tk), p));
        }
        own.sort();
        let mut places: Vec<usize> = Vec::new();
        for (_, p) in own {
            if !places.contains(&p) {
                places.push(p);
            }
        }
        let points_back = anaphoric(&words, s.t0);
        // wire copy runs one sentence a paragraph: the previous one-sentence
        // paragraph still sets the scene
        let prev_single = si > 0
            && sents[si - 1].para == prev_para
            && (si < 2 || sents[si - 2].para != prev_para);
        if places.is_empty()
            && (s.para == prev_para || points_back || (prev_single && s.para == prev_para + 1))
        {
            places = prev_places.clone();
        }
        sent_places[si] = places.clone();
        prev_places = places.clone();
        prev_para = s.para;
        let Some((family, mut hints, tki)) = trig else {
            continue;
        };
        if folded.contains("camp") {
            hints.push("camp");
        }
        if family == Family::Territory && takes_a_facility(&words, tki, s.t1) {
            hints.push("facility");
        }
        let question = f.chars[..s.end as usize]
            .iter()
            .rev()
            .find(|c| !matches!(c, '”' | '"' | '’' | ' '))
            .is_some_and(|c| *c == '?');
        if caveat || events::hypothetical(&words, s.t0, s.t1, question) || places.is_empty() {
            continue;
        }
        // date nearest the trigger, among those of the reported period
        // dates of the reported period, not after publication (deadlines, plans)
        // "the deadliest since 2021": a yardstick, not the happening's date
        let yardstick = |h: &DateHit| {
            h.since
                && h.resolved.is_some_and(|r| {
                    r.precision == Precision::Year
                        || reference.is_some_and(|p| r.start.days_until(p) > 62)
                })
        };
        let recent: Vec<&DateHit> = hits[si]
            .iter()
            .filter(|h| !yardstick(h))
            .filter(|h| {
                h.resolved
                    .is_some_and(|r| !is_old(&r) && reference.is_none_or(|p| r.start <= p))
            })
            .collect();
        // background: an old date in the trigger's own clause ("routed the army when it tried … in 2014")
        let trig_cp = toks[tki].start;
        let any_dates = hits[si].iter().filter(|h| h.resolved.is_some() && !yardstick(h)).any(|h| {
            let (a, b) = if h.start < trig_cp {
                (h.end, trig_cp)
            } else {
                (trig_cp, h.start)
            };
            !f.fs(a as usize, b as usize).contains([',', ';', '(', ')'])
        });
        // the day of the happening before the day it was told of
        let happening = recent.iter().any(|h| !h.statement);
        let (range, strong) = match recent
            .iter()
            .filter(|h| !(happening && h.statement))
            .min_by_key(|h| h.start.abs_diff(toks[tki].start))
        {
            Some(h) => {
                // "drone strikes … since the night of November 3 to 4": ongoing
                let ongoing =
                    h.since && matches!(family, Family::Air | Family::Combat | Family::Attack);
                let r = h.resolved.map(|mut r| {
                    if let Some(p) = reference.filter(|p| ongoing && *p > r.end) {
                        r.end = p;
                    } else if h.since && !ongoing && r.precision == Precision::Day {
                        r.end = r.start; // "left the city since October 21": it happened then
                    }
                    r
                });
                (r, true)
            }
            None if any_dates => continue, // background: only old dates
            None => (narratives[si], false),
        };
        let Some(range) = range else { continue };
        let mut actors: Vec<usize> = Vec::new();
        let mut near_actors: Vec<usize> = Vec::new();
        let anchors_tok: Vec<usize> = (s.t0..s.t1)
            .filter(|&k| {
                k == tki
                    || matches!(
                        words.w(k),
                        "convoy" | "convoys" | "column" | "evacuation" | "withdrawal"
                    )
            })
            .collect();
        for e in sent_ents {
            if let (Some(a), None) = (e.actor, e.place) {
                if !actors.contains(&a) {
                    actors.push(a);
                }
                let ek = toks.partition_point(|t| t.start < e.start);
                let ee = toks.partition_point(|t| t.start < e.end);
                // "the FAMA/Wagner convoy", "a convoy of the Malian army"
                let before = anchors_tok.iter().any(|&k| ee <= k && k - ee <= 1);
                let after = anchors_tok.iter().any(|&k| {
                    ek > k && ek - k <= 4 && (k + 1..ek).any(|j| matches!(words.w(j), "of" | "by"))
                });
                if (before || after) && !near_actors.contains(&a) {
                    near_actors.push(a);
                }
            }
        }
        let mut cl: Vec<usize> = Vec::new();
        for (ci, rc) in raw_claims.iter().enumerate() {
            if rc.sent == si {
                cl.push(ci);
                if let Some(a) = rc.speaker {
                    if !actors.contains(&a) {
                        actors.push(a);
                    }
                }
            }
        }
        candidates.push(Candidate {
            doc: 0,
            sent: si,
            para: s.para,
            family,
            hints,
            places,
            actors,
            near_actors,
            start: range.start,
            end: range.end,
            precision: range.precision,
            strong,
            claimant_side: cl.first().and_then(|&ci| raw_claims[ci].side),
            claims: cl,
            anaphoric: points_back,
        });
    }
    // claims without a candidate may join an event by place and by a day of their own
    let claim_where = raw_claims
        .iter()
        .zip(&claims_out)
        .zip(&claim_strong)
        .map(|((rc, c), &strong)| {
            let any = c
                .date
                .as_ref()
                .and_then(|d| Some((Date::parse_iso(&d.start)?, Date::parse_iso(&d.end)?)));
            let (ta, tb) = (
                toks.partition_point(|t| t.start < rc.start),
                toks.partition_point(|t| t.start < rc.end),
            );
            let eventish = events::triggers(&words, ta, tb).is_some();
            ClaimWhere {
                sent: rc.sent,
                places: sent_places[rc.sent].clone(),
                strong: any.filter(|_| strong),
                any,
                eventish,
            }
        })
        .collect();

    let document = Document {
        id,
        path: rel_path.to_string(),
        title,
        outlet,
        published: published.map(|d| d.iso()),
        published_source,
        url: front.url.clone(),
        language: front.language.clone().unwrap_or_else(|| "en".into()),
        paragraphs: paragraphs.clone(),
        sentences: spans,
        boilerplate: paragraphs
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| **k == ParaKind::Boilerplate)
            .map(|(p, _)| *p)
            .collect(),
        text,
    };
    Ok(Article {
        document,
        claims: claims_out,
        candidates,
        caveats,
        warnings,
        claim_where,
        mentioned,
        needs_reference_year,
    })
}

/// The latest day an article names, its year-less dates taken in `year`.
/// Words naming a facility rather than a whole town.
const FACILITIES: &[&str] = &[
    "base", "bases", "camp", "post", "posts", "barracks", "headquarters", "building",
    "airport", "checkpoint", "position", "positions", "garrison", "station",
];

/// Whether the taking trigger at token `k` takes a facility ("seized the
/// army base in X", "took control of the radio building"): a facility word
/// within the next five words, before any place preposition.
fn takes_a_facility(words: &Words, k: usize, end: usize) -> bool {
    for j in k + 1..(k + 6).min(end) {
        let w = words.w(j);
        if FACILITIES.contains(&w) {
            return true;
        }
        if matches!(w, "in" | "at" | "near" | "around" | "outside") {
            return false;
        }
    }
    false
}

/// How many body sentences open a story (its lead).
const LEAD_SENTENCES: usize = 3;

/// The lead of a news story tells the happening first and its day just
/// after ("The army has claimed an advance. It said late on Friday …"):
/// undated lead sentences take the first day the lead names (on or before
/// publication, within a week of it) instead of the publication day.
fn date_the_lead<H: LeadHit>(
    sents: &[Sent],
    hits: &[Vec<H>],
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

/// A date mention as [`date_the_lead`] sees it.
trait LeadHit {
    /// Its day, when it resolved to one.
    fn day(&self) -> Option<Date>;
}

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

/// Where a wire dateline ends: an upper-case place, optional words and
/// date, an agency in brackets, a dash (`BAMAKO, Mali (AP) — `); or, with
/// no agency, an upper-case place and capitalised words or a date before a
/// dash (`GAO, Mali -- `, `KIDAL, Nov 14 - `).
fn dateline_end(f: &Folded, start: usize, end: usize) -> Option<usize> {
    let limit = (start + 90).min(end);
    let head = f.fs(start, limit);
    let Some(close) = head.find(") -").or_else(|| head.find(")-")) else {
        return bare_dateline_end(f, start, end);
    };
    let open = head[..close].rfind('(')?;
    let agency = &head[open + 1..close];
    if agency.is_empty()
        || agency.len() > 40
        || !f.chars[start].is_uppercase()
        || !f.chars.get(start + 1).is_some_and(|c| c.is_uppercase())
    {
        return None;
    }
    let mut i = start + close + 1;
    while i < end && matches!(f.folded.as_bytes()[i], b' ' | b'-') {
        i += 1;
    }
    (i < end).then_some(i)
}

/// A place used for its government ("received by Bamako", "an affront for Bamako").
/// A dateline without an agency: `PLACE, Words -- ` (see [`dateline_end`]).
fn bare_dateline_end(f: &Folded, start: usize, end: usize) -> Option<usize> {
    let limit = (start + 50).min(end);
    let head: String = f.chars.get(start..limit)?.iter().collect();
    let comma = head.find(", ")?;
    let place = &head[..comma];
    let all_caps = place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && place.chars().all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '.');
    if !all_caps {
        return None;
    }
    let rest = &head[comma + 2..];
    let (dash, sep_len) = [" -- ", " — ", " – ", " - "]
        .iter()
        .filter_map(|d| rest.find(d).map(|i| (i, d.len())))
        .min()?;
    let between = &rest[..dash];
    let capitalised = !between.is_empty()
        && between
            .split(' ')
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    if !capitalised {
        return None;
    }
    // byte offsets in `head` → code points
    let cp = head[..comma + 2 + dash + sep_len].chars().count();
    (start + cp < end).then_some(start + cp)
}

/// A place name standing for its government, not for where something
/// happened: "claimed by Gao", "blamed Bamako", "Bamako said", "the Bamako
/// regime".
fn metonymic(words: &Words, toks: &[Tok], e: &Ent) -> bool {
    let k = toks.partition_point(|t| t.start < e.start);
    let after = toks.partition_point(|t| t.start < e.end);
    let before_ok = k > 0 && words.gap_after(k - 1).trim().is_empty();
    (before_ok && matches!(words.w(k - 1), "by" | "for" | "accused" | "accuse" | "accuses"
        | "blamed" | "blame" | "blames" | "incriminate" | "urged" | "warned" | "against"))
        || matches!(words.w(after), "said" | "says" | "denied" | "denies" | "accused"
            | "claimed" | "blamed" | "regime" | "insisted" | "announced")
}

/// A sentence opening that refers back to the previous sentence's scene.
fn anaphoric(words: &Words, t0: usize) -> bool {
    [
        "at the time",
        "that day",
        "the same day",
        "there",
        "then",
        "at that time",
        "on that day",
        "the toll",
        "the attack",
    ]
    .iter()
    .any(|p| words.phrase_at(t0, p))
}

/// A headline-like paragraph among the first lines, followed by prose.
fn headline(f: &Folded, paragraphs: &[Span], kinds: &[ParaKind]) -> Option<usize> {
    for (i, p) in paragraphs.iter().enumerate().take(5) {
        match kinds[i] {
            ParaKind::Boilerplate => continue,
            ParaKind::Heading => {
                let words = f
                    .fs(p.start as usize, p.end as usize)
                    .split_whitespace()
                    .count();
                let next_body = kinds.get(i + 1).is_some_and(|k| *k == ParaKind::Body);
                if words >= 3 && next_body {
                    return Some(i);
                }
            }
            ParaKind::Body => return None,
        }
    }
    None
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

pub use crate::assemble::assemble;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    #[test]
    fn every_caveat_holds_a_prefilter_stem() {
        for c in CAVEATS {
            assert!(
                ["verif", "confirm", "independ"]
                    .iter()
                    .any(|s| c.contains(s)),
                "caveat `{c}` escapes the pre-test in parse_article"
            );
        }
    }

    fn lex() -> Lexicon {
        Lexicon::new(
            Gazetteer::load(
                &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../seeds/gazetteer.toml"),
            )
            .unwrap(),
        )
    }

    fn article(text: &str) -> Article {
        parse_article("x.txt", text.as_bytes(), &lex(), Options::default()).unwrap()
    }

    #[test]
    fn headline_after_dateline_and_breadcrumb() {
        let a = article("Tuesday, September 24, 2024 - 2:56 am\nHomeWorld NewsIn Mali, the army...\n\nIn Mali, the army moves north\n\nThe army said it moved towards Kidal on Monday.\n");
        assert_eq!(a.document.title, "In Mali, the army moves north");
        assert_eq!(a.document.published.as_deref(), Some("2024-09-24"));
        assert_eq!(a.document.published_source, PublishedSource::Text);
        assert_eq!(a.document.boilerplate.len(), 2);
        assert_eq!(a.claims.len(), 1, "the headline is not mined");
    }

    #[test]
    fn title_from_first_sentence_and_inferred_date() {
        let text = "The Malian army indicated, Thursday evening, October 5, that a large convoy of its forces had progressed to the surroundings of Anéfis, a stopover towards Kidal.";
        // a Thursday 5 October fits 2017, 2023, 2028…: alone, the year is unknown
        let a = article(text);
        assert!(a.needs_reference_year && a.document.published.is_none());
        // the corpus's usual year settles it
        let a = parse_article(
            "x.txt",
            text.as_bytes(),
            &lex(),
            Options {
                reference_year: Some(2024),
            },
        )
        .unwrap();
        assert!(
            a.document.title.ends_with('…') && a.document.title.chars().count() <= 90,
            "{}",
            a.document.title
        );
        assert_eq!(a.document.published.as_deref(), Some("2023-10-05"));
        assert_eq!(a.document.published_source, PublishedSource::Inferred);
    }

    #[test]
    fn wire_dateline_is_not_claimed_and_names_the_outlet() {
        let a = article("BAMAKO, Mali (AP) — Mali's army said Tuesday, November 14, 2023 it had taken control of Kidal.");
        assert_eq!(a.document.outlet.as_deref(), Some("Associated Press"));
        assert!(
            a.claims[0].quote.starts_with("Mali's army"),
            "{}",
            a.claims[0].quote
        );
        // the filing place is not where it happened
        assert!(a
            .candidates
            .iter()
            .all(|c| c.places.iter().all(|&p| lex().places[p].id != "bamako")));
    }

    #[test]
    fn a_dateline_without_agency_is_not_where_it_happened() {
        for text in [
            "BAMAKO, Mali -- Rebels said they attacked an army post near Kidal on Monday.",
            "BAMAKO, Nov 14 - Rebels said they attacked an army post near Kidal on Monday.",
        ] {
            let a = article(&format!("+++\npublished = 2023-11-14\n+++\n{text}\n"));
            assert!(!a.candidates.is_empty(), "{text}");
            assert!(
                a.candidates.iter().all(|c| c.places.iter().all(|&p| lex().places[p].id != "bamako")),
                "{text}"
            );
        }
        // a sentence that opens with a capitalised name is no dateline
        let a = article("+++\npublished = 2023-11-14\n+++\nFighting near Kidal on Monday, the army said - and in Gao too.\n");
        assert!(a.candidates.iter().any(|c| c.sent == 0));
    }

    #[test]
    fn a_capital_standing_for_its_government_is_not_a_place() {
        let a = article("+++\npublished = 2023-11-14\n+++\nRebels blamed Bamako for the strike on Monday. Bamako said the strike on Monday was theirs.\n\nThe army accused Bamako of shelling on Monday.\n");
        assert!(
            a.candidates.iter().all(|c| c.places.iter().all(|&p| lex().places[p].id != "bamako")),
            "{:?}",
            a.candidates
        );
        let a = article("+++\npublished = 2023-11-14\n+++\nA strike hit a market in Bamako on Monday.\n");
        assert!(a.candidates.iter().any(|c| c.places.iter().any(|&p| lex().places[p].id == "bamako")));
    }

    #[test]
    fn taking_a_base_is_told_apart_from_taking_the_town() {
        let a = article("+++\npublished = 2023-11-14\n+++\nRebels said they seized the army base in Kidal on Monday.\n\nThe army took control of Gao on Monday.\n");
        let hints: Vec<bool> = a.candidates.iter().map(|c| c.hints.contains(&"facility")).collect();
        assert_eq!(hints, [true, false], "{:?}", a.candidates);
    }

    #[test]
    fn a_year_since_which_is_no_date_of_the_happening() {
        let a = article("+++\npublished = 2023-11-14\n+++\nFighting broke out near Kidal on Monday.\n\nThe fighting near Kidal was the fiercest since 2023, residents said.\n");
        assert_eq!(a.candidates.len(), 2, "{:?}", a.candidates);
        for c in &a.candidates {
            assert_eq!((c.start, c.end), (Date::new(2023, 11, 13).unwrap(), Date::new(2023, 11, 13).unwrap()), "{c:?}");
        }
    }

    #[test]
    fn background_history_and_hypotheticals_make_no_event() {
        let a = article("+++\npublished = 2023-11-13\n+++\nThe rebels routed the Malian army when it tried to regain control of Kidal in 2014. An offensive on Kidal could begin soon. Fighting began near Kidal on Saturday.");
        assert_eq!(a.candidates.len(), 1, "{:?}", a.candidates);
        assert_eq!(a.candidates[0].start, Date::new(2023, 11, 11).unwrap());
    }

    #[test]
    fn an_undated_lead_takes_the_day_the_next_sentence_names() {
        // published on a Tuesday; the capture is told first, its day second
        let a = article("+++\npublished = 2023-11-14\n+++\nThe rebels have claimed the capture of Kidal after days of fighting.\n\nThe group said late on Sunday it had taken Kidal.\n");
        let lead = a.candidates.iter().find(|c| c.sent == 0).expect("a lead candidate");
        assert_eq!(lead.start, Date::new(2023, 11, 12).unwrap());
        // an older day further down is background, not the lead's
        let a = article("+++\npublished = 2023-11-14\n+++\nThe rebels have claimed the capture of Kidal after heavy fighting.\n\nThe town has changed hands often.\n\nThey said something else.\n\nFighting had erupted near Kidal on 2 November.\n");
        let lead = a.candidates.iter().find(|c| c.sent == 0).expect("a lead candidate");
        assert_eq!(lead.start, Date::new(2023, 11, 14).unwrap());
    }

    #[test]
    fn caveats_are_found_and_exact() {
        let a = article("+++\npublished = 2023-11-13\n+++\nFighting began near Kidal on Saturday. The claims could not be independently verified.");
        assert_eq!(a.caveats.len(), 1);
        let c = &a.caveats[0].1;
        assert_eq!(
            crate::text::slice_cp(&a.document.text, c.start, c.end),
            c.quote
        );
    }

    #[test]
    fn crlf_and_bom_are_normalised_and_offsets_stay_exact() {
        let a = article("\u{feff}The army said on Sunday, November 12, 2023 it clashed with rebels near Kidal.\r\nRebels denied it.\r\n");
        assert!(!a.document.text.contains('\r'));
        for c in &a.claims {
            assert_eq!(
                crate::text::slice_cp(&a.document.text, c.start, c.end),
                c.quote
            );
        }
    }
}
