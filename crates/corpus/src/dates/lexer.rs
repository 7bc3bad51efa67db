//! One-pass tokenizer for the date recogniser: words (classified against a
//! fixed keyword table without allocating), numbers (with ordinal suffixes)
//! and single punctuation characters, each with byte and code-point offsets.

/// A word the date grammar cares about. Everything else is [`W::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum W {
    /// English month name, 1–12.
    Month(u8),
    /// English month abbreviation ("Oct", "Sept"), 1–12.
    MonthAbbr(u8),
    /// French month name, 1–12.
    MonthFr(u8),
    /// English weekday, 0 = Monday.
    Wd(u8),
    /// French weekday, 0 = lundi.
    WdFr(u8),
    /// Small number words ("two", "three", "a"/"an" are [`W::A`]).
    NumWord(u8),
    A,
    And,
    At,
    After,
    Ago,
    Afternoon,
    Before,
    Beginning,
    Between,
    By,
    Coming,
    Day,
    Days,
    Dawn,
    Due,
    During,
    Early,
    Earlier,
    End,
    Eve,
    Evening,
    Expected,
    Few,
    Following,
    From,
    In,
    Into,
    Last,
    Late,
    Later,
    Ll,
    Mid,
    Middle,
    Month_,
    Months,
    Morning,
    Next,
    Night,
    Noon,
    Of,
    On,
    Overnight,
    Past,
    Planned,
    Previous,
    Same,
    Scheduled,
    Several,
    Shall,
    Since,
    Start,
    That,
    The,
    This,
    Through,
    Till,
    To,
    Today,
    Tomorrow,
    Tonight,
    First,
    Second,
    Third,
    Fourth,
    Half,
    Recent,
    Veille,
    Lendemain,
    Semaine,
    Mois,
    Annee,
    Dernier,
    Prochain,
    Cette,
    Meme,
    Jour,
    Until,
    Week,
    Weeks,
    Weekend,
    Will,
    Year_,
    Years,
    Yesterday,
    /// Nouns after which a four-digit number is a count, not a year.
    CountNoun,
    /// Words before which a number is an identifier ("Resolution 2640").
    NumPrefix,
    // French
    Le,
    La,
    Du,
    Au,
    De,
    AFr,
    En,
    Fin,
    Debut,
    Mi,
    Nuit,
    Hier,
    Aujourd,
    Demain,
    Depuis,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum K {
    Word(W),
    /// A run of digits: value (saturating), digit count, ordinal suffix.
    /// Digit groups joined by `,` `.` `:` ("12,944", "2:56") get `digits == 0`
    /// so that no date rule can use them.
    Num {
        value: u32,
        digits: u8,
        ordinal: bool,
    },
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub k: K,
    /// Byte offsets `[b0, b1)` in the scanned text.
    pub b0: u32,
    pub b1: u32,
    /// Code-point offsets `[c0, c1)` in the scanned text.
    pub c0: u32,
    pub c1: u32,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

/// A lower-cased word of at most [`Key::MAX`] UTF-8 bytes packed into an
/// integer (length in the top byte), for allocation-free keyword lookup.
#[derive(Clone, Copy)]
struct Key {
    v: u128,
    len: u8,
    overflow: bool,
}

impl Key {
    const MAX: u8 = 15;
    const EMPTY: Key = Key { v: 0, len: 0, overflow: false };

    fn push_byte(&mut self, b: u8) {
        if self.len >= Key::MAX {
            self.overflow = true;
        } else {
            self.v = (self.v << 8) | b as u128;
            self.len += 1;
        }
    }

    fn push_char(&mut self, ch: char) {
        let lc = ch.to_lowercase().next().unwrap_or(ch);
        let mut buf = [0u8; 4];
        for &b in lc.encode_utf8(&mut buf).as_bytes() {
            self.push_byte(b);
        }
    }

    fn is_empty(self) -> bool {
        self.len == 0 && !self.overflow
    }

    /// The packed key, or `None` if the word was too long.
    fn get(self) -> Option<u128> {
        (!self.overflow).then_some(self.v | ((self.len as u128) << 120))
    }
}

const fn pack(s: &str) -> u128 {
    let b = s.as_bytes();
    let mut v = 0u128;
    let mut i = 0;
    while i < b.len() {
        v = (v << 8) | b[i] as u128;
        i += 1;
    }
    v | ((b.len() as u128) << 120)
}

const fn build_table() -> [(u128, W); KEYWORDS.len()] {
    let mut t = [(0u128, W::Other); KEYWORDS.len()];
    let mut i = 0;
    while i < KEYWORDS.len() {
        t[i] = (pack(KEYWORDS[i].0), KEYWORDS[i].1);
        i += 1;
    }
    // Insertion sort by key, at compile time.
    let mut i = 1;
    while i < t.len() {
        let mut j = i;
        while j > 0 && t[j - 1].0 > t[j].0 {
            let tmp = t[j - 1];
            t[j - 1] = t[j];
            t[j] = tmp;
            j -= 1;
        }
        i += 1;
    }
    t
}

/// [`KEYWORDS`] packed and sorted for binary search.
static TABLE: [(u128, W); KEYWORDS.len()] = build_table();

fn lookup(key: Key) -> W {
    match key.get() {
        Some(k) => TABLE.binary_search_by(|(x, _)| x.cmp(&k)).map_or(W::Other, |i| TABLE[i].1),
        None => W::Other,
    }
}

fn is_ordinal_suffix(key: Key) -> bool {
    const ORDINALS: [u128; 9] =
        [pack("st"), pack("nd"), pack("rd"), pack("th"), pack("er"), pack("e"), pack("ème"), pack("eme"), pack("re")];
    key.get().is_some_and(|k| ORDINALS.contains(&k))
}

/// Tokenizes `text` into `out` (cleared first). Whitespace is skipped.
/// ASCII is scanned byte by byte; other characters are decoded as needed.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The char starting at byte `i` (always a char boundary here).
    let char_at = |i: usize| text[i..].chars().next().unwrap_or(' ');
    let mut i = 0usize;
    let mut cp = 0u32;
    while i < n {
        let c = bytes[i];
        let ch = if c < 0x80 { c as char } else { char_at(i) };
        let (b0, c0) = (i, cp);
        if ch.is_whitespace() {
            i += ch.len_utf8();
            cp += 1;
            continue;
        }
        if ch.is_alphabetic() {
            let cap = ch.is_uppercase();
            let mut key = Key::EMPTY;
            let mut has_digit = false;
            while i < n {
                let c = bytes[i];
                if c < 0x80 {
                    if c.is_ascii_alphabetic() {
                        key.push_byte(c.to_ascii_lowercase());
                    } else if c.is_ascii_digit() {
                        has_digit = true;
                    } else {
                        break;
                    }
                    i += 1;
                } else {
                    let ch = char_at(i);
                    if !ch.is_alphanumeric() {
                        break;
                    }
                    has_digit |= ch.is_numeric();
                    key.push_char(ch);
                    i += ch.len_utf8();
                }
                cp += 1;
            }
            let w = if has_digit { W::Other } else { lookup(key) };
            out.push(Tok { k: K::Word(w), b0: b0 as u32, b1: i as u32, c0, c1: cp, cap });
            continue;
        }
        if c.is_ascii_digit() {
            let mut value: u32 = 0;
            let mut digits: u32 = 0;
            let mut joined = false;
            while i < n {
                let c = bytes[i];
                if c.is_ascii_digit() {
                    value = value.saturating_mul(10).saturating_add((c - b'0') as u32);
                    digits += 1;
                } else if matches!(c, b',' | b'.' | b':') && bytes.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    joined = true;
                } else {
                    break;
                }
                i += 1;
                cp += 1;
            }
            // Letters glued to the digits: an ordinal suffix, or a code ("5G", "110km").
            let mut suffix = Key::EMPTY;
            while i < n {
                let c = bytes[i];
                if c < 0x80 {
                    if !c.is_ascii_alphanumeric() {
                        break;
                    }
                    suffix.push_byte(c.to_ascii_lowercase());
                    i += 1;
                } else {
                    let ch = char_at(i);
                    if !ch.is_alphanumeric() {
                        break;
                    }
                    suffix.push_char(ch);
                    i += ch.len_utf8();
                }
                cp += 1;
            }
            let digits = digits.min(255) as u8;
            let k = if suffix.is_empty() {
                K::Num { value, digits: if joined { 0 } else { digits }, ordinal: false }
            } else if !joined && is_ordinal_suffix(suffix) {
                K::Num { value, digits, ordinal: true }
            } else {
                K::Word(W::Other)
            };
            out.push(Tok { k, b0: b0 as u32, b1: i as u32, c0, c1: cp, cap: false });
            continue;
        }
        i += ch.len_utf8();
        cp += 1;
        out.push(Tok { k: K::Punct(ch), b0: b0 as u32, b1: i as u32, c0, c1: cp, cap: false });
    }
}

