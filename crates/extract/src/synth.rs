//! Synthetic wire copy for tests, benchmarks and demos.
//!
//! [`synth_articles`] writes plausible news articles about the war in
//! northern Mali from the actors, people and places of a gazetteer and a set
//! of templates in the style of agency copy: front matter, a dateline, an
//! attributed lead, quotes, a denial from the other side with conflicting
//! numbers, a caveat ("could not be independently verified"), background
//! paragraphs and sometimes pasted web boilerplate. The output is fully
//! determined by `(gazetteer, n, seed)`: a tiny built-in PRNG (SplitMix64)
//! drives every choice, so no `rand` dependency is needed.
//!
//! The generator reads the gazetteer through [`Cast`], a flat view with only
//! what the templates need; a gazetteer without some sides, people or places
//! still yields articles (generic descriptions stand in).

use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::camps::Role;
use crate::model::EventKind;

/// Generate `n` synthetic articles: `(file name, text)` pairs, file names
/// `synth_00000.txt`, … in order. Deterministic for a given `seed`.
pub fn synth_articles(gaz: &Gazetteer, n: usize, seed: u64) -> Vec<(String, String)> {
    synth_labelled(gaz, n, seed)
        .into_iter()
        .map(|a| (a.name, a.text))
        .collect()
}

/// A synthetic article with what it was written to report: a ground truth
/// to measure the extraction against.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthArticle {
    pub name: String,
    pub text: String,
    /// The kind of event the story is about.
    pub kind: EventKind,
    /// Name of the place where it happened (as written in the text).
    pub place: String,
    /// The day it happened, `YYYY-MM-DD`.
    pub date: String,
}

/// [`synth_articles`] with the ground truth of each article (same texts).
pub fn synth_labelled(gaz: &Gazetteer, n: usize, seed: u64) -> Vec<SynthArticle> {
    let cast = Cast::from_gazetteer(gaz);
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let article = Article::new(&cast, &mut rng);
            let (kind, place, date) = (
                article.scenario.kind(),
                article.place.clone(),
                article.event_day.iso(),
            );
            SynthArticle {
                name: format!("synth_{i:05}.txt"),
                text: article.render(),
                kind,
                place,
                date,
            }
        })
        .collect()
}

/// The parts of a gazetteer the templates use.
#[derive(Debug, Clone, Default)]
pub struct Cast {
    pub actors: Vec<CastActor>,
    pub people: Vec<CastPerson>,
    pub places: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CastActor {
    pub id: String,
    pub name: String,
    /// Short forms used after the first mention ("the CSP").
    pub aliases: Vec<String>,
    /// The role of the actor's camp.
    pub side: Role,
    /// Can front a story: a named organisation (with an acronym) or an actor
    /// with a spokesperson, not a collective description ("residents").
    pub named: bool,
}

#[derive(Debug, Clone)]
pub struct CastPerson {
    pub name: String,
    /// Actor id the person speaks for.
    pub actor: String,
    /// "spokesman", "leader", …
    pub role: String,
}

impl Cast {
    pub fn from_gazetteer(gaz: &Gazetteer) -> Cast {
        Cast {
            actors: gaz
                .actors
                .iter()
                .filter(|a| !a.name.trim().is_empty())
                .map(|a| CastActor {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    aliases: a.aliases.clone(),
                    side: gaz.roles.of(a.side).unwrap_or(Role::Armed),
                    named: is_acronym(&a.name)
                        || a.aliases.iter().any(|x| is_acronym(x))
                        || gaz.people.iter().any(|p| p.actor == a.id),
                })
                .collect(),
            people: gaz
                .people
                .iter()
                .filter(|p| !p.name.trim().is_empty())
                .map(|p| CastPerson {
                    name: p.name.clone(),
                    actor: p.actor.clone(),
                    role: p.role.clone().unwrap_or_default(),
                })
                .collect(),
            places: {
                // Events happen in towns of the region (places with an
                // administrative region); other towns, then any place, only
                // if there is nothing else.
                let named = || gaz.places.iter().filter(|p| !p.name.trim().is_empty());
                let names = |f: &dyn Fn(&crate::gazetteer::PlaceEntry) -> bool| -> Vec<String> {
                    named().filter(|p| f(p)).map(|p| p.name.clone()).collect()
                };
                let local = names(&|p| p.kind == PlaceKind::Town && p.region.is_some());
                let towns = names(&|p| p.kind == PlaceKind::Town);
                if !local.is_empty() {
                    local
                } else if !towns.is_empty() {
                    towns
                } else {
                    names(&|_| true)
                }
            },
        }
    }

