//! Quality floors: `counterclaim eval` over the seeds (gold in
//! `tests/gold/seeds.json`) and over the development corpora in
//! `<workspace>/../shared/dev-corpus/{sudan,ukraine,mali-other}` (published
//! reports kept outside this repository; their gold is `DIR/gold.json`).
//! Raise a floor when the engine improves; never lower one to make a change
//! pass. Set `COUNTERCLAIM_SKIP_DEV_CORPUS=1` to skip the dev corpora on a
//! machine that does not have them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// (recall, precision, events right) that each corpus must reach.
struct Floor {
    recall: f64,
    precision: f64,
    events: usize,
}

/// Each corpus's row label in the README's quality table.
const README_ROWS: [(&str, &str); 4] = [
    ("seeds", "seeds"),
    ("sudan", "dev: Sudan"),
    ("ukraine", "dev: Ukraine"),
    ("mali-other", "dev: Mali"),
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `eval` and returns its output and (recall, precision, events right).
fn eval(dir: &Path, gold: Option<&Path>) -> (String, f64, f64, usize) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_counterclaim"));
    cmd.arg("eval").arg(dir);
    if let Some(g) = gold {
        cmd.arg("--gold").arg(g);
    }
    let out = cmd.output().expect("run counterclaim eval");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "eval {} failed: {}{}", dir.display(), text, String::from_utf8_lossy(&out.stderr));
    let summary = text
        .lines()
        .find(|l| l.contains(": claim recall "))
        .unwrap_or_else(|| panic!("no summary line in:\n{text}"));
    // "<name>: claim recall R (h/n), precision P (m/k), events right K/N"
    let num = |after: &str| -> f64 {
        let rest = &summary[summary.find(after).expect(after) + after.len()..];
        let end = rest.find([' ', '/']).unwrap_or(rest.len());
        rest[..end].parse().expect("a number")
    };
    let (recall, precision, events) = (num("claim recall "), num("precision "), num("events right ") as usize);
    (text, recall, precision, events)
}

/// The README's quality table ("How accurate is the extraction?") must show
/// the figures measured now: the row starting `| {row}` holds the summary's
/// `R (h/n)` recall, `P (m/k)` precision and `K/N` events right.
fn assert_readme_row(row: &str, text: &str) {
    let summary = text.lines().find(|l| l.contains(": claim recall ")).expect("summary");
    let pieces = |after: &str, end: char| -> String {
        let rest = &summary[summary.find(after).expect(after) + after.len()..];
        rest[..rest.find(end).map_or(rest.len(), |i| i + end.len_utf8())].to_owned()
    };
    let wanted = [pieces("claim recall ", ')'), pieces("precision ", ')'), pieces("events right ", '\n')];
    let readme = std::fs::read_to_string(workspace().join("README.md")).expect("README.md");
    let line = readme
        .lines()
        .find(|l| l.starts_with(&format!("| {row}")))
        .unwrap_or_else(|| panic!("README.md has no quality-table row starting `| {row}`"));
    for w in &wanted {
        assert!(line.contains(w.as_str()), "README.md's row `{line}` does not show the measured `{w}`:\n{summary}");
    }
}

fn check(name: &str, dir: &Path, gold: Option<&Path>, floor: Floor) {
    let (text, recall, precision, events) = eval(dir, gold);
    assert_readme_row(README_ROWS.iter().find(|(n, _)| *n == name).expect("a README row").1, &text);
    assert!(
        recall >= floor.recall && precision >= floor.precision && events >= floor.events,
        "{name}: below the floor (recall {recall} < {}? precision {precision} < {}? events {events} < {}?)\n{text}",
        floor.recall,
        floor.precision,
        floor.events
    );
    eprintln!("{}", text.lines().rev().take(2).collect::<Vec<_>>().join("\n"));
}

#[test]
fn seeds_stay_at_their_level() {
    let root = workspace();
    let floor = Floor { recall: 1.0, precision: 1.0, events: 6 };
    check("seeds", &root.join("seeds"), Some(&root.join("tests/gold/seeds.json")), floor);
}

fn dev_corpus(name: &str) -> Option<PathBuf> {
    let dir = workspace().join("../shared/dev-corpus").join(name);
    if dir.join("gold.json").is_file() {
        return Some(dir);
    }
    if std::env::var("COUNTERCLAIM_SKIP_DEV_CORPUS").as_deref() == Ok("1") {
        eprintln!("skipping {name}: COUNTERCLAIM_SKIP_DEV_CORPUS=1 and {} is missing", dir.display());
        return None;
    }
    panic!(
        "the development corpus {} (with gold.json) is missing; it lives next to the repository \
         in ../shared/dev-corpus. Set COUNTERCLAIM_SKIP_DEV_CORPUS=1 to skip it.",
        dir.display()
    );
}

#[test]
fn sudan_floor() {
    if let Some(dir) = dev_corpus("sudan") {
        check("sudan", &dir, None, Floor { recall: 0.94, precision: 0.96, events: 5 });
    }
}

#[test]
fn ukraine_floor() {
    if let Some(dir) = dev_corpus("ukraine") {
        check("ukraine", &dir, None, Floor { recall: 0.95, precision: 0.99, events: 6 });
    }
}

#[test]
fn mali_other_floor() {
    if let Some(dir) = dev_corpus("mali-other") {
        check("mali-other", &dir, None, Floor { recall: 0.97, precision: 0.95, events: 6 });
    }
}
