//! Finding gazetteer names in text: a character trie over the match keys of
//! all names and aliases (see [`super::fold`]), walked once per word of the
//! text. Matches are leftmost-longest, non-overlapping and whole words.
//!
//! Short all-capital acronyms (at most three letters, e.g. `IS`, `UN`, `AP`)
//! only match the same capitals, so the English "is" or the French "un" are
//! never taken for them; nor are they matched inside a run of capitals such
//! as the headline "WHY IS KIDAL…", where capitals say nothing.

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
#[derive(Debug, Clone)]
pub struct Matcher {
    nodes: Vec<Node>,
}

#[derive(Debug, Clone, Default)]
struct Node {
    /// Sorted by character.
    children: Vec<(char, u32)>,
    /// Names whose key ends here.
    terminals: Vec<Terminal>,
}

#[derive(Debug, Clone)]
struct Terminal {
    entity: Entity,
    /// For case-sensitive acronyms: the exact characters the words must have.
    exact: Option<Vec<char>>,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher::new()
    }
}

impl Matcher {
    /// A matcher that knows no names.
    pub fn new() -> Matcher {
        Matcher { nodes: vec![Node::default()] }
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
        if !terminals.iter().any(|t| t.entity == entity && t.exact == exact) {
            // Case-insensitive names first: they accept any capitals.
            let at = if exact.is_none() { 0 } else { terminals.len() };
            terminals.insert(at, Terminal { entity, exact });
        }
    }

    fn child(&self, node: u32, c: char) -> Option<u32> {
        let children = &self.nodes[node as usize].children;
        children.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| children[i].1)
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

    /// The longest name starting at word `i`: its last word and entity.
    fn longest_at(&self, toks: &Tokens, i: usize) -> Option<(usize, Entity)> {
        let mut node = 0u32;
        let mut best = None;
        let mut j = i;
        'words: loop {
            let t = &toks.tokens[j];
            for &c in toks.folded(t) {
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
        let terminals = &self.nodes[node as usize].terminals;
        terminals.iter().find(|t| match &t.exact {
            None => true,
            Some(exact) => raw_equals(toks, i, j, exact) && !among_capitals(toks, i, j),
        }).map(|t| t.entity)
    }
}

/// Do the original characters of words `i..=j` spell exactly `exact`?
fn raw_equals(toks: &Tokens, i: usize, j: usize, exact: &[char]) -> bool {
    let mut rest = exact;
    for t in &toks.tokens[i..=j] {
        let raw = toks.raw(t);
        match rest.strip_prefix(raw) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
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
