//! Names a corpus's gazetteer lacks (`counterclaim check`) and the starter
//! gazetteer that `counterclaim init` writes from them.

use std::fmt::Write as _;
use std::path::Path;

use counterclaim_extract::candidates::{self, Candidate, Role};
use counterclaim_extract::gazetteer::Gazetteer;
use counterclaim_extract::load::{self, GAZETTEER_FILE};
use counterclaim_extract::mentions::Lexicon;

/// The candidates of a folder, against its gazetteer when it has a valid
/// one (otherwise every name is a candidate). Paths are shown from where
/// the command runs (`DIR/file.txt`).
pub fn of_dir(dir: &Path) -> Result<Vec<Candidate>, String> {
    // the gazetteer's actors name the camps of corpus.toml (when it is valid)
    let settings = counterclaim_extract::settings::read(dir).ok().flatten();
    let (camps, editor) = counterclaim_extract::settings::camps(settings.as_ref());
    let gazetteer = Gazetteer::load_with_camps(&dir.join(GAZETTEER_FILE), camps, editor)
        .or_else(|_| Gazetteer::parse(""))
        .map_err(|e| e.to_string())?;
    let mut files = Vec::new();
    for path in load::article_paths(dir).map_err(|e| e.to_string())? {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        files.push((path.to_string_lossy().into_owned(), bytes));
    }
    Ok(candidates::find(&files, &Lexicon::new(gazetteer)))
}

/// The `check` section: one line a name, most frequent first, at most `max`.
pub fn render_list(found: &[Candidate], max: usize) -> String {
    let mut out = String::new();
    if found.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "names in speaker or place position that the gazetteer lacks ({}, most frequent first):",
        found.len()
    );
    for c in found.iter().take(max) {
        let _ = writeln!(out, "  {:>3}×  {:<7}  {:<32}  e.g. {}:{}", c.count, c.role.label(), c.name, c.path, c.line);
    }
    if found.len() > max {
        let _ = writeln!(out, "  … and {} more (counterclaim init writes them all into a new gazetteer)", found.len() - max);
    }
    out
}

/// A slug for an id: lowercase ASCII letters and digits joined by '-'.
fn slug(name: &str) -> String {
    let folded = counterclaim_extract::text::fold_string(name);
    let mut out = String::new();
    for part in folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    if out.is_empty() {
        "name".into()
    } else {
        out
    }
}

fn toml_string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The starter gazetteer: the format in its header, then every candidate as
/// a commented-out entry (speakers as actors, places as places) with where
/// it was first seen. Valid TOML as written (no entry is active).
pub fn starter_gazetteer(found: &[Candidate]) -> String {
    let mut out = String::from(
        "# Counterclaim gazetteer — written by `counterclaim init` from the articles\n\
         # of this folder. The engine finds actors, people and places only by the\n\
         # names listed here (docs/corpus-format.md, \"Gazetteer\").\n\
         #\n\
         # Below, every name the articles use as a speaker (\"X said\") or a place\n\
         # (\"in X\") is written out, commented, most frequent first. For each one you\n\
         # keep: remove the leading '# ', check the id, pick the side, merge the\n\
         # variants of one entity into `aliases`, and give places their coordinates\n\
         # (WGS84 decimal degrees). Sides: state, rebels, jihadists, international,\n\
         # local, observers. A ministry or an armed wing may have, instead of a\n\
         # side, `part_of`: the id of its government or alliance. Give each place\n\
         # its `country`, and a `kind` when it is not a town: region, country,\n\
         # camp, airport, base, district, border_crossing, site. A capital that also\n\
         # speaks (\"Ostra said\") names its actor's id in `actor`.\n\
         # Then run `counterclaim check DIR` again.\n",
    );
    for role in [Role::Speaker, Role::Place] {
        let heading = match role {
            Role::Speaker => "ACTORS (seen as speakers)",
            Role::Place => "PLACES (seen after in / near / from / to …)",
        };
        let _ = write!(out, "\n# ───────────────────────── {heading}\n");
        for c in found.iter().filter(|c| c.role == role) {
            let _ = writeln!(out, "\n# seen {}×, first at {}:{}", c.count, c.path, c.line);
            match role {
                Role::Speaker => {
                    let _ = write!(
                        out,
                        "# [[actors]]\n# id = {}\n# name = {}\n# aliases = []\n# side = \"observers\"\n",
                        toml_string(&slug(&c.name)),
                        toml_string(&c.name)
                    );
                }
                Role::Place => {
                    let _ = write!(
                        out,
                        "# [[places]]\n# id = {}\n# name = {}\n# lat = 0.0\n# lon = 0.0\n",
                        toml_string(&slug(&c.name)),
                        toml_string(&c.name)
                    );
                }
            }
        }
    }
    out
}

/// `counterclaim init DIR`: write DIR/gazetteer.toml, never over an existing one.
pub fn init(dir: &Path) -> Result<String, String> {
    let target = dir.join(GAZETTEER_FILE);
    if target.exists() {
        return Err(format!(
            "{} already exists; init does not overwrite it (run `counterclaim check {}` to see the names it lacks)",
            target.display(),
            dir.display()
        ));
    }
    let found = of_dir(dir)?;
    std::fs::write(&target, starter_gazetteer(&found)).map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
    Ok(format!(
        "wrote {} with {} candidate names (commented out): edit it, then run `counterclaim check {}`",
        target.display(),
        found.len(),
        dir.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(name: &str, role: Role) -> Candidate {
        Candidate { name: name.into(), role, count: 2, path: "d/a.txt".into(), line: 7 }
    }

    #[test]
    fn the_starter_parses_and_uncommented_entries_parse_too() {
        let found = [cand("Northern Front", Role::Speaker), cand("Lake Town", Role::Place)];
        let text = starter_gazetteer(&found);
        let g = Gazetteer::parse(&text).expect("starter is valid as written");
        assert!(g.actors.is_empty() && g.places.is_empty());
        assert!(text.contains("# seen 2×, first at d/a.txt:7"));
        // An editor removes the comment marks: the entries are valid as they stand.
        let uncommented: String = text
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.starts_with('[') || rest.contains(" = ") => rest,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let g = Gazetteer::parse(&uncommented).expect("uncommented entries parse");
        assert_eq!(g.actors.len(), 1);
        assert_eq!(g.actors[0].id, "northern-front");
        assert_eq!(g.actors[0].name, "Northern Front");
        assert_eq!(g.places[0].id, "lake-town");
    }

    #[test]
    fn a_gazetteer_naming_the_editors_camps_is_used() {
        // tests/fixtures/camps: its actors are in camps of its corpus.toml
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/camps");
        let names: Vec<String> = of_dir(&dir).unwrap().into_iter().map(|c| c.name).collect();
        for known in ["Vesk Legion", "River Watch", "Orland army", "Tarvel"] {
            assert!(!names.iter().any(|n| n == known), "{known} is in the gazetteer: {names:?}");
        }
    }

    #[test]
    fn names_are_escaped_as_toml_strings() {
        assert_eq!(toml_string("a\"b\\c\u{7}"), "\"a\\\"b\\\\c\\u0007\"");
        assert_eq!(slug("Wad al-Noura’s"), "wad-al-noura-s");
    }

    #[test]
    fn the_list_is_capped_and_says_how_many_more() {
        let found: Vec<Candidate> = (0..5).map(|i| cand(&format!("Name {i}"), Role::Place)).collect();
        let text = render_list(&found, 3);
        assert_eq!(text.lines().count(), 5, "{text}");
        assert!(text.contains("and 2 more"));
        assert!(render_list(&[], 3).is_empty());
    }
}
