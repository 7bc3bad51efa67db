//! RFC 4180 CSV: comma-separated, CRLF after every record, a header row,
//! UTF-8 without a byte-order mark. A field is quoted when it holds a comma,
//! a double quote, CR or LF; quotes inside are doubled.
//!
//! Spreadsheet formula injection: a *text* field starting with `=`, `+`,
//! `-`, `@`, tab or CR gets a leading apostrophe (`'=cmd` is shown as text by
//! Excel, LibreOffice and Google Sheets). Number columns (coordinates,
//! offsets, precision) are never altered: a negative longitude stays a number.

use super::{push_number, Cell, Row, COLUMNS};

/// Whether a spreadsheet would read a text field starting with `c` as a formula.
pub(super) fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

fn push_field(out: &mut String, s: &str, guard: bool) {
    let guard = guard && s.starts_with(is_formula_start);
    if s.contains([',', '"', '\r', '\n']) {
        out.push('"');
        if guard {
            out.push('\'');
        }
        for c in s.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        if guard {
            out.push('\'');
        }
        out.push_str(s);
    }
}

/// The rows as a CSV file (header first).
pub fn to_csv(rows: &[Row]) -> String {
    let mut out = String::new();
    for (i, name) in COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(name);
    }
    out.push_str("\r\n");
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match cell {
                Cell::Text(s) => push_field(&mut out, s, true),
                Cell::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                Cell::Null => {}
                n => push_number(&mut out, n),
            }
        }
        out.push_str("\r\n");
    }
    out
}
