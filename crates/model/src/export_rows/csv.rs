//! RFC 4180 CSV: comma-separated, CRLF after every record, a header row,
//! UTF-8 without a byte-order mark. A field is quoted when it holds a comma,
//! a double quote, CR or LF; quotes inside are doubled.
//!
//! Spreadsheet formula injection: a *text* field starting with `=`, `+`,
//! `-`, `@`, tab or CR gets a leading apostrophe (`'=cmd` is shown as text by
//! Excel, LibreOffice and Google Sheets). Number columns (coordinates,
//! offsets, precision) are never altered: a negative longitude stays a number.

use super::{write, Resolve, Writer};
use crate::model::Corpus;

/// Whether a spreadsheet would read a text field starting with `c` as a formula.
pub fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

pub(super) fn push_field(out: &mut String, s: &str) {
    let guard = s.starts_with(is_formula_start);
    let quoted = s.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// The rows of `events` as a CSV file (see [`write`]).
pub fn to_csv<'c>(corpus: &'c Corpus, ids: &dyn Resolve<'c>, events: &[usize]) -> String {
    let mut csv = Writer::csv();
    write(corpus, ids, events, &mut csv);
    csv.finish()
}
