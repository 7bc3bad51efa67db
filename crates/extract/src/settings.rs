//! Corpus settings (native only): `corpus.toml` in the corpus folder says
//! what the corpus is about — its title, a one-paragraph description and
//! its language. Every conflict-specific text on and around the page comes
//! from there. A folder without the file gets neutral texts derived from
//! the corpus ("5 articles, Oct 2023 – Sep 2024"); a key left out of the
//! file gets its derived default too.
//!
//! ```toml
//! title = "The war in eastern Congo, 2024"
//! description = "What the army, the M23 rebels and others claimed, event by event."
//! language = "en"
//! ```
//!
//! It also defines the conflict's camps, in the order the page lists them;
//! without any `[[camp]]`, the camps are `Camp::defaults` (the six sides
//! `state`, `rebels`, `jihadists`, `international`, `local`, `observers`):
//!
//! ```toml
//! [[camp]]
//! id = "saf"                 # [a-z0-9_-]: the URL key (?side=saf)
//! label = "Army & allies"    # chips, filters, column heads, downloads
//! hint = "the army, allied militias, the government"
//! colour = "#1f5fa8"         # optional; else the palette by position
//! ```
//!
//! Errors name the file and line: bad TOML, an unknown key, an empty or
//! over-long text, a language that is not a BCP 47-style tag, a camp id
//! that is malformed or defined twice, an empty label, a bad colour.

use std::path::Path;

use serde::Deserialize;

use crate::load::LoadError;
use crate::model::{Camp, Corpus, Settings};

/// The settings file's name inside a corpus folder.
pub const SETTINGS_FILE: &str = "corpus.toml";

/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 120;
/// Longest description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 600;

/// The file as written: every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSettings {
    title: Option<toml::Spanned<String>>,
    description: Option<toml::Spanned<String>>,
    language: Option<toml::Spanned<String>>,
    #[serde(default)]
    camp: Vec<RawCamp>,
}

/// One `[[camp]]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCamp {
    id: toml::Spanned<String>,
    label: toml::Spanned<String>,
    hint: Option<toml::Spanned<String>>,
    colour: Option<toml::Spanned<String>>,
}

/// Longest camp id, label and hint, in characters.
pub const MAX_CAMP_ID_CHARS: usize = 32;
pub const MAX_CAMP_LABEL_CHARS: usize = 60;
pub const MAX_CAMP_HINT_CHARS: usize = 120;
/// Most camps a corpus may define: the palette's eight colours
/// (`CAMP_CLASSES`); more would not be told apart.
pub const MAX_CAMPS: usize = crate::model::CAMP_CLASSES;

/// A settings problem: 1-based line (when it has one) and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    pub line: Option<usize>,
    pub message: String,
}

fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Collapses runs of white space (a TOML multi-line string is one paragraph).
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses and checks the text of a `corpus.toml`.
pub fn parse(text: &str) -> Result<RawSettings, SettingsError> {
    let raw: RawSettings = toml::from_str(text).map_err(|e| SettingsError {
        line: e.span().map(|s| line_of(text, s.start)),
        message: e.message().trim().to_owned(),
    })?;
    let at = |v: &toml::Spanned<String>| Some(line_of(text, v.span().start));
    for (key, value, max) in [("title", &raw.title, MAX_TITLE_CHARS), ("description", &raw.description, MAX_DESCRIPTION_CHARS)] {
        if let Some(v) = value {
            let n = one_line(v.get_ref()).chars().count();
            if n == 0 {
                return Err(SettingsError { line: at(v), message: format!("`{key}` is empty") });
            }
            if n > max {
                return Err(SettingsError { line: at(v), message: format!("`{key}` has {n} characters, at most {max} allowed") });
            }
        }
    }
    check_camps(text, &raw.camp)?;
    if let Some(v) = &raw.language {
        if !is_language_tag(v.get_ref()) {
            return Err(SettingsError {
                line: at(v),
                message: format!("`language` {:?} is not a language tag such as \"en\", \"fr\" or \"pt-BR\"", v.get_ref()),
            });
        }
    }
    Ok(raw)
}

