//! Command-line parsing, by hand (no argument-parsing dependency): the
//! sub-commands, their operands and options, and the usage text.

use std::path::PathBuf;

pub const USAGE: &str = "\
counterclaim — tools for Counterclaim corpora (folders of news articles)

USAGE:
    counterclaim export DIR          write the parsed corpus as JSON to stdout
    counterclaim export DIR --rows csv|json
                                     write the events as flat rows with their
                                     claims and citations (the app's downloads)
    counterclaim check DIR           validate every article; print a summary and
                                     each problem as `path:line: error|warning: message`
    counterclaim stats DIR           print counts: documents, sentences, claims by
                                     side and stance, events by kind, date span,
                                     top places and actors
    counterclaim noscript DIR        print the <noscript> fallback: the events (at most
                                     200, then a count) as an HTML fragment
    counterclaim page DIR --out FILE write the page's static opening view as JSON
                                     with keys lang, head, body (used by the build)
    counterclaim synth N DIR [--seed S] [--gazetteer FILE]
                                     write N synthetic articles and a copy of the
                                     gazetteer into DIR (created if missing)
    counterclaim --help | -h | help  show this text

A corpus folder holds `*.txt` articles and a `gazetteer.toml` (see
docs/corpus-format.md).

EXIT STATUS:
    0  success (`check`: no errors; warnings allowed)
    1  the corpus has errors, or a file could not be read or written
    2  usage error
";

/// Default seed of `synth`, so repeated runs write the same articles.
pub const DEFAULT_SEED: u64 = 20231112;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Export {
        dir: PathBuf,
        /// `--rows`: flat rows instead of the corpus.
        rows: Option<RowsFormat>,
    },
    Check {
        dir: PathBuf,
    },
    Stats {
        dir: PathBuf,
    },
    Noscript {
        dir: PathBuf,
    },
    /// The static opening view, written to a file (never a pipe: a large
    /// corpus would overflow the build script's buffer).
    Page {
        dir: PathBuf,
        out: PathBuf,
    },
    Synth {
        n: usize,
        dir: PathBuf,
        seed: u64,
        gazetteer: Option<PathBuf>,
    },
}

/// The format of `export --rows`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowsFormat {
    Csv,
    Json,
}

/// A usage error: the message is printed before the usage text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Command::Help);
    }
    let Some((cmd, rest)) = args.split_first() else {
        return Err(UsageError("missing command".into()));
    };
    match cmd.as_str() {
        "help" => Ok(Command::Help),
        "export" => parse_export(rest),
        "check" => Ok(Command::Check {
            dir: one_dir(cmd, rest)?,
        }),
        "stats" => Ok(Command::Stats {
            dir: one_dir(cmd, rest)?,
        }),
        "noscript" => Ok(Command::Noscript {
            dir: one_dir(cmd, rest)?,
        }),
        "page" => parse_page(rest),
        "synth" => parse_synth(rest),
        other => Err(UsageError(format!("unknown command `{other}`"))),
    }
}

fn one_dir(cmd: &str, rest: &[String]) -> Result<PathBuf, UsageError> {
    if let Some(opt) = rest.iter().find(|a| a.starts_with('-') && a.len() > 1) {
        return Err(UsageError(format!("`{cmd}` takes no option `{opt}`")));
    }
    match rest {
        [dir] => Ok(PathBuf::from(dir)),
        [] => Err(UsageError(format!(
            "`{cmd}` needs a corpus folder: counterclaim {cmd} DIR"
        ))),
        _ => Err(UsageError(format!(
            "`{cmd}` takes exactly one folder, got {}",
            rest.len()
        ))),
    }
}

fn parse_export(rest: &[String]) -> Result<Command, UsageError> {
    let mut rows = None;
    let mut operands = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--rows") {
            Some("") => it.next().map(String::as_str),
            Some(v) if v.starts_with('=') => Some(&v[1..]),
            _ => {
                operands.push(a.clone());
                continue;
            }
        };
        rows = Some(match value {
            Some("csv") => RowsFormat::Csv,
            Some("json") => RowsFormat::Json,
            Some(other) => return Err(UsageError(format!("`--rows` is `csv` or `json`, got `{other}`"))),
            None => return Err(UsageError("`--rows` needs a format: csv or json".into())),
        });
    }
    Ok(Command::Export {
        dir: one_dir("export", &operands)?,
        rows,
    })
}

