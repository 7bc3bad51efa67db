//! The resize-message conventions newsrooms already use, as pure string
//! logic (the browser side is `embed::resize`).
//!
//! - Pym.js: the child posts `pymxPYMx<id>xPYMxheightxPYMx<px>`; the parent
//!   posts `pymxPYMx<id>xPYMxwidthxPYMx<px>` (on load and on resize), to
//!   which the child answers with its height. `<id>` is the `childId` the
//!   parent put in the iframe's query string.
//! - Datawrapper: `{"datawrapper-height": {"<id>": px}}` (an object).
//! - AMP `amp-iframe`: `{sentinel: "amp", type: "embed-size", height: px}`.

/// Pym's message delimiter.
const PYM: &str = "xPYMx";

/// The id used in Datawrapper messages when the host gave no `childId`.
pub const DEFAULT_ID: &str = "counterclaim";

/// Pym's height message for child `id`.
pub fn pym_height(id: &str, px: u32) -> String {
    format!("pym{PYM}{id}{PYM}height{PYM}{px}")
}

/// Datawrapper's height message for embed `id`, as JSON text (the page
/// posts the parsed object).
pub fn datawrapper_json(id: &str, px: u32) -> String {
    let mut key = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            '"' | '\\' => {
                key.push('\\');
                key.push(c);
            }
            c if (c as u32) < 0x20 => {}
            c => key.push(c),
        }
    }
    format!("{{\"datawrapper-height\":{{\"{key}\":{px}}}}}")
}

/// AMP's `embed-size` message, as JSON text.
pub fn amp_json(px: u32) -> String {
    format!("{{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":{px}}}")
}

/// Whether `msg` is Pym's width message addressed to child `id` (the only
/// inbound message the explorer acts on).
pub fn is_pym_width_for(msg: &str, id: &str) -> bool {
    let mut parts = msg.split(PYM);
    let ok = parts.next() == Some("pym")
        && parts.next() == Some(id)
        && parts.next() == Some("width")
        && parts.next().is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.'));
    ok && parts.next().is_none()
}

/// A height in whole CSS pixels, rounded up (a fractional height rounded
/// down would leave a scrollbar), clamped to a sane range.
pub fn whole_px(height: f64) -> u32 {
    if height.is_nan() || height <= 0.0 {
        0
    } else if height >= 1.0e6 {
        1_000_000
    } else {
        height.ceil() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pym_height_message_has_pyms_exact_shape() {
        assert_eq!(pym_height("example", 640), "pymxPYMxexamplexPYMxheightxPYMx640");
    }

    #[test]
    fn datawrapper_and_amp_messages_are_their_formats_json() {
        assert_eq!(datawrapper_json("counterclaim", 640), r#"{"datawrapper-height":{"counterclaim":640}}"#);
        assert_eq!(datawrapper_json("a\"b\\c\u{1}", 1), r#"{"datawrapper-height":{"a\"b\\c":1}}"#);
        assert_eq!(amp_json(640), r#"{"sentinel":"amp","type":"embed-size","height":640}"#);
    }

    #[test]
    fn recognises_only_pym_width_messages_for_this_child() {
        assert!(is_pym_width_for("pymxPYMxexamplexPYMxwidthxPYMx600", "example"));
        assert!(is_pym_width_for("pymxPYMxexamplexPYMxwidthxPYMx600.5", "example"));
        assert!(!is_pym_width_for("pymxPYMxotherxPYMxwidthxPYMx600", "example"));
        assert!(!is_pym_width_for("pymxPYMxexamplexPYMxheightxPYMx600", "example"));
        assert!(!is_pym_width_for("pymxPYMxexamplexPYMxwidthxPYMx", "example"));
        assert!(!is_pym_width_for("pymxPYMxexamplexPYMxwidthxPYMx600xPYMxmore", "example"));
        assert!(!is_pym_width_for("pymxPYMxexamplexPYMxnavigateToxPYMxjavascript:alert(1)", "example"));
        assert!(!is_pym_width_for("", "example"));
        assert!(!is_pym_width_for("hello", "example"));
    }

    #[test]
    fn heights_round_up_and_stay_in_range() {
        assert_eq!(whole_px(640.2), 641);
        assert_eq!(whole_px(640.0), 640);
        assert_eq!(whole_px(-3.0), 0);
        assert_eq!(whole_px(f64::NAN), 0);
        assert_eq!(whole_px(f64::INFINITY), 1_000_000);
    }
}