fn check_camps(text: &str, camps: &[RawCamp]) -> Result<(), SettingsError> {
    let at = |v: &toml::Spanned<String>, message: String| SettingsError { line: Some(line_of(text, v.span().start)), message };
    if let Some(c) = camps.get(MAX_CAMPS) {
        return Err(at(&c.id, format!("more than {MAX_CAMPS} camps")));
    }
    for (i, c) in camps.iter().enumerate() {
        let id = c.id.get_ref();
        let id_ok = (1..=MAX_CAMP_ID_CHARS).contains(&id.len())
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
        if !id_ok {
            return Err(at(&c.id, format!("camp id {id:?}: use 1 to {MAX_CAMP_ID_CHARS} of a-z, 0-9, _ and -")));
        }
        if let Some(first) = camps[..i].iter().find(|o| o.id.get_ref() == id) {
            let line = line_of(text, first.id.span().start);
            return Err(at(&c.id, format!("camp id {id:?} is defined twice (first at line {line})")));
        }
        for (key, value, max) in [("label", Some(&c.label), MAX_CAMP_LABEL_CHARS), ("hint", c.hint.as_ref(), MAX_CAMP_HINT_CHARS)] {
            let Some(v) = value else { continue };
            let n = one_line(v.get_ref()).chars().count();
            if n == 0 && key == "label" {
                return Err(at(v, format!("camp {id:?}: `label` is empty")));
            }
            if n > max {
                return Err(at(v, format!("camp {id:?}: `{key}` has {n} characters, at most {max} allowed")));
            }
        }
        if let Some(v) = &c.colour {
            if !is_colour(v.get_ref()) {
                return Err(at(v, format!("camp {id:?}: colour {:?} is not of the form \"#1f5fa8\"", v.get_ref())));
            }
        }
    }
    Ok(())
}

/// `#rrggbb` (hex digits, either case).
pub fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// The corpus's camps: the file's `[[camp]]` tables in order, or
/// [`Camp::defaults`] when it defines none (or there is no file). The
/// flag says whether they are the editor's.
pub fn camps(raw: Option<&RawSettings>) -> (Vec<Camp>, bool) {
    match raw.map(|r| &r.camp[..]).filter(|c| !c.is_empty()) {
        None => (Camp::defaults(), false),
        Some(list) => {
            let camps = list
                .iter()
                .map(|c| Camp {
                    id: c.id.get_ref().clone(),
                    label: one_line(c.label.get_ref()),
                    hint: c.hint.as_ref().map(|h| one_line(h.get_ref())).unwrap_or_default(),
                    colour: c.colour.as_ref().map(|v| v.get_ref().to_ascii_lowercase()),
                })
                .collect();
            (camps, true)
        }
    }
}

/// A BCP 47-style tag: 2–8 letters, then `-`-separated parts of 1–8
/// letters or digits ("en", "fr", "pt-BR", "zh-Hant").
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Reads `dir/corpus.toml` if there is one (`Ok(None)` when absent).
pub fn read(dir: &Path) -> Result<Option<RawSettings>, LoadError> {
    let path = dir.join(SETTINGS_FILE);
    let err = |line, message| LoadError { path: path.clone(), line, message };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(err(None, format!("cannot read corpus settings: {e}"))),
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| err(None, format!("not valid UTF-8 (byte {})", e.valid_up_to())))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse(text).map(Some).map_err(|e| err(e.line, e.message))
}

/// The settings the page uses: what the file says, the rest derived from
/// the corpus ([`default_title`], [`default_description`],
/// [`default_language`]).
pub fn resolve(raw: Option<RawSettings>, c: &Corpus) -> Settings {
    let raw = raw.unwrap_or_default();
    let text = |v: Option<toml::Spanned<String>>| v.map(|v| one_line(v.get_ref()));
    Settings {
        title: text(raw.title).unwrap_or_else(|| default_title(c)),
        description: text(raw.description).unwrap_or_else(|| default_description(c)),
        language: raw.language.map(|v| v.into_inner()).unwrap_or_else(|| default_language(c)),
    }
}

