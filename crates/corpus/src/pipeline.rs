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
use crate::disputes::{self, ClaimView};
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
    /// without a candidate: (places, start, end).
    claim_where: Vec<ClaimWhere>,
    /// The year of year-less dates was ambiguous and no reference was given.
    pub needs_reference_year: bool,
}

/// Where and when a claim is, for attaching it to an event when its own
/// sentence made none.
#[derive(Debug, Clone)]
struct ClaimWhere {
    places: Vec<usize>,
    /// The claim's own day (from its sentence), if any.
    strong: Option<(Date, Date)>,
    /// Its date, own or carried over.
    any: Option<(Date, Date)>,
    /// It speaks of something happening (a trigger or an outcome word).
    eventish: bool,
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
    if let Some(s) = sents.iter_mut().find(|s| s.body) {
        if let Some(after) = dateline_end(&f, s.start as usize, s.end as usize) {
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
            hs.push(DateHit {
                start: s.start + m.start,
                end: s.start + m.end,
                resolved,
                since,
            });
        }
        hits.push(hs);
    }

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
        let recent: Vec<&DateHit> = hits[si]
            .iter()
            .filter(|h| {
                h.resolved
                    .is_some_and(|r| !is_old(&r) && reference.is_none_or(|p| r.start <= p))
            })
            .collect();
        // background: an old date in the trigger's own clause ("routed the army when it tried … in 2014")
        let trig_cp = toks[tki].start;
        let any_dates = hits[si].iter().filter(|h| h.resolved.is_some()).any(|h| {
            let (a, b) = if h.start < trig_cp {
                (h.end, trig_cp)
            } else {
                (trig_cp, h.start)
            };
            !f.fs(a as usize, b as usize).contains([',', ';', '(', ')'])
        });
        let (range, strong) = match recent
            .iter()
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
        needs_reference_year,
    })
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

