//! Query-engine speed on a corpus the size of ~10,000 articles: 30,000
//! events, 100,000 claims, generated deterministically (no parser needed).
//! Every keystroke in the explorer runs `results` + `facet_counts`; both
//! together must stay well within one frame (16 ms).
//!
//! Run: `cargo bench -p counterclaim-model --bench filter`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use counterclaim_model::query::{Filter, Index, KINDS};
use counterclaim_model::*;
use criterion::{criterion_group, criterion_main, Criterion};

const DOCUMENTS: usize = 10_000;
const EVENTS: usize = 30_000;
const CLAIMS: usize = 100_000;
const ACTORS: usize = 60;
const PLACES: usize = 300;
const OUTLETS: usize = 20;

/// xorshift64* — tiny, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards small values (roughly Zipf-like word frequencies).
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        (a * b) / n
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SYLLABLES: [&str; 32] = [
    "ka", "di", "al", "ne", "fis", "ga", "o", "ber", "tes", "sa", "lit", "mo", "pti", "tim", "buk", "tu", "ag",
    "ha", "rou", "men", "ka", "ba", "ma", "ko", "lé", "sé", "gou", "wa", "gner", "fa", "cma", "jnim",
];
const REAL_WORDS: [&str; 12] =
    ["Kidal", "Anéfis", "convoy", "army", "rebels", "drone", "denied", "claimed", "killed", "soldiers", "Wagner", "FAMa"];

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    let mut words: Vec<String> = REAL_WORDS.iter().map(|w| w.to_string()).collect();
    while words.len() < 6000 {
        let n = 2 + rng.below(3);
        words.push((0..n).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect());
    }
    words
}

fn sentence(rng: &mut Rng, vocab: &[String], n: usize) -> String {
    (0..n).map(|_| vocab[rng.skewed(vocab.len())].as_str()).collect::<Vec<_>>().join(" ")
}

