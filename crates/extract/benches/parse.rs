//! Parse throughput: `parse_corpus` over synthetic wire copy
//! (`synth_articles`, 500 articles) with the seed gazetteer, reported by
//! criterion in bytes per second. Also prints a plain MB/s figure (best of
//! five passes, wall and CPU time) so the number is visible without
//! criterion's report.
//!
//! Run: `cargo bench -p counterclaim-extract --bench parse`

use std::path::Path;
use std::time::Instant;

use counterclaim_extract::gazetteer::Gazetteer;
use counterclaim_extract::load::parse_corpus;
use counterclaim_extract::synth::synth_articles;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// Articles per run; `COUNTERCLAIM_BENCH_ARTICLES` overrides (to check scaling).
const ARTICLES: usize = 500;
const SEED: u64 = 2023;

fn gazetteer() -> Gazetteer {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gazetteer.toml");
    Gazetteer::load(&path).expect("seed gazetteer loads")
}

fn bench_parse(c: &mut Criterion) {
    let gaz = gazetteer();
    let n = std::env::var("COUNTERCLAIM_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(ARTICLES);
    let files: Vec<(String, Vec<u8>)> = synth_articles(&gaz, n, SEED)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();

    // One warm pass, then timed passes for a headline figure. On a shared
    // machine wall time includes waiting for a core, so the thread's CPU
    // time is reported too (Linux), and the best of five passes.
    let corpus = parse_corpus(&files, &gaz).expect("synthetic corpus parses");
    let (mut wall, mut cpu) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..5 {
        let (t, c0) = (Instant::now(), thread_cpu_secs());
        let again = parse_corpus(black_box(&files), &gaz).expect("synthetic corpus parses");
        wall = wall.min(t.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, thread_cpu_secs()) {
            cpu = cpu.min(c1 - c0);
        }
        assert_eq!(again.claims.len(), corpus.claims.len());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "parse_corpus: {n} articles, {mb:.2} MB, {} claims, {} events: best of 5 {wall:.3} s wall = {:.1} MB/s; {}",
        corpus.claims.len(),
        corpus.events.len(),
        mb / wall,
        if cpu.is_finite() { format!("{cpu:.3} s CPU = {:.1} MB/s", mb / cpu) } else { "CPU time unavailable".into() }
    );

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(format!("parse_corpus/synth{n}"), |b| {
        b.iter(|| parse_corpus(black_box(&files), &gaz).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);

/// CPU time of the current thread in seconds, from
/// `/proc/thread-self/schedstat` (Linux); `None` elsewhere.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
