//! Embedding in newsroom pages: the embed code (`snippet`, pure). The page
//! reports its height to the host frame (Pym.js, Datawrapper and AMP
//! messages) from `scripts/startup.js`, from before the app starts until the
//! page closes: one implementation, in the inline start-up script.

pub mod snippet;
