//! Finding gazetteer names in text: a character trie over the match keys of
//! all names and aliases (see [`super::fold`]), walked once per word of the
//! text. Matches are leftmost-longest, non-overlapping and whole words.
//!
//! Short all-capital acronyms (at most three letters, e.g. `IS`, `UN`, `AP`)
//! only match the same capitals, so the English "is" or the French "un" are
//! never taken for them; nor are they matched inside a run of capitals such
//! as the headline "WHY IS KIDAL…", where capitals say nothing.
//!
//! No name starts or ends inside a dotted acronym: in "A U.N. team" the
//! letters "A U" are never the alias "AU" (see [`cuts_dotted_acronym`]).

use super::fold::{tokenize, Tokens};
use super::Entity;

/// One name found in a text: code points `[start, end)` and what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mention {
    pub start: u32,
    pub end: u32,
    pub entity: Entity,
}

/// A compiled set of names; build it with [`super::Gazetteer::matcher`].
///
/// The trie is frozen into flat arrays: each node's edges are contiguous,
/// and the first two levels have direct tables for ASCII, so a word whose
/// first two letters start no name costs one lookup.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Root edges for ASCII characters (`NONE` when absent).
    root_ascii: [u32; 128],
    /// The node reached by two folded ASCII letters or digits, indexed
    /// `a * PAIR_BASE + b` (`NONE` when no name starts so).
    root_pairs: Vec<u32>,
    nodes: Vec<FrozenNode>,
    edge_chars: Vec<char>,
    edge_targets: Vec<u32>,
    terminals: Vec<Terminal>,
}

const NONE: u32 = u32::MAX;

/// Folded ASCII letters and digits, for the two-character root table.
const PAIR_BASE: usize = 36;

#[inline]
fn pair_index(c: char) -> Option<usize> {
    match c {
        'a'..='z' => Some(c as usize - 'a' as usize),
        '0'..='9' => Some(26 + c as usize - '0' as usize),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy)]
struct FrozenNode {
    /// Edges `first..first + count` of `edge_chars`/`edge_targets`, sorted.
    first: u32,
    count: u32,
    /// Terminals `terms.0..terms.1` of `terminals`.
    terms: (u32, u32),
}

#[derive(Debug, Clone, PartialEq)]
struct Terminal {
    entity: Entity,
    /// For case-sensitive acronyms: the exact characters the words must have.
    exact: Option<Vec<char>>,
}

/// A trie under construction.
#[derive(Debug, Clone)]
pub(crate) struct MatcherBuilder {
    nodes: Vec<Node>,
}

#[derive(Debug, Clone, Default)]
struct Node {
    /// Sorted by character.
    children: Vec<(char, u32)>,
    /// Names whose key ends here.
    terminals: Vec<Terminal>,
}

impl Default for MatcherBuilder {
    fn default() -> Self {
        MatcherBuilder { nodes: vec![Node::default()] }
    }
}

impl MatcherBuilder {
    /// A builder with room for `nodes` nodes.
    pub(crate) fn with_capacity(nodes: usize) -> MatcherBuilder {
        let mut b = MatcherBuilder { nodes: Vec::with_capacity(nodes) };
        b.nodes.push(Node::default());
        b
    }

    /// Add a name: `key` as built by `fold::name_key`, `exact` for
    /// case-sensitive acronyms.
    pub(crate) fn insert(&mut self, key: &[char], exact: Option<Vec<char>>, entity: Entity) {
        let mut node = 0usize;
        for &c in key {
            node = match self.nodes[node].children.binary_search_by_key(&c, |&(k, _)| k) {
                Ok(i) => self.nodes[node].children[i].1 as usize,
                Err(i) => {
                    let next = self.nodes.len();
                    self.nodes.push(Node::default());
                    self.nodes[node].children.insert(i, (c, next as u32));
                    next
                }
            };
        }
        let terminals = &mut self.nodes[node].terminals;
        let t = Terminal { entity, exact };
        if !terminals.contains(&t) {
            // Case-insensitive names first: they accept any capitals.
            let at = if t.exact.is_none() { 0 } else { terminals.len() };
            terminals.insert(at, t);
        }
    }

    /// Freeze the trie. Nodes are laid out breadth-first, so the first
    /// levels, which every word of a text visits, share a few cache lines.
    pub(crate) fn build(mut self) -> Matcher {
        let mut order = Vec::with_capacity(self.nodes.len());
        let mut new_id = vec![0u32; self.nodes.len()];
        order.push(0usize);
        let mut k = 0;
        while k < order.len() {
            let node = order[k];
            new_id[node] = k as u32;
            order.extend(self.nodes[node].children.iter().map(|&(_, t)| t as usize));
            k += 1;
        }
        let mut m = Matcher {
            root_ascii: [NONE; 128],
            root_pairs: vec![NONE; PAIR_BASE * PAIR_BASE],
            nodes: Vec::with_capacity(self.nodes.len()),
            edge_chars: Vec::new(),
            edge_targets: Vec::new(),
            terminals: Vec::new(),
        };
        for &old in &order {
            let node = std::mem::take(&mut self.nodes[old]);
            let first = m.edge_chars.len() as u32;
            m.edge_chars.extend(node.children.iter().map(|&(c, _)| c));
            m.edge_targets.extend(node.children.iter().map(|&(_, t)| new_id[t as usize]));
            let t0 = m.terminals.len() as u32;
            m.terminals.extend(node.terminals);
            m.nodes.push(FrozenNode {
                first,
                count: m.edge_chars.len() as u32 - first,
                terms: (t0, m.terminals.len() as u32),
            });
        }
        let root = m.nodes[0];
        for k in root.first..root.first + root.count {
            let c = m.edge_chars[k as usize];
            if c.is_ascii() {
                m.root_ascii[c as usize] = m.edge_targets[k as usize];
            }
        }
        for (a, ca) in ('a'..='z').chain('0'..='9').enumerate() {
            for (b, cb) in ('a'..='z').chain('0'..='9').enumerate() {
                if let Some(node) = m.child(0, ca).and_then(|n| m.child(n, cb)) {
                    m.root_pairs[a * PAIR_BASE + b] = node;
                }
            }
        }
        m
    }
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher::new()
    }
}

