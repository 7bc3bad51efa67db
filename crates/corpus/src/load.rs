//! Reading a corpus folder from disk (native only): every `*.txt` file is an
//! article. A file that cannot be read or parsed is an error naming the file
//! and line — never silently dropped.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::*;
use crate::sentences;

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

/// Article files of a corpus folder, sorted by name.
pub fn article_paths(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let err = |message: String| LoadError { path: dir.to_path_buf(), line: None, message };
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

/// Load and parse every article of `dir` into a corpus.
pub fn load_dir(dir: &Path) -> Result<Corpus, LoadError> {
    let mut documents = Vec::new();
    for path in article_paths(dir)? {
        let bytes = std::fs::read(&path)
            .map_err(|e| LoadError { path: path.clone(), line: None, message: format!("cannot read: {e}") })?;
        let rel = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().into_owned();
        documents.push(parse_document(&rel, &bytes).map_err(|(line, message)| LoadError { path: path.clone(), line, message })?);
    }
    Ok(Corpus { version: FORMAT_VERSION, documents, ..Corpus::default() })
}

/// Parse one article. Errors carry an optional 1-based line number.
pub fn parse_document(rel_path: &str, bytes: &[u8]) -> Result<Document, (Option<usize>, String)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        (Some(line), format!("not valid UTF-8 (byte {})", e.valid_up_to()))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err((None, "empty article".into()));
    }
    let id = Path::new(rel_path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let paragraphs = sentences::paragraphs(&text);
    let sentences = sentences::sentences(&text, &paragraphs);
    let title = infer_title(&text);
    Ok(Document {
        id,
        path: rel_path.to_string(),
        title,
        outlet: None,
        published: None,
        published_source: PublishedSource::Unknown,
        url: None,
        language: "en".into(),
        text,
        paragraphs,
        sentences,
        boilerplate: Vec::new(),
    })
}

/// The first line, cut at a sentence end or 90 characters.
fn infer_title(text: &str) -> String {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let sentence_end = first.find(". ").map(|i| i + 1).unwrap_or(first.len());
    let s = &first[..sentence_end];
    if s.chars().count() <= 90 {
        s.to_string()
    } else {
        let cut: String = s.chars().take(88).collect();
        let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty_and_non_utf8() {
        assert!(parse_document("a.txt", b"  \n ").unwrap_err().1.contains("empty"));
        let (line, msg) = parse_document("a.txt", b"ok\nbad \xff here").unwrap_err();
        assert_eq!(line, Some(2));
        assert!(msg.contains("UTF-8"));
    }

    #[test]
    fn loads_the_seeds() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let corpus = load_dir(&dir).expect("seeds load");
        assert_eq!(corpus.documents.len(), 5);
        for d in &corpus.documents {
            assert!(!d.title.is_empty());
            assert!(d.sentences.len() > 5, "{} has {} sentences", d.id, d.sentences.len());
        }
        let bytes = crate::encode(&corpus).unwrap();
        assert_eq!(crate::decode(&bytes).unwrap(), corpus);
    }
}
