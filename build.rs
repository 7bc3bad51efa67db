//! Parses the corpus in `seeds/` (or `$COUNTERCLAIM_SEEDS`) with the engine
//! crate at build time and writes the compact binaries the app embeds: the
//! corpus (`corpus.bin`) and its query index (`index.bin`, so the browser
//! never builds it).
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
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let bytes = counterclaim_corpus::encode(&corpus).expect("corpus encodes");
    std::fs::write(out.join("corpus.bin"), bytes).expect("write corpus.bin");
    // The query index is built here, natively, so the app only decodes it.
    let index = counterclaim_corpus::query::Index::new(&corpus).to_bytes().expect("index encodes");
    std::fs::write(out.join("index.bin"), index).expect("write index.bin");
}