impl Matcher {
    /// A matcher that knows no names.
    pub fn new() -> Matcher {
        MatcherBuilder::default().build()
    }

    #[inline]
    fn child(&self, node: u32, c: char) -> Option<u32> {
        if node == 0 && c.is_ascii() {
            let t = self.root_ascii[c as usize];
            return (t != NONE).then_some(t);
        }
        let n = self.nodes[node as usize];
        let (first, count) = (n.first as usize, n.count as usize);
        let chars = &self.edge_chars[first..first + count];
        let k = if count <= 8 { chars.iter().position(|&e| e == c)? } else { chars.binary_search(&c).ok()? };
        Some(self.edge_targets[first + k])
    }

    /// All names in `text`, in order, leftmost-longest, non-overlapping.
    /// Offsets are code points into `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let toks = tokenize(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.tokens.len() {
            match self.longest_at(&toks, i) {
                Some((j, entity)) => {
                    out.push(Mention { start: toks.tokens[i].start, end: toks.tokens[j].end, entity });
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Names within code points `[start, end)` of `text` (a sentence of a
    /// document, say), with offsets into the whole of `text`. Out-of-range
    /// offsets are clamped. Words are cut at the range's edges.
    pub fn find_in(&self, text: &str, start: u32, end: u32) -> Vec<Mention> {
        let part = crate::text::slice_cp(text, start, end);
        let base = if part.is_empty() { 0 } else { start };
        let mut found = self.find(part);
        for m in &mut found {
            m.start += base;
            m.end += base;
        }
        found
    }

    /// The longest name starting at word `i`: its last word and entity.
    fn longest_at(&self, toks: &Tokens, i: usize) -> Option<(usize, Entity)> {
        let mut node = 0u32;
        let mut best = None;
        let mut j = i;
        // Most words start no name: look their first two letters up at once.
        let first = toks.folded(&toks.tokens[i]);
        let mut skip = 0;
        if let [a, b, ..] = first {
            if let (Some(a), Some(b)) = (pair_index(*a), pair_index(*b)) {
                node = self.root_pairs[a * PAIR_BASE + b];
                if node == NONE {
                    return None;
                }
                skip = 2;
            }
        }
        'words: loop {
            let t = &toks.tokens[j];
            for &c in &toks.folded(t)[skip..] {
                match self.child(node, c) {
                    Some(next) => node = next,
                    None => break 'words,
                }
            }
            if let Some(entity) = self.accept(node, toks, i, j) {
                best = Some((j, entity));
            }
            if !t.joins_next || j + 1 >= toks.tokens.len() {
                break;
            }
            skip = 0;
            for &m in toks.markers(t) {
                match self.child(node, m) {
                    Some(next) => node = next,
                    None => break 'words,
                }
            }
            j += 1;
        }
        best
    }

    /// The entity named by words `i..=j` if a name ends at `node`.
    fn accept(&self, node: u32, toks: &Tokens, i: usize, j: usize) -> Option<Entity> {
        let (t0, t1) = self.nodes[node as usize].terms;
        if t0 == t1 || cuts_dotted_acronym(toks, i, j) {
            return None;
        }
        self.terminals[t0 as usize..t1 as usize]
            .iter()
            .find(|t| match &t.exact {
                None => true,
                Some(exact) => raw_equals(toks, i, j, exact) && !among_capitals(toks, i, j),
            })
            .map(|t| t.entity)
    }
}

/// Do the original characters of words `i..=j` spell exactly `exact`?
fn raw_equals(toks: &Tokens, i: usize, j: usize, exact: &[char]) -> bool {
    let mut want = exact.iter();
    for t in &toks.tokens[i..=j] {
        for c in toks.raw(t) {
            if want.next() != Some(&c) {
                return false;
            }
        }
    }
    want.next().is_none()
}

/// Would words `i..=j` start or end inside a dotted acronym ("U.N.",
/// "U.S.": one-letter words joined by a bare period)?
fn cuts_dotted_acronym(toks: &Tokens, i: usize, j: usize) -> bool {
    let dotted = |a: usize| {
        let (x, y) = (&toks.tokens[a], &toks.tokens[a + 1]);
        x.end - x.start == 1
            && y.end - y.start == 1
            && toks.text.get(x.byte_end as usize..y.byte_start as usize) == Some(".")
    };
    (i > 0 && dotted(i - 1)) || (j + 1 < toks.tokens.len() && dotted(j))
}

/// Are words `i..=j` set between all-capital words on the same line (a
/// headline in capitals)?
fn among_capitals(toks: &Tokens, i: usize, j: usize) -> bool {
    let before = i > 0 && {
        let p = &toks.tokens[i - 1];
        p.all_caps && p.same_line_next
    };
    let after = toks.tokens.get(j + 1).is_some_and(|n| n.all_caps && toks.tokens[j].same_line_next);
    before && after
}