    /// The actors of a side that can front a story: named organisations
    /// (with an acronym) or actors with a spokesperson — not collective
    /// descriptions such as "residents" or "security sources". All actors of
    /// the side when none qualifies.
    fn actors_of(&self, side: Role) -> Vec<&CastActor> {
        let all: Vec<&CastActor> = self.actors.iter().filter(|a| a.side == side).collect();
        let named: Vec<&CastActor> = all.iter().copied().filter(|a| a.named).collect();
        if named.is_empty() {
            all
        } else {
            named
        }
    }

    fn person_for(&self, actor: &str) -> Vec<&CastPerson> {
        self.people.iter().filter(|p| p.actor == actor).collect()
    }
}

/// SplitMix64: tiny, fast, good enough for picking templates.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`0` when `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo) as usize + 1) as u32
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }

    pub fn pick_opt<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            Some(items[self.below(items.len())])
        }
    }
}

// ---------------------------------------------------------------- calendar

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

const WEEKDAYS: [&str; 7] = [
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_WIRE: [&str; 12] = [
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];

#[derive(Debug, Clone, Copy)]
struct Day(i64);

impl Day {
    fn civil(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }
    fn iso(self) -> String {
        let (y, m, d) = self.civil();
        format!("{y:04}-{m:02}-{d:02}")
    }
    fn weekday(self) -> &'static str {
        WEEKDAYS[self.0.rem_euclid(7) as usize]
    }
    /// "October 5"
    fn month_day(self) -> String {
        let (_, m, d) = self.civil();
        format!("{} {d}", MONTHS[m as usize - 1])
    }
    /// "Oct 5" as in a wire dateline.
    fn wire(self) -> String {
        let (_, m, d) = self.civil();
        format!("{} {d}", MONTHS_WIRE[m as usize - 1])
    }
}

// ---------------------------------------------------------------- templates

/// Invented outlets; none shares a word with a gazetteer name.
const OUTLETS: &[&str] = &[
    "Sahel Wire",
    "Desert Dispatch",
    "West Africa Monitor",
    "Harmattan Press",
];
/// Where the copy is filed from (Bamako most often, as in real wire copy).
const DATELINES: &[&str] = &[
    "BAMAKO", "BAMAKO", "BAMAKO", "GAO", "NIAMEY", "DAKAR", "ALGIERS", "TIMBUKTU",
];
const NUMBER_WORDS: [&str; 11] = [
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// What happened, in the ACLED-like kinds the engine recognises.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scenario {
    Clash,
    Attack,
    DroneStrike,
    Seizure,
    Recapture,
    RoadsideBomb,
    Massacre,
    Withdrawal,
}

impl Scenario {
    fn kind(self) -> EventKind {
        match self {
            Scenario::Clash => EventKind::ArmedClash,
            Scenario::Attack => EventKind::Attack,
            Scenario::DroneStrike => EventKind::AirDroneStrike,
            Scenario::Seizure => EventKind::NonStateActorOvertakesTerritory,
            Scenario::Recapture => EventKind::GovernmentRegainsTerritory,
            Scenario::RoadsideBomb => EventKind::RemoteExplosive,
            Scenario::Massacre => EventKind::ViolenceAgainstCivilians,
            Scenario::Withdrawal => EventKind::StrategicDevelopment,
        }
    }
}

const SCENARIOS: [Scenario; 8] = [
    Scenario::Clash,
    Scenario::Attack,
    Scenario::DroneStrike,
    Scenario::Seizure,
    Scenario::Recapture,
    Scenario::RoadsideBomb,
    Scenario::Massacre,
    Scenario::Withdrawal,
];

