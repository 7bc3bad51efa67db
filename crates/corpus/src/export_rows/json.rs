//! The rows as one JSON object:
//! `{"format":"counterclaim-rows","version":1,"query":"…","events":N,"rows":[{…},…]}`,
//! one row per line. Numbers are numbers, `contested` is a boolean, a missing
//! value is `null`. Strings escape `"`, `\` and control characters
//! (`\u00XX`); other characters stay UTF-8.

use super::{push_number, push_uint, write, Resolve, Sink, Value, COLUMNS, ROWS_VERSION};
use crate::model::Corpus;

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

/// The JSON writer: a [`Sink`]; `finish` closes the document.
pub struct Json {
    out: String,
    /// Column of the next value.
    column: usize,
    rows: usize,
}

impl Json {
    /// `query` is the view's URL query string, `events` the number of
    /// events in the view.
    pub fn new(query: &str, events: usize) -> Json {
        let mut out = String::from("{\"format\":\"counterclaim-rows\",\"version\":");
        push_uint(&mut out, u64::from(ROWS_VERSION));
        out.push_str(",\"query\":");
        push_string(&mut out, query);
        out.push_str(",\"events\":");
        push_uint(&mut out, events as u64);
        out.push_str(",\"rows\":[");
        Json { out, column: 0, rows: 0 }
    }
    pub fn finish(mut self) -> String {
        self.out.push_str("\n]}\n");
        self.out
    }
}

impl Sink for Json {
    fn value(&mut self, v: Value) {
        let out = &mut self.out;
        out.push_str(match (self.column, self.rows) {
            (0, 0) => "\n{",
            (0, _) => ",\n{",
            _ => ",",
        });
        push_string(out, COLUMNS.get(self.column).copied().unwrap_or("extra"));
        self.column += 1;
        out.push(':');
        match v {
            Value::Text(s) => push_string(out, s),
            Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
            Value::Int(_) => push_number(out, v),
            Value::Coord(c) if c.is_finite() => push_number(out, v),
            _ => out.push_str("null"),
        }
    }
    fn end_row(&mut self) {
        if self.column == 0 {
            self.out.push_str(if self.rows == 0 { "\n{" } else { ",\n{" });
        }
        self.out.push('}');
        self.column = 0;
        self.rows += 1;
    }
}

/// The rows of `events` as a JSON document (see [`write`] and [`Json::new`]).
pub fn to_json<'c>(corpus: &'c Corpus, ids: &dyn Resolve<'c>, events: &[usize], query: &str) -> String {
    let mut json = Json::new(query, events.len());
    write(corpus, ids, events, &mut json);
    json.finish()
}
