//! The explorer's components, one file each.

pub mod about;
pub mod articles;
pub mod claim_card;
pub mod copy_link;
pub mod downloads;
pub mod embed_dialog;
pub mod event_view;
pub mod filters;
pub mod header;
pub mod map_view;
#[cfg(chunked)]
pub mod pending;
pub mod reader;
pub mod timeline;
