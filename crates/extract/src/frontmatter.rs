//! Optional TOML front matter at the top of an article, between two `+++`
//! lines (the Zola convention):
//!
//! ```text
//! +++
//! title = "Mali's army says it has taken Kidal"
//! outlet = "AP"
//! published = 2023-11-14        # a TOML date, or the string "2023-11-14"
//! url = "https://example.org/kidal"
//! language = "en"
//! +++
//! ```
//!
//! Only a small TOML subset is accepted — one `key = value` per line, where
//! value is a basic string (`"…"` with `\"`, `\\`, `\n`, `\t`, `\uXXXX`
//! escapes), a literal string (`'…'`) or a date (`YYYY-MM-DD`, optionally
//! followed by a time which is ignored) — plus comments and blank lines.
//!
//! Errors (the article is rejected, naming file and line): a malformed line, an
//! unterminated block, a duplicate key, a `published` that is not a valid
//! date, a `url` that is not `http(s)://`, a non-string value for a string key.
//! Unknown keys are *warnings*: the key is ignored and reported with its line,
//! so that a corpus carrying extra metadata still loads.

/// Values read from the front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO `YYYY-MM-DD`, validated.
    pub published: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// A problem found in the front matter; `line` is 1-based in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatterIssue {
    pub line: usize,
    pub message: String,
    /// `false` for warnings (unknown keys).
    pub fatal: bool,
}

/// The result of splitting an article into front matter and body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Split<'a> {
    pub front: FrontMatter,
    /// The body after the closing `+++` line.
    pub body: &'a str,
    /// Number of lines of the file before the body (to map body lines to file lines).
    pub body_first_line: usize,
    pub warnings: Vec<FrontMatterIssue>,
}

const KEYS: [&str; 5] = ["title", "outlet", "published", "url", "language"];

/// A first line that looks like a front-matter key (`title: …`,
/// `Published = …`) in an article without a `+++` block: it is read as the
/// article's text, which the editor rarely means, so it is reported.
fn unfenced_key(first_line: &str) -> Option<FrontMatterIssue> {
    let (key, _) = first_line.split_once([':', '='])?;
    let key = key.trim().to_ascii_lowercase();
    KEYS.contains(&key.as_str()).then(|| FrontMatterIssue {
        line: 1,
        message: format!(
            "`{}` looks like front matter but is read as the article's text: \
             write it between two `+++` lines as `{key} = …`",
            short(first_line.trim())
        ),
        fatal: false,
    })
}

/// Split `text` into front matter and body. Text without a leading `+++`
/// line has no front matter. Returns the first fatal issue as `Err`.
pub fn split(text: &str) -> Result<Split<'_>, FrontMatterIssue> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "+++" {
        return Ok(Split {
            body: text,
            warnings: unfenced_key(&text[..first_line_end]).into_iter().collect(),
            ..Split::default()
        });
    }
    let mut front = FrontMatter::default();
    let mut warnings = Vec::new();
    let mut offset = (first_line_end + 1).min(text.len());
    let mut line_no = 1;
    loop {
        if offset >= text.len() {
            return Err(FrontMatterIssue {
                line: 1,
                message: "front matter opened with `+++` is never closed".into(),
                fatal: true,
            });
        }
        line_no += 1;
        let end = text[offset..]
            .find('\n')
            .map(|i| offset + i)
            .unwrap_or(text.len());
        let line = text[offset..end].trim();
        let next = (end + 1).min(text.len());
        if line == "+++" {
            return Ok(Split {
                front,
                body: &text[next..],
                body_first_line: line_no,
                warnings,
            });
        }
        offset = next;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fatal = |message: String| FrontMatterIssue {
            line: line_no,
            message,
            fatal: true,
        };
        let Some((key, value)) = line.split_once('=') else {
            return Err(fatal(format!(
                "front matter: expected `key = value`, found `{}`",
                short(line)
            )));
        };
        let key = key.trim().trim_matches('"');
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Err(fatal(format!("front matter: invalid key `{}`", short(key))));
        }
        let value =
            parse_value(value.trim()).map_err(|m| fatal(format!("front matter `{key}`: {m}")))?;
        if !KEYS.contains(&key) {
            warnings.push(FrontMatterIssue {
                line: line_no,
                message: format!(
                    "front matter: unknown key `{key}` ignored (known: {})",
                    KEYS.join(", ")
                ),
                fatal: false,
            });
            continue;
        }
        let slot = match key {
            "title" => &mut front.title,
            "outlet" => &mut front.outlet,
            "published" => &mut front.published,
            "url" => &mut front.url,
            _ => &mut front.language,
        };
        if slot.is_some() {
            return Err(fatal(format!("front matter: duplicate key `{key}`")));
        }
        let text_value = match (key, value) {
            ("published", Value::Date(d)) => d,
            ("published", Value::Str(s)) => {
                let s = s.trim().to_string();
                if !is_iso_date(&s) {
                    return Err(fatal(format!(
                        "front matter `published`: `{}` is not a date YYYY-MM-DD",
                        short(&s)
                    )));
                }
                s
            }
            (_, Value::Date(_)) => {
                return Err(fatal(format!("front matter `{key}`: expected a string")))
            }
            (_, Value::Str(s)) => s,
        };
        if key == "url" {
            let lower = text_value.to_ascii_lowercase();
            let rest = lower
                .strip_prefix("https://")
                .or_else(|| lower.strip_prefix("http://"));
            if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
                return Err(fatal(format!(
                    "front matter `url`: `{}` is not an http(s) URL",
                    short(&text_value)
                )));
            }
        }
        *slot = Some(text_value);
    }
}

