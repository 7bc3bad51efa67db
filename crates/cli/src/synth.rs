//! `counterclaim synth N DIR`: write synthetic articles and the gazetteer
//! they were built from into a folder.

use std::path::Path;
use std::process::ExitCode;

pub fn run(_n: usize, _dir: &Path, _seed: u64, _gazetteer: Option<&Path>) -> Result<ExitCode, String> {
    Err("synth is not available yet (waiting for the gazetteer module)".into())
}