/// A party as written in the text: full name on first mention, short form later.
#[derive(Debug, Clone)]
struct Party {
    full: String,
    short: String,
    /// A named spokesperson ("Mohamed Ramadane, a spokesman for the CSP").
    person: Option<(String, String)>,
}

impl Party {
    fn from_actor(cast: &Cast, a: &CastActor, rng: &mut Rng) -> Party {
        let aliases: Vec<&String> = a.aliases.iter().filter(|s| !s.trim().is_empty()).collect();
        let acronym = aliases
            .iter()
            .find(|s| is_acronym(s))
            .map(|s| s.to_string());
        let short = match &acronym {
            Some(x) => format!("the {x}"),
            None => with_article(
                aliases
                    .iter()
                    .min_by_key(|s| s.chars().count())
                    .map(|s| s.as_str())
                    .unwrap_or(&a.name),
            ),
        };
        // First mention as in agency copy: "the Permanent Strategic Framework (CSP)".
        // NGOs and media go by their bare name ("Human Rights Watch said").
        if a.side == Role::Observers {
            let name = a.name.clone();
            let person = rng
                .pick_opt(&cast.person_for(&a.id))
                .map(|p| (p.name.clone(), p.role.clone()));
            return Party {
                full: name.clone(),
                short: name,
                person,
            };
        }
        let full = match &acronym {
            Some(x) if !a.name.contains(x.as_str()) => format!("{} ({x})", with_article(&a.name)),
            _ => with_article(&a.name),
        };
        let people = cast.person_for(&a.id);
        let person = rng.pick_opt(&people).map(|p| {
            let role = if p.role.trim().is_empty() {
                "spokesman".to_string()
            } else {
                p.role.clone()
            };
            (p.name.clone(), role)
        });
        Party {
            full,
            short,
            person,
        }
    }

    fn generic(full: &str, short: &str) -> Party {
        Party {
            full: full.into(),
            short: short.into(),
            person: None,
        }
    }
}

/// The main protagonists most stories are about (the army, the rebel
/// alliances, GSIM, the UN mission): when the gazetteer has them, they front a
/// story four times out of five; otherwise any named actor of the side does.
const PROTAGONISTS: &[&str] = &["fama", "csp", "cma", "gsim", "minusma", "hrw"];

fn party(cast: &Cast, side: Role, rng: &mut Rng, fallback: (&str, &str)) -> Party {
    let actors = cast.actors_of(side);
    let main: Vec<&CastActor> = actors
        .iter()
        .copied()
        .filter(|a| PROTAGONISTS.contains(&a.id.as_str()))
        .collect();
    let pool = if !main.is_empty() && rng.chance(80) {
        &main
    } else {
        &actors
    };
    match rng.pick_opt(pool) {
        Some(a) => Party::from_actor(cast, a, rng),
        None => Party::generic(fallback.0, fallback.1),
    }
}

/// Straight double quotes turned into alternating “ and ”.
fn curly_quotes(s: &str) -> String {
    let mut open = true;
    s.chars()
        .map(|c| {
            if c == '"' {
                let q = if open { '\u{201c}' } else { '\u{201d}' };
                open = !open;
                q
            } else {
                c
            }
        })
        .collect()
}

/// Escape a TOML basic string's content.
fn toml_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// "CSP", "GSIM", "FAMa": mostly capitals, no spaces.
fn is_acronym(s: &str) -> bool {
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    !s.contains(' ') && upper >= 2 && upper * 2 >= s.chars().filter(|c| c.is_alphabetic()).count()
}

