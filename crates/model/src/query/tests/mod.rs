//! Tests of the query engine as a whole: hand-checked cases on a small
//! corpus, and property tests against a naive reference implementation.

pub(crate) mod corpora;
mod filter_cases;
mod filter_props;
mod url_props;