fn parse_page(rest: &[String]) -> Result<Command, UsageError> {
    let mut out = None;
    let mut operands = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.strip_prefix("--out") {
            Some("") => out = Some(it.next().ok_or_else(|| UsageError("`--out` needs a file".into()))?.clone()),
            Some(v) if v.starts_with('=') => out = Some(v[1..].to_owned()),
            _ => operands.push(a.clone()),
        }
    }
    let out = out.filter(|o| !o.is_empty()).ok_or_else(|| UsageError("`page` needs `--out FILE`".into()))?;
    Ok(Command::Page { dir: one_dir("page", &operands)?, out: PathBuf::from(out) })
}

fn parse_synth(rest: &[String]) -> Result<Command, UsageError> {
    let mut seed = DEFAULT_SEED;
    let mut gazetteer = None;
    let mut operands = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        match name {
            "--seed" | "--gazetteer" => {
                let value = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .ok_or_else(|| UsageError(format!("`{name}` needs a value")))?,
                };
                if name == "--seed" {
                    seed = value.parse().map_err(|_| {
                        UsageError(format!(
                            "`--seed` must be a non-negative integer, got `{value}`"
                        ))
                    })?;
                } else {
                    gazetteer = Some(PathBuf::from(value));
                }
            }
            _ if a.starts_with('-') && a.len() > 1 => {
                return Err(UsageError(format!("unknown option `{a}` for `synth`")))
            }
            _ => operands.push(a),
        }
    }
    match operands.as_slice() {
        [n, dir] => {
            let n = n.parse().map_err(|_| {
                UsageError(format!("`synth` needs a number of articles, got `{n}`"))
            })?;
            Ok(Command::Synth {
                n,
                dir: PathBuf::from(dir),
                seed,
                gazetteer,
            })
        }
        _ => Err(UsageError(
            "`synth` needs a count and a folder: counterclaim synth N DIR [--seed S]".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, UsageError> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn parses_commands() {
        assert_eq!(
            p(&["export", "seeds"]),
            Ok(Command::Export {
                dir: "seeds".into(),
                rows: None
            })
        );
        assert_eq!(
            p(&["export", "--rows", "csv", "seeds"]),
            Ok(Command::Export {
                dir: "seeds".into(),
                rows: Some(RowsFormat::Csv)
            })
        );
        assert_eq!(
            p(&["export", "seeds", "--rows=json"]),
            Ok(Command::Export {
                dir: "seeds".into(),
                rows: Some(RowsFormat::Json)
            })
        );
        assert_eq!(p(&["check", "x"]), Ok(Command::Check { dir: "x".into() }));
        assert_eq!(p(&["stats", "x"]), Ok(Command::Stats { dir: "x".into() }));
        assert_eq!(p(&["stats", "x", "--help"]), Ok(Command::Help));
        assert_eq!(p(&["noscript", "x"]), Ok(Command::Noscript { dir: "x".into() }));
        assert_eq!(p(&["help"]), Ok(Command::Help));
        assert_eq!(
            p(&["synth", "5", "out"]),
            Ok(Command::Synth {
                n: 5,
                dir: "out".into(),
                seed: DEFAULT_SEED,
                gazetteer: None
            })
        );
        assert_eq!(
            p(&["synth", "--seed", "9", "5", "out", "--gazetteer=g.toml"]),
            Ok(Command::Synth {
                n: 5,
                dir: "out".into(),
                seed: 9,
                gazetteer: Some("g.toml".into())
            })
        );
    }

    #[test]
    fn rejects_bad_usage() {
        for bad in [
            &[][..],
            &["frobnicate", "x"],
            &["export"],
            &["export", "a", "b"],
            &["export", "a", "--rows"],
            &["export", "a", "--rows", "xml"],
            &["export", "a", "--rows=tsv"],
            &["export", "a", "--pretty"],
            &["check", "--strict", "x"],
            &["noscript"],
            &["noscript", "a", "b"],
            &["synth", "x", "out"],
            &["synth", "5"],
            &["synth", "5", "out", "--seed"],
            &["synth", "5", "out", "--seed", "-3"],
            &["synth", "5", "out", "--colour"],
        ] {
            assert!(p(bad).is_err(), "{bad:?} should be a usage error");
        }
    }
}
