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
    Num { value: u32, digits: u8, ordinal: bool },
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

/// Tokenizes `text` into `out` (cleared first). Whitespace is skipped.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut it = text.char_indices().peekable();
    let mut cp: u32 = 0;
    while let Some((b, ch)) = it.next() {
        let c0 = cp;
        cp += 1;
        if ch.is_whitespace() {
            continue;
        }
        if ch.is_alphabetic() {
            let mut buf = [0u8; 24];
            let mut len = 0usize;
            let mut overflow = false;
            let mut has_digit = false;
            push_lower(&mut buf, &mut len, &mut overflow, ch);
            let mut end = b + ch.len_utf8();
            while let Some(&(b2, c2)) = it.peek() {
                if c2.is_alphanumeric() {
                    has_digit |= c2.is_ascii_digit() || c2.is_numeric();
                    push_lower(&mut buf, &mut len, &mut overflow, c2);
                    end = b2 + c2.len_utf8();
                    cp += 1;
                    it.next();
                } else {
                    break;
                }
            }
            let w = if overflow || has_digit {
                W::Other
            } else {
                // `buf[..len]` holds whole UTF-8 sequences of lower-cased chars.
                classify(std::str::from_utf8(&buf[..len]).unwrap_or(""))
            };
            out.push(Tok { k: K::Word(w), b0: b as u32, b1: end as u32, c0, c1: cp, cap: ch.is_uppercase() });
            continue;
        }
        if ch.is_ascii_digit() {
            let mut value: u32 = (ch as u8 - b'0') as u32;
            let mut digits: u32 = 1;
            let mut end = b + 1;
            let mut joined = false;
            loop {
                match it.peek() {
                    Some(&(b2, c2)) if c2.is_ascii_digit() => {
                        value = value.saturating_mul(10).saturating_add((c2 as u8 - b'0') as u32);
                        digits += 1;
                        end = b2 + 1;
                        cp += 1;
                        it.next();
                    }
                    Some(&(b2, c2))
                        if (c2 == ',' || c2 == '.' || c2 == ':')
                            && bytes.get(b2 + 1).is_some_and(|d| d.is_ascii_digit()) =>
                    {
                        joined = true;
                        end = b2 + 1;
                        cp += 1;
                        it.next();
                    }
                    _ => break,
                }
            }
            // Letters glued to the digits: an ordinal suffix, or a code ("5G", "110km").
            let mut suffix = [0u8; 8];
            let mut slen = 0usize;
            let mut soverflow = false;
            while let Some(&(b2, c2)) = it.peek() {
                if c2.is_alphanumeric() {
                    push_lower(&mut suffix, &mut slen, &mut soverflow, c2);
                    end = b2 + c2.len_utf8();
                    cp += 1;
                    it.next();
                } else {
                    break;
                }
            }
            let k = if slen == 0 {
                K::Num { value, digits: if joined { 0 } else { digits.min(255) as u8 }, ordinal: false }
            } else {
                let sfx = std::str::from_utf8(&suffix[..slen]).unwrap_or("");
                let ordinal = !soverflow
                    && !joined
                    && matches!(sfx, "st" | "nd" | "rd" | "th" | "er" | "e" | "ème" | "eme" | "re");
                if ordinal {
                    K::Num { value, digits: digits.min(255) as u8, ordinal: true }
                } else {
                    K::Word(W::Other)
                }
            };
            out.push(Tok { k, b0: b as u32, b1: end as u32, c0, c1: cp, cap: false });
            continue;
        }
        out.push(Tok {
            k: K::Punct(ch),
            b0: b as u32,
            b1: (b + ch.len_utf8()) as u32,
            c0,
            c1: cp,
            cap: false,
        });
    }
}

fn push_lower(buf: &mut [u8], len: &mut usize, overflow: &mut bool, ch: char) {
    if *overflow {
        return;
    }
    let lc = if ch.is_ascii() {
        ch.to_ascii_lowercase()
    } else {
        ch.to_lowercase().next().unwrap_or(ch)
    };
    let n = lc.len_utf8();
    if *len + n > buf.len() {
        *overflow = true;
        return;
    }
    lc.encode_utf8(&mut buf[*len..*len + n]);
    *len += n;
}