enum Value {
    Str(String),
    /// ISO date.
    Date(String),
}

fn short(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Strip a trailing `# comment` after a value.
fn after_value_ok(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with('#')
}

fn parse_value(v: &str) -> Result<Value, String> {
    if let Some(rest) = v.strip_prefix('"') {
        // no escape before the closing quote (the usual case): the string
        // is the slice, copied once
        if let Some(i) = rest.find(['"', '\\']).filter(|&i| rest.as_bytes()[i] == b'"') {
            return if after_value_ok(&rest[i + 1..]) {
                Ok(Value::Str(rest[..i].to_string()))
            } else {
                Err("unexpected text after the string".into())
            };
        }
        let mut out = String::with_capacity(rest.len());
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    return if after_value_ok(&rest[i + 1..]) {
                        Ok(Value::Str(out))
                    } else {
                        Err("unexpected text after the string".into())
                    };
                }
                '\\' => match chars.next().map(|(_, c)| c) {
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                        let ch = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or("bad \\u escape")?;
                        out.push(ch);
                    }
                    _ => return Err("unknown escape in string".into()),
                },
                _ => out.push(c),
            }
        }
        return Err("unterminated string".into());
    }
    if let Some(rest) = v.strip_prefix('\'') {
        return match rest.find('\'') {
            Some(i) if after_value_ok(&rest[i + 1..]) => Ok(Value::Str(rest[..i].to_string())),
            Some(_) => Err("unexpected text after the string".into()),
            None => Err("unterminated string".into()),
        };
    }
    let token = v
        .split(|c: char| c.is_whitespace() || c == '#')
        .next()
        .unwrap_or("");
    if token.len() >= 10 && is_iso_date(&token[..10]) && after_value_ok(&v[token.len()..]) {
        let tail = &token[10..];
        if tail.is_empty() || tail.starts_with('T') || tail.starts_with('t') {
            return Ok(Value::Date(token[..10].to_string()));
        }
    }
    Err(format!(
        "unsupported value `{}` (use a \"string\" or a date YYYY-MM-DD)",
        short(v)
    ))
}

/// `YYYY-MM-DD` with a real month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|t| t.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|t| t.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_front_matter() {
        let s = split("Hello.\n").unwrap();
        assert_eq!(s.body, "Hello.\n");
        assert_eq!(s.front, FrontMatter::default());
    }

    #[test]
    fn reads_known_keys_and_warns_on_unknown() {
        let t = "+++\ntitle = \"A \\\"quoted\\\" title\"\npublished = 2023-10-05\n# comment\nurl = 'https://ex.org/a'\nauthor = \"X\"\n+++\nBody line.\n";
        let s = split(t).unwrap();
        assert_eq!(s.front.title.as_deref(), Some("A \"quoted\" title"));
        assert_eq!(s.front.published.as_deref(), Some("2023-10-05"));
        assert_eq!(s.front.url.as_deref(), Some("https://ex.org/a"));
        assert_eq!(s.body, "Body line.\n");
        assert_eq!(s.body_first_line, 7);
        assert_eq!(s.warnings.len(), 1);
        assert_eq!(s.warnings[0].line, 6);
        // a key written outside a `+++` block is text, and said to be
        for text in ["title: River clashes\npublished: 2031-01-02\n\nBody.", "Published = 2031-01-02\nBody."] {
            let s = split(text).unwrap();
            assert_eq!(s.body, text, "read as text");
            assert_eq!(s.warnings.len(), 1, "{text}");
            assert!(s.warnings[0].message.contains("between two `+++` lines") && !s.warnings[0].fatal);
        }
        assert!(split("Titles: a word before a colon.\nBody.").unwrap().warnings.is_empty());
        assert!(split("The army said: nothing.\n").unwrap().warnings.is_empty());
        assert!(s.warnings[0].message.contains("author"));
    }

    #[test]
    fn published_as_string_and_datetime() {
        assert_eq!(
            split("+++\npublished = \"2024-09-24\"\n+++\nx")
                .unwrap()
                .front
                .published
                .as_deref(),
            Some("2024-09-24")
        );
        assert_eq!(
            split("+++\npublished = 2024-09-24T02:56:00Z\n+++\nx")
                .unwrap()
                .front
                .published
                .as_deref(),
            Some("2024-09-24")
        );
    }

    #[test]
    fn errors_name_the_line() {
        let e = split("+++\ntitle = \"ok\"\nurl = \"ftp://x.org\"\n+++\nx").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("http"));
        assert_eq!(
            split("+++\npublished = 2023-02-30\n+++\nx")
                .unwrap_err()
                .line,
            2
        );
        assert_eq!(split("+++\njust words\n+++\nx").unwrap_err().line, 2);
        assert_eq!(
            split("+++\ntitle = \"a\"\ntitle = \"b\"\n+++\n")
                .unwrap_err()
                .line,
            3
        );
        assert!(split("+++\ntitle = \"a\"\n")
            .unwrap_err()
            .message
            .contains("never closed"));
        assert!(split("+++\ntitle = \"unterminated\n+++\n").is_err());
        assert!(split("+++\ntitle = 12\n+++\n").is_err());
    }
}