/// "5 articles, Oct 2023 – Sep 2024": the number of articles and the months
/// of the first and last publication dates (event dates when no article is
/// dated).
pub fn default_title(c: &Corpus) -> String {
    let n = c.documents.len();
    let count = crate::labels::count_label(n, "article", "articles");
    let mut dates: Vec<&str> = c.documents.iter().filter_map(|d| d.published.as_deref()).collect();
    if dates.is_empty() {
        dates = c.events.iter().map(|e| e.start.as_str()).filter(|s| !s.is_empty()).collect();
    }
    let months: Vec<(&str, String)> = dates.iter().filter_map(|d| Some((*d, month_label(d)?))).collect();
    let first = months.iter().min_by_key(|(d, _)| *d).map(|(_, m)| m);
    let last = months.iter().max_by_key(|(d, _)| *d).map(|(_, m)| m);
    match (first, last) {
        (Some(a), Some(b)) if a != b => format!("{count}, {a} – {b}"),
        (Some(a), _) => format!("{count}, {a}"),
        _ => count,
    }
}

/// "Oct 2023" for an ISO date.
fn month_label(iso: &str) -> Option<String> {
    crate::labels::parse_ymd(iso).map(|(y, m, _)| crate::labels::date_label(&format!("{y:04}-{m:02}-01"), "", crate::model::Precision::Month))
}

/// A neutral sentence that names no conflict.
pub fn default_description(c: &Corpus) -> String {
    let n = c.documents.len();
    format!(
        "Who claimed what, when and where in {}: for each event, the parties' accounts side by side, \
         every quote linked to the exact words of the article.",
        crate::labels::count_label(n, "article", "articles")
    )
}

