//! `counterclaim` — command-line tool for Counterclaim corpora: export a
//! folder of articles as JSON, check it, count what the engine extracted,
//! render the page's static opening view and `<noscript>` fallback, and
//! write synthetic corpora.
//! Run `counterclaim --help` for usage.

mod args;
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
        Command::Help => {
            print!("{}", args::USAGE);
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { dir, rows: None } => export(&dir),
        Command::Export { dir, rows: Some(format) } => export_rows(&dir, format),
        Command::Check { dir } => Ok(check(&dir)),
        Command::Stats { dir } => source::load(&dir).map(|c| {
            print!("{}", stats::render(&stats::compute(&c)));
            ExitCode::SUCCESS
        }),
        Command::Noscript { dir } => source::load(&dir).map(|c| {
            println!("{}", counterclaim_corpus::noscript::render(&c));
            ExitCode::SUCCESS
        }),
        Command::Page { dir, out } => source::load(&dir).and_then(|c| {
            let page = counterclaim_corpus::opening::render(&c);
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

fn export(dir: &Path) -> Result<ExitCode, String> {
    let corpus = source::load(dir)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    serde_json::to_writer_pretty(&mut out, &corpus)
        .map_err(|e| format!("cannot write JSON: {e}"))
        .and_then(|_| {
            writeln!(out)
                .and_then(|_| out.flush())
                .map_err(|e| format!("cannot write JSON: {e}"))
        })?;
    Ok(ExitCode::SUCCESS)
}

/// The events as flat rows (the app's downloads), all of them, in the
/// app's order (by date).
fn export_rows(dir: &Path, format: args::RowsFormat) -> Result<ExitCode, String> {
    use counterclaim_corpus::export_rows::{to_csv, to_json, CorpusIds};
    use counterclaim_corpus::query::{Filter, Index};
    let corpus = source::load(dir)?;
    let events = Index::new(&corpus).results(&Filter::default());
    let ids = CorpusIds::new(&corpus);
    let text = match format {
        args::RowsFormat::Csv => to_csv(&corpus, &ids, &events),
        args::RowsFormat::Json => to_json(&corpus, &ids, &events, ""),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| format!("cannot write rows: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn check(dir: &Path) -> ExitCode {
    let checked = source::check(dir);
    let errors = checked.errors();
    let warnings = checked.problems.len() - errors;
    println!(
        "checked {}: {} articles, {} errors, {} warnings",
        dir.display(),
        checked.articles,
        errors,
        warnings
    );
    if let Some(c) = &checked.corpus {
        let (claims, events) = (c.claims.len(), c.events.len());
        let contested = c.events.iter().filter(|e| e.contested).count();
        println!(
            "corpus: {} documents, {} actors, {} places, {claims} claims, {events} events ({contested} contested)",
            c.documents.len(),
            c.actors.len(),
            c.places.len()
        );
    }
    for p in &checked.problems {
        println!("{p}");
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
