//! Across articles, in named stages: [`gather`] the articles' event
//! candidates, claims and caveats into corpus-wide lists → [`build_events`]
//! (group candidates, then fold retrospective reports into the incident they
//! look back on) → [`attach_claims`] (claims whose sentence made no event
//! join one by place, day or story) → [`order_events`] (titles, ids by date)
//! → [`attach_caveats`] → [`event_disputes`] for each event → [`assemble`]
//! writes the [`Corpus`]. Deterministic.

use crate::dates::Date;
use crate::camps::Role;
use crate::disputes::{self, ClaimView, Party};
use crate::events::{self, Candidate, Family, Group};
use crate::mentions::Lexicon;
use crate::model::*;
use crate::pipeline::{Article, ClaimWhere};

/// Stage 1: the articles' pieces, numbered across the corpus.
pub(crate) struct Gathered {
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub cands: Vec<Candidate>,
    /// Where and when each claim is, with its document.
    pub claim_where: Vec<(ClaimWhere, usize)>,
    /// (document, sentence, caveat).
    pub caveats: Vec<(usize, usize, Caveat)>,
    /// Per document, the day and month ranges it mentions (old ones too).
    pub mentioned: Vec<Vec<(Date, Date)>>,
}

/// Stage 1: renumber candidates and claims corpus-wide.
pub(crate) fn gather(articles: Vec<Article>) -> Gathered {
    let mut g = Gathered {
        documents: Vec::with_capacity(articles.len()),
        claims: Vec::new(),
        cands: Vec::new(),
        claim_where: Vec::new(),
        caveats: Vec::new(),
        mentioned: Vec::with_capacity(articles.len()),
    };
    for (di, a) in articles.into_iter().enumerate() {
        let offset = g.claims.len();
        for mut c in a.candidates {
            c.doc = di;
            for x in &mut c.claims {
                *x += offset;
            }
            g.cands.push(c);
        }
        g.claim_where
            .extend(a.claim_where.into_iter().map(|w| (w, di)));
        g.claims.extend(a.claims);
        g.caveats
            .extend(a.caveats.into_iter().map(|(s, c)| (di, s, c)));
        g.mentioned.push(a.mentioned);
        g.documents.push(a.document);
    }
    g
}

/// Stage 2: candidates → events (see [`events::group`] and
/// [`events::fold_retrospectives`]).
pub(crate) fn build_events(g: &Gathered, lex: &Lexicon) -> Vec<Group> {
    let mut groups = events::group(&g.cands, &lex.related_places);
    events::fold_retrospectives(&mut groups, &g.cands, &g.mentioned, &lex.related_places);
    if std::env::var_os("COUNTERCLAIM_DEBUG_EVENTS").is_some() {
        debug_events(g, &groups);
    }
    groups
}

