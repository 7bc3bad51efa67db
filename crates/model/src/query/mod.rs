//! The explorer's query engine: a search [`Index`] over a corpus's events,
//! the reader's [`Filter`] with OR-within / AND-across facet semantics and
//! live facet counts, and the URL query-string form of the whole view state
//! ([`ViewState`]).
//!
//! Pure Rust, no web dependencies: it builds for `wasm32-unknown-unknown`
//! (the app filters in the browser) and is tested natively.

pub mod bitset;
pub mod date;
pub mod filter;
pub mod fold;
pub mod index;
pub mod keys;
pub mod url;

pub use bitset::Bitset;
pub use filter::{FacetCounts, FacetValue, Filter};
pub use index::{outlet_key, Index, MonthGroup, Summary};
pub use keys::{kind_from_key, kind_key, KINDS};
pub use url::{View, ViewState};

#[cfg(test)]
pub(crate) mod tests;
