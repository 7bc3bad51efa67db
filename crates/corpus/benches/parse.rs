//! Parse throughput: `parse_corpus` over synthetic wire copy
//! (`synth_articles`, 500 articles) with the seed gazetteer, reported by
//! criterion in bytes per second. Also prints a plain MB/s figure from one
//! timed pass so the number is visible without criterion's report.
//!
//! Run: `cargo bench -p counterclaim-corpus --bench parse`

use std::path::Path;
use std::time::Instant;

use counterclaim_corpus::gazetteer::Gazetteer;
use counterclaim_corpus::load::parse_corpus;
use counterclaim_corpus::synth::synth_articles;
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

    // One warm pass, then a timed pass for a headline figure.
    let corpus = parse_corpus(&files, &gaz).expect("synthetic corpus parses");
    let t = Instant::now();
    let again = parse_corpus(black_box(&files), &gaz).expect("synthetic corpus parses");
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(again.claims.len(), corpus.claims.len());
    println!(
        "parse_corpus: {n} articles, {:.2} MB, {} claims, {} events: {:.3} s = {:.1} MB/s",
        bytes as f64 / 1e6,
        corpus.claims.len(),
        corpus.events.len(),
        secs,
        bytes as f64 / 1e6 / secs
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
