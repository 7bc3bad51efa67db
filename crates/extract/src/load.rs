//! Reading a corpus (native only): every `*.txt` file of a folder is an
//! article; `gazetteer.toml` in the same folder names the actors, people and
//! places. A file that cannot be read or parsed is an error naming the file
//! and line — never silently dropped.
//!
//! Entry points:
//! - [`load_dir`]: read a folder and parse it (the build script, the CLI);
//! - [`parse_corpus`]: the same from in-memory files (benchmarks, fuzzing, tests);
//! - [`check_dir`]: every problem of a folder at once, errors and warnings;
//! - [`parse_article`] (re-exported from [`crate::pipeline`]): one article.
//!
//! Errors: unreadable folder or file, non-UTF-8 or empty article, malformed
//! front matter (bad line, unclosed block, duplicate key, bad date, non-http(s)
//! `url`), missing or invalid gazetteer. Warnings (the corpus still loads):
//! unknown front-matter keys (ignored), dates that cannot be resolved,
//! claims whose speaker is neither identified nor tied to a side, articles
//! without a published date.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::corrections;
use crate::gazetteer::Gazetteer;
use crate::mentions::Lexicon;
use crate::model::*;
use crate::pipeline::assemble;
pub use crate::pipeline::{parse_article, Article, ArticleError, Options, Warning};

/// The gazetteer's file name inside a corpus folder.
pub const GAZETTEER_FILE: &str = "gazetteer.toml";

#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path.display(), l, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for LoadError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found by [`check_dir`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File path as given (relative to the corpus folder for articles).
    pub path: String,
    pub line: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            Some(l) => write!(f, "{}:{}: {sev}: {}", self.path, l, self.message),
            None => write!(f, "{}: {sev}: {}", self.path, self.message),
        }
    }
}

/// Everything [`check_dir`] found; `corpus` is `Some` when there is no error.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckReport {
    pub corpus: Option<Corpus>,
    pub problems: Vec<Problem>,
}

impl CheckReport {
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count()
    }
}

/// Article files of a corpus folder, sorted by name.
pub fn article_paths(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let err = |message: String| LoadError {
        path: dir.to_path_buf(),
        line: None,
        message,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| err(format!("cannot read corpus folder: {e}")))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(err("no .txt articles in corpus folder".into()));
    }
    Ok(paths)
}

fn rel(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn read_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, LoadError> {
    article_paths(dir)?
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).map_err(|e| LoadError {
                path: path.clone(),
                line: None,
                message: format!("cannot read: {e}"),
            })?;
            Ok((rel(dir, &path), bytes))
        })
        .collect()
}

/// Load and parse every article of `dir` with `dir/gazetteer.toml`, apply
/// the editors' `dir/corrections.toml` when there is one, and resolve the
/// corpus settings of `dir/corpus.toml` ([`crate::settings`]).
pub fn load_dir(dir: &Path) -> Result<Corpus, LoadError> {
    let settings = crate::settings::read(dir)?;
    let (camps, editor) = crate::settings::camps(settings.as_ref());
    let gazetteer = Gazetteer::load_with_camps(&dir.join(GAZETTEER_FILE), camps, editor)?;
    let files = read_files(dir)?;
    let mut corpus = parse_corpus(&files, &gazetteer).map_err(|mut e| {
        e.path = dir.join(&e.path);
        e
    })?;
    let path = dir.join(corrections::FILE);
    corrections::apply_file(&mut corpus, &path).map_err(|errors| {
        let more = match errors.len() {
            1 => String::new(),
            n => format!(" (and {} more: run `counterclaim check`)", n - 1),
        };
        LoadError {
            path: path.clone(),
            line: errors.first().map(|e| e.line),
            message: errors.first().map(|e| e.message.clone()).unwrap_or_default() + &more,
        }
    })?;
    corpus.settings = crate::settings::resolve(settings, &corpus);
    Ok(corpus)
}

/// Parse in-memory articles `(relative path, bytes)` into a corpus. Articles
/// are taken in path order, so the output does not depend on the input order.
/// The error's `path` is the relative path of the failing article.
/// The corpus-wide stages after parsing: events across articles
/// (`assemble`), permanent ids (`ids::assign`), event confidence
/// (`confidence::rate_events`). Corrections come after, in `load_dir`.
fn assemble_rated(articles: Vec<crate::pipeline::Article>, lex: &Lexicon) -> Corpus {
    let mut corpus = crate::ids::assign(assemble(articles, lex));
    crate::confidence::rate_events(&mut corpus);
    corpus
}

