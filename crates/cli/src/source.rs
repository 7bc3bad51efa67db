//! Reading a corpus folder through the engine: a parsed corpus for `export`
//! and `stats`, and the engine's list of problems for `check`.

use std::path::Path;

use counterclaim_extract::load::{self, Problem, Severity};
use counterclaim_extract::Corpus;

pub struct Checked {
    /// The `*.txt` articles found (whether or not they parsed).
    pub articles: usize,
    /// The corpus, when there was no error.
    pub corpus: Option<Corpus>,
    /// Every problem, with paths usable from the current directory.
    pub problems: Vec<Problem>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }
}

/// Load and parse a corpus folder; the error names file and line.
pub fn load(dir: &Path) -> Result<Corpus, String> {
    load::load_dir(dir).map_err(|e| e.to_string())
}

/// Check every article of a folder, collecting all problems rather than
/// stopping at the first.
pub fn check(dir: &Path) -> Checked {
    let articles = load::article_paths(dir).map(|p| p.len()).unwrap_or(0);
    let report = load::check_dir(dir);
    let problems = report
        .problems
        .into_iter()
        .map(|mut p| {
            // The engine names articles relative to the folder; show them
            // from where the command was run, so editors can jump to them.
            let path = Path::new(&p.path);
            if path.is_relative() && !path.starts_with(dir) {
                p.path = dir.join(path).to_string_lossy().into_owned();
            }
            p
        })
        .collect();
    Checked {
        articles,
        corpus: report.corpus,
        problems,
    }
}
