//! The embed code a newsroom pastes into its article: an iframe plus a few
//! lines of listener script for hosts without Pym.js. Pure string logic.

use counterclaim_model::labels::escape_html as attr;

/// The frame's id and Pym child id in the embed code; also the key of the
/// Datawrapper height message the page sends (`scripts/startup.js`).
pub const DEFAULT_ID: &str = "counterclaim";

/// The iframe's initial height, before the first resize message arrives.
pub const INITIAL_HEIGHT: u32 = 800;

/// The accessible name the iframe gets, for a corpus titled `corpus_title`
/// (the corpus settings' title): "Counterclaim — <title>".
pub fn frame_title(corpus_title: &str) -> String {
    format!("Counterclaim — {corpus_title}")
}

/// The embed URL for a page at `base` (origin and path, no query) showing
/// the view `query` (the explorer's canonical query, without `embed`).
pub fn embed_url(base: &str, query: &str) -> String {
    let sep = if query.is_empty() { "" } else { "&" };
    format!("{base}?{query}{sep}embed=1&childId={DEFAULT_ID}")
}

/// The snippet: the iframe (`title`, `width:100%`, an initial height,
/// `loading="lazy"`) and a listener that applies the explorer's
/// Datawrapper-style height messages, accepting them only from this iframe.
/// `corpus_title` names the frame ([`frame_title`]).
pub fn snippet(src: &str, corpus_title: &str) -> String {
    format!(
        "<iframe id=\"{DEFAULT_ID}\" src=\"{src}\" title=\"{title}\" \
         style=\"width:100%;height:{INITIAL_HEIGHT}px;border:0\" loading=\"lazy\"></iframe>\n\
         <script>\n\
         (function () {{\n  \
           var f = document.getElementById(\"{DEFAULT_ID}\");\n  \
           window.addEventListener(\"message\", function (e) {{\n    \
             var d = e.source === f.contentWindow && e.data && e.data[\"datawrapper-height\"];\n    \
             var h = d && d[\"{DEFAULT_ID}\"];\n    \
             if (typeof h === \"number\" && h > 0) f.style.height = Math.ceil(h) + \"px\";\n  \
           }});\n\
         }})();\n\
         </script>",
        src = attr(src),
        title = attr(&frame_title(corpus_title)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_url_adds_embed_and_child_id() {
        assert_eq!(embed_url("https://x.org/cc/", ""), "https://x.org/cc/?embed=1&childId=counterclaim");
        assert_eq!(
            embed_url("https://x.org/cc/", "contested=true"),
            "https://x.org/cc/?contested=true&embed=1&childId=counterclaim"
        );
    }

    #[test]
    fn snippet_has_the_iframe_attributes_and_escapes_the_url() {
        let s = snippet("https://x.org/?a=1&b=\"2\"<x>", "A war <b>& \"more\"");
        assert!(s.starts_with("<iframe id=\"counterclaim\" src=\"https://x.org/?a=1&amp;b=&quot;2&quot;&lt;x&gt;\""));
        assert!(s.contains("title=\"Counterclaim — A war &lt;b&gt;&amp; &quot;more&quot;\""), "{s}");
        assert!(s.contains("width:100%;height:800px"));
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.contains("e.source === f.contentWindow"));
        assert!(s.contains("\"datawrapper-height\""));
        assert!(s.ends_with("</script>"));
    }
}
