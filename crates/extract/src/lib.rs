//! Counterclaim's extraction engine: reads a corpus folder (articles,
//! gazetteer, settings, corrections) and builds the [`Corpus`] the app shows —
//! sentences → mentions → attributions → claims → event candidates → events →
//! disputes (see `pipeline` and `assemble`).
//!
//! Native only: the build script and the CLI link it; the WebAssembly app
//! never does. The model, its wire format and the query engine live in
//! `counterclaim-model`, re-exported here so extraction code and tools reach
//! them as `crate::model`, `crate::query`, … without naming two crates.

pub use counterclaim_model::{chunks, decode, encode, export_rows, labels, model, query, sort, text};
pub use model::*;

pub mod about;
pub mod assemble;
pub mod boilerplate;
pub mod camps;
pub mod candidates;
pub mod chunking;
pub mod claims;
pub mod confidence;
pub mod corrections;
pub mod dates;
pub mod disputes;
pub mod embed;
pub mod events;
pub mod frontmatter;
pub mod gazetteer;
pub mod ids;
pub mod load;
pub mod mentions;
pub mod noscript;
pub mod numbers;
pub mod opening;
pub mod pipeline;
pub mod roles;
pub mod sentences;
pub mod settings;
pub mod synth;
pub mod tokens;
