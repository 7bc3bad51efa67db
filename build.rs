//! Parses the corpus in `seeds/` (or `$COUNTERCLAIM_SEEDS`) with the engine
//! crate at build time and writes the compact binary the app embeds.
//! An article that cannot be parsed fails the build, naming file and line.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-env-changed=COUNTERCLAIM_SEEDS");
    let seeds = std::env::var_os("COUNTERCLAIM_SEEDS").map(PathBuf::from).unwrap_or_else(|| manifest.join("seeds"));
    println!("cargo:rerun-if-changed={}", seeds.display());
    if let Ok(entries) = std::fs::read_dir(&seeds) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    let mut corpus = match counterclaim_corpus::load::load_dir(&seeds) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: corpus does not parse: {e}");
            panic!("corpus does not parse: {e}");
        }
    };
    counterclaim_corpus::embed::slim_for_app(&mut corpus);
    let bytes = counterclaim_corpus::encode(&corpus).expect("corpus encodes");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("corpus.bin");
    std::fs::write(&out, bytes).expect("write corpus.bin");
}
