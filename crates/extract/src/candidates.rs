//! Names a gazetteer lacks: capitalised names seen where the engine looks
//! for a speaker or a place, that no gazetteer entry matches. What an editor
//! starting on a new conflict reads (`counterclaim check`) and what
//! `counterclaim init` writes, commented out, into a starter gazetteer.
//!
//! Positions, deliberately simple and conservative:
//! - **speaker**: a name right before a reporting verb ("Khartoum said",
//!   "the Sovereign Council denied"), or right after "according to";
//! - **place**: a name right after a locative preposition ("in Goma",
//!   "near the Zamzam camp", "from Port Sudan").
//!
//! A name is a run of capitalised words (plus a few lowercase particles
//! inside names: "al", "de", "of"…), without leading function words
//! ("The", "In", "But"), months or weekdays. Names matched by the
//! gazetteer (any overlap with a gazetteer mention) are left out.

use std::collections::HashMap;

use crate::frontmatter;
use crate::mentions::Lexicon;
use crate::text::fold_string;

/// Where a candidate was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Speaker,
    Place,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Speaker => "speaker",
            Role::Place => "place",
        }
    }
}

/// A name the gazetteer lacks, with how often it was seen in that role and
/// its first occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The name as first written.
    pub name: String,
    pub role: Role,
    pub count: usize,
    /// Path of the first article that has it (as given), and its 1-based line.
    pub path: String,
    pub line: usize,
}

/// Words that end a speaker name and make it a speaker ("X said").
const REPORTING_VERBS: &[&str] = &[
    "said", "says", "told", "claimed", "claims", "denied", "denies", "accused", "accuses",
    "announced", "announces", "reported", "reports", "stated", "states", "added", "insisted",
    "confirmed", "confirms", "rejected", "rejects", "warned", "alleged", "alleges", "blamed",
    "blames", "dismissed", "refuted", "acknowledged", "admitted", "asserted", "declared",
    "wrote", "tweeted", "posted",
];

/// Words after which a name is a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "to", "from", "into", "outside", "around", "towards", "toward", "inside",
    "across", "through",
];

/// Lowercase words allowed inside a multi-word name ("Wad al Noura", "Bank of Sudan").
const NAME_PARTICLES: &[&str] = &["al", "el", "ad", "as", "de", "du", "des", "la", "le", "of", "bin", "ibn", "van", "von", "da"];

/// Capitalised words that are not names at the start of a run.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "for", "from", "to", "with", "after",
    "before", "during", "when", "while", "as", "this", "that", "these", "those", "its", "his",
    "her", "their", "our", "we", "he", "she", "it", "they", "i", "you", "meanwhile", "however",
    "also", "according", "earlier", "later", "last", "since", "some", "many", "several", "both",
    "if", "there", "then", "so", "yet", "until", "by", "of", "about", "over", "under", "no",
    "not", "one", "two", "three", "four", "five", "ten", "more", "most", "another", "other",
    "such", "what", "who", "which", "where", "why", "how", "all", "any", "each", "every", "mr",
    "mrs", "ms", "dr", "read", "photo", "file", "sign", "click", "share", "reporting", "editing",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "today", "yesterday", "tomorrow", "sources", "source", "witnesses",
    "residents", "officials", "analysts",
];

/// One word of a body: byte range, and the folded lowercase form.
struct Word {
    start: usize,
    end: usize,
    folded: String,
    capitalised: bool,
    /// Punctuation (other than spaces) between this word and the next one.
    gap_punct: bool,
}

fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        // A word: letters/digits, joined by inner apostrophes, hyphens, dots
        // of acronyms ("U.N.") and slashes ("AFC/M23").
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
            } else if matches!(d, '\'' | '’' | '-' | '/' | '.')
                && text[j + d.len_utf8()..].chars().next().is_some_and(|n| n.is_alphanumeric())
                && (d != '.' || text[i..j].chars().all(|x| x.is_uppercase()))
            {
                iter.next();
            } else {
                break;
            }
        }
        let raw = &text[i..end];
        let folded = fold_string(raw);
        let folded = folded.strip_suffix("'s").map(str::to_string).unwrap_or(folded);
        if let Some(prev) = out.last_mut() {
            let gap = &text[prev.end..i];
            prev.gap_punct = gap.chars().any(|g| !g.is_whitespace());
        }
        out.push(Word {
            start: i,
            end,
            folded,
            capitalised: c.is_uppercase(),
            gap_punct: false,
        });
    }
    out
}