pub fn parse_corpus(
    files: &[(String, Vec<u8>)],
    gazetteer: &Gazetteer,
) -> Result<Corpus, LoadError> {
    let lex = Lexicon::shared(gazetteer);
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by(|&a, &b| files[a].0.cmp(&files[b].0));
    let opts = Options {
        reference_year: stated_reference_year(files.iter().map(|f| f.1.as_slice())),
    };
    let mut articles = Vec::with_capacity(files.len());
    for &i in &order {
        let (path, bytes) = &files[i];
        let a = parse_article(path, bytes, &lex, opts).map_err(|e| LoadError {
            path: PathBuf::from(path),
            line: e.line,
            message: e.message,
        })?;
        articles.push(a);
    }
    reparse_ambiguous(&mut articles, files, &order, &lex);
    check_unique_ids(&articles)?;
    Ok(assemble_rated(articles, &lex))
}

/// The corpus's usual year, from what articles state outright (front-matter
/// dates and datelines, a cheap look at the top of each file): the median.
/// Articles whose year-less dates fit several years take the nearest one.
fn stated_reference_year<'a>(files: impl Iterator<Item = &'a [u8]>) -> Option<i32> {
    let mut years: Vec<i32> = files
        .filter_map(|bytes| {
            let text = std::str::from_utf8(bytes).ok()?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let split = crate::frontmatter::split(text).ok()?;
            match split.front.published {
                Some(p) => p.get(..4)?.parse().ok(),
                None => crate::dates::find_dateline(split.body).map(|(d, _, _)| d.year),
            }
        })
        .collect();
    if years.is_empty() {
        return None;
    }
    years.sort_unstable();
    Some(years[years.len() / 2])
}

/// Articles whose year-less dates fit several years are parsed again with
/// the corpus's usual year (the median publication year of the others).
fn reparse_ambiguous(
    articles: &mut [Article],
    files: &[(String, Vec<u8>)],
    order: &[usize],
    lex: &Lexicon,
) {
    let mut years: Vec<i32> = articles
        .iter()
        .filter_map(|a| a.document.published.as_deref())
        .filter_map(|p| p.get(..4)?.parse().ok())
        .collect();
    if years.is_empty() || !articles.iter().any(|a| a.needs_reference_year) {
        return;
    }
    years.sort();
    let reference = Some(years[years.len() / 2]);
    for (slot, &i) in articles.iter_mut().zip(order) {
        if slot.needs_reference_year {
            if let Ok(a) = parse_article(
                &files[i].0,
                &files[i].1,
                lex,
                Options {
                    reference_year: reference,
                },
            ) {
                *slot = a;
            }
        }
    }
}

fn check_unique_ids(articles: &[Article]) -> Result<(), LoadError> {
    let mut ids: Vec<(&str, &str)> = articles
        .iter()
        .map(|a| (a.document.id.as_str(), a.document.path.as_str()))
        .collect();
    ids.sort();
    for w in ids.windows(2) {
        if w[0].0 == w[1].0 {
            return Err(LoadError {
                path: PathBuf::from(w[1].1),
                line: None,
                message: format!("document id `{}` also used by {}", w[0].0, w[0].1),
            });
        }
    }
    Ok(())
}

