//! `counterclaim synth N DIR`: write synthetic articles and the gazetteer
//! they were built from into a folder, so that the folder is a complete
//! corpus (`counterclaim check DIR` works on it).

use std::path::Path;
use std::process::ExitCode;

use counterclaim_extract::gazetteer::Gazetteer;
use counterclaim_extract::synth::synth_articles;

/// The seed gazetteer, built into the binary as the default cast.
const SEED_GAZETTEER: &str = include_str!("../../../seeds/gazetteer.toml");

pub fn run(n: usize, dir: &Path, seed: u64, gazetteer: Option<&Path>) -> Result<ExitCode, String> {
    let (source, text) = match gazetteer {
        Some(p) => (
            p.display().to_string(),
            std::fs::read_to_string(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?,
        ),
        None => (
            "built-in seeds/gazetteer.toml".to_string(),
            SEED_GAZETTEER.to_string(),
        ),
    };
    let gaz = Gazetteer::parse(&text).map_err(|e| format!("{source}: {e}"))?;
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: cannot create folder: {e}", dir.display()))?;
    let write = |name: &str, body: &str| {
        let path = dir.join(name);
        std::fs::write(&path, body).map_err(|e| format!("{}: cannot write: {e}", path.display()))
    };
    write("gazetteer.toml", &text)?;
    let cleared = clear_old_articles(dir)?;
    let articles = synth_articles(&gaz, n, seed);
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    for (name, body) in &articles {
        write(name, body)?;
    }
    if cleared > 0 {
        eprintln!("removed {cleared} synthetic articles of an earlier run from {}", dir.display());
    }
    eprintln!(
        "wrote {n} synthetic articles ({bytes} bytes, seed {seed}) and gazetteer.toml to {}",
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Remove what an earlier `synth` wrote (`synth_NNNNN.txt`), so that a
/// smaller run does not leave stale articles behind. Other files are kept.
fn clear_old_articles(dir: &Path) -> Result<usize, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read folder: {e}", dir.display()))?;
    let mut removed = 0;
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if is_synth_name(name) {
            std::fs::remove_file(&path).map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn is_synth_name(name: &str) -> bool {
    name.strip_prefix("synth_")
        .and_then(|n| n.strip_suffix(".txt"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn recognises_only_its_own_files() {
        assert!(super::is_synth_name("synth_00012.txt"));
        for other in ["synth_.txt", "synth_1a.txt", "report.txt", "synth_00012.txt.bak", "gazetteer.toml"] {
            assert!(!super::is_synth_name(other), "{other}");
        }
    }
}