fn classify(w: &str) -> W {
    use W::*;
    match w {
        "january" => Month(1),
        "february" => Month(2),
        "march" => Month(3),
        "april" => Month(4),
        "may" => Month(5),
        "june" => Month(6),
        "july" => Month(7),
        "august" => Month(8),
        "september" => Month(9),
        "october" => Month(10),
        "november" => Month(11),
        "december" => Month(12),
        "jan" => MonthAbbr(1),
        "feb" => MonthAbbr(2),
        "mar" => MonthAbbr(3),
        "apr" => MonthAbbr(4),
        "jun" => MonthAbbr(6),
        "jul" => MonthAbbr(7),
        "aug" => MonthAbbr(8),
        "sep" | "sept" => MonthAbbr(9),
        "oct" => MonthAbbr(10),
        "nov" => MonthAbbr(11),
        "dec" => MonthAbbr(12),
        "janvier" => MonthFr(1),
        "février" | "fevrier" => MonthFr(2),
        "mars" => MonthFr(3),
        "avril" => MonthFr(4),
        "mai" => MonthFr(5),
        "juin" => MonthFr(6),
        "juillet" => MonthFr(7),
        "août" | "aout" => MonthFr(8),
        "septembre" => MonthFr(9),
        "octobre" => MonthFr(10),
        "novembre" => MonthFr(11),
        "décembre" | "decembre" => MonthFr(12),
        "monday" => Wd(0),
        "tuesday" => Wd(1),
        "wednesday" => Wd(2),
        "thursday" => Wd(3),
        "friday" => Wd(4),
        "saturday" => Wd(5),
        "sunday" => Wd(6),
        "lundi" => WdFr(0),
        "mardi" => WdFr(1),
        "mercredi" => WdFr(2),
        "jeudi" => WdFr(3),
        "vendredi" => WdFr(4),
        "samedi" => WdFr(5),
        "dimanche" => WdFr(6),
        "one" => NumWord(1),
        "two" => NumWord(2),
        "three" => NumWord(3),
        "four" => NumWord(4),
        "five" => NumWord(5),
        "six" => NumWord(6),
        "seven" => NumWord(7),
        "eight" => NumWord(8),
        "nine" => NumWord(9),
        "ten" => NumWord(10),
        "eleven" => NumWord(11),
        "twelve" => NumWord(12),
        "fifteen" => NumWord(15),
        "twenty" => NumWord(20),
        "thirty" => NumWord(30),
        "a" | "an" => A,
        "and" => And,
        "at" => At,
        "after" => After,
        "ago" => Ago,
        "afternoon" => Afternoon,
        "before" => Before,
        "beginning" => Beginning,
        "between" => Between,
        "by" => By,
        "coming" => Coming,
        "day" => Day,
        "days" => Days,
        "dawn" => Dawn,
        "due" => Due,
        "during" => During,
        "early" => Early,
        "earlier" => Earlier,
        "end" => End,
        "eve" => Eve,
        "evening" => Evening,
        "expected" => Expected,
        "few" => Few,
        "following" => Following,
        "from" => From,
        "in" => In,
        "into" => Into,
        "last" => Last,
        "late" => Late,
        "later" => Later,
        "ll" => Ll,
        "mid" => Mid,
        "middle" => Middle,
        "month" => Month_,
        "months" => Months,
        "morning" => Morning,
        "next" => Next,
        "night" => Night,
        "noon" | "midday" => Noon,
        "of" => Of,
        "on" => On,
        "overnight" => Overnight,
        "past" => Past,
        "planned" | "plans" | "plan" => Planned,
        "previous" | "preceding" => Previous,
        "same" => Same,
        "scheduled" => Scheduled,
        "several" => Several,
        "shall" => Shall,
        "since" => Since,
        "start" => Start,
        "that" => That,
        "the" => The,
        "this" => This,
        "through" => Through,
        "till" => Till,
        "to" => To,
        "today" => Today,
        "tomorrow" => Tomorrow,
        "tonight" => Tonight,
        "until" => Until,
        "week" => Week,
        "weeks" => Weeks,
        "weekend" => Weekend,
        "will" => Will,
        "year" => Year_,
        "years" => Years,
        "yesterday" => Yesterday,
        "people" | "persons" | "soldiers" | "troops" | "men" | "women" | "children" | "civilians"
        | "fighters" | "dead" | "deaths" | "killed" | "wounded" | "injured" | "refugees" | "vehicles"
        | "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" | "miles" | "metres"
        | "meters" | "tonnes" | "tons" | "dollars" | "euros" | "francs" | "cfa" | "houses" | "homes"
        | "residents" | "inhabitants" | "displaced" | "members" | "militants" | "jihadists"
        | "rebels" | "mercenaries" | "hectares" | "kg" | "personnel" | "staff" | "employees"
        | "families" | "households" | "prisoners" | "hostages" | "morts" | "soldats" | "personnes"
        | "victims" | "casualties" | "head" | "cattle" | "students" | "pupils" | "schools" => CountNoun,
        "resolution" | "base" | "no" | "number" | "flight" | "route" | "road" | "decree"
        | "article" | "law" | "code" | "room" | "unit" | "battalion" | "regiment" | "kilometer-marker" => NumPrefix,
        "le" => Le,
        "la" => La,
        "du" => Du,
        "au" => Au,
        "de" | "d" => De,
        "à" => AFr,
        "en" => En,
        "fin" => Fin,
        "début" | "debut" => Debut,
        "mi" => Mi,
        "nuit" => Nuit,
        "hier" => Hier,
        "aujourd" => Aujourd,
        "demain" => Demain,
        "depuis" => Depuis,
        _ => Other,
    }
}

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
    fn offsets_are_code_points() {
        let mut v = Vec::new();
        tokenize("Anéfis, 5 août", &mut v);
        assert_eq!((v[0].c0, v[0].c1, v[0].b1), (0, 6, 7));
        assert_eq!(v[3].k, K::Word(W::MonthFr(8)));
        assert_eq!((v[3].c0, v[3].c1), (10, 14));
        assert!(v[0].cap);
    }
}
