//! Parses the corpus in `seeds/` (or `$COUNTERCLAIM_SEEDS`) with the engine
//! crate at build time and writes the compact binaries the app embeds: the
//! corpus (`corpus.bin`) and its query index (`index.bin`, so the browser
//! never builds it).
//! An article that cannot be parsed fails the build, naming file and line.
//! It also derives the map of the corpus's region (`region_map.rs`, read by
//! `src/map/outline.rs`) with `scripts/derive-region-map.mjs` from npm's
//! world-atlas, for the places the corpus's events name.
//! Also writes the "About this data" panel's body (`about.html`) from the
//! corpus, `docs/accuracy.toml` and the build date (`SOURCE_DATE_EPOCH` when
//! set, for reproducible builds).

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-env-changed=COUNTERCLAIM_SEEDS");
    let seeds = std::env::var_os("COUNTERCLAIM_SEEDS").map(PathBuf::from).unwrap_or_else(|| manifest.join("seeds"));
    println!("cargo:rerun-if-changed={}", seeds.display());
    if let Ok(entries) = std::fs::read_dir(&seeds) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    let mut corpus = match counterclaim_extract::load::load_dir(&seeds) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: corpus does not parse: {e}");
            panic!("corpus does not parse: {e}");
        }
    };
    write_about(&manifest, &corpus);
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    write_page(&out, &corpus);
    counterclaim_extract::embed::slim_for_app(&mut corpus);
    let bytes = counterclaim_extract::encode(&corpus).expect("corpus encodes");
    // The query index is built here, natively, so the app only decodes it.
    let index = counterclaim_extract::query::Index::new(&corpus);
    let index_bytes = index.to_bytes().expect("index encodes");
    println!("cargo::rustc-check-cfg=cfg(chunked)");
    println!("cargo:rerun-if-env-changed=COUNTERCLAIM_CHUNKED");
    let setting = std::env::var("COUNTERCLAIM_CHUNKED").ok();
    let chunked = counterclaim_extract::chunking::should_chunk(bytes.len() + index_bytes.len(), setting.as_deref())
        .unwrap_or_else(|e| panic!("{e}"));
    let chunks_dir = out.join("chunks");
    if chunks_dir.exists() {
        std::fs::remove_dir_all(&chunks_dir).expect("clear the previous build's chunks");
    }
    let kb = |n: usize| n.div_ceil(1024);
    if chunked {
        let split = counterclaim_extract::chunking::split(&corpus, &index).unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir_all(&chunks_dir).expect("create the chunks folder");
        for (name, data) in &split.files {
            std::fs::write(out.join(name), data).unwrap_or_else(|e| panic!("write {name}: {e}"));
        }
        std::fs::write(out.join("manifest_path.txt"), split.manifest()).expect("write manifest_path.txt");
        println!("cargo:rustc-cfg=chunked");
        println!(
            "cargo:warning=chunked build: {} KB of data in {} files under chunks/ (manifest {} KB)",
            kb(split.files.iter().map(|f| f.1.len()).sum()),
            split.files.len(),
            kb(split.files[0].1.len()),
        );
    } else {
        println!("cargo:warning=embedded build: {} KB of data in the app", kb(bytes.len() + index_bytes.len()));
        std::fs::write(out.join("corpus.bin"), &bytes).expect("write corpus.bin");
        std::fs::write(out.join("index.bin"), &index_bytes).expect("write index.bin");
    }
    write_build_info(&out, &seeds, chunked);
    derive_region_map(&manifest, &out, &corpus);
}

/// Runs `scripts/derive-region-map.mjs` on the places of the corpus's events
/// and leaves `region_map.rs` in `out_dir`. Fails the build with the
/// script's message when node or world-atlas is missing (`./dev setup`).
fn derive_region_map(manifest: &std::path::Path, out_dir: &std::path::Path, corpus: &counterclaim_extract::Corpus) {
    let script = manifest.join("scripts/derive-region-map.mjs");
    println!("cargo:rerun-if-changed={}", script.display());
    let used: std::collections::BTreeSet<&str> =
        corpus.events.iter().flat_map(|e| e.places.iter().map(String::as_str)).collect();
    let points: Vec<String> = corpus
        .places
        .iter()
        .filter(|p| used.contains(p.id.as_str()) && p.lat.is_finite() && p.lon.is_finite())
        .map(|p| format!("[{},{}]", p.lon, p.lat))
        .collect();
    let places_json = out_dir.join("region_places.json");
    std::fs::write(&places_json, format!("{{\"places\":[{}]}}", points.join(","))).expect("write region_places.json");
    let status = std::process::Command::new("node")
        .arg(&script)
        .arg(&places_json)
        .arg(out_dir.join("region_map.rs"))
        .current_dir(manifest)
        .stdout(std::process::Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => panic!("scripts/derive-region-map.mjs failed ({s}); see its message above"),
        Err(e) => panic!("cannot run node for scripts/derive-region-map.mjs ({e}): install Node.js and run ./dev setup"),
    }
}

/// The page's static opening view (`counterclaim_extract::opening`), as
/// `page.json` for `scripts/postbuild.mjs`, from the corpus already parsed
/// here (a large corpus is not parsed twice).
fn write_page(out: &std::path::Path, corpus: &counterclaim_extract::Corpus) {
    let page = counterclaim_extract::opening::render(corpus);
    let json = serde_json::json!({ "lang": page.lang, "head": page.head, "body": page.body });
    std::fs::write(out.join("page.json"), json.to_string()).expect("write page.json");
}

/// What `scripts/postbuild.mjs` needs from this build: which corpus it
/// is, whether it is chunked, where its page and chunks are.
fn write_build_info(out: &std::path::Path, seeds: &std::path::Path, chunked: bool) {
    let seeds = std::fs::canonicalize(seeds).unwrap_or_else(|_| seeds.to_owned());
    let json = serde_json::json!({ "seeds": seeds.to_string_lossy(), "chunked": chunked, "out_dir": out.to_string_lossy() });
    std::fs::write(out.join("counterclaim-build.json"), json.to_string()).expect("write counterclaim-build.json");
}

fn write_about(manifest: &std::path::Path, corpus: &counterclaim_extract::Corpus) {
    use counterclaim_extract::about;
    let path = manifest.join("docs/accuracy.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    let accuracy = about::parse_accuracy(&text).unwrap_or_else(|e| panic!("{}:{e}", path.display()));
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        });
    let html = about::render(corpus, &accuracy, &about::iso_date(now));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("about.html");
    std::fs::write(&out, html).expect("write about.html");
}
