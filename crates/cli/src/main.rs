//! `counterclaim` — command-line tool for Counterclaim corpora: export a
//! folder of articles as JSON, check it, count what the engine extracted,
//! render the page's static opening view and `<noscript>` fallback, review
//! the extraction, score the engine against hand-written gold, and write
//! synthetic corpora.
//! Run `counterclaim --help` for usage.

mod args;
mod eval;
mod names;
mod review;
mod source;
mod stats;
mod synth;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use args::Command;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let command = match args::parse(&argv) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {}\n\n{}", e.0, args::USAGE);
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => emit(args::USAGE),
        Command::Export { dir, rows: None } => export(&dir),
        Command::Export { dir, rows: Some(format) } => export_rows(&dir, format),
        Command::Check { dir } => check(&dir),
        Command::Stats { dir } => source::load(&dir).and_then(|c| emit(&stats::render(&stats::compute(&c)))),
        Command::Noscript { dir } => {
            source::load(&dir).and_then(|c| emit(&(counterclaim_extract::noscript::render(&c) + "\n")))
        }
        Command::Init { dir } => names::init(&dir).and_then(|msg| emit(&(msg + "\n"))),
        Command::Review { dir, options } => review(&dir, &options),
        Command::Eval { dir, gold, floors } => eval_dir(&dir, gold.as_deref(), floors),
        Command::Page { dir, out } => source::load(&dir).and_then(|c| {
            let page = counterclaim_extract::opening::render(&c);
            let json = serde_json::json!({ "lang": page.lang, "head": page.head, "body": page.body });
            std::fs::write(&out, json.to_string()).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            Ok(ExitCode::SUCCESS)
        }),
        Command::Synth {
            n,
            dir,
            seed,
            gazetteer,
        } => synth::run(n, &dir, seed, gazetteer.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::FAILURE
        }
    }
}

/// Write to stdout. A closed pipe (`counterclaim … | head`) is not an
/// error: the reader has what it wanted, so the command ends quietly.
fn emit(text: &str) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write to stdout: {e}")),
    }
}

fn export(dir: &Path) -> Result<ExitCode, String> {
    let corpus = source::load(dir)?;
    let mut json = serde_json::to_value(&corpus).map_err(|e| format!("cannot write JSON: {e}"))?;
    camp_ids(&corpus, &mut json);
    let json = serde_json::to_string_pretty(&json).map_err(|e| format!("cannot write JSON: {e}"))?;
    emit(&(json + "\n"))
}

/// The export names an actor's or a claim's camp by its id (`"side":
/// "state"`), not by its position in `camps` as the binary corpus does.
fn camp_ids(corpus: &counterclaim_extract::Corpus, json: &mut serde_json::Value) {
    for list in ["actors", "claims"] {
        let Some(items) = json.get_mut(list).and_then(|v| v.as_array_mut()) else { continue };
        for item in items {
            if let Some(side) = item.get_mut("side") {
                let camp = side.as_u64().and_then(|i| corpus.camps.get(i as usize));
                *side = camp.map_or(serde_json::Value::Null, |c| serde_json::Value::String(c.id.clone()));
            }
        }
    }
}

fn review(dir: &Path, options: &review::Options) -> Result<ExitCode, String> {
    let corpus = source::load(dir)?;
    emit(&review::render(&corpus, options)?)
}

/// The events as flat rows (the app's downloads), all of them, in the
/// app's order (by date).
fn export_rows(dir: &Path, format: args::RowsFormat) -> Result<ExitCode, String> {
    use counterclaim_extract::export_rows::{to_csv, to_json, CorpusIds};
    use counterclaim_extract::query::{Filter, Index};
    let corpus = source::load(dir)?;
    let events = Index::new(&corpus).results(&Filter::default());
    let ids = CorpusIds::new(&corpus);
    let text = match format {
        args::RowsFormat::Csv => to_csv(&corpus, &ids, &events),
        args::RowsFormat::Json => to_json(&corpus, &ids, &events, ""),
    };
    emit(&text)
}

fn check(dir: &Path) -> Result<ExitCode, String> {
    use std::fmt::Write as _;
    let checked = source::check(dir);
    let errors = checked.errors();
    let warnings = checked.problems.len() - errors;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "checked {}: {} articles, {} errors, {} warnings",
        dir.display(),
        checked.articles,
        errors,
        warnings
    );
    if let Some(c) = &checked.corpus {
        let (claims, events) = (c.claims.len(), c.events.len());
        let contested = c.events.iter().filter(|e| e.contested).count();
        let _ = writeln!(
            out,
            "corpus: {} documents, {} actors, {} places, {claims} claims, {events} events ({contested} contested), {} corrections",
            c.documents.len(),
            c.actors.len(),
            c.places.len(),
            c.corrections
        );
    }
    for p in &checked.problems {
        let _ = writeln!(out, "{p}");
    }
    // Names only help once the articles read; a broken folder gets its errors first.
    if let Ok(found) = names::of_dir(dir) {
        out.push_str(&names::render_list(&found, 40));
    }
    emit(&out)?;
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// `eval DIR`: parse DIR, score it against DIR/gold.json (or `--gold`), print each
/// problem as `path:line: message`, then the summary.
fn eval_dir(dir: &Path, gold: Option<&Path>, floors: args::Floors) -> Result<ExitCode, String> {
    let gold_path = gold.map_or_else(|| dir.join("gold.json"), Path::to_path_buf);
    let json = std::fs::read_to_string(&gold_path)
        .map_err(|e| format!("{}: cannot read: {e}", gold_path.display()))?;
    let gold = eval::parse_gold(&json).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let corpus = source::load(dir)?;
    let report = eval::score(&corpus, &gold);
    let mut out = String::new();
    for p in &report.problems {
        match &p.at {
            Some(at) => {
                let path = dir.join(&at.document);
                let line = file_line(&path, at.offset);
                out.push_str(&format!("{}:{line}: {}\n", path.display(), p.message));
            }
            None => out.push_str(&format!("{}: {}\n", dir.display(), p.message)),
        }
    }
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string());
    out.push_str(&report.summary(&name));
    out.push('\n');
    emit(&out)?;
    let ok = report.recall() >= floors.min_recall
        && report.precision() >= floors.min_precision
        && report.events_right >= floors.min_events;
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The 1-based line of the file at `path` holding code point `offset` of
/// the article body (after the front matter); 1 if the file cannot be read.
fn file_line(path: &Path, offset: u32) -> usize {
    let Ok(text) = std::fs::read_to_string(path) else {
        return 1;
    };
    let Ok(split) = counterclaim_extract::frontmatter::split(&text) else {
        return 1;
    };
    let before = split.body.chars().take(offset as usize).filter(|&c| c == '\n').count();
    split.body_first_line + before + 1
}