/// A nationality adjective ("Sudanese", "Ukrainian", "Turkish"), by its ending.
fn is_demonym(folded: &str) -> bool {
    ["ian", "ese", "ish", "ean", "ani"].iter().any(|end| folded.len() > end.len() + 2 && folded.ends_with(end))
}

/// The names of one body with their positions: `(start byte, end byte, role)`.
fn names_in(text: &str) -> Vec<(usize, usize, Role)> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].capitalised {
            i += 1;
            continue;
        }
        // The run of capitalised words (with particles), stopping at punctuation.
        let mut j = i;
        while j + 1 < ws.len() && !ws[j].gap_punct {
            let next = &ws[j + 1];
            let particle = NAME_PARTICLES.contains(&next.folded.as_str())
                && ws.get(j + 2).is_some_and(|w| w.capitalised)
                && !next.gap_punct;
            if next.capitalised || particle {
                j += 1;
            } else {
                break;
            }
        }
        let run_end = j;
        let mut first = i;
        while first <= run_end && FUNCTION_WORDS.contains(&ws[first].folded.as_str()) {
            first += 1;
        }
        i = run_end + 1;
        if first > run_end || NAME_PARTICLES.contains(&ws[run_end].folded.as_str()) {
            continue;
        }
        let after = ws.get(run_end + 1).filter(|_| !ws[run_end].gap_punct);
        if first == run_end && after.is_some_and(|w| !w.capitalised) && is_demonym(&ws[first].folded) {
            continue; // "to Ukrainian officials": an adjective, not a name
        }
        // The word before the name, looking past an article ("near the X").
        let mut b = first.checked_sub(1);
        if let Some(k) = b.filter(|&k| k > 0 && matches!(ws[k].folded.as_str(), "the" | "a" | "an")) {
            b = Some(k - 1);
        }
        let before = b.filter(|&k| !ws[k].gap_punct);
        let before_word = |w: &str| before.is_some_and(|k| ws[k].folded == w);
        let role = if after.is_some_and(|w| REPORTING_VERBS.contains(&w.folded.as_str())) {
            Some(Role::Speaker)
        } else if before_word("to") && before.is_some_and(|k| k > 0 && ws[k - 1].folded == "according") {
            Some(Role::Speaker)
        } else if before.is_some_and(|k| PLACE_PREPOSITIONS.contains(&ws[k].folded.as_str())) {
            Some(Role::Place)
        } else {
            None
        };
        if let Some(role) = role {
            out.push((ws[first].start, ws[run_end].end, role));
        }
    }
    out
}

