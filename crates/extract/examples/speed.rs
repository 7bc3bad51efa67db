//! Rough throughput check: the seeds repeated N times, parsed in memory.
//! `cargo run --release -p counterclaim-extract --example speed -- 300`
use std::path::Path;
use std::time::Instant;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let dir = Path::new("seeds");
    let g = counterclaim_extract::gazetteer::Gazetteer::load(&dir.join("gazetteer.toml")).unwrap();
    let mut base = Vec::new();
    for p in counterclaim_extract::load::article_paths(dir).unwrap() {
        base.push(std::fs::read(&p).unwrap());
    }
    let mut files = Vec::new();
    for i in 0..n {
        for (j, b) in base.iter().enumerate() {
            files.push((format!("{i:05}_{j}.txt"), b.clone()));
        }
    }
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let t = Instant::now();
    let c = counterclaim_extract::load::parse_corpus(&files, &g).unwrap();
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} docs, {:.1} MB in {:.2}s = {:.1} MB/s; {} claims, {} events",
        c.documents.len(),
        bytes as f64 / 1e6,
        s,
        bytes as f64 / 1e6 / s,
        c.claims.len(),
        c.events.len()
    );
}
