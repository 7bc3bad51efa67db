//! Self-sizing inside a host page's iframe: whenever the content's height
//! changes (a `ResizeObserver` on the root element), post it to the parent
//! in the Pym.js, Datawrapper and AMP conventions (`embed::protocol`).
//! Answers Pym's `width` message with the height; ignores every other
//! inbound message. Does nothing when the page is not in a frame.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Object;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::protocol::{amp_json, datawrapper_json, is_pym_width_for, pym_height, whole_px, DEFAULT_ID};

/// Posts the object that the JSON text `json` describes to `parent`.
fn post_json(parent: &web_sys::Window, json: &str) {
    if let Ok(message) = js_sys::JSON::parse(json) {
        let _ = parent.post_message(&message, "*");
    }
}

/// Starts reporting the page's height to the parent window, if any.
/// `child_id` is the `childId` from the query string (Pym's child id).
pub fn install(child_id: Option<String>) {
    let win = window();
    let parent = match win.parent() {
        Ok(Some(p)) if !Object::is(&p, &win) => p,
        _ => return,
    };
    let Some(root) = document().document_element() else { return };
    let last = Rc::new(Cell::new(0u32));
    let report = {
        let (parent, root, child_id) = (parent.clone(), root.clone(), child_id.clone());
        move |force: bool| {
            let px = whole_px(root.get_bounding_client_rect().height());
            if px == 0 || (!force && px == last.get()) {
                return;
            }
            last.set(px);
            if let Some(id) = &child_id {
                let _ = parent.post_message(&JsValue::from_str(&pym_height(id, px)), "*");
            }
            post_json(&parent, &datawrapper_json(child_id.as_deref().unwrap_or(DEFAULT_ID), px));
            post_json(&parent, &amp_json(px));
        }
    };
    let report = Rc::new(report);

    let on_resize = {
        let report = report.clone();
        Closure::<dyn FnMut()>::new(move || report(false))
    };
    match web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        Ok(observer) => observer.observe(&root),
        Err(e) => leptos::logging::warn!("no ResizeObserver, the embed will not resize: {e:?}"),
    }
    on_resize.forget(); // lives as long as the page

    if let Some(id) = child_id {
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let from_parent = e.source().is_some_and(|s| Object::is(&s, &parent));
            if from_parent && e.data().as_string().is_some_and(|m| is_pym_width_for(&m, &id)) {
                report(true);
            }
        });
        let _ = win.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        on_message.forget();
    }
}