/// The language most articles are in (the first in path order on a tie),
/// `en` for an empty corpus.
pub fn default_language(c: &Corpus) -> String {
    let mut best: Option<(&str, usize)> = None;
    for d in &c.documents {
        let lang = d.language.as_str();
        if !is_language_tag(lang) {
            continue;
        }
        let n = c.documents.iter().filter(|x| x.language == lang).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((lang, n));
        }
    }
    best.map(|(l, _)| l.to_owned()).unwrap_or_else(|| "en".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, PublishedSource};

    fn doc(id: &str, published: Option<&str>, language: &str) -> Document {
        Document {
            id: id.into(),
            path: format!("{id}.txt"),
            title: id.into(),
            outlet: None,
            published: published.map(Into::into),
            published_source: PublishedSource::Unknown,
            url: None,
            language: language.into(),
            text: String::new(),
            paragraphs: vec![],
            sentences: vec![],
            boilerplate: vec![],
        }
    }

    fn corpus(docs: Vec<Document>) -> Corpus {
        Corpus { documents: docs, ..Default::default() }
    }

    #[test]
    fn the_file_decides_and_white_space_is_one_paragraph() {
        let raw = parse("title = \"A river war, 2031\"\ndescription = \"\"\"\nWhat each side said\n  about the river.\"\"\"\nlanguage = \"pt-BR\"\n").unwrap();
        let s = resolve(Some(raw), &corpus(vec![]));
        assert_eq!(s.title, "A river war, 2031");
        assert_eq!(s.description, "What each side said about the river.");
        assert_eq!(s.language, "pt-BR");
    }

    #[test]
    fn without_settings_the_texts_come_from_the_corpus() {
        let c = corpus(vec![
            doc("a", Some("2023-10-05"), "en"),
            doc("b", Some("2024-09-02"), "fr"),
            doc("c", None, "fr"),
            doc("d", Some("2024-01-20"), "en"),
            doc("e", Some("2023-11-12"), "fr"),
        ]);
        let s = resolve(None, &c);
        assert_eq!(s.title, "5 articles, Oct 2023 – Sep 2024");
        assert!(s.description.contains("5 articles"), "{}", s.description);
        assert_eq!(s.language, "fr");
        // A key left out keeps its derived default.
        let s = resolve(Some(parse("title = \"Mine\"").unwrap()), &c);
        assert_eq!((s.title.as_str(), s.language.as_str()), ("Mine", "fr"));
    }

    #[test]
    fn derived_title_for_one_month_undated_and_empty_corpora() {
        assert_eq!(default_title(&corpus(vec![doc("a", Some("2024-03-01"), "en")])), "1 article, Mar 2024");
        assert_eq!(default_title(&corpus(vec![doc("a", None, "en"), doc("b", None, "en")])), "2 articles");
        assert_eq!(default_title(&corpus(vec![])), "0 articles");
        assert_eq!(default_language(&corpus(vec![])), "en");
    }

    #[test]
    fn bad_files_are_errors_with_their_line() {
        let e = parse("title = \"ok\"\ncolour = \"red\"\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e:?}");
        assert!(e.message.contains("colour"), "{e:?}");
        let e = parse("title = \"ok\"\ndescription = \"  \"\n").unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (Some(2), "`description` is empty"));
        let e = parse("\n\nlanguage = \"english please\"").unwrap_err();
        assert_eq!(e.line, Some(3), "{e:?}");
        let long = format!("title = \"{}\"", "x".repeat(MAX_TITLE_CHARS + 1));
        assert!(parse(&long).unwrap_err().message.contains("at most 120"));
        assert!(parse("title = ").is_err());
    }

    #[test]
    fn camps_are_read_in_order_and_default_to_the_six_sides() {
        let text = "title = \"T\"\n\n[[camp]]\nid = \"saf\"\nlabel = \"Army & allies\"\nhint = \"\"\"the army,\n  allied militias\"\"\"\ncolour = \"#1F5FA8\"\n\n[[camp]]\nid = \"rsf\"\nlabel = \"RSF & allies\"\n";
        let raw = parse(text).unwrap();
        let (c, editor) = camps(Some(&raw));
        assert!(editor);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].id.as_str(), c[0].label.as_str(), c[0].hint.as_str()), ("saf", "Army & allies", "the army, allied militias"));
        assert_eq!(c[0].colour.as_deref(), Some("#1f5fa8"));
        assert_eq!((c[1].id.as_str(), c[1].hint.as_str(), c[1].colour.as_deref()), ("rsf", "", None));
        // no file, or a file without camps: today's six sides
        let (d, editor) = camps(None);
        assert!(!editor);
        let ids: Vec<&str> = d.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["state", "rebels", "jihadists", "international", "local", "observers"]);
        assert_eq!(d[0].label, "State & allies");
        assert_eq!(d[1].label, "Rebels & armed opposition");
        assert_eq!(camps(Some(&parse("title = \"T\"").unwrap())).0, d);
    }

    #[test]
    fn bad_camps_are_errors_with_their_line() {
        let camp = |id: &str, rest: &str| format!("title = \"T\"\n[[camp]]\nid = \"a\"\nlabel = \"A\"\n[[camp]]\nid = \"{id}\"\n{rest}");
        let e = parse(&camp("a", "label = \"B\"\n")).unwrap_err();
        assert_eq!(e.line, Some(6), "{e:?}");
        assert!(e.message.contains("defined twice (first at line 3)"), "{e:?}");
        let e = parse(&camp("b", "label = \" \"\n")).unwrap_err();
        assert_eq!((e.line, e.message.as_str()), (Some(7), "camp \"b\": `label` is empty"));
        let e = parse(&camp("b", "label = \"B\"\ncolour = \"blue\"\n")).unwrap_err();
        assert_eq!(e.line, Some(8), "{e:?}");
        assert!(e.message.contains("colour \"blue\""), "{e:?}");
        let e = parse(&camp("B c", "label = \"B\"\n")).unwrap_err();
        assert_eq!(e.line, Some(6), "{e:?}");
        let e = parse(&camp("b", "label = \"B\"\nshape = \"x\"\n")).unwrap_err();
        assert_eq!(e.line, Some(8), "{e:?}");
        // a camp without a label
        assert_eq!(parse(&camp("b", "")).unwrap_err().line, Some(5));
        for ok in ["#1f5fa8", "#ABCDEF"] {
            assert!(is_colour(ok), "{ok}");
        }
        for bad in ["1f5fa8", "#1f5fa", "#1f5fa8ff", "#gggggg", "red"] {
            assert!(!is_colour(bad), "{bad}");
        }
    }

    #[test]
    fn language_tags() {
        for ok in ["en", "fr", "pt-BR", "zh-Hant", "ar"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "en_US", "en-", "english please", "<en>", "en-toolongpart"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
