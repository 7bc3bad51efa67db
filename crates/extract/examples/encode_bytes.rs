//! Byte-exact regression aid for speed work: parses `seeds/` repeated N times plus the wire
//! fixtures and writes the encoded corpus to the given file.
//! `cargo run --release -p counterclaim-extract --example encode_bytes -- out.bin 3`
use std::path::Path;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "dump.bin".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let dir = Path::new("seeds");
    let g = counterclaim_extract::gazetteer::Gazetteer::load(&dir.join("gazetteer.toml")).unwrap();
    let mut base = Vec::new();
    for d in [dir, Path::new("crates/extract/tests/fixtures/wire")] {
        for p in counterclaim_extract::load::article_paths(d).unwrap() {
            base.push(std::fs::read(&p).unwrap());
        }
    }
    let mut files = Vec::new();
    for i in 0..n {
        for (j, b) in base.iter().enumerate() {
            files.push((format!("{i:05}_{j}.txt"), b.clone()));
        }
    }
    let c = counterclaim_extract::load::parse_corpus(&files, &g).unwrap();
    std::fs::write(&out, counterclaim_extract::encode(&c).unwrap()).unwrap();
    println!(
        "{} docs, {} claims, {} events",
        c.documents.len(),
        c.claims.len(),
        c.events.len()
    );
}
