//! Splits a paragraph of an article into pieces for the reader: plain text,
//! claim highlights and boilerplate, from code-point spans. Pure and tested.
//!
//! Overlapping claims are resolved per piece: the claim given priority (the
//! one the reader asked to see) wins, then the shortest covering claim, so a
//! targeted claim is always one contiguous piece.

use counterclaim_model::Span;

/// A claim's span in the document, with the caller's index for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: u32,
    pub end: u32,
    pub id: usize,
}

/// A run of a paragraph with uniform markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: u32,
    pub end: u32,
    /// The claim covering this run (the caller's index), if any.
    pub mark: Option<usize>,
    /// Whether the run lies in web boilerplate.
    pub boilerplate: bool,
}

/// The pieces of `para`, in order, covering it exactly. Empty or inverted
/// spans are ignored; spans are clipped to the paragraph.
pub fn pieces(para: Span, marks: &[Mark], boilerplate: &[Span], priority: Option<usize>) -> Vec<Piece> {
    if para.end <= para.start {
        return Vec::new();
    }
    let clip = |s: u32, e: u32| (s.max(para.start), e.min(para.end));
    let mut cuts = vec![para.start, para.end];
    for m in marks {
        let (s, e) = clip(m.start, m.end);
        if s < e {
            cuts.extend([s, e]);
        }
    }
    for b in boilerplate {
        let (s, e) = clip(b.start, b.end);
        if s < e {
            cuts.extend([s, e]);
        }
    }
    counterclaim_model::sort::sort(&mut cuts);
    cuts.dedup();

    let mut out: Vec<Piece> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = match w {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let covering = marks.iter().filter(|m| m.start <= a && m.end >= b && m.start < m.end);
        let mark = covering
            .min_by_key(|m| (Some(m.id) != priority, m.end - m.start))
            .map(|m| m.id);
        let bp = boilerplate.iter().any(|s| s.start <= a && s.end >= b && s.start < s.end);
        match out.last_mut() {
            Some(p) if p.mark == mark && p.boilerplate == bp && p.end == a => p.end = b,
            _ => out.push(Piece { start: a, end: b, mark, boilerplate: bp }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(start: u32, end: u32) -> Span {
        Span { start, end }
    }
    fn mk(start: u32, end: u32, id: usize) -> Mark {
        Mark { start, end, id }
    }
    fn p(start: u32, end: u32, mark: Option<usize>, boilerplate: bool) -> Piece {
        Piece { start, end, mark, boilerplate }
    }

    #[test]
    fn plain_paragraph_is_one_piece() {
        assert_eq!(pieces(sp(10, 20), &[], &[], None), vec![p(10, 20, None, false)]);
        assert_eq!(pieces(sp(5, 5), &[], &[], None), vec![]);
    }

    #[test]
    fn claims_split_the_paragraph() {
        let got = pieces(sp(0, 30), &[mk(5, 10, 0), mk(20, 40, 1), mk(50, 60, 2)], &[], None);
        assert_eq!(got, vec![p(0, 5, None, false), p(5, 10, Some(0), false), p(10, 20, None, false), p(20, 30, Some(1), false)]);
    }

    #[test]
    fn nested_claims_prefer_the_shortest_unless_targeted() {
        let marks = [mk(0, 20, 0), mk(5, 10, 1)];
        assert_eq!(
            pieces(sp(0, 20), &marks, &[], None),
            vec![p(0, 5, Some(0), false), p(5, 10, Some(1), false), p(10, 20, Some(0), false)]
        );
        assert_eq!(pieces(sp(0, 20), &marks, &[], Some(0)), vec![p(0, 20, Some(0), false)]);
    }

    #[test]
    fn boilerplate_is_flagged_and_bad_spans_ignored() {
        let got = pieces(sp(0, 10), &[mk(8, 3, 0)], &[sp(4, 100), sp(7, 7)], None);
        assert_eq!(got, vec![p(0, 4, None, false), p(4, 10, None, true)]);
    }
}
