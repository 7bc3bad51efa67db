//! The rows as one JSON object:
//! `{"format":"counterclaim-rows","version":1,"query":"…","events":N,"rows":[{…},…]}`,
//! one row per line. Numbers are numbers, `contested` is a boolean, a missing
//! value is `null`. Strings escape `"`, `\` and control characters
//! (`\u00XX`); other characters stay UTF-8.

use super::{write, Resolve, Writer};
use crate::model::Corpus;

pub(super) fn push_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The rows of `events` as a JSON document (see [`write`] and [`Json::new`]).
pub fn to_json<'c>(corpus: &'c Corpus, ids: &dyn Resolve<'c>, events: &[usize], query: &str) -> String {
    let mut json = Writer::json(query, events.len());
    write(corpus, ids, events, &mut json);
    json.finish()
}