/// Check a corpus folder: every error and warning, and the corpus when
/// there is no error.
pub fn check_dir(dir: &Path) -> CheckReport {
    let mut problems = Vec::new();
    let gaz_path = dir.join(GAZETTEER_FILE);
    let settings = crate::settings::read(dir).map_err(|e| {
        problems.push(Problem {
            path: e.path.to_string_lossy().into_owned(),
            line: e.line,
            severity: Severity::Error,
            message: e.message,
        })
    });
    let (camps, editor) = crate::settings::camps(settings.as_ref().ok().and_then(Option::as_ref));
    let gazetteer = match Gazetteer::load_with_camps(&gaz_path, camps.clone(), editor) {
        Ok(g) => {
            let text = std::fs::read_to_string(&gaz_path).unwrap_or_default();
            problems.extend(Gazetteer::warnings(text.trim_start_matches('\u{feff}')).into_iter().map(|w| Problem {
                path: gaz_path.to_string_lossy().into_owned(),
                line: w.line,
                severity: Severity::Warning,
                message: w.message,
            }));
            Some(g)
        }
        Err(e) => {
            problems.push(Problem {
                path: gaz_path.to_string_lossy().into_owned(),
                line: e.line,
                severity: Severity::Error,
                message: e.message,
            });
            None
        }
    };
    let paths = match article_paths(dir) {
        Ok(p) => p,
        Err(e) => {
            problems.push(Problem {
                path: dir.to_string_lossy().into_owned(),
                line: None,
                severity: Severity::Error,
                message: e.message,
            });
            return CheckReport {
                corpus: None,
                problems,
            };
        }
    };
    // Without a usable gazetteer the articles are still checked (no entities).
    let lex = Lexicon::new(gazetteer.clone().unwrap_or_else(|| {
        let roles = crate::camps::Roles(crate::camps::roles(&camps, editor, &[]));
        Gazetteer { camps, roles, ..Default::default() }
    }));
    let mut files = Vec::new();
    for path in paths {
        let name = rel(dir, &path);
        match std::fs::read(&path) {
            Ok(bytes) => files.push((name, bytes)),
            Err(e) => problems.push(Problem {
                path: name,
                line: None,
                severity: Severity::Error,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    let mut articles = Vec::new();
    let mut ok_files = Vec::new();
    let opts = Options {
        reference_year: stated_reference_year(files.iter().map(|f| f.1.as_slice())),
    };
    for (name, bytes) in &files {
        match parse_article(name, bytes, &lex, opts) {
            Ok(a) => {
                ok_files.push((name.clone(), bytes.clone()));
                articles.push(a);
            }
            Err(e) => problems.push(Problem {
                path: name.clone(),
                line: e.line,
                severity: Severity::Error,
                message: e.message,
            }),
        }
    }
    let order: Vec<usize> = (0..ok_files.len()).collect();
    reparse_ambiguous(&mut articles, &ok_files, &order, &lex);
    for a in &articles {
        for w in &a.warnings {
            problems.push(Problem {
                path: a.document.path.clone(),
                line: w.line,
                severity: Severity::Warning,
                message: w.message.clone(),
            });
        }
    }
    if let Err(e) = check_unique_ids(&articles) {
        problems.push(Problem {
            path: e.path.to_string_lossy().into_owned(),
            line: None,
            severity: Severity::Error,
            message: e.message,
        });
    }
    let mut corpus = (gazetteer.is_some() && !problems.iter().any(|p| p.severity == Severity::Error))
        .then(|| assemble_rated(articles, &lex));
    let path = dir.join(corrections::FILE);
    let mut scratch = Corpus::default();
    if let Err(errors) = corrections::apply_file(corpus.as_mut().unwrap_or(&mut scratch), &path) {
        // Without a corpus (article errors) only the file's syntax is checked.
        let syntax_only = corpus.is_none();
        problems.extend(
            errors
                .into_iter()
                .filter(|_| !syntax_only)
                .chain(syntax_errors(&path).filter(|_| syntax_only))
                .map(|e| Problem {
                    path: path.to_string_lossy().into_owned(),
                    line: Some(e.line),
                    severity: Severity::Error,
                    message: e.message,
                }),
        );
        corpus = None;
    }
    if let Some(c) = corpus.as_mut() {
        c.settings = crate::settings::resolve(settings.ok().flatten(), c);
    }
    CheckReport { corpus, problems }
}

/// The syntax errors of a corrections file (no corpus to check ids against).
fn syntax_errors(path: &Path) -> impl Iterator<Item = corrections::CorrectionError> {
    let errors = match std::fs::read_to_string(path) {
        Ok(text) => corrections::parse(&text).err().unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    errors.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gazetteer.toml"))
            .unwrap()
    }

    #[test]
    fn rejects_empty_and_non_utf8_with_lines() {
        let g = gaz();
        let e = parse_corpus(&[("a.txt".into(), b"  \n ".to_vec())], &g).unwrap_err();
        assert!(e.message.contains("empty"), "{e}");
        let e = parse_corpus(&[("b.txt".into(), b"ok\nbad \xff here".to_vec())], &g).unwrap_err();
        assert_eq!((e.line, e.path.to_str()), (Some(2), Some("b.txt")));
        assert!(e.message.contains("UTF-8"));
        let e = parse_corpus(
            &[(
                "c.txt".into(),
                b"+++\ntitle = \"x\"\nurl = \"javascript:alert(1)\"\n+++\nBody.".to_vec(),
            )],
            &g,
        )
        .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().starts_with("c.txt:3:"), "{e}");
    }

    #[test]
    fn front_matter_fills_the_document() {
        let t = "+++\ntitle = \"Kidal\"\noutlet = \"AP\"\npublished = 2023-11-14\nurl = \"https://example.org/k\"\nlanguage = \"en\"\n+++\nMali's army said Tuesday it had taken control of Kidal.\n";
        let c = parse_corpus(&[("k.txt".into(), t.as_bytes().to_vec())], &gaz()).unwrap();
        let d = &c.documents[0];
        assert_eq!(
            (
                d.title.as_str(),
                d.outlet.as_deref(),
                d.published.as_deref()
            ),
            ("Kidal", Some("AP"), Some("2023-11-14"))
        );
        assert_eq!(d.published_source, PublishedSource::FrontMatter);
        assert_eq!(d.url.as_deref(), Some("https://example.org/k"));
        assert!(d.text.starts_with("Mali's army"));
    }

    #[test]
    fn output_does_not_depend_on_file_order() {
        let g = gaz();
        let a = (
            "a.txt".to_string(),
            b"The army said on Sunday, November 12, 2023 it clashed with rebels near Kidal."
                .to_vec(),
        );
        let b = (
            "b.txt".to_string(),
            b"Rebels said they repelled the army near Kidal on Sunday, November 12, 2023.".to_vec(),
        );
        let x = parse_corpus(&[a.clone(), b.clone()], &g).unwrap();
        let y = parse_corpus(&[b, a], &g).unwrap();
        assert_eq!(crate::encode(&x).unwrap(), crate::encode(&y).unwrap());
    }

    #[test]
    fn check_dir_reports_problems_with_lines() {
        let dir = std::env::temp_dir().join(format!("cc-check-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gazetteer.toml"),
            dir.join(GAZETTEER_FILE),
        )
        .unwrap();
        std::fs::write(
            dir.join("good.txt"),
            "+++\nauthor = \"X\"\n+++\nThe army said it reached Kidal.\n",
        )
        .unwrap();
        std::fs::write(dir.join("bad.txt"), "+++\nurl = \"ftp://x\"\n+++\nText.\n").unwrap();
        let r = check_dir(&dir);
        assert!(r.corpus.is_none());
        let bad = r
            .problems
            .iter()
            .find(|p| p.path == "bad.txt")
            .expect("bad.txt reported");
        assert_eq!((bad.line, bad.severity), (Some(2), Severity::Error));
        let unknown = r
            .problems
            .iter()
            .find(|p| p.path == "good.txt" && p.message.contains("author"))
            .expect("unknown key reported");
        assert_eq!(
            (unknown.line, unknown.severity),
            (Some(2), Severity::Warning)
        );
        assert!(r
            .problems
            .iter()
            .any(|p| p.path == "good.txt" && p.message.contains("published")));
        std::fs::remove_file(dir.join("bad.txt")).unwrap();
        let r = check_dir(&dir);
        assert_eq!(r.errors(), 0, "{:?}", r.problems);
        assert_eq!(r.corpus.map(|c| c.documents.len()), Some(1));
        std::fs::write(dir.join(GAZETTEER_FILE), "[[actors]]\nid = 3\n").unwrap();
        let r = check_dir(&dir);
        assert!(r
            .problems
            .iter()
            .any(|p| p.path.ends_with(GAZETTEER_FILE) && p.severity == Severity::Error));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn loads_the_seeds() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let corpus = load_dir(&dir).expect("seeds load");
        assert_eq!(corpus.documents.len(), 5);
        for d in &corpus.documents {
            assert!(!d.title.is_empty());
            assert!(
                d.sentences.len() > 5,
                "{} has {} sentences",
                d.id,
                d.sentences.len()
            );
        }
        assert!(!corpus.claims.is_empty());
        assert!(!corpus.events.is_empty());
        let bytes = crate::encode(&corpus).unwrap();
        assert_eq!(crate::decode(&bytes).unwrap(), corpus);
    }
}
