//! `counterclaim init DIR`: start a corpus folder — a `gazetteer.toml` to
//! fill in with the actors and places the articles name, and a
//! `corrections.toml` holding only commented examples. Existing files are
//! never overwritten.

use std::path::Path;
use std::process::ExitCode;

/// A gazetteer with no entries yet: the format, as comments.
pub const GAZETTEER_TEMPLATE: &str = "\
# Gazetteer: the actors, people and places the engine finds in the articles.
# Full format: docs/corpus-format.md. Add one block per entry; `#` starts a
# comment. The build stops with the line number if something is wrong.
#
#   [[actors]]
#   id = \"army\"                 short unique slug: a-z, 0-9, '_' or '-'
#   name = \"National Army\"      the name shown in the app
#   aliases = [\"the army\"]      every other way the articles write it
#   side = \"state\"              state, rebels, jihadists, international,
#                               local or observers
#
#   [[people]]
#   name = \"Jane Doe\"
#   aliases = [\"Colonel Doe\"]
#   actor = \"army\"              the actor the person speaks for
#
#   [[places]]
#   id = \"rivertown\"
#   name = \"Rivertown\"
#   aliases = [\"River Town\"]
#   lat = 12.5                  WGS84 decimal degrees (north positive)
#   lon = -3.25                 (east positive, west negative)
";

/// A corrections file with every kind as a commented example.
pub const CORRECTIONS_TEMPLATE: &str = "\
# Editorial corrections, applied at build time after extraction. Every
# correction names its target by id (`counterclaim review DIR` lists them) and
# carries a short public `note` that readers see as the Editor's note.
# A stale id, a text not found or two corrections that contradict each other
# fail `counterclaim check` and the build with this file's line.
# Full format: docs/corpus-format.md (\"Corrections\").
#
# [[hide_claim]]
# claim = \"report_01#3fa9c1\"
# note = \"Removed: the sentence quotes a rumour, not a party's statement.\"
#
# [[set_claim]]
# claim = \"report_01#8d02e4\"
# speaker = \"army\"            # and/or side = \"state\", stance = \"deny\"
# note = \"Attributed to the army spokesman, not to the rebels.\"
";

pub fn run(dir: &Path) -> Result<ExitCode, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create folder: {e}", dir.display()))?;
    for (name, text) in [("gazetteer.toml", GAZETTEER_TEMPLATE), ("corrections.toml", CORRECTIONS_TEMPLATE)] {
        let path = dir.join(name);
        if path.exists() {
            eprintln!("kept {} (already there)", path.display());
            continue;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    eprintln!(
        "next: add the actors and places of your articles to the gazetteer, put the articles \
         (*.txt) in {}, then run `counterclaim check {}`",
        dir.display(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_load() {
        let g = counterclaim_corpus::gazetteer::Gazetteer::parse(GAZETTEER_TEMPLATE).expect("template parses");
        assert!(g.actors.is_empty() && g.places.is_empty());
        assert_eq!(counterclaim_corpus::corrections::parse(CORRECTIONS_TEMPLATE), Ok(vec![]));
    }
}