fn debug_events(g: &Gathered, groups: &[Group]) {
    for (gi, grp) in groups.iter().enumerate() {
        eprintln!("group {gi} {:?}..{:?}", grp.start, grp.end);
        for &m in &grp.members {
            let c = &g.cands[m];
            let d = &g.documents[c.doc];
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

/// Whether a group's days meet `[s, e]`, a day's slack either side.
fn meets(g: &Group, s: Date, e: Date) -> bool {
    g.start <= e.add_days(1) && g.end >= s.add_days(-1)
}

/// Stage 3: the event of every claim. A claim made in an event's sentence
/// belongs to it; another joins, in order of preference,
/// 1. an event at its places (or related ones) on its days — fighting and
///    strikes first, then the largest;
/// 2. without places of its own: the event of its article told nearest to
///    it on its days (it needs a day of its own or carried over);
/// 3. without places and without a day: the one event of its article, when
///    its article tells of only one and the claim's date (if any) meets it;
/// 4. a bare denial ("Rebels denied the claim."): the event of the claim
///    before it in the same article.
///
/// An analyst's comment without a day of its own belongs to no incident,
/// even when made in an event's sentence.
pub(crate) fn attach_claims(g: &Gathered, groups: &[Group], lex: &Lexicon) -> Vec<Option<usize>> {
    let mut claim_group = attach_claims_by_rules(g, groups, lex);
    for (ci, cg) in claim_group.iter_mut().enumerate() {
        if g.claim_where[ci].0.strong.is_none() && is_analyst(&g.claims[ci], lex) {
            *cg = None;
        }
    }
    claim_group
}

/// Words naming someone who comments from outside: analysts, experts,
/// researchers.
const ANALYST_WORDS: &[&str] = &["analyst", "expert", "researcher", "specialist", "professor", "think tank"];

/// Whether a claim's speaker is an analyst (by the speaker's words or the
/// id and label of the speaker's actor).
fn is_analyst(c: &Claim, lex: &Lexicon) -> bool {
    let words = crate::text::fold_string(&c.speaker_text);
    let actor = c
        .speaker
        .as_ref()
        .and_then(|s| lex.actors.iter().find(|a| &a.id == s))
        .map(|a| crate::text::fold_string(&format!("{} {}", a.id, a.short)))
        .unwrap_or_default();
    ANALYST_WORDS
        .iter()
        .any(|w| words.contains(w) || actor.contains(w))
}

fn attach_claims_by_rules(g: &Gathered, groups: &[Group], lex: &Lexicon) -> Vec<Option<usize>> {
    let cands = &g.cands;
    let mut claim_group: Vec<Option<usize>> = vec![None; g.claims.len()];
    for (gi, grp) in groups.iter().enumerate() {
        for &m in &grp.members {
            for &ci in &cands[m].claims {
                claim_group[ci] = Some(gi);
            }
        }
    }
    let mut groups_at: Vec<Vec<usize>> = vec![Vec::new(); lex.places.len()];
    for (gi, grp) in groups.iter().enumerate() {
        for &p in &grp.places {
            if let Some(v) = groups_at.get_mut(p) {
                v.push(gi);
            }
        }
    }
    // document → (group, sentences of its members there)
    let mut doc_groups: Vec<Vec<(usize, Vec<usize>)>> = vec![Vec::new(); g.documents.len()];
    for (gi, grp) in groups.iter().enumerate() {
        for &m in &grp.members {
            let list = &mut doc_groups[cands[m].doc];
            match list.iter_mut().find(|(x, _)| *x == gi) {
                Some((_, sents)) => sents.push(cands[m].sent),
                None => list.push((gi, vec![cands[m].sent])),
            }
        }
    }
    for ci in 0..g.claims.len() {
        if claim_group[ci].is_some() {
            continue;
        }
        let (cw, doc) = &g.claim_where[ci];
        let found = match cw.strong.or(cw.any.filter(|_| cw.eventish)) {
            Some((s, e)) => by_place_and_day(cw, s, e, groups, &groups_at, cands, lex)
                .or_else(|| nearest_in_article(cw, s, e, groups, &doc_groups[*doc])),
            None => None,
        };
        claim_group[ci] = found.or_else(|| only_event_of_article(cw, groups, &doc_groups[*doc]));
    }
    // a bare denial ("Rebels denied the claim.") answers the claim before it
    for ci in 1..g.claims.len() {
        if claim_group[ci].is_none()
            && g.claims[ci].stance == Stance::Deny
            && !g.claim_where[ci].0.eventish
        {
            let doc = g.claim_where[ci].1;
            let prev = (0..ci)
                .rev()
                .take_while(|&p| g.claim_where[p].1 == doc)
                .find(|&p| claim_group[p].is_some());
            claim_group[ci] = prev.and_then(|p| claim_group[p]);
        }
    }
    claim_group
}

/// Rule 1 of [`attach_claims`].
fn by_place_and_day(
    cw: &ClaimWhere,
    s: Date,
    e: Date,
    groups: &[Group],
    groups_at: &[Vec<usize>],
    cands: &[Candidate],
    lex: &Lexicon,
) -> Option<usize> {
    let mut near: Vec<usize> = Vec::new();
    for &p in &cw.places {
        for &q in std::iter::once(&p).chain(lex.related_places.get(p).map(Vec::as_slice).unwrap_or(&[])) {
            near.extend(groups_at.get(q).map(Vec::as_slice).unwrap_or(&[]));
        }
    }
    near.sort_unstable();
    near.dedup();
    near.into_iter()
        .filter(|&gi| {
            let grp = &groups[gi];
            meets(grp, s, e) && cw.places.iter().any(|&p| lex.related(p, grp.primary))
        })
        .max_by_key(|&gi| {
            let violent = matches!(
                events::main_family(cands, &groups[gi]),
                Family::Combat | Family::Attack | Family::Air | Family::Outcome
            );
            (violent, groups[gi].members.len(), std::cmp::Reverse(gi))
        })
}

/// Rule 2 of [`attach_claims`]: the event told nearest the claim in its
/// article, then the one told most there.
fn nearest_in_article(
    cw: &ClaimWhere,
    s: Date,
    e: Date,
    groups: &[Group],
    in_doc: &[(usize, Vec<usize>)],
) -> Option<usize> {
    let day = cw.strong.is_some() || cw.any.is_some_and(|(a, b)| a == b);
    if !cw.eventish || !cw.places.is_empty() || !day {
        return None;
    }
    in_doc
        .iter()
        .filter(|(gi, _)| meets(&groups[*gi], s, e))
        .max_by_key(|(gi, sents)| {
            let distance = sents.iter().map(|&x| x.abs_diff(cw.sent)).min().unwrap_or(usize::MAX);
            (std::cmp::Reverse(distance), sents.len(), std::cmp::Reverse(*gi))
        })
        .map(|(gi, _)| *gi)
}

/// Rule 3 of [`attach_claims`].
fn only_event_of_article(cw: &ClaimWhere, groups: &[Group], in_doc: &[(usize, Vec<usize>)]) -> Option<usize> {
    if !cw.eventish || !cw.places.is_empty() || in_doc.len() != 1 {
        return None;
    }
    let gi = in_doc[0].0;
    cw.any.is_none_or(|(s, e)| meets(&groups[gi], s, e)).then_some(gi)
}

/// Stage 4: titles, and the order of events by date then title (ids
/// `e1`, `e2` … follow it).
pub(crate) fn order_events(
    g: &Gathered,
    groups: &[Group],
    lex: &Lexicon,
    places: &[Place],
) -> (Vec<usize>, Vec<String>) {
    let cands = &g.cands;
    let titles: Vec<String> = groups
        .iter()
        .map(|grp| {
            let camp = grp.members.iter().any(|&m| cands[m].hints.contains(&"camp"));
            events::title_of(
                cands,
                grp,
                &|p| places.get(p).map(|x| x.name.clone()).unwrap_or_default(),
                &|a| {
                    lex.actors
                        .get(a)
                        .map(|x| (x.short.clone(), x.role))
                        .unwrap_or((String::new(), Role::Observers))
                },
                camp,
            )
        })
        .collect();
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| {
        (groups[a].start, groups[a].end, &titles[a]).cmp(&(groups[b].start, groups[b].end, &titles[b]))
    });
    (order, titles)
}

/// Stage 5: each caveat goes to the event of its article with most of the
/// article's claims, then the one told nearest to it.
pub(crate) fn attach_caveats(
    g: &Gathered,
    groups: &[Group],
    claim_group: &[Option<usize>],
) -> Vec<Vec<Caveat>> {
    let mut doc_group_claims: std::collections::HashMap<(usize, usize), usize> =
        std::collections::HashMap::new();
    for (ci, grp) in claim_group.iter().enumerate() {
        if let Some(gi) = *grp {
            *doc_group_claims.entry((g.claim_where[ci].1, gi)).or_default() += 1;
        }
    }
    // document → (group, sentence) of its event members
    let mut doc_members: Vec<Vec<(usize, usize)>> = vec![Vec::new(); g.documents.len()];
    for (gi, grp) in groups.iter().enumerate() {
        for &m in &grp.members {
            doc_members[g.cands[m].doc].push((gi, g.cands[m].sent));
        }
    }
    let mut event_caveats: Vec<Vec<Caveat>> = vec![Vec::new(); groups.len()];
    for (di, si, cav) in &g.caveats {
        let best = doc_members[*di]
            .iter()
            .map(|&(gi, sent)| {
                let n = doc_group_claims.get(&(*di, gi)).copied().unwrap_or(0);
                (n, std::cmp::Reverse(sent.abs_diff(*si)), std::cmp::Reverse(gi))
            })
            .max()
            .map(|(_, _, std::cmp::Reverse(gi))| gi);
        if let Some(gi) = best {
            event_caveats[gi].push(cav.clone());
        }
    }
    for cav in &mut event_caveats {
        cav.sort_by(|a, b| (&a.document, a.start).cmp(&(&b.document, b.start)));
    }
    event_caveats
}

/// Stage 6: the disputes among one event's claims (see [`disputes::find`]).
pub(crate) fn event_disputes(claims: &[Claim], member_claims: &[usize], lex: &Lexicon) -> Vec<Dispute> {
    let folded: Vec<String> = member_claims
        .iter()
        .map(|&ci| crate::text::fold_string(&claims[ci].quote))
        .collect();
    let roles = &lex.gazetteer.roles;
    let party = |camp: Option<CampIx>| camp.and_then(|camp| Some(Party { camp, role: roles.of(camp)? }));
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
            let words = disputes::assertion_words(c.stance, content);
            ClaimView {
                id: &c.id,
                side: party(c.side),
                stance: c.stance,
                label,
                content,
                quote: &c.quote,
                numbers: &c.numbers,
                // the gazetteer is run over the quote only for a claim that may blame
                named_sides: if disputes::may_blame(party(c.side), words) {
                    lex.find(&c.quote)
                        .iter()
                        .filter_map(|e| e.actor.and_then(|a| lex.actors.get(a)).map(|a| Party { camp: a.side, role: a.role }))
                        .collect()
                } else {
                    Vec::new()
                },
                assertion_words: words,
            }
        })
        .collect();
    disputes::find(&views)
}