/// Where a wire dateline ends: an upper-case place, optional words and
/// date, an agency in brackets, a dash (`BAMAKO, Mali (AP) — `).
fn dateline_end(f: &Folded, start: usize, end: usize) -> Option<usize> {
    let limit = (start + 90).min(end);
    let head = f.fs(start, limit);
    let close = head.find(") -").or_else(|| head.find(")-"))?;
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
fn metonymic(words: &Words, toks: &[Tok], e: &Ent) -> bool {
    let k = toks.partition_point(|t| t.start < e.start);
    k > 0 && matches!(words.w(k - 1), "by" | "for") && words.gap_after(k - 1).trim().is_empty()
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

/// Group the articles' candidates into events across the corpus, attach
/// claims and caveats, find disputes, assign ids. Deterministic.
pub fn assemble(articles: Vec<Article>, lex: &Lexicon) -> Corpus {
    let (actors, places) = lex.gazetteer.to_model();
    let mut documents = Vec::with_capacity(articles.len());
    let mut claims: Vec<Claim> = Vec::new();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut claim_where: Vec<(ClaimWhere, usize)> = Vec::new();
    let mut caveats: Vec<(usize, usize, Caveat)> = Vec::new(); // (doc, sentence, caveat)
    for (di, a) in articles.into_iter().enumerate() {
        let offset = claims.len();
        for mut c in a.candidates {
            c.doc = di;
            for x in &mut c.claims {
                *x += offset;
            }
            cands.push(c);
        }
        claim_where.extend(a.claim_where.into_iter().map(|w| (w, di)));
        claims.extend(a.claims);
        caveats.extend(a.caveats.into_iter().map(|(s, c)| (di, s, c)));
        documents.push(a.document);
    }
    let mut groups = events::group(&cands, &lex.related_places);
    if std::env::var_os("COUNTERCLAIM_DEBUG_EVENTS").is_some() {
        for (gi, g) in groups.iter().enumerate() {
            eprintln!("group {gi} {:?}..{:?}", g.start, g.end);
            for &m in &g.members {
                let c = &cands[m];
                let d = &documents[c.doc];
                let sp = d.sentences[c.sent];
                eprintln!(
                    "   {:?} strong={} {:?} {}",
                    c.family,
                    c.strong,
                    c.start,
                    crate::text::slice_cp(&d.text, sp.start, sp.end)
                );
            }
        }
    }
    // claims whose sentence made no event: attach by place and date
    let mut claim_group: Vec<Option<usize>> = vec![None; claims.len()];
    for (gi, g) in groups.iter().enumerate() {
        for &m in &g.members {
            for &ci in &cands[m].claims {
                claim_group[ci] = Some(gi);
            }
        }
    }
    let mut groups_at: Vec<Vec<usize>> = vec![Vec::new(); places.len()];
    for (gi, g) in groups.iter().enumerate() {
        for &p in &g.places {
            if let Some(v) = groups_at.get_mut(p) {
                v.push(gi);
            }
        }
    }
    // document → (group, members from it)
    let mut doc_groups: Vec<Vec<(usize, usize)>> = vec![Vec::new(); documents.len()];
    for (gi, g) in groups.iter().enumerate() {
        for &m in &g.members {
            let list = &mut doc_groups[cands[m].doc];
            match list.iter_mut().find(|(x, _)| *x == gi) {
                Some((_, n)) => *n += 1,
                None => list.push((gi, 1)),
            }
        }
    }
    for ci in 0..claims.len() {
        if claim_group[ci].is_some() {
            continue;
        }
        let (cw, doc) = &claim_where[ci];
        let Some((s, e)) = cw.strong.or(cw.any.filter(|_| cw.eventish)) else {
            continue;
        };
        let cplaces = &cw.places;
        let mut near: Vec<usize> = Vec::new();
        for &p in cplaces {
            for &q in std::iter::once(&p)
                .chain(lex.related_places.get(p).map(Vec::as_slice).unwrap_or(&[]))
            {
                near.extend(groups_at.get(q).map(Vec::as_slice).unwrap_or(&[]));
            }
        }
        near.sort_unstable();
        near.dedup();
        // among matching events, fighting and strikes first, then the largest
        let found = near
            .into_iter()
            .filter(|&gi| {
                let g = &groups[gi];
                g.start <= e.add_days(1)
                    && g.end >= s.add_days(-1)
                    && cplaces.iter().any(|&p| lex.related(p, g.primary))
            })
            .max_by_key(|&gi| {
                let violent = matches!(
                    events::main_family(&cands, &groups[gi]),
                    Family::Combat | Family::Attack | Family::Air | Family::Outcome
                );
                (violent, groups[gi].members.len(), std::cmp::Reverse(gi))
            });
        // no place of its own: the event of its article it speaks of
        let found = found.or_else(|| {
            // only with a day of its own or carried over from the story
            let day = cw.strong.is_some() || cw.any.is_some_and(|(a, b)| a == b);
            if !cw.eventish || !cplaces.is_empty() || !day {
                return None;
            }
            doc_groups[*doc]
                .iter()
                .copied()
                .filter(|&(gi, _)| {
                    groups[gi].start <= e.add_days(1) && groups[gi].end >= s.add_days(-1)
                })
                .max_by_key(|&(gi, n)| (n, std::cmp::Reverse(gi)))
                .map(|(gi, _)| gi)
        });
        if let Some(gi) = found {
            claim_group[ci] = Some(gi);
        }
    }
    // a bare denial ("Rebels denied the claim.") answers the claim before it
    for ci in 1..claims.len() {
        if claim_group[ci].is_none()
            && claims[ci].stance == Stance::Deny
            && !claim_where[ci].0.eventish
        {
            let doc = claim_where[ci].1;
            let prev = (0..ci)
                .rev()
                .take_while(|&p| claim_where[p].1 == doc)
                .find(|&p| claim_group[p].is_some());
            claim_group[ci] = prev.and_then(|p| claim_group[p]);
        }
    }
    // ids by start date
    let mut order: Vec<usize> = (0..groups.len()).collect();
    let titles: Vec<String> = groups
        .iter()
        .map(|g| {
            let camp = g.members.iter().any(|&m| cands[m].hints.contains(&"camp"));
            events::title_of(
                &cands,
                g,
                &|p| places.get(p).map(|x| x.name.clone()).unwrap_or_default(),
                &|a| {
                    lex.actors
                        .get(a)
                        .map(|x| (x.short.clone(), x.side))
                        .unwrap_or((String::new(), Side::Observers))
                },
                camp,
            )
        })
        .collect();
    order.sort_by(|&a, &b| {
        (groups[a].start, groups[a].end, &titles[a]).cmp(&(
            groups[b].start,
            groups[b].end,
            &titles[b],
        ))
    });
    let mut event_id = vec![String::new(); groups.len()];
    for (n, &gi) in order.iter().enumerate() {
        event_id[gi] = format!("e{}", n + 1);
    }
    for (ci, g) in claim_group.iter().enumerate() {
        claims[ci].event = g.map(|gi| event_id[gi].clone());
    }
    // caveats: the event of the same document with most of its claims
    let mut group_claims: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    let mut doc_group_claims: std::collections::HashMap<(usize, usize), usize> =
        std::collections::HashMap::new();
    for (ci, g) in claim_group.iter().enumerate() {
        if let Some(gi) = *g {
            group_claims[gi].push(ci);
            *doc_group_claims.entry((claim_where[ci].1, gi)).or_default() += 1;
        }
    }
    // document → (group, sentence) of its event members
    let mut doc_members: Vec<Vec<(usize, usize)>> = vec![Vec::new(); documents.len()];
    for (gi, g) in groups.iter().enumerate() {
        for &m in &g.members {
            doc_members[cands[m].doc].push((gi, cands[m].sent));
        }
    }
    let mut event_caveats: Vec<Vec<Caveat>> = vec![Vec::new(); groups.len()];
    for (di, si, cav) in caveats {
        let best = doc_members[di]
            .iter()
            .map(|&(gi, sent)| {
                let n = doc_group_claims.get(&(di, gi)).copied().unwrap_or(0);
                (
                    n,
                    std::cmp::Reverse(sent.abs_diff(si)),
                    std::cmp::Reverse(gi),
                )
            })
            .max()
            .map(|(_, _, std::cmp::Reverse(gi))| gi);
        if let Some(gi) = best {
            event_caveats[gi].push(cav);
        }
    }
    let side_of = |a: usize| lex.actors.get(a).map(|x| x.side);
    let mut events_out: Vec<Event> = Vec::with_capacity(groups.len());
    for &gi in &order {
        let g = &mut groups[gi];
        g.members.sort_by_key(|&m| (cands[m].doc, cands[m].sent));
        let g = &groups[gi];
        let member_claims: Vec<usize> = std::mem::take(&mut group_claims[gi]);
        let mut actor_ids: Vec<String> = Vec::new();
        for &m in &g.members {
            for &a in &cands[m].actors {
                let id = &actors[a].id;
                if !actor_ids.contains(id) {
                    actor_ids.push(id.clone());
                }
            }
        }
        let mut docs: Vec<String> = g
            .members
            .iter()
            .map(|&m| documents[cands[m].doc].id.clone())
            .collect();
        docs.extend(member_claims.iter().map(|&ci| claims[ci].document.clone()));
        docs.sort();
        docs.dedup();
        let folded: Vec<String> = member_claims
            .iter()
            .map(|&ci| crate::text::fold_string(&claims[ci].quote))
            .collect();
        let views: Vec<ClaimView> = member_claims
            .iter()
            .zip(&folded)
            .map(|(&ci, content)| {
                let c = &claims[ci];
                let label = c
                    .speaker
                    .as_ref()
                    .and_then(|s| lex.actors.iter().find(|a| &a.id == s))
                    .map(|a| a.short.clone())
                    .unwrap_or_else(|| c.speaker_text.clone());
                ClaimView {
                    id: &c.id,
                    side: c.side,
                    stance: c.stance,
                    label,
                    content,
                    quote: &c.quote,
                    numbers: &c.numbers,
                }
            })
            .collect();
        let disputes = disputes::find(&views);
        let mut cav = std::mem::take(&mut event_caveats[gi]);
        cav.sort_by(|a, b| (&a.document, a.start).cmp(&(&b.document, b.start)));
        events_out.push(Event {
            id: event_id[gi].clone(),
            title: titles[gi].clone(),
            kind: events::kind_of(&cands, g, &side_of),
            start: g.start.iso(),
            end: g.end.iso(),
            precision: g.precision,
            places: g.places.iter().map(|&p| places[p].id.clone()).collect(),
            actors: actor_ids,
            claims: member_claims
                .iter()
                .map(|&ci| claims[ci].id.clone())
                .collect(),
            documents: docs,
            contested: !disputes.is_empty(),
            disputes,
            caveats: cav,
        });
    }
    Corpus {
        version: FORMAT_VERSION,
        documents,
        actors,
        places,
        claims,
        events: events_out,
        settings: Settings::default(),
    }
}

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
    fn background_history_and_hypotheticals_make_no_event() {
        let a = article("+++\npublished = 2023-11-13\n+++\nThe rebels routed the Malian army when it tried to regain control of Kidal in 2014. An offensive on Kidal could begin soon. Fighting began near Kidal on Saturday.");
        assert_eq!(a.candidates.len(), 1, "{:?}", a.candidates);
        assert_eq!(a.candidates[0].start, Date::new(2023, 11, 11).unwrap());
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
