//! End-to-end tests of the `counterclaim` binary: runs the built executable
//! on the seed corpus, on broken folders and on synthetic corpora.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_counterclaim"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run counterclaim")
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh empty folder under the target dir, removed first if it exists.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn help_and_usage_errors() {
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    for cmd in ["export", "check", "stats", "noscript", "page", "synth"] {
        assert!(
            stdout(&help).contains(&format!("counterclaim {cmd}")),
            "help lists {cmd}"
        );
    }
    for bad in [
        &[][..],
        &["nonsense"],
        &["export"],
        &["synth", "many", "x"],
        &["check", "a", "b"],
        &["page", "seeds"],
        &["page", "seeds", "--out"],
    ] {
        let o = run(bad);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(stderr(&o).starts_with("error: "), "{bad:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("USAGE"), "{bad:?} prints usage");
    }
}

#[test]
fn noscript_lists_every_event_of_the_seeds() {
    let o = run(&["noscript", seeds().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    let export = run(&["export", seeds().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&export.stdout).expect("valid JSON");
    let events = v["events"].as_array().expect("events");
    let title = v["settings"]["title"].as_str().expect("settings title");
    assert!(html.starts_with(&format!("<h1>{title}</h1>")), "{html}");
    assert!(html.contains(&format!("The {} events found in 5 articles", events.len())));
    // One item per event plus one per (event, source article).
    let sources: usize = events.iter().map(|e| e["documents"].as_array().unwrap().len()).sum();
    assert_eq!(html.matches("<li>").count(), events.len() + sources, "{html}");
    for e in events {
        let title = e["title"].as_str().unwrap();
        assert!(html.contains(&format!("<b>{title}</b>")), "event {title} listed");
    }
    assert!(html.contains("<strong>contested</strong>"));
    assert!(!html.contains("</noscript"), "never closes the element it is spliced into");

    let missing = run(&["noscript", "/nonexistent/corpus"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).starts_with("error: "));
}

#[test]
fn page_writes_the_static_view_to_a_file() {
    let dir = temp_dir("page");
    let out = dir.join("page.json");
    let o = run(&["page", seeds().to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "nothing on stdout");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).expect("JSON");
    assert_eq!(v["lang"], "en");
    assert!(v["head"].as_str().unwrap().starts_with("<title>Counterclaim — "));
    let body = v["body"].as_str().unwrap();
    assert!(body.starts_with("<div id=\"static-view\""), "{body}");
    assert!(body.contains("<li class=\"event-card"));
    let bad = run(&["page", "/nonexistent/corpus", "--out", out.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn export_seeds_is_json_with_the_contract_fields() {
    let o = run(&["export", seeds().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5);
    for d in docs {
        for k in [
            "id",
            "path",
            "title",
            "outlet",
            "published",
            "published_source",
            "text",
        ] {
            assert!(d.get(k).is_some(), "document field {k}");
        }
        assert!(d["text"].as_str().unwrap().len() > 500);
    }
    for (list, keys) in [
        ("actors", &["id", "name", "aliases", "side"][..]),
        ("places", &["id", "name", "aliases", "lat", "lon"]),
        (
            "claims",
            &[
                "id",
                "document",
                "start",
                "end",
                "quote",
                "speaker",
                "speaker_text",
                "stance",
                "date",
                "event",
                "numbers",
            ],
        ),
        (
            "events",
            &[
                "id",
                "title",
                "kind",
                "start",
                "end",
                "precision",
                "places",
                "actors",
                "claims",
                "documents",
                "contested",
                "disputes",
            ],
        ),
    ] {
        let items = v[list]
            .as_array()
            .unwrap_or_else(|| panic!("{list} is an array"));
        for item in items {
            for k in keys {
                assert!(item.get(k).is_some(), "{list} item lacks {k}: {item}");
            }
        }
    }
    for c in v["claims"].as_array().unwrap() {
        for n in c["numbers"].as_array().unwrap() {
            for k in ["value", "unit", "about"] {
                assert!(n.get(k).is_some(), "number lacks {k}");
            }
        }
    }
    for e in v["events"].as_array().unwrap() {
        for d in e["disputes"].as_array().unwrap() {
            assert!(d["claims"].is_array() && d["reason"].is_string());
        }
    }
    // Stable output: a second run is byte-identical.
    assert_eq!(run(&["export", seeds().to_str().unwrap()]).stdout, o.stdout);
}

#[test]
fn export_rows_as_csv_and_json_agree_with_the_corpus() {
    let dir = seeds();
    let corpus: serde_json::Value = serde_json::from_slice(&run(&["export", dir.to_str().unwrap()]).stdout).unwrap();
    let csv = run(&["export", dir.to_str().unwrap(), "--rows", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = stdout(&csv);
    assert!(text.starts_with("event_id,event_date,event_date_end,time_precision,"), "{text}");
    let json = run(&["export", dir.to_str().unwrap(), "--rows=json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows["format"], "counterclaim-rows");
    let n_events = corpus["events"].as_array().unwrap().len();
    assert_eq!(rows["events"], n_events);
    let rows = rows["rows"].as_array().unwrap();
    // One line per row plus the header (no quote in the seeds holds a line break).
    assert_eq!(text.matches("\r\n").count(), rows.len() + 1);
    let mut events: Vec<&str> = rows.iter().map(|r| r["event_id"].as_str().unwrap()).collect();
    events.dedup();
    assert_eq!(events.len(), n_events, "every event once, its rows together");
    let quoted = rows.iter().filter(|r| r["claim_id"].is_string()).count();
    assert!(quoted >= corpus["claims"].as_array().unwrap().len() / 2, "{quoted} rows with a claim");
    let bad = run(&["export", dir.to_str().unwrap(), "--rows", "xml"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn export_of_a_missing_folder_fails_with_its_name() {
    let o = run(&["export", "/nonexistent/corpus"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent/corpus"), "{}", stderr(&o));
}

#[test]
fn check_passes_on_seeds() {
    let o = run(&["check", seeds().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("5 articles"), "{}", stdout(&o));
    assert!(!stdout(&o).contains(": error: "));
}

#[test]
fn check_names_file_and_line_of_each_problem() {
    let dir = temp_dir("check_broken");
    std::fs::copy(
        seeds().join("000_e80854c3e174cb97.txt"),
        dir.join("good.txt"),
    )
    .unwrap();
    if seeds().join("gazetteer.toml").exists() {
        std::fs::copy(seeds().join("gazetteer.toml"), dir.join("gazetteer.toml")).unwrap();
    }
    std::fs::write(
        dir.join("binary.txt"),
        b"First line is fine.\nSecond line has \xff\xfe bad bytes.\n",
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    // Line 3 of the front matter is not `key = value`.
    std::fs::write(
        dir.join("frontmatter.txt"),
        "+++\ntitle = \"Army advances\"\noutlet \"AP\"\n+++\nKIDAL, Oct 5 - The army said it advanced.\n",
    )
    .unwrap();
    let o = run(&["check", dir.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.lines().next().unwrap().contains("4 articles"),
        "summary first: {out}"
    );
    let line_of = |file: &str| {
        out.lines()
            .find(|l| l.contains(file) && l.contains(": error: "))
            .map(str::to_string)
    };
    let bin = line_of("binary.txt").unwrap_or_else(|| panic!("binary.txt reported: {out}"));
    assert!(bin.contains("binary.txt:2: error: "), "{bin}");
    assert!(line_of("empty.txt").is_some(), "empty.txt reported: {out}");
    let fm =
        line_of("frontmatter.txt").unwrap_or_else(|| panic!("frontmatter.txt reported: {out}"));
    assert!(fm.contains("frontmatter.txt:3: error: "), "{fm}");
    assert!(
        line_of("good.txt").is_none(),
        "the good article has no error: {out}"
    );
    // Exactly the three broken files are errors, and the summary counts them.
    assert_eq!(
        out.lines().filter(|l| l.contains(": error: ")).count(),
        3,
        "{out}"
    );
    assert!(out.lines().next().unwrap().contains("3 errors"), "{out}");
}

#[test]
fn synth_writes_a_corpus_that_checks_and_has_claims_and_events() {
    let dir = temp_dir("synth50");
    let o = run(&["synth", "50", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let txt = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    assert_eq!(txt, 50);
    assert!(dir.join("gazetteer.toml").exists());

    let c = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(c.status.code(), Some(0), "{}", stdout(&c));

    let s = run(&["stats", dir.to_str().unwrap()]);
    assert_eq!(s.status.code(), Some(0), "{}", stderr(&s));
    let out = stdout(&s);
    let count = |key: &str| -> usize {
        out.lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|r| r.trim().parse().ok())
            .unwrap_or_else(|| panic!("no `{key}` in {out}"))
    };
    assert_eq!(count("documents:"), 50);
    assert!(count("claims:") > 0, "{out}");
    assert!(count("events:") > 0, "{out}");

    // Same seed → same files; another seed → different files.
    let again = temp_dir("synth50_again");
    assert!(run(&["synth", "50", again.to_str().unwrap()])
        .status
        .success());
    let other = temp_dir("synth50_other");
    assert!(
        run(&["synth", "50", other.to_str().unwrap(), "--seed", "7"])
            .status
            .success()
    );
    let a = std::fs::read(dir.join("synth_00007.txt")).unwrap();
    assert_eq!(a, std::fs::read(again.join("synth_00007.txt")).unwrap());
    assert_ne!(a, std::fs::read(other.join("synth_00007.txt")).unwrap());
}

#[test]
fn stats_on_seeds_counts_what_export_contains() {
    let dir = seeds();
    let o = run(&["stats", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let export: serde_json::Value =
        serde_json::from_slice(&run(&["export", dir.to_str().unwrap()]).stdout).unwrap();
    let n = |k: &str| export[k].as_array().unwrap().len();
    assert!(
        out.contains(&format!("documents:   {}\n", n("documents"))),
        "{out}"
    );
    assert!(
        out.contains(&format!("claims:      {}\n", n("claims"))),
        "{out}"
    );
    assert!(
        out.contains(&format!("events:      {}\n", n("events"))),
        "{out}"
    );
    let contested = export["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["contested"] == true)
        .count();
    assert!(
        out.contains(&format!("contested events: {contested}\n")),
        "{out}"
    );
    assert!(out.contains("date span:   20"), "{out}");
    assert!(out.contains("top places:\n  "), "{out}");
}

#[test]
fn check_reports_a_missing_gazetteer() {
    let dir = temp_dir("no_gazetteer");
    std::fs::copy(seeds().join("000_e80854c3e174cb97.txt"), dir.join("a.txt")).unwrap();
    let o = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("gazetteer.toml"), "{}", stdout(&o));
}

#[test]
fn check_exits_zero_on_warnings_only() {
    let dir = temp_dir("warnings_only");
    std::fs::copy(seeds().join("gazetteer.toml"), dir.join("gazetteer.toml")).unwrap();
    // Line 3 has a key the engine does not know: a warning, not an error.
    std::fs::write(
        dir.join("extra_key.txt"),
        "+++\npublished = 2023-11-14\nsection = \"Africa\"\n+++\nKIDAL, Nov 14 (AP) - Mali's army said it had taken control of Kidal.\n",
    )
    .unwrap();
    let o = run(&["check", dir.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("extra_key.txt:3: warning: "), "{out}");
    assert!(out.lines().next().unwrap().contains("0 errors"), "{out}");
}

#[test]
fn init_writes_a_starter_gazetteer_and_check_lists_what_it_lacks() {
    let dir = temp_dir("init_new_conflict");
    std::fs::write(
        dir.join("01_a.txt"),
        "+++\npublished = 2024-05-02\n+++\nThe River Alliance said its fighters held Bridge Town.\n\n\
         Shelling was reported near Bridge Town on Wednesday, according to the Harbour Council.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("02_b.txt"),
        "+++\npublished = 2024-05-03\n+++\nThe River Alliance denied any attack in Bridge Town.\n",
    )
    .unwrap();
    let d = dir.to_str().unwrap();
    let before = run(&["check", d]);
    assert!(stdout(&before).contains("counterclaim init"), "{}", stdout(&before));

    let o = run(&["init", d]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.join("gazetteer.toml")).unwrap();
    assert!(text.contains("# name = \"River Alliance\""), "{text}");
    assert!(text.contains("# name = \"Bridge Town\""), "{text}");
    assert!(text.contains("# name = \"Harbour Council\""), "{text}");
    // Most frequent first: the alliance speaks twice, before the council.
    assert!(text.find("River Alliance").unwrap() < text.find("Harbour Council").unwrap());
    // Starter settings beside it: every key commented out, camps shown.
    let settings = std::fs::read_to_string(dir.join("corpus.toml")).unwrap();
    assert!(settings.contains("# [[camp]]") && settings.contains("# title = "), "{settings}");
    assert!(stdout(&o).contains("corpus.toml"), "{}", stdout(&o));

    // The folder now checks (an empty gazetteer is valid) and lists the names with file:line.
    let c = run(&["check", d]);
    let out = stdout(&c);
    assert_eq!(c.status.code(), Some(0), "{out}");
    assert!(out.contains("that the gazetteer lacks"), "{out}");
    let line = out.lines().find(|l| l.contains("River Alliance") && l.contains("×")).expect("listed");
    assert!(line.contains("2×") && line.contains("speaker") && line.contains("01_a.txt:4"), "{line}");
    assert!(out.lines().any(|l| l.contains("Bridge Town") && l.contains("place") && l.contains("2×")), "{out}");

    // A second init never overwrites the editor's work.
    let again = run(&["init", d]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists"), "{}", stderr(&again));
}

/// The seeds plus the corrections fixture (an article written for the tests
/// and a `corrections.toml` with one correction of every kind).
fn corrected_corpus(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corrections");
    for from in [seeds(), fixture] {
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn corrections_reach_the_export_the_rows_and_the_review() {
    let dir = corrected_corpus("corrected");
    let d = dir.to_str().unwrap();
    let o = run(&["check", d]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("8 corrections"), "{}", stdout(&o));
    let json: serde_json::Value = serde_json::from_slice(&run(&["export", d]).stdout).unwrap();
    assert_eq!(json["corrections"], 8);
    let claims = json["claims"].as_array().unwrap();
    let events = json["events"].as_array().unwrap();
    let claim = |id: &str| claims.iter().find(|c| c["id"] == id);
    let event = |id: &str| events.iter().find(|e| e["id"] == id);
    // hide
    assert!(claim("001_321dd51f9c821d76#c8b996").is_none());
    assert!(event("2023-11-11-kidal-armed-clash").unwrap()["note"].as_str().unwrap().starts_with("Hidden:"));
    // set speaker
    let c = claim("001_321dd51f9c821d76#c841ee").unwrap();
    assert_eq!((c["speaker"].as_str(), c["side"].as_str()), (Some("local-officials"), Some("local")));
    // move
    assert_eq!(claim("002_ad8ebad0d352e249#84d5f4").unwrap()["event"], "2023-10-31-kidal-strategic-development");
    // add, found by its text
    let added = claims.iter().find(|c| c["document"] == "gossi_report" && c["side"] == "local").unwrap();
    assert!(added["quote"].as_str().unwrap().starts_with("Residents of Gossi counted"));
    assert!(added["note"].as_str().unwrap().starts_with("Added by the editors"));
    // merge: the absorbed event is gone, its day kept
    assert!(event("2023-11-10-kidal-strategic-development").is_none());
    let clash = event("2023-11-11-kidal-armed-clash").unwrap();
    assert!(clash["note"].as_str().unwrap().contains("Merged"), "{clash}");
    assert_eq!(clash["start"], "2023-11-10");
    // split: a new event holding the claim
    let split = claim("001_321dd51f9c821d76#a80474").unwrap()["event"].as_str().unwrap().to_owned();
    assert_eq!(event(&split).unwrap()["title"], "Army planes seen over Kidal");
    // contested, retitle
    assert_eq!(event("2023-11-03-kidal-air-drone-strike").unwrap()["contested"], true);
    assert_eq!(event("2024-09-12-kidal-strategic-development").unwrap()["title"], "Army forces reach Kidal");

    let csv = stdout(&run(&["export", d, "--rows", "csv"]));
    assert!(csv.lines().next().unwrap().ends_with(",note"));
    assert!(csv.contains("Title corrected by the editors."), "{csv}");
    let review = stdout(&run(&["review", d, "--event", &split]));
    assert!(review.contains("001_321dd51f9c821d76#a80474"), "{review}");
    assert!(review.contains("Editor's note: Split off"), "{review}");
    assert!(!review.contains("2023-11-11-kidal-armed-clash"), "{review}");
}

#[test]
fn a_stale_correction_fails_check_and_export_with_file_and_line() {
    let dir = corrected_corpus("stale");
    let path = dir.join("corrections.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().count() + 2;
    text.push_str("\n[[hide_claim]]\nclaim = \"001_321dd51f9c821d76#000000\"\nnote = \"Gone.\"\n");
    std::fs::write(&path, text).unwrap();
    let o = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let expect = format!("corrections.toml:{line}: error: no claim `001_321dd51f9c821d76#000000`");
    assert!(stdout(&o).contains(&expect), "{}\nwanted {expect}", stdout(&o));
    let o = run(&["export", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("corrections.toml:{line}:")), "{}", stderr(&o));
}

#[test]
fn review_narrows_and_writes_markdown() {
    let s = seeds();
    let d = s.to_str().unwrap();
    let all = stdout(&run(&["review", d]));
    let contested = stdout(&run(&["review", d, "--only", "contested"]));
    assert!(all.matches("\n== ").count() > contested.matches("\n== ").count());
    assert!(contested.contains("CONTESTED") && !contested.contains("(no claim)"), "{contested}");
    let md = stdout(&run(&["review", d, "--format", "md", "--only", "contested"]));
    assert!(md.starts_with("# Review\n"), "{md}");
    assert!(md.contains("\n## ") && md.contains("- `000_"), "{md}");
    let o = run(&["review", d, "--event", "1999-01-01-nowhere-other"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no event `1999-01-01-nowhere-other`"), "{}", stderr(&o));
    let low = stdout(&run(&["review", d, "--only", "low-confidence"]));
    let everything = stdout(&run(&["review", d]));
    assert!(everything.contains("high confidence"), "{everything}");
    assert!(!low.contains("high confidence") && !low.contains("medium confidence"), "{low}");
    assert!(low.matches(" confidence").count() < everything.matches(" confidence").count());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    for args in [&["export", "seeds"][..], &["review", "seeds"], &["export", "seeds", "--rows", "csv"]] {
        let mut child = bin()
            .args(args)
            .current_dir(seeds().join(".."))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // read one byte, then close the pipe, like `| head -c 1`
        let mut out = child.stdout.take().unwrap();
        let mut one = [0u8; 1];
        out.read_exact(&mut one).unwrap();
        drop(out);
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn synth_clears_its_old_articles_and_keeps_other_files() {
    let dir = temp_dir("synth_clear");
    let d = dir.to_str().unwrap();
    assert!(run(&["synth", "12", d]).status.success());
    std::fs::write(dir.join("mine.txt"), "An article of mine.").unwrap();
    assert!(run(&["synth", "3", d]).status.success());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["gazetteer.toml", "mine.txt", "synth_00000.txt", "synth_00001.txt", "synth_00002.txt"]);
}