/// Add to an event's actors the actors they and its claims' speakers are
/// `part_of` (a ministry's government, an alliance of its armed wing), so
/// that the parent's facet finds the events its parts take part in or
/// speak of. Nothing is added for a gazetteer without `part_of`.
fn add_parents<'a>(actor_ids: &mut Vec<String>, speakers: impl Iterator<Item = &'a str>, lex: &Lexicon) {
    let g = &lex.gazetteer;
    let mut parts: Vec<usize> = speakers.filter_map(|id| g.actor_index(id)).collect();
    parts.extend(actor_ids.iter().filter_map(|id| g.actor_index(id)));
    for a in parts {
        for up in g.ancestors(a) {
            let id = &g.actors[up].id;
            if !actor_ids.contains(id) {
                actor_ids.push(id.clone());
            }
        }
    }
}

/// Group the articles' candidates into events across the corpus, attach
/// claims and caveats, find disputes, assign ids. Deterministic.
pub fn assemble(articles: Vec<Article>, lex: &Lexicon) -> Corpus {
    let (actors, places) = lex.gazetteer.to_model();
    let g = gather(articles);
    let mut groups = build_events(&g, lex);
    let claim_group = attach_claims(&g, &groups, lex);
    let (order, titles) = order_events(&g, &groups, lex, &places);
    let mut event_id = vec![String::new(); groups.len()];
    for (n, &gi) in order.iter().enumerate() {
        event_id[gi] = format!("e{}", n + 1);
    }
    let mut event_caveats = attach_caveats(&g, &groups, &claim_group);
    let Gathered {
        documents,
        mut claims,
        cands,
        ..
    } = g;
    let mut group_claims: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (ci, grp) in claim_group.iter().enumerate() {
        claims[ci].event = grp.map(|gi| event_id[gi].clone());
        if let Some(gi) = *grp {
            group_claims[gi].push(ci);
        }
    }
    let side_of = |a: usize| lex.actors.get(a).map(|x| x.role);
    let mut events_out: Vec<Event> = Vec::with_capacity(groups.len());
    for &gi in &order {
        groups[gi].members.sort_by_key(|&m| (cands[m].doc, cands[m].sent));
        let grp = &groups[gi];
        let member_claims: Vec<usize> = std::mem::take(&mut group_claims[gi]);
        let mut actor_ids: Vec<String> = Vec::new();
        for &m in &grp.members {
            for &a in &cands[m].actors {
                let id = &actors[a].id;
                if !actor_ids.contains(id) {
                    actor_ids.push(id.clone());
                }
            }
        }
        add_parents(&mut actor_ids, member_claims.iter().filter_map(|&ci| claims[ci].speaker.as_deref()), lex);
        let mut docs: Vec<String> = grp
            .members
            .iter()
            .map(|&m| documents[cands[m].doc].id.clone())
            .collect();
        docs.extend(member_claims.iter().map(|&ci| claims[ci].document.clone()));
        docs.sort();
        docs.dedup();
        let disputes = event_disputes(&claims, &member_claims, lex);
        events_out.push(Event {
            id: event_id[gi].clone(),
            title: titles[gi].clone(),
            kind: events::kind_of(&cands, grp, &side_of),
            start: grp.start.iso(),
            end: grp.end.iso(),
            precision: grp.precision,
            places: grp.places.iter().map(|&p| places[p].id.clone()).collect(),
            actors: actor_ids,
            claims: member_claims.iter().map(|&ci| claims[ci].id.clone()).collect(),
            documents: docs,
            contested: !disputes.is_empty(),
            disputes,
            caveats: std::mem::take(&mut event_caveats[gi]),
            // rated from its claims by `confidence::rate_events`
            confidence: crate::model::Confidence::Low,
            note: None,
        });
    }
    Corpus {
        version: FORMAT_VERSION,
        camps: lex.gazetteer.camps.clone(),
        documents,
        actors,
        places,
        claims,
        events: events_out,
        corrections: 0,
        settings: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::pipeline::{parse_article, Options};

    fn lex() -> Lexicon {
        Lexicon::new(
            Gazetteer::load(
                &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gazetteer.toml"),
            )
            .unwrap(),
        )
    }

    fn corpus(texts: &[&str]) -> Corpus {
        let lex = lex();
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| parse_article(&format!("{i:02}.txt"), t.as_bytes(), &lex, Options::default()).unwrap())
            .collect();
        assemble(articles, &lex)
    }

    fn event_of<'c>(c: &'c Corpus, quote: &str) -> Option<&'c str> {
        c.claims.iter().find(|x| x.quote.contains(quote)).and_then(|x| x.event.as_deref())
    }

    #[test]
    fn two_outlets_one_incident_in_different_words() {
        let c = corpus(&[
            "+++\npublished = 2023-11-14\n+++\nRebels said drone strikes hit Kidal on Monday.\n",
            "+++\npublished = 2023-11-14\n+++\nThe army said it repelled an attack on Kidal on Monday.\n",
        ]);
        assert_eq!(c.events.len(), 1, "{:?}", c.events);
        assert_eq!(c.events[0].documents.len(), 2);
    }

    #[test]
    fn a_claim_without_a_place_joins_the_event_told_nearest() {
        let c = corpus(&["+++\npublished = 2023-11-14\n+++\nThe army said it killed ten fighters on Monday.\n\nIt announced that fighting near Gao killed four rebels on Monday.\n\nResidents said heavy shelling hit Kidal on Monday.\n\nLocal officials said two more were killed in the shelling in Kidal.\n"]);
        let first = event_of(&c, "killed ten fighters").expect("the first claim has an event");
        assert_eq!(Some(first), event_of(&c, "fighting near Gao"));
    }

    #[test]
    fn an_analysts_background_comment_belongs_to_no_incident() {
        let c = corpus(&["+++\npublished = 2023-11-14\n+++\nRebels said they attacked the army camp in Kidal on Monday.\n\nThe army said the attackers were killed.\n\nAttacks on Kidal have grown more frequent, an analyst said.\n"]);
        assert_eq!(event_of(&c, "grown more frequent"), None);
        assert!(event_of(&c, "attackers were killed").is_some());
    }

    #[test]
    fn the_one_event_of_an_article_takes_its_undated_claims() {
        let c = corpus(&["+++\npublished = 2023-11-14\n+++\nRebels said they attacked the army camp in Kidal on Monday.\n\nThe army said the attackers were killed.\n"]);
        assert_eq!(c.events.len(), 1, "{:?}", c.events);
        assert_eq!(event_of(&c, "attackers were killed"), Some(c.events[0].id.as_str()));
    }
}
