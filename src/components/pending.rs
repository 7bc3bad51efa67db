//! What a view shows while a chunked build fetches its data, or when the
//! fetch failed (with a Retry button). An embedded build never shows it.

use leptos::prelude::*;

use crate::store::{self, Need};

/// `need`, followed reactively: a memo of [`Need`] that changes only when
/// the answer does (a chunk arriving for another view renders nothing again).
pub fn watch(need: impl Fn() -> Need + Send + Sync + 'static) -> Memo<Need> {
    Memo::new(move |_| {
        store::track();
        need()
    })
}

/// The view of a `need` that is not ready: "Loading …" (a polite status),
/// or why it failed and a button that tries again.
pub fn pending(need: Need, what: &'static str) -> AnyView {
    match need {
        Need::Ready => ().into_any(),
        Need::Loading => view! { <p class="muted loading" role="status">{format!("Loading {what}…")}</p> }.into_any(),
        Need::Failed(why) => view! {
            <div class="notice load-failed" role="alert" data-testid="load-failed">
                <p>{format!("Could not load {what}: {why}.")}</p>
                <button type="button" class="button" on:click=|_| store::retry()>"Retry"</button>
            </div>
        }
        .into_any(),
    }
}