/// "the Malian Armed Forces", "Minusma", "the Malian army": organisations of
/// several words take "the"; single names do not.
fn with_article(name: &str) -> String {
    let lower = name.to_lowercase();
    if lower.starts_with("the ") {
        format!("the {}", &name[4..])
    } else if is_acronym(name) || name.contains(' ') {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// A gazetteer role ("Army spokesman (director of army public relations,
/// DIRPA)") as an appositive: "an army spokesman". Only the first clause is
/// kept; titles take "the", everything else "a"/"an".
fn role_phrase(role: &str) -> String {
    let clause = role.split([',', '(', ';']).next().unwrap_or("").trim();
    if clause.is_empty() {
        return String::new();
    }
    let mut chars = clause.chars();
    let first = chars.next().unwrap_or(' ');
    let rest = chars.as_str();
    // Lower-case a capitalised common word ("Army spokesman"), not an acronym ("CSP spokesman").
    let clause = if rest.starts_with(|c: char| c.is_lowercase()) {
        first.to_lowercase().collect::<String>() + rest
    } else {
        clause.to_string()
    };
    let lower = clause.to_lowercase();
    if lower.starts_with("the ") {
        clause
    } else if [
        "head",
        "chief",
        "president",
        "founder",
        "leader",
        "secretary",
        "director",
        "minister",
        "prime minister",
    ]
    .iter()
    .any(|t| lower.starts_with(t))
    {
        format!("the {clause}")
    } else {
        format!("{} {clause}", article(&clause))
    }
}

/// "a" or "an" before a word.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "no men", "one man", "three men", "12 men".
fn men(n: u32) -> String {
    if n == 1 {
        "one man".into()
    } else {
        format!("{} men", count_words(n))
    }
}

fn count_words(n: u32) -> String {
    NUMBER_WORDS
        .get(n as usize)
        .map(|s| s.to_string())
        .unwrap_or_else(|| n.to_string())
}

struct Article {
    outlet: &'static str,
    published: Day,
    event_day: Day,
    place: String,
    near: String,
    scenario: Scenario,
    state: Party,
    rebel: Party,
    jihadist: Party,
    intl: Party,
    observer: Party,
    rng: Rng,
}

impl Article {
    fn new(cast: &Cast, rng: &mut Rng) -> Article {
        // 2023-08-01 .. 2024-12-31
        let first = days_from_civil(2023, 8, 1);
        let last = days_from_civil(2024, 12, 31);
        let event_day = Day(first + rng.below((last - first) as usize) as i64);
        let published = Day(event_day.0 + rng.range(0, 2) as i64);
        let places: Vec<&str> = cast.places.iter().map(String::as_str).collect();
        let place = rng.pick_opt(&places).unwrap_or("Kidal").to_string();
        let others: Vec<&str> = places.iter().copied().filter(|p| *p != place).collect();
        let near = rng
            .pick_opt(&others)
            .unwrap_or(if place == "Gao" { "Kidal" } else { "Gao" })
            .to_string();
        let scenario = SCENARIOS[rng.below(SCENARIOS.len())];
        let state = party(
            cast,
            Role::State,
            rng,
            ("the Malian Armed Forces (FAMa)", "the army"),
        );
        let rebel = party(
            cast,
            Role::Armed,
            rng,
            ("the Permanent Strategic Framework (CSP)", "the CSP"),
        );
        let jihadist = party(
            cast,
            Role::Jihadist,
            rng,
            ("the Support Group for Islam and Muslims (GSIM)", "the GSIM"),
        );
        let intl = party(
            cast,
            Role::International,
            rng,
            ("the UN mission in Mali (Minusma)", "Minusma"),
        );
        let observer = party(
            cast,
            Role::Observers,
            rng,
            ("Human Rights Watch", "Human Rights Watch"),
        );
        let outlet = OUTLETS[rng.below(OUTLETS.len())];
        let rng = Rng::new(rng.next_u64());
        Article {
            outlet,
            published,
            event_day,
            place,
            near,
            scenario,
            state,
            rebel,
            jihadist,
            intl,
            observer,
            rng,
        }
    }

    /// "on Thursday" when the event is within the week before publication,
    /// else "on October 5".
    fn when(&self) -> String {
        let gap = self.published.0 - self.event_day.0;
        if gap == 0 && self.rng.0.is_multiple_of(3) {
            format!(
                "on {} ({})",
                self.event_day.weekday(),
                self.event_day.month_day()
            )
        } else if gap <= 6 {
            format!("on {}", self.event_day.weekday())
        } else {
            format!("on {}", self.event_day.month_day())
        }
    }

    fn render(mut self) -> String {
        let mut out = String::new();
        let headline = self.headline();
        out.push_str("+++\n");
        out.push_str(&format!("title = \"{}\"\n", toml_escape(&headline)));
        out.push_str(&format!(
            "outlet = \"{} (synthetic)\"\n",
            toml_escape(self.outlet)
        ));
        out.push_str(&format!("published = {}\n", self.published.iso()));
        out.push_str("+++\n");
        let front_len = out.len();
        out.push_str(&headline);
        out.push_str("\n\n");
        let dateline = DATELINES[self.rng.below(DATELINES.len())];
        let lead = self.lead();
        if self.rng.chance(70) {
            out.push_str(&format!(
                "{dateline}, {} ({}) - {lead}\n\n",
                self.published.wire(),
                self.outlet
            ));
        } else {
            out.push_str(&format!("{lead}\n\n"));
        }
        for p in self.body() {
            out.push_str(&p);
            out.push_str("\n\n");
        }
        out.push_str(&self.caveat());
        out.push_str("\n\n");
        out.push_str(&self.background());
        out.push_str("\n\n");
        if self.rng.chance(35) {
            out.push_str(&self.boilerplate());
            out.push_str("\n\n");
        }
        out.push_str(&format!(
            "(Reporting by the {} desk; editing by the night team)\n",
            self.outlet
        ));
        // Some outlets print typographic quotes (as in the seeds).
        if self.rng.chance(30) {
            let body = curly_quotes(&out[front_len..]);
            out.truncate(front_len);
            out.push_str(&body);
        }
        out
    }

    fn headline(&mut self) -> String {
        let p = &self.place;
        match self.scenario {
            Scenario::Clash => {
                format!("Mali army and rebels clash near {p}, both sides claim the upper hand")
            }
            Scenario::Attack => format!("Jihadists attack army camp in {p}"),
            Scenario::DroneStrike => format!(
                "Drone strike on {p}: army says terrorists hit, rebels say civilians killed"
            ),
            Scenario::Seizure => format!("Rebels say they seized army base at {p}"),
            Scenario::Recapture => format!("Malian army says it has retaken {p}"),
            Scenario::RoadsideBomb => format!("Army convoy hits explosive device near {p}"),
            Scenario::Massacre => format!("Civilians killed in village near {p}, witnesses say"),
            Scenario::Withdrawal => format!("UN peacekeepers leave {p} camp early"),
        }
    }

    /// A quote attributed to a party: to its named spokesperson (with an
    /// appositive) or to the party itself. `quote` has no final punctuation.
    fn quoted(&mut self, quote: &str, who: &Party, verb: &str, extra: &str) -> String {
        match &who.person {
            Some((name, role)) if self.rng.chance(60) => {
                let role = role_phrase(role);
                let extra = if extra.is_empty() || extra.starts_with(',') {
                    extra.to_string()
                } else {
                    format!(",{extra}")
                };
                if role.is_empty() {
                    format!("\"{quote},\" {verb} {name}{extra}.")
                } else {
                    format!("\"{quote},\" {verb} {name}, {role}{extra}.")
                }
            }
            _ => format!("\"{quote},\" {} {verb}{extra}.", who.short),
        }
    }

    /// Like [`Self::quoted`] with a varied reporting verb: "said", "added" or
    /// "told <outlet>" (never inverted: `"…," NAME, ROLE, told AFP.`).
    fn quoted_varied(&mut self, quote: &str, who: &Party) -> String {
        match self.rng.below(10) {
            0 | 1 => self.quoted(quote, who, "added", ""),
            2 | 3 => {
                let to = format!("told {}", self.outlet);
                match &who.person {
                    Some((name, role)) if self.rng.chance(60) => {
                        let role = role_phrase(role);
                        let role = if role.is_empty() {
                            String::new()
                        } else {
                            format!(", {role},")
                        };
                        format!("\"{quote},\" {name}{role} {to}.")
                    }
                    _ => format!("\"{quote},\" {} {to}.", who.short),
                }
            }
            _ => self.quoted(quote, who, "said", ""),
        }
    }

    fn lead(&mut self) -> String {
        let when = self.when();
        let (place, near) = (self.place.clone(), self.near.clone());
        let km = self.rng.range(5, 120);
        let killed = self.rng.range(3, 60);
        let (state, rebel, jihadist, intl) = (
            self.state.full.clone(),
            self.rebel.full.clone(),
            self.jihadist.full.clone(),
            self.intl.full.clone(),
        );
        match self.scenario {
            Scenario::Clash => format!(
                "{} said {when} its forces had clashed with fighters of {rebel} about {km} kilometres from {place}, killing {killed} \"terrorists\" and destroying several pick-ups.",
                cap(&state)
            ),
            Scenario::Attack => format!(
                "Fighters of {jihadist} attacked a military camp in {place} {when}, killing at least {killed} soldiers, {} said.",
                self.rebel_or_local()
            ),
            Scenario::DroneStrike => format!(
                "A drone strike hit a market near {place} {when}, killing {killed} people, {rebel} said, while {state} said it had targeted \"a terrorist gathering\"."
            ),
            Scenario::Seizure => {
                let verb = ["had seized control of", "had taken control of", "had overrun"][self.rng.below(3)];
                format!(
                    "{} said {when} it {verb} the army base in {place}, some {km} km from {near}, after several hours of fighting.",
                    cap(&rebel)
                )
            }
            Scenario::Recapture => format!(
                "{} announced {when} that its units had retaken {place} and entered the town after the rebels withdrew towards {near}.",
                cap(&state)
            ),
            Scenario::RoadsideBomb => format!(
                "An army convoy travelling from {near} to {place} struck an improvised explosive device {when}, killing {} soldiers, a military source said.",
                count_words(self.rng.range(2, 9))
            ),
            Scenario::Massacre => {
                let what = ["of executing men in the market", "of having executed men in the market", "of a massacre"][self.rng.below(3)];
                format!(
                    "At least {killed} civilians were killed in a village near {place} {when}, local officials said, accusing soldiers and Russian mercenaries {what}."
                )
            }
            Scenario::Withdrawal => {
                let deadline = if self.rng.chance(50) { " ahead of the December 31 deadline" } else { "" };
                let how = ["had completed its withdrawal from its camp in", "had pulled out of its camp in", "had left its camp in"][self.rng.below(3)];
                format!("{} said {when} it {how} {place}, handing the base to the Malian authorities{deadline}.", cap(&intl))
            }
        }
    }

    fn rebel_or_local(&mut self) -> String {
        if self.rng.chance(50) {
            "a local elected official".into()
        } else {
            "security sources".into()
        }
    }

    fn body(&mut self) -> Vec<String> {
        let mut paras = Vec::new();
        let place = self.place.clone();
        let own_losses = self.rng.range(0, 6);
        let enemy_losses = self.rng.range(10, 80);
        let (state, rebel, jihadist, intl) = (
            self.state.clone(),
            self.rebel.clone(),
            self.jihadist.clone(),
            self.intl.clone(),
        );
        let when = self.when();
        match self.scenario {
            Scenario::Clash | Scenario::Recapture => {
                let q = format!(
                    "Our forces have inflicted very heavy losses on the enemy and lost {}",
                    men(own_losses)
                );
                paras.push(self.quoted(
                    &q,
                    &state,
                    "said",
                    " in a statement read on state television",
                ));
                let vehicles = self.rng.range(3, 20);
                let q = format!("The army is lying. It was repelled and lost {enemy_losses} soldiers and {vehicles} vehicles");
                let denial = self.quoted_varied(&q, &rebel);
                paras.push(format!(
                    "{} denied the account, saying the rebels still held their positions around {place}. {denial}",
                    cap(&rebel.short)
                ));
                if self.rng.chance(50) {
                    paras.push(format!(
                        "A resident of {place} reached by telephone said fighting had lasted several hours and that he had seen army planes overhead."
                    ));
                }
            }
            Scenario::Attack => {
                paras.push(format!(
                    "{} claimed responsibility for the attack in a message on its propaganda channels, saying its fighters had killed {enemy_losses} soldiers and seized weapons.",
                    cap(&jihadist.short)
                ));
                let q = format!(
                    "The situation is under control and {} terrorists were neutralised",
                    self.rng.range(5, 40)
                );
                let quote = self.quoted_varied(&q, &state);
                paras.push(format!(
                    "The army said it had repelled the attack {when} and put its own losses at {} dead. {quote}",
                    count_words(own_losses)
                ));
            }
            Scenario::DroneStrike => {
                let q = format!(
                    "Among the dead are {} children and {} women. There were no fighters at the market",
                    count_words(self.rng.range(2, 9)),
                    count_words(self.rng.range(2, 6))
                );
                paras.push(self.quoted_varied(&q, &rebel));
                paras.push(format!(
                    "{} rejected the accusation, saying the strike \"hit only terrorists\" and that \"no civilian was affected\".",
                    cap(&state.short)
                ));
            }
            Scenario::Seizure => {
                let q = format!("We now control the camp and have captured {} vehicles and large quantities of ammunition", self.rng.range(4, 30));
                paras.push(self.quoted_varied(&q, &rebel));
                let q = format!("These are lies. Our units carried out a tactical withdrawal and remain in {place}");
                let quote = self.quoted_varied(&q, &state);
                paras.push(format!("The army denied losing the base. {quote}"));
            }
            Scenario::RoadsideBomb => {
                paras.push(format!(
                    "{} said in a statement that {} of its fighters had planted the device, and put the toll at {enemy_losses} dead.",
                    cap(&jihadist.short),
                    count_words(self.rng.range(2, 6))
                ));
                paras.push(self.quoted(
                    "The convoy continued its mission",
                    &state,
                    "said",
                    ", without giving a toll",
                ));
            }
            Scenario::Massacre => {
                paras.push(format!(
                    "\"They gathered the men in the market and shot them. I counted {enemy_losses} bodies,\" a witness told {}, speaking on condition of anonymity.",
                    self.outlet
                ));
                let q = format!("Our forces respect human rights. The operation in {place} targeted terrorists only");
                let quote = self.quoted_varied(&q, &state);
                paras.push(format!("{} denied any abuses. {quote}", cap(&state.short)));
                paras.push(format!(
                    "{} called for an independent investigation, saying it had documented at least {} deaths.",
                    cap(&self.observer.full),
                    self.rng.range(10, 60)
                ));
            }
            Scenario::Withdrawal => {
                let q = format!(
                    "The departure took place in a degraded security environment, and {} peacekeepers have left the camp",
                    self.rng.range(300, 1500)
                );
                paras.push(self.quoted_varied(&q, &intl));
                let accusation =
                    self.quoted("The camps should return to our control", &rebel, "said", "");
                paras.push(format!(
                    "{} accused the army of seizing the camp in breach of the 2015 peace agreement. {accusation}",
                    cap(&rebel.short)
                ));
            }
        }
        paras
    }

    fn caveat(&mut self) -> String {
        const CAVEATS: &[&str] = &[
            "The claims could not be independently verified. Access to the area is restricted and telephone networks are often cut.",
            "Neither side's account could be verified independently in this remote region.",
            "No independent toll could be established, and the claims of all the protagonists are difficult to verify.",
        ];
        CAVEATS[self.rng.below(CAVEATS.len())].to_string()
    }

    fn background(&mut self) -> String {
        const BACKGROUND: &[&str] = &[
            "Northern Mali has seen renewed hostilities since August 2023 between the army and the mainly Tuareg separatist groups, which signed a peace agreement with the state in 2015.",
            "The junta, which seized power in 2020, pushed the UN mission out of the country and has made the restoration of territorial sovereignty its mantra.",
            "Jihadist groups affiliated with Al-Qaeda and the Islamic State continue to attack army positions in the north and centre of the country.",
        ];
        let a = BACKGROUND[self.rng.below(BACKGROUND.len())];
        let b = BACKGROUND[self.rng.below(BACKGROUND.len())];
        if a == b {
            a.to_string()
        } else {
            format!("{a} {b}")
        }
    }

    fn boilerplate(&mut self) -> String {
        const BOILERPLATE: &[&str] = &[
            "Read also | Mali: the long road to Kidal",
            "Sign up for our newsletter\n\nLEAVE A REPLY\n\nPlease enter your comment!\nPlease enter your name here",
            "Take international news with you everywhere! Download the app",
        ];
        BOILERPLATE[self.rng.below(BOILERPLATE.len())].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips_and_knows_weekdays() {
        for z in [-1000i64, 0, 19_000, 19_635, 20_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        // 2023-10-05 was a Thursday, 2023-11-12 a Sunday.
        assert_eq!(Day(days_from_civil(2023, 10, 5)).weekday(), "Thursday");
        assert_eq!(Day(days_from_civil(2023, 11, 12)).weekday(), "Sunday");
        assert_eq!(Day(days_from_civil(2024, 2, 29)).iso(), "2024-02-29");
    }

    fn seed_gazetteer() -> Gazetteer {
        Gazetteer::parse(include_str!("../../../seeds/gazetteer.toml"))
            .expect("seed gazetteer parses")
    }

    #[test]
    fn articles_have_valid_front_matter_and_name_gazetteer_entities() {
        let gaz = seed_gazetteer();
        let articles = synth_articles(&gaz, 60, 11);
        assert_eq!(articles.len(), 60);
        assert_eq!(articles[0].0, "synth_00000.txt");
        assert_eq!(articles[59].0, "synth_00059.txt");
        let matcher = gaz.matcher();
        for (name, text) in &articles {
            let split = crate::frontmatter::split(text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert!(split.warnings.is_empty(), "{name}: {:?}", split.warnings);
            let published = split.front.published.as_deref().expect("published date");
            assert!(
                ("2023-08-01".."2025-01-03").contains(&published),
                "{name}: {published}"
            );
            assert!(split.front.title.is_some());
            assert!(split.body.contains(['"', '\u{201c}']), "{name} has quotes");
            let mentions = matcher.find(split.body);
            let kinds = |f: fn(&crate::gazetteer::Entity) -> bool| {
                mentions.iter().filter(|m| f(&m.entity)).count()
            };
            assert!(
                kinds(|e| matches!(e, crate::gazetteer::Entity::Place(_))) > 0,
                "{name} names a place"
            );
            assert!(
                kinds(|e| matches!(e, crate::gazetteer::Entity::Actor(_))) >= 2,
                "{name} names two actors"
            );
        }
        // Templates vary: several distinct headlines and all story kinds over 60 articles.
        let heads: std::collections::BTreeSet<&str> = articles
            .iter()
            .map(|(_, t)| t.lines().nth(1).unwrap())
            .collect();
        assert!(heads.len() > 20, "{} distinct titles", heads.len());
    }

    #[test]
    fn empty_gazetteer_still_yields_articles() {
        let gaz = Gazetteer::default();
        let articles = synth_articles(&gaz, 10, 3);
        assert_eq!(articles.len(), 10);
        for (_, text) in &articles {
            assert!(crate::frontmatter::split(text).is_ok());
            assert!(text.contains("Kidal") || text.contains("Gao"));
        }
    }

    #[test]
    fn role_phrases_read_as_appositives() {
        assert_eq!(
            role_phrase("Army spokesman (director of army public relations, DIRPA)"),
            "an army spokesman"
        );
        assert_eq!(role_phrase("CSP spokesman"), "a CSP spokesman");
        assert_eq!(
            role_phrase("Head of the junta, transitional president"),
            "the head of the junta"
        );
        assert_eq!(role_phrase(""), "");
    }

    #[test]
    fn curly_quotes_alternate() {
        assert_eq!(
            curly_quotes("\"a,\" he said. \"b\""),
            "\u{201c}a,\u{201d} he said. \u{201c}b\u{201d}"
        );
    }

    #[test]
    fn rng_is_deterministic_and_bounded() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..100).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..100).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng::new(8).next_u64(), xs[0]);
        let mut r = Rng::new(1);
        assert_eq!(r.below(0), 0);
        for _ in 0..1000 {
            let v = r.range(3, 5);
            assert!((3..=5).contains(&v));
        }
    }
}