/// The keyword table: lower-cased word → kind. Words of more than 15
/// UTF-8 bytes cannot be keywords.
const KEYWORDS: &[(&str, W)] = &[
    ("january", W::Month(1)),
    ("february", W::Month(2)),
    ("march", W::Month(3)),
    ("april", W::Month(4)),
    ("may", W::Month(5)),
    ("june", W::Month(6)),
    ("july", W::Month(7)),
    ("august", W::Month(8)),
    ("september", W::Month(9)),
    ("october", W::Month(10)),
    ("november", W::Month(11)),
    ("december", W::Month(12)),
    ("jan", W::MonthAbbr(1)),
    ("feb", W::MonthAbbr(2)),
    ("mar", W::MonthAbbr(3)),
    ("apr", W::MonthAbbr(4)),
    ("jun", W::MonthAbbr(6)),
    ("jul", W::MonthAbbr(7)),
    ("aug", W::MonthAbbr(8)),
    ("sep", W::MonthAbbr(9)),
    ("sept", W::MonthAbbr(9)),
    ("oct", W::MonthAbbr(10)),
    ("nov", W::MonthAbbr(11)),
    ("dec", W::MonthAbbr(12)),
    ("janvier", W::MonthFr(1)),
    ("février", W::MonthFr(2)),
    ("fevrier", W::MonthFr(2)),
    ("mars", W::MonthFr(3)),
    ("avril", W::MonthFr(4)),
    ("mai", W::MonthFr(5)),
    ("juin", W::MonthFr(6)),
    ("juillet", W::MonthFr(7)),
    ("août", W::MonthFr(8)),
    ("aout", W::MonthFr(8)),
    ("septembre", W::MonthFr(9)),
    ("octobre", W::MonthFr(10)),
    ("novembre", W::MonthFr(11)),
    ("décembre", W::MonthFr(12)),
    ("decembre", W::MonthFr(12)),
    ("monday", W::Wd(0)),
    ("tuesday", W::Wd(1)),
    ("wednesday", W::Wd(2)),
    ("thursday", W::Wd(3)),
    ("friday", W::Wd(4)),
    ("saturday", W::Wd(5)),
    ("sunday", W::Wd(6)),
    ("lundi", W::WdFr(0)),
    ("mardi", W::WdFr(1)),
    ("mercredi", W::WdFr(2)),
    ("jeudi", W::WdFr(3)),
    ("vendredi", W::WdFr(4)),
    ("samedi", W::WdFr(5)),
    ("dimanche", W::WdFr(6)),
    ("one", W::NumWord(1)),
    ("two", W::NumWord(2)),
    ("three", W::NumWord(3)),
    ("four", W::NumWord(4)),
    ("five", W::NumWord(5)),
    ("six", W::NumWord(6)),
    ("seven", W::NumWord(7)),
    ("eight", W::NumWord(8)),
    ("nine", W::NumWord(9)),
    ("ten", W::NumWord(10)),
    ("eleven", W::NumWord(11)),
    ("twelve", W::NumWord(12)),
    ("fifteen", W::NumWord(15)),
    ("twenty", W::NumWord(20)),
    ("thirty", W::NumWord(30)),
    ("a", W::A),
    ("an", W::A),
    ("and", W::And),
    ("at", W::At),
    ("after", W::After),
    ("ago", W::Ago),
    ("afternoon", W::Afternoon),
    ("before", W::Before),
    ("beginning", W::Beginning),
    ("between", W::Between),
    ("by", W::By),
    ("coming", W::Coming),
    ("day", W::Day),
    ("days", W::Days),
    ("dawn", W::Dawn),
    ("due", W::Due),
    ("during", W::During),
    ("early", W::Early),
    ("earlier", W::Earlier),
    ("end", W::End),
    ("eve", W::Eve),
    ("evening", W::Evening),
    ("expected", W::Expected),
    ("few", W::Few),
    ("following", W::Following),
    ("from", W::From),
    ("in", W::In),
    ("into", W::Into),
    ("last", W::Last),
    ("late", W::Late),
    ("later", W::Later),
    ("ll", W::Ll),
    ("mid", W::Mid),
    ("middle", W::Middle),
    ("month", W::Month_),
    ("months", W::Months),
    ("morning", W::Morning),
    ("next", W::Next),
    ("night", W::Night),
    ("noon", W::Noon),
    ("midday", W::Noon),
    ("of", W::Of),
    ("on", W::On),
    ("overnight", W::Overnight),
    ("past", W::Past),
    ("planned", W::Planned),
    ("plans", W::Planned),
    ("plan", W::Planned),
    ("previous", W::Previous),
    ("preceding", W::Previous),
    ("same", W::Same),
    ("scheduled", W::Scheduled),
    ("several", W::Several),
    ("shall", W::Shall),
    ("since", W::Since),
    ("start", W::Start),
    ("that", W::That),
    ("the", W::The),
    ("this", W::This),
    ("through", W::Through),
    ("till", W::Till),
    ("to", W::To),
    ("today", W::Today),
    ("tomorrow", W::Tomorrow),
    ("tonight", W::Tonight),
    ("first", W::First),
    ("second", W::Second),
    ("third", W::Third),
    ("fourth", W::Fourth),
    ("half", W::Half),
    ("recent", W::Recent),
    ("veille", W::Veille),
    ("lendemain", W::Lendemain),
    ("semaine", W::Semaine),
    ("mois", W::Mois),
    ("année", W::Annee),
    ("dernier", W::Dernier),
    ("dernière", W::Dernier),
    ("passé", W::Dernier),
    ("passée", W::Dernier),
    ("prochain", W::Prochain),
    ("prochaine", W::Prochain),
    ("cette", W::Cette),
    ("ce", W::Cette),
    ("même", W::Meme),
    ("jour", W::Jour),
    ("until", W::Until),
    ("week", W::Week),
    ("weeks", W::Weeks),
    ("weekend", W::Weekend),
    ("will", W::Will),
    ("year", W::Year_),
    ("years", W::Years),
    ("yesterday", W::Yesterday),
    ("people", W::CountNoun),
    ("persons", W::CountNoun),
    ("soldiers", W::CountNoun),
    ("troops", W::CountNoun),
    ("men", W::CountNoun),
    ("women", W::CountNoun),
    ("children", W::CountNoun),
    ("civilians", W::CountNoun),
    ("fighters", W::CountNoun),
    ("dead", W::CountNoun),
    ("deaths", W::CountNoun),
    ("killed", W::CountNoun),
    ("wounded", W::CountNoun),
    ("injured", W::CountNoun),
    ("refugees", W::CountNoun),
    ("vehicles", W::CountNoun),
    ("km", W::CountNoun),
    ("kilometres", W::CountNoun),
    ("kilometers", W::CountNoun),
    ("kilometre", W::CountNoun),
    ("kilometer", W::CountNoun),
    ("miles", W::CountNoun),
    ("metres", W::CountNoun),
    ("meters", W::CountNoun),
    ("tonnes", W::CountNoun),
    ("tons", W::CountNoun),
    ("dollars", W::CountNoun),
    ("euros", W::CountNoun),
    ("francs", W::CountNoun),
    ("cfa", W::CountNoun),
    ("houses", W::CountNoun),
    ("homes", W::CountNoun),
    ("residents", W::CountNoun),
    ("inhabitants", W::CountNoun),
    ("displaced", W::CountNoun),
    ("members", W::CountNoun),
    ("militants", W::CountNoun),
    ("jihadists", W::CountNoun),
    ("rebels", W::CountNoun),
    ("mercenaries", W::CountNoun),
    ("hectares", W::CountNoun),
    ("kg", W::CountNoun),
    ("personnel", W::CountNoun),
    ("staff", W::CountNoun),
    ("employees", W::CountNoun),
    ("families", W::CountNoun),
    ("households", W::CountNoun),
    ("prisoners", W::CountNoun),
    ("hostages", W::CountNoun),
    ("morts", W::CountNoun),
    ("soldats", W::CountNoun),
    ("personnes", W::CountNoun),
    ("victims", W::CountNoun),
    ("casualties", W::CountNoun),
    ("head", W::CountNoun),
    ("cattle", W::CountNoun),
    ("students", W::CountNoun),
    ("pupils", W::CountNoun),
    ("schools", W::CountNoun),
    ("resolution", W::NumPrefix),
    ("base", W::NumPrefix),
    ("no", W::NumPrefix),
    ("number", W::NumPrefix),
    ("flight", W::NumPrefix),
    ("route", W::NumPrefix),
    ("road", W::NumPrefix),
    ("decree", W::NumPrefix),
    ("article", W::NumPrefix),
    ("law", W::NumPrefix),
    ("code", W::NumPrefix),
    ("room", W::NumPrefix),
    ("unit", W::NumPrefix),
    ("battalion", W::NumPrefix),
    ("regiment", W::NumPrefix),
    ("le", W::Le),
    ("l", W::Le),
    ("la", W::La),
    ("du", W::Du),
    ("au", W::Au),
    ("de", W::De),
    ("d", W::De),
    ("à", W::AFr),
    ("en", W::En),
    ("fin", W::Fin),
    ("début", W::Debut),
    ("debut", W::Debut),
    ("mi", W::Mi),
    ("nuit", W::Nuit),
    ("hier", W::Hier),
    ("aujourd", W::Aujourd),
    ("demain", W::Demain),
    ("depuis", W::Depuis),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<K> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| t.k).collect()
    }

    #[test]
    fn numbers_ordinals_and_codes() {
        assert_eq!(
            kinds("2nd 12,944 2:56 G5 110km 1er"),
            vec![
                K::Num { value: 2, digits: 1, ordinal: true },
                K::Num { value: 12944, digits: 0, ordinal: false },
                K::Num { value: 256, digits: 0, ordinal: false },
                K::Word(W::Other),
                K::Word(W::Other),
                K::Num { value: 1, digits: 1, ordinal: true },
            ]
        );
    }

    #[test]
    fn keyword_table_is_sorted_unique_and_complete() {
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0), "duplicate keyword");
        for (word, w) in KEYWORDS {
            assert!(word.len() <= Key::MAX as usize, "{word} too long");
            let mut v = Vec::new();
            tokenize(word, &mut v);
            assert_eq!(v.len(), 1, "{word}");
            assert_eq!(v[0].k, K::Word(*w), "{word}");
        }
        let mut v = Vec::new();
        tokenize("NOVEMBER Début AOÛT extraordinarily", &mut v);
        let ks: Vec<K> = v.iter().map(|t| t.k).collect();
        assert_eq!(ks, [K::Word(W::Month(11)), K::Word(W::Debut), K::Word(W::MonthFr(8)), K::Word(W::Other)]);
    }

    #[test]
    fn offsets_are_code_points() {
        let mut v = Vec::new();
        tokenize("Anéfis, 5 août", &mut v);
        assert_eq!((v[0].c0, v[0].c1, v[0].b1), (0, 6, 7));
        assert_eq!(v[3].k, K::Word(W::MonthFr(8)));
        assert_eq!((v[3].c0, v[3].c1), (10, 14));
        assert!(v[0].cap);
    }
}
