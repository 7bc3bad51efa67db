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
    counterclaim check DIR           validate every article; print a summary, each
                                     problem as `path:line: error|warning: message`,
                                     then the names seen in speaker or place position
                                     that the gazetteer lacks, most frequent first
    counterclaim init DIR            start a gazetteer for a folder of articles: writes
                                     DIR/gazetteer.toml with the names the articles use
                                     as speakers and places, commented out, to edit
    counterclaim stats DIR           print counts: documents, sentences, claims by
                                     side and stance, events by kind, date span,
                                     top places and actors
    counterclaim noscript DIR        print the <noscript> fallback: the events (at most
                                     200, then a count) as an HTML fragment
    counterclaim page DIR --out FILE write the page's static opening view as JSON
                                     with keys lang, head, body (used by the build)
    counterclaim review DIR [--format text|md] [--only contested|low-confidence] [--event ID]
                                     print each event with its claims (ids, speaker,
                                     side, stance, confidence, quote), disputes and
                                     editor's notes: what an editor reads before publishing
    counterclaim eval DIR [--gold FILE] [--min-recall R] [--min-precision P] [--min-events K]
                                     score the engine on DIR against DIR/gold.json
                                     (or FILE):
                                     each problem as `path:line: message`, then
                                     claim recall, precision, events right,
                                     speaker and stance accuracy
    counterclaim synth N DIR [--seed S] [--gazetteer FILE]
                                     write N synthetic articles and a copy of the
                                     gazetteer into DIR (created if missing)
    counterclaim --help | -h | help  show this text

A corpus folder holds `*.txt` articles, a `gazetteer.toml` and, optionally,
the editors' `corrections.toml` (see docs/corpus-format.md).

EXIT STATUS:
    0  success (`check`: no errors; warnings allowed)
    1  the corpus has errors, or a file could not be read or written
       (`eval`: a --min-* floor is not met)
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
    Init {
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
    Review {
        dir: PathBuf,
        options: crate::review::Options,
    },
    Eval {
        dir: PathBuf,
        /// `--gold FILE`; default `DIR/gold.json`.
        gold: Option<PathBuf>,
        floors: Floors,
    },
    Synth {
        n: usize,
        dir: PathBuf,
        seed: u64,
        gazetteer: Option<PathBuf>,
    },
}

/// The quality floors of `eval` (0 = no floor).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Floors {
    pub min_recall: f64,
    pub min_precision: f64,
    pub min_events: usize,
}

impl Eq for Floors {}

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
        "init" => Ok(Command::Init {
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
        "review" => parse_review(rest),
        "eval" => parse_eval(rest),
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

/// Splits `rest` into operands and `(--name, value)` pairs for the options
/// `names` of `cmd`, each given as `--name value` or `--name=value`; any
/// other `-x` is a usage error, as is an option without its value.
fn split_options(cmd: &str, rest: &[String], names: &[&str]) -> Result<(Vec<String>, Vec<(String, String)>), UsageError> {
    let (mut operands, mut pairs) = (Vec::new(), Vec::new());
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        if !names.contains(&name) {
            if a.starts_with('-') && a.len() > 1 {
                return Err(UsageError(format!("unknown option `{a}` for `{cmd}`")));
            }
            operands.push(a.clone());
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => it.next().cloned().ok_or_else(|| UsageError(format!("`{name}` needs a value")))?,
        };
        pairs.push((name.to_owned(), value));
    }
    Ok((operands, pairs))
}

fn parse_review(rest: &[String]) -> Result<Command, UsageError> {
    let mut options = crate::review::Options::default();
    let (operands, pairs) = split_options("review", rest, &["--format", "--only", "--event"])?;
    for (name, value) in &pairs {
        match (name.as_str(), value.as_str()) {
            ("--format", "md" | "markdown") => options.markdown = true,
            ("--format", "text") => options.markdown = false,
            ("--only", "contested") => options.only_contested = true,
            ("--only", "low-confidence") => options.only_low_confidence = true,
            ("--event", id) => options.event = Some(id.to_owned()),
            ("--format", v) => return Err(UsageError(format!("`--format` is `text` or `md`, got `{v}`"))),
            (_, v) => {
                return Err(UsageError(format!(
                    "`--only` is `contested` or `low-confidence`, got `{v}`"
                )))
            }
        }
    }
    Ok(Command::Review {
        dir: one_dir("review", &operands)?,
        options,
    })
}

fn parse_eval(rest: &[String]) -> Result<Command, UsageError> {
    let mut floors = Floors::default();
    let mut gold = None;
    let (operands, pairs) = split_options("eval", rest, &["--min-recall", "--min-precision", "--min-events", "--gold"])?;
    for (name, value) in pairs {
        if name == "--gold" {
            gold = Some(PathBuf::from(value));
        } else if name == "--min-events" {
            floors.min_events = value
                .parse()
                .map_err(|_| UsageError(format!("`--min-events` must be a count, got `{value}`")))?;
        } else {
            let x: f64 = value
                .parse()
                .ok()
                .filter(|x: &f64| (0.0..=1.0).contains(x))
                .ok_or_else(|| UsageError(format!("`{name}` must be a number from 0 to 1, got `{value}`")))?;
            if name == "--min-recall" {
                floors.min_recall = x;
            } else {
                floors.min_precision = x;
            }
        }
    }
    Ok(Command::Eval {
        dir: one_dir("eval", &operands)?,
        gold,
        floors,
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
            p(&["review", "x", "--format", "md", "--only=contested", "--event", "2023-e"]),
            Ok(Command::Review {
                dir: "x".into(),
                options: crate::review::Options {
                    markdown: true,
                    only_contested: true,
                    only_low_confidence: false,
                    event: Some("2023-e".into()),
                }
            })
        );
        assert_eq!(
            p(&["eval", "x", "--min-recall", "0.9", "--min-events=3"]),
            Ok(Command::Eval {
                dir: "x".into(),
                gold: None,
                floors: Floors { min_recall: 0.9, min_precision: 0.0, min_events: 3 }
            })
        );
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
            &["review"],
            &["review", "x", "--format", "html"],
            &["review", "x", "--only", "recent"],
            &["review", "x", "--event"],
            &["review", "x", "--colour"],
            &["eval"],
            &["eval", "x", "--min-recall", "1.5"],
            &["eval", "x", "--min-events", "many"],
            &["eval", "x", "--strict"],
            &["eval", "x", "--gold"],
        ] {
            assert!(p(bad).is_err(), "{bad:?} should be a usage error");
        }
    }
}
