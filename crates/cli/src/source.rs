//! Reading a corpus folder through the engine: a parsed corpus for `export`
//! and `stats`, a list of problems for `check`.

use std::fmt;
use std::path::Path;

use counterclaim_corpus::load;
use counterclaim_corpus::Corpus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found by `check`, printed as `path:line: severity: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
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
            Some(l) => write!(f, "{}:{}: {}: {}", self.path, l, sev, self.message),
            None => write!(f, "{}: {}: {}", self.path, sev, self.message),
        }
    }
}

pub struct Checked {
    /// The articles found (whether or not they parsed).
    pub articles: usize,
    /// The corpus, when there was no error.
    pub corpus: Option<Corpus>,
    pub problems: Vec<Problem>,
}

/// Load and parse a corpus folder; the error names file and line.
pub fn load(dir: &Path) -> Result<Corpus, String> {
    load::load_dir(dir).map_err(|e| e.to_string())
}

/// Check every article of a folder, collecting all problems rather than
/// stopping at the first.
pub fn check(dir: &Path) -> Checked {
    let paths = match load::article_paths(dir) {
        Ok(p) => p,
        Err(e) => {
            return Checked {
                articles: 0,
                corpus: None,
                problems: vec![Problem { path: e.path.display().to_string(), line: e.line, severity: Severity::Error, message: e.message }],
            }
        }
    };
    let mut problems = Vec::new();
    for path in &paths {
        let shown = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                problems.push(Problem { path: shown, line: None, severity: Severity::Error, message: format!("cannot read: {e}") });
                continue;
            }
        };
        let rel = path.strip_prefix(dir).unwrap_or(path).to_string_lossy().into_owned();
        if let Err((line, message)) = load::parse_document(&rel, &bytes) {
            problems.push(Problem { path: shown, line, severity: Severity::Error, message });
        }
    }
    let corpus = if problems.iter().any(|p| p.severity == Severity::Error) {
        None
    } else {
        match load::load_dir(dir) {
            Ok(c) => Some(c),
            Err(e) => {
                problems.push(Problem { path: e.path.display().to_string(), line: e.line, severity: Severity::Error, message: e.message });
                None
            }
        }
    };
    Checked { articles: paths.len(), corpus, problems }
}