/// The names in speaker or place position that the gazetteer does not match,
/// over every article `(path, bytes)`, most frequent first (ties by name).
/// Articles that are not UTF-8 or whose front matter does not parse are
/// skipped here: `check` reports them as errors on its own.
pub fn find(files: &[(String, Vec<u8>)], lex: &Lexicon) -> Vec<Candidate> {
    let mut seen: HashMap<(String, Role), Candidate> = HashMap::new();
    for (path, bytes) in files {
        let Ok(text) = std::str::from_utf8(bytes) else { continue };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let Ok(split) = frontmatter::split(text) else { continue };
        let body = split.body;
        let body_offset = text.len() - body.len();
        let known = lex.find(body);
        // Gazetteer spans are in code points; compare in code points too.
        let cp_of = |byte: usize| body[..byte].chars().count() as u32;
        for (start, end, role) in names_in(body) {
            let (s, e) = (cp_of(start), cp_of(end));
            if known.iter().any(|k| k.start < e && s < k.end) {
                continue;
            }
            let name = &body[start..end];
            let key = fold_string(name);
            let line = text[..body_offset + start].matches('\n').count() + 1;
            seen.entry((key, role))
                .and_modify(|c| c.count += 1)
                .or_insert_with(|| Candidate {
                    name: name.to_string(),
                    role,
                    count: 1,
                    path: path.clone(),
                    line,
                });
        }
    }
    let mut out: Vec<Candidate> = seen.into_values().collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then(a.role.cmp(&b.role))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn lex(toml: &str) -> Lexicon {
        Lexicon::new(Gazetteer::parse(toml).expect("test gazetteer parses"))
    }

    fn file(text: &str) -> Vec<(String, Vec<u8>)> {
        vec![("a.txt".to_string(), text.as_bytes().to_vec())]
    }

    fn names(found: &[Candidate]) -> Vec<(String, Role, usize)> {
        found.iter().map(|c| (c.name.clone(), c.role, c.count)).collect()
    }

    #[test]
    fn speakers_and_places_are_found_by_position() {
        let text = "The Northern Front said it had taken Lake Town.\n\
                    Fighting was reported near Red Hill, according to the Relief Office.\n\
                    Ministers met on Monday in Capital City. Capital City denied it.\n";
        let found = find(&file(text), &lex(""));
        let got = names(&found);
        assert!(got.contains(&("Northern Front".into(), Role::Speaker, 1)), "{got:?}");
        assert!(got.contains(&("Red Hill".into(), Role::Place, 1)), "{got:?}");
        assert!(got.contains(&("Relief Office".into(), Role::Speaker, 1)), "{got:?}");
        assert!(got.contains(&("Capital City".into(), Role::Place, 1)), "{got:?}");
        assert!(got.contains(&("Capital City".into(), Role::Speaker, 1)), "{got:?}");
        // "Lake Town" follows "taken", not a preposition; "Monday" is a weekday.
        assert!(!got.iter().any(|g| g.0 == "Lake Town" || g.0 == "Monday"), "{got:?}");
    }

    #[test]
    fn gazetteer_names_are_not_candidates_and_lines_are_file_lines() {
        let toml = "[[actors]]\nid = \"nf\"\nname = \"Northern Front\"\nside = \"rebels\"\n";
        let text = "+++\ntitle = \"T\"\n+++\nThe Northern Front said so.\n\nThe Hill Brigade said no, in Stone Bay.\n";
        let found = find(&file(text), &lex(toml));
        let got = names(&found);
        assert_eq!(
            got,
            vec![
                ("Hill Brigade".into(), Role::Speaker, 1),
                ("Stone Bay".into(), Role::Place, 1)
            ]
        );
        assert_eq!((found[0].path.as_str(), found[0].line), ("a.txt", 6));
    }

    #[test]
    fn most_frequent_first_with_the_first_example() {
        let files = vec![
            ("1.txt".to_string(), b"Fighting in Low Town.\n".to_vec()),
            ("2.txt".to_string(), b"Shelling hit High Ridge.\nThen in High Ridge again.\nAnd in High Ridge.\n".to_vec()),
            ("3.txt".to_string(), b"More in Low Town.\n".to_vec()),
        ];
        let found = find(&files, &lex(""));
        // "High Ridge" after "hit" is not a place position: two place hits.
        assert_eq!(names(&found)[0], ("High Ridge".into(), Role::Place, 2));
        assert_eq!((found[0].path.as_str(), found[0].line), ("2.txt", 2));
        assert_eq!(names(&found)[1], ("Low Town".into(), Role::Place, 2));
    }

    #[test]
    fn slashes_particles_and_dotted_acronyms_stay_one_name() {
        let text = "The AFC/M23 said the U.N. Mission was wrong. Aid reached Wad al Noura.\n";
        let got = names(&find(&file(text), &lex("")));
        assert!(got.contains(&("AFC/M23".into(), Role::Speaker, 1)), "{got:?}");
        let text = "Aid reached people in Wad al Noura.\n";
        let got = names(&find(&file(text), &lex("")));
        assert_eq!(got, vec![("Wad al Noura".into(), Role::Place, 1)]);
    }

    #[test]
    fn nationality_adjectives_before_a_noun_are_not_names() {
        let text = "Aid went to Veronian villages, according to Veronian officials. Troops moved to Veronia.\n";
        let got = names(&find(&file(text), &lex("")));
        assert_eq!(got, vec![("Veronia".into(), Role::Place, 1)]);
    }

    #[test]
    fn bad_articles_are_skipped_not_fatal() {
        let files = vec![
            ("bad.txt".to_string(), vec![0xff, 0xfe, 0x00]),
            ("ok.txt".to_string(), b"Troops moved into Dry Valley.\n".to_vec()),
        ];
        assert_eq!(names(&find(&files, &lex(""))), vec![("Dry Valley".into(), Role::Place, 1)]);
    }
}
