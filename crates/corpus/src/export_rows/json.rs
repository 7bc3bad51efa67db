//! The rows as one JSON object:
//! `{"format":"counterclaim-rows","version":1,"query":"…","events":N,"rows":[{…},…]}`,
//! one row per line. Numbers are numbers, `contested` is a boolean, a missing
//! value is `null`. Strings escape `"`, `\` and control characters
//! (`\u00XX`); other characters stay UTF-8.

use super::{push_number, Cell, Row, COLUMNS, ROWS_VERSION};

fn push_string(out: &mut String, s: &str) {
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

/// The JSON download: `query` is the view's URL query string, `events` the
/// number of events in the view.
pub fn to_json(rows: &[Row], query: &str, events: usize) -> String {
    let mut out = String::from("{\"format\":\"counterclaim-rows\",\"version\":");
    push_number(&mut out, &Cell::Int(ROWS_VERSION));
    out.push_str(",\"query\":");
    push_string(&mut out, query);
    out.push_str(",\"events\":");
    super::push_uint(&mut out, events as u64);
    out.push_str(",\"rows\":[");
    for (r, row) in rows.iter().enumerate() {
        out.push_str(if r == 0 { "\n{" } else { ",\n{" });
        for (i, (name, cell)) in COLUMNS.iter().zip(row.iter()).enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_string(&mut out, name);
            out.push(':');
            match cell {
                Cell::Text(s) => push_string(&mut out, s),
                Cell::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Cell::Coord(v) if !v.is_finite() => out.push_str("null"),
                Cell::Null => out.push_str("null"),
                n => push_number(&mut out, n),
            }
        }
        out.push('}');
    }
    out.push_str("\n]}\n");
    out
}
