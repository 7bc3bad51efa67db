//! Embedding in newsroom pages: the resize-message conventions
//! (`protocol`, pure), the embed code (`snippet`, pure) and the browser
//! wiring that reports the page's height to the host (`resize`).

pub mod protocol;
pub mod resize;
pub mod snippet;