fn date(day: usize) -> String {
    // 2023-01-01 + day, within 2023–2024 (730 days).
    let mut d = day % 730;
    let mut y = 2023;
    let len = |y| if y == 2024 { 366 } else { 365 };
    if d >= len(y) {
        d -= len(y);
        y += 1;
    }
    let months = [31, if y == 2024 { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut m = 0;
    while d >= months[m] {
        d -= months[m];
        m += 1;
    }
    format!("{y}-{:02}-{:02}", m + 1, d + 1)
}

fn corpus() -> Corpus {
    let mut rng = Rng(0x00C0_FFEE_D00D_F00D);
    let vocab = vocabulary(&mut rng);
    let actors: Vec<Actor> = (0..ACTORS)
        .map(|i| Actor {
            id: format!("actor{i}"),
            name: format!("Actor {i}"),
            aliases: vec![],
            side: CampIx((i % 6) as u8),
                kind: None,
        })
        .collect();
    let places: Vec<Place> = (0..PLACES)
        .map(|i| Place { id: format!("place{i}"), name: format!("Place {i}"), aliases: vec![], lat: 18.0, lon: 0.0, country: None })
        .collect();
    let documents: Vec<Document> = (0..DOCUMENTS)
        .map(|i| Document {
            id: format!("{i:05}_doc"),
            path: format!("{i:05}_doc.txt"),
            title: sentence(&mut rng, &vocab, 8),
            outlet: Some(format!("Outlet {}", i % OUTLETS)),
            published: Some(date(i * 730 / DOCUMENTS)),
            published_source: PublishedSource::FrontMatter,
            url: None,
            language: "en".into(),
            text: String::new(),
            paragraphs: vec![],
            sentences: vec![],
            boilerplate: vec![],
        })
        .collect();
    let mut events: Vec<Event> = (0..EVENTS)
        .map(|i| {
            let start = rng.below(730);
            let len = if rng.chance(70) { 0 } else { rng.below(30) };
            let n_actors = 1 + rng.below(3);
            Event {
                id: format!("e{i}"),
                title: sentence(&mut rng, &vocab, 6),
                kind: KINDS[rng.below(KINDS.len())],
                start: date(start),
                end: date((start + len).min(729)),
                precision: Precision::Day,
                places: (0..1 + rng.below(2)).map(|_| format!("place{}", rng.skewed(PLACES))).collect(),
                actors: (0..n_actors).map(|_| format!("actor{}", rng.skewed(ACTORS))).collect(),
                claims: vec![],
                documents: vec![format!("{:05}_doc", rng.below(DOCUMENTS))],
                contested: rng.chance(15),
                disputes: vec![],
                caveats: vec![],
                confidence: Default::default(),
                note: None,
            }
        })
        .collect();
    let claims: Vec<Claim> = (0..CLAIMS)
        .map(|i| {
            let e = rng.below(EVENTS);
            let n_words = 10 + rng.below(25);
            let quote = sentence(&mut rng, &vocab, n_words);
            let speaker = rng.chance(80).then(|| format!("actor{}", rng.skewed(ACTORS)));
            let id = format!("c{i}");
            events[e].claims.push(id.clone());
            Claim {
                id,
                document: events[e].documents[0].clone(),
                start: 0,
                end: quote.chars().count() as u32,
                quote,
                speaker,
                speaker_text: String::new(),
                side: Some(CampIx(rng.below(6) as u8)),
                verb: "said".into(),
                stance: Stance::Assert,
                date: None,
                event: Some(events[e].id.clone()),
                numbers: vec![],
                confidence: Default::default(),
                note: None,
            }
        })
        .collect();
    Corpus { version: FORMAT_VERSION, camps: Camp::defaults(), documents, actors, places, claims, events, ..Default::default() }
}

fn filters() -> Vec<(&'static str, Filter)> {
    let actor = |i: usize| format!("actor{i}");
    vec![
        ("empty", Filter::default()),
        ("one actor", Filter { actors: vec![actor(3)], ..Default::default() }),
        ("actor + contested", Filter { actors: vec![actor(3)], contested: true, ..Default::default() }),
        ("text word", Filter { text: "kidal ".into(), ..Default::default() }),
        ("text prefix (typing 'k')", Filter { text: "k".into(), ..Default::default() }),
        ("text two words + prefix", Filter { text: "army ka".into(), ..Default::default() }),
        (
            "date range",
            Filter { from: Some("2023-10-01".into()), to: Some("2023-11-30".into()), ..Default::default() },
        ),
        (
            "everything",
            Filter {
                actors: vec![actor(1), actor(2), actor(7)],
                sides: vec!["state".into(), "rebels".into()],
                places: vec!["place0".into(), "place1".into()],
                kinds: vec![KINDS[0], KINDS[4]],
                sources: vec!["outlet-3".into(), "00042_doc".into()],
                from: Some("2023-06-01".into()),
                to: Some("2024-06-30".into()),
                contested: true,
                text: "army".into(),
            },
        ),
    ]
}

/// CPU time this thread has used, from `/proc/thread-self/stat` (clock
/// ticks of 10 ms): wall-clock figures are meaningless on a shared,
/// overloaded machine, CPU time much less so. `None` off Linux.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the
    // 14th and 15th fields overall.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Mean CPU time per call of `f`, over enough calls to fill ~1 s of CPU.
fn cpu_per_call(mut f: impl FnMut()) -> Option<Duration> {
    let start = thread_cpu()?;
    let (mut calls, mut batch) = (0u32, 1u32);
    loop {
        // Batches double so reading the clock costs next to nothing.
        for _ in 0..batch {
            f();
        }
        calls += batch;
        batch *= 2;
        let used = thread_cpu()? - start;
        if used >= Duration::from_millis(1000) || calls >= 50_000 {
            return Some(used / calls);
        }
    }
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let t = Instant::now();
    let cpu0 = thread_cpu();
    let index = Index::new(&corpus);
    let build_cpu = thread_cpu().zip(cpu0).map(|(b, a)| b - a);
    eprintln!(
        "index: {} events, {} claims, {} words, built in {:.0} ms wall, {:?} CPU",
        index.n_events(),
        corpus.claims.len(),
        index.n_words(),
        t.elapsed().as_secs_f64() * 1e3,
        build_cpu
    );
    // CPU-time summary (robust on a loaded machine); FILTER_BENCH_CPU=0 skips it.
    let cpu_summary = std::env::var("FILTER_BENCH_CPU").map_or(true, |v| v != "0");
    for (name, f) in filters().into_iter().filter(|_| cpu_summary) {
        let cpu = cpu_per_call(|| {
            black_box((index.results(black_box(&f)), index.facet_counts(black_box(&f))));
        });
        let cpu_top = cpu_per_call(|| {
            black_box((index.results(black_box(&f)), index.facet_counts_top(black_box(&f), 50)));
        });
        let ms = |d: Option<Duration>| d.map_or("n/a".to_owned(), |d| format!("{:.2} ms", d.as_secs_f64() * 1e3));
        eprintln!(
            "{name}: {} results; CPU per results+facet_counts {}, with facet_counts_top(50) {}",
            index.results(&f).len(),
            ms(cpu),
            ms(cpu_top)
        );
        c.bench_function(&format!("results+facet_counts/{name}"), |b| {
            b.iter(|| {
                let r = index.results(black_box(&f));
                let counts = index.facet_counts(black_box(&f));
                black_box((r, counts))
            })
        });
    }
    c.bench_function("Index::new", |b| b.iter(|| black_box(Index::new(black_box(&corpus)))));
    let f = &filters()[1].1;
    c.bench_function("results only/one actor", |b| b.iter(|| black_box(index.results(black_box(f)))));
    c.bench_function("facet_counts only/one actor", |b| b.iter(|| black_box(index.facet_counts(black_box(f)))));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
