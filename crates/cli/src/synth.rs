//! `counterclaim synth N DIR`: write synthetic articles and the gazetteer
//! they were built from into a folder, so that the folder is a complete
//! corpus (`counterclaim check DIR` works on it).

use std::path::Path;
use std::process::ExitCode;

use counterclaim_corpus::gazetteer::Gazetteer;
use counterclaim_corpus::synth::synth_articles;

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
    let articles = synth_articles(&gaz, n, seed);
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    for (name, body) in &articles {
        write(name, body)?;
    }
    eprintln!(
        "wrote {n} synthetic articles ({bytes} bytes, seed {seed}) and gazetteer.toml to {}",
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
