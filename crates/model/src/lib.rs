//! Counterclaim's web-side engine: the corpus model, its compact binary
//! encoding, and the query engine the app runs (filters, URL state, the facet
//! index, sorting, CSV/JSON rows).
//!
//! This is the crate the WebAssembly app links. It holds no parser: the
//! extraction pipeline lives in `counterclaim-extract`, which builds a
//! [`Corpus`] natively (build script, CLI) and encodes it with [`encode`]. The
//! split follows Pagefind's indexer / web consumer: nothing here knows how
//! articles are read, and nothing here knows the DOM.

pub mod chunks;
pub mod export_rows;
pub mod labels;
pub mod model;
pub mod query;
pub mod sort;
pub mod text;
mod wire;

pub use wire::WireError;

pub use model::*;

/// Serialise a corpus into the compact binary the app embeds (postcard).
pub fn encode(corpus: &Corpus) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(corpus)
}

/// Decode [`encode`]'s bytes (read by hand, see `wire.rs`: no serde code in
/// the app). Never panics on bad input; returns an error.
pub fn decode(bytes: &[u8]) -> Result<Corpus, WireError> {
    wire::read_corpus(bytes).ok_or(WireError("bytes cut short, malformed or followed by more"))
}
