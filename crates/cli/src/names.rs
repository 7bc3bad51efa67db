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
         # keep: remove the leading '# ', check the id, pick the camp, merge the\n\
         # variants of one entity into `aliases`, and give places their coordinates\n\
         # (WGS84 decimal degrees). Camps: the ids of corpus.toml's [[camp]] tables,\n\
         # or without them the default camps: state, rebels, jihadists,\n\
         # international, local, observers. An actor may have a `kind` (armed forces,\n\
         # armed group, militia, government, foreign state, international\n\
         # organisation, local authority, civilians, media, observers). A ministry or\n\
         # an armed wing may have, instead of a camp, `part_of`: the id of its\n\
         # government or alliance. Give each place\n\
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
                        "# [[actors]]\n# id = {}\n# name = {}\n# aliases = []\n# camp = \"observers\"\n",
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

/// The starter settings: every key of `corpus.toml` commented out, with
/// two example camps, so that the page starts from the neutral defaults
/// and the editor sees what to write. Valid TOML as written.
pub fn starter_settings() -> &'static str {
    "# Counterclaim corpus settings — written by `counterclaim init`\n\
     # (docs/corpus-format.md, \"Corpus settings\"). Every key is optional:\n\
     # without one, the page uses a neutral default derived from the articles.\n\
     #\n\
     # title = \"The war in …, 2024\"\n\
     # description = \"What each party claimed, event by event, side by side.\"\n\
     # language = \"en\"\n\
     #\n\
     # The camps of the conflict, in the order the page shows them. Without any,\n\
     # the default camps are: state, rebels, jihadists, international, local,\n\
     # observers. Each actor in gazetteer.toml names its camp's id (`camp`).\n\
     #\n\
     # [[camp]]\n\
     # id = \"government\"\n\
     # label = \"Government & allies\"\n\
     # hint = \"the army, allied militias, the government\"\n\
     # colour = \"#1f5fa8\"\n\
     #\n\
     # [[camp]]\n\
     # id = \"opposition\"\n\
     # label = \"Armed opposition\"\n\
     # hint = \"the rebel alliance and its armed wing\"\n"
}

/// `counterclaim init DIR`: write DIR/gazetteer.toml (never over an
/// existing one) and, when the folder has none, a starter DIR/corpus.toml.
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
    let settings = dir.join(counterclaim_extract::settings::SETTINGS_FILE);
    let also = if settings.exists() {
        String::new()
    } else {
        std::fs::write(&settings, starter_settings()).map_err(|e| format!("{}: cannot write: {e}", settings.display()))?;
        format!(" and {} (title, description, camps: commented out)", settings.display())
    };
    Ok(format!(
        "wrote {} with {} candidate names (commented out){also}: edit them, then run `counterclaim check {}`",
        target.display(),
        found.len(),
        dir.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an editor does to a starter file: remove the comment marks of
    /// its entries (`# [[…]]` headers and `# key = value` lines).
    fn uncomment(text: &str) -> String {
        text.lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.starts_with('[') || rest.contains(" = ") => rest,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

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
        let uncommented = uncomment(&text);
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
    fn the_starter_settings_parse_as_written_and_uncommented() {
        let raw = counterclaim_extract::settings::parse(starter_settings()).expect("valid as written");
        assert!(counterclaim_extract::settings::camps(Some(&raw)).0.len() == 6, "no camp active: the defaults");
        let uncommented = uncomment(starter_settings());
        let raw = counterclaim_extract::settings::parse(&uncommented).expect("uncommented keys parse");
        let (camps, editor) = counterclaim_extract::settings::camps(Some(&raw));
        assert!(editor);
        assert_eq!(camps.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["government", "opposition"]);
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
