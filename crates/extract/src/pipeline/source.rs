//! Stage 1, the source: an article's bytes → its text and front matter
//! ([`read_source`]), then the text decoded and folded once with the maps
//! back to bytes and file lines ([`Layers`]).

use super::{ArticleError, Warning};
use crate::frontmatter::{self, FrontMatter};
use crate::text::Folded;

/// An article's text after its front matter, and what the front matter says.
pub(super) struct Source {
    /// The document id: the file name's stem.
    pub id: String,
    /// The text after the front matter, BOM dropped, line ends `\n`.
    pub text: String,
    pub front: FrontMatter,
    /// How many lines of the file come before the text.
    pub body_line0: usize,
    /// The front matter's non-fatal issues.
    pub warnings: Vec<Warning>,
}

/// Bytes → [`Source`]: checks UTF-8, drops a BOM, turns CRLF and CR into
/// LF, splits off the front matter. Fails, naming the line, on invalid
/// UTF-8, a broken front matter or an empty text.
pub(super) fn read_source(rel_path: &str, bytes: &[u8]) -> Result<Source, ArticleError> {
    let raw = std::str::from_utf8(bytes).map_err(|e| ArticleError {
        line: Some(line_of(bytes, e.valid_up_to())),
        message: format!("not valid UTF-8 (byte {})", e.valid_up_to()),
    })?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let normalized;
    let raw = if raw.contains('\r') {
        normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        raw
    };
    let split = frontmatter::split(raw).map_err(|e| ArticleError {
        line: Some(e.line),
        message: e.message,
    })?;
    let warnings: Vec<Warning> = split
        .warnings
        .iter()
        .map(|w| Warning {
            line: Some(w.line),
            message: w.message.clone(),
        })
        .collect();
    let text = split.body.to_string();
    if text.trim().is_empty() {
        return Err(ArticleError {
            line: None,
            message: "empty article (no text after the front matter)".into(),
        });
    }
    let id = std::path::Path::new(rel_path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Source {
        id,
        text,
        front: split.front,
        body_line0: split.body_first_line,
        warnings,
    })
}

fn line_of(bytes: &[u8], upto: usize) -> usize {
    bytes[..upto.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The text decoded and folded once ([`Folded`]); every later stage works
/// in its code points, these map them back to bytes and file lines.
pub(super) struct Layers {
    pub f: Folded,
    /// The byte offset of each code point, then the text's length.
    byte_of: Vec<usize>,
    /// The code point each line of the text starts at.
    line_starts: Vec<u32>,
    body_line0: usize,
}

impl Layers {
    pub fn new(text: &str, body_line0: usize) -> Self {
        let f = Folded::new(text);
        let mut byte_of: Vec<usize> = Vec::with_capacity(f.len() + 1);
        // from the decoded chars: the text is not decoded a second time
        let mut b = 0;
        byte_of.extend(f.chars.iter().map(|c| {
            let at = b;
            b += c.len_utf8();
            at
        }));
        byte_of.push(text.len());
        let mut line_starts: Vec<u32> = vec![0];
        for (i, &c) in f.chars.iter().enumerate() {
            if c == '\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        Layers { f, byte_of, line_starts, body_line0 }
    }

    /// The file line (1-based) of code point `cp`.
    pub fn file_line(&self, cp: u32) -> usize {
        self.line_starts.partition_point(|&s| s <= cp) + self.body_line0
    }

    /// `text[start..end)` in code points, `text` being the one the layers were made from.
    pub fn slice<'t>(&self, text: &'t str, start: u32, end: u32) -> &'t str {
        &text[self.byte_of[start as usize]..self.byte_of[end as usize]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_its_line() {
        let e = read_source("a.txt", b"First line.\nSecond \xff line.\n").err().expect("an error");
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("UTF-8"), "{}", e.message);
    }

    #[test]
    fn front_matter_only_is_an_empty_article() {
        let e = read_source("a.txt", b"+++\ntitle = \"Nothing\"\n+++\n\n  \n").err().expect("an error");
        assert!(e.message.starts_with("empty article"), "{}", e.message);
    }

    #[test]
    fn lines_and_bytes_map_back_from_code_points() {
        let s = read_source("dir/story.txt", "+++\ntitle = \"T\"\n+++\nÉté à Gao.\nSecond line.\n".as_bytes()).unwrap();
        assert_eq!(s.id, "story");
        assert_eq!(s.front.title.as_deref(), Some("T"));
        let l = Layers::new(&s.text, s.body_line0);
        // "Second" starts at code point 11, on the file's fifth line
        assert_eq!(l.slice(&s.text, 11, 17), "Second");
        assert_eq!(l.file_line(0), 4);
        assert_eq!(l.file_line(11), 5);
    }
}
