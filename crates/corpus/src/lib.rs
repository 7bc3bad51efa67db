//! Counterclaim's engine: the corpus model, the article parser and the
//! compact binary encoding that the web app embeds.
//!
//! This crate knows nothing of the DOM or the browser: it builds for native
//! targets (build script, CLI, tests) and for `wasm32-unknown-unknown` (the app
//! only uses [`decode`] and the model types).

pub mod dates;
pub mod embed;
pub mod labels;
pub mod export_rows;
pub mod model;
pub mod sort;
pub mod query;
pub mod sentences;
pub mod text;

#[cfg(feature = "parse")]
pub mod about;
#[cfg(feature = "parse")]
pub mod assemble;
#[cfg(feature = "parse")]
pub mod boilerplate;
#[cfg(feature = "parse")]
pub mod candidates;
#[cfg(feature = "parse")]
pub mod claims;
#[cfg(feature = "parse")]
pub mod confidence;
#[cfg(feature = "parse")]
pub mod corrections;
#[cfg(feature = "parse")]
pub mod disputes;
#[cfg(feature = "parse")]
pub mod events;
#[cfg(feature = "parse")]
pub mod frontmatter;
#[cfg(feature = "parse")]
pub mod gazetteer;
#[cfg(feature = "parse")]
pub mod ids;
#[cfg(feature = "parse")]
pub mod load;
#[cfg(feature = "parse")]
pub mod mentions;
#[cfg(feature = "parse")]
pub mod noscript;
#[cfg(feature = "parse")]
pub mod numbers;
#[cfg(feature = "parse")]
pub mod opening;
#[cfg(feature = "parse")]
pub mod pipeline;
#[cfg(feature = "parse")]
pub mod settings;
#[cfg(feature = "parse")]
pub mod synth;
#[cfg(feature = "parse")]
pub mod tokens;

pub use model::*;

/// Serialise a corpus into the compact binary the app embeds (postcard).
pub fn encode(corpus: &Corpus) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(corpus)
}

/// Decode the embedded binary. Never panics on bad input; returns an error.
pub fn decode(bytes: &[u8]) -> Result<Corpus, postcard::Error> {
    postcard::from_bytes(bytes)
}
