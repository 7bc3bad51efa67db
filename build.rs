//! Parses the corpus in `seeds/` (or `$COUNTERCLAIM_SEEDS`) with the engine
//! crate at build time and writes the compact binary the app embeds.
//! An article that cannot be parsed fails the build, naming file and line.
//! Also writes the "About this data" panel's body (`about.html`) from the
//! corpus, `docs/accuracy.toml` and the build date (`SOURCE_DATE_EPOCH` when
//! set, for reproducible builds).

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
    write_about(&manifest, &corpus);
    counterclaim_corpus::embed::slim_for_app(&mut corpus);
    let bytes = counterclaim_corpus::encode(&corpus).expect("corpus encodes");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("corpus.bin");
    std::fs::write(&out, bytes).expect("write corpus.bin");
}

fn write_about(manifest: &std::path::Path, corpus: &counterclaim_corpus::Corpus) {
    use counterclaim_corpus::about;
    let path = manifest.join("docs/accuracy.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let accuracy = about::parse_accuracy(&text).unwrap_or_else(|e| panic!("{}:{e}", path.display()));
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        });
    let html = about::render(corpus, &accuracy, &about::iso_date(now));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("about.html");
    std::fs::write(&out, html).expect("write about.html");
}
