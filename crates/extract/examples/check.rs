//! Print the problems `check_dir` finds in a corpus folder.
fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let r = counterclaim_extract::load::check_dir(std::path::Path::new(&dir));
    for p in &r.problems {
        println!("{p}");
    }
    println!(
        "{} errors, {} warnings, corpus: {}",
        r.errors(),
        r.warnings(),
        r.corpus.is_some()
    );
}
