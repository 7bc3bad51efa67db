//! `counterclaim` — command-line tool for Counterclaim corpora.

use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: counterclaim <stats> DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, dir] if cmd == "stats" => match counterclaim_corpus::load::load_dir(Path::new(dir)) {
            Ok(c) => {
                println!("documents: {}", c.documents.len());
                println!("sentences: {}", c.documents.iter().map(|d| d.sentences.len()).sum::<usize>());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
