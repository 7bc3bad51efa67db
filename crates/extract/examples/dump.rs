//! Print what the engine extracts from a corpus folder (for reading the
//! output by eye): `cargo run -p counterclaim-extract --example dump -- seeds`.

use std::path::Path;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let corpus = match counterclaim_extract::load::load_dir(Path::new(&dir)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for d in &corpus.documents {
        println!(
            "## {} | {} | {:?} {:?} | outlet {:?} | boilerplate {}",
            d.id,
            d.title,
            d.published,
            d.published_source,
            d.outlet,
            d.boilerplate.len()
        );
        for c in corpus.claims.iter().filter(|c| c.document == d.id) {
            let date = c
                .date
                .as_ref()
                .map(|r| format!("{}..{} {:?}", r.start, r.end, r.precision))
                .unwrap_or_default();
            println!(
                "  {} [{:?}] {:?} {:?} «{}» {} {:?} ev={:?}\n      “{}”",
                c.id, c.stance, c.speaker, c.side, c.speaker_text, c.verb, date, c.event, c.quote
            );
            for n in &c.numbers {
                println!("      # {} {} {}", n.value, n.unit, n.about);
            }
        }
    }
    println!("## events");
    for e in &corpus.events {
        println!(
            "{} {} [{:?}] {}..{} {:?} places={:?} actors={:?} docs={:?}\n    claims={:?}",
            e.id,
            e.title,
            e.kind,
            e.start,
            e.end,
            e.precision,
            e.places,
            e.actors,
            e.documents,
            e.claims
        );
        for d in &e.disputes {
            println!("    DISPUTE {:?}: {}", d.claims, d.reason);
        }
        for c in &e.caveats {
            println!("    CAVEAT {}: {}", c.document, c.quote);
        }
    }
}
