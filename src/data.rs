//! The embedded corpus, decoded once.

use std::sync::OnceLock;

use counterclaim_corpus::Corpus;

static CORPUS_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The embedded corpus. A corrupt blob yields an empty corpus (and an error
/// in the console), never a panic.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| match counterclaim_corpus::decode(CORPUS_BIN) {
        Ok(c) => c,
        Err(e) => {
            leptos::logging::error!("embedded corpus does not decode: {e}");
            Corpus::default()
        }
    })
}
