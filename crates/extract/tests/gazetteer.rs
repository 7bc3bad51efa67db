//! The real gazetteer file (`seeds/gazetteer.toml`) loads, validates, and
//! finds the names of the seed articles with exact code-point offsets; the
//! matcher never panics and returns well-formed spans on any text.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use counterclaim_extract::gazetteer::{fold, Entity, Gazetteer, Matcher, Mention, PlaceKind};
use counterclaim_extract::model::CampIx;
use counterclaim_extract::text::{cp_len, slice_cp};
use proptest::prelude::*;

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn gazetteer() -> Gazetteer {
    Gazetteer::load(&seeds_dir().join("gazetteer.toml")).unwrap_or_else(|e| panic!("{e}"))
}

/// The real gazetteer and its matcher, built once for the property tests.
fn shared() -> &'static (Gazetteer, Matcher) {
    static SHARED: OnceLock<(Gazetteer, Matcher)> = OnceLock::new();
    SHARED.get_or_init(|| {
        let g = gazetteer();
        let m = g.matcher();
        (g, m)
    })
}

/// Stable id of what a mention names: the actor or place id, or the
/// person's name.
fn id_of(g: &Gazetteer, e: Entity) -> String {
    match e {
        Entity::Actor(i) => g.actors[i].id.clone(),
        Entity::Person(i) => g.people[i].name.clone(),
        Entity::Place(i) => g.places[i].id.clone(),
    }
}

/// `(matched text, id)` for every mention in `text`.
fn found(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
    g.matcher()
        .find(text)
        .into_iter()
        .map(|m| (slice_cp(text, m.start, m.end).to_string(), id_of(g, m.entity)))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn seed_texts() -> Vec<(String, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect()
}

#[test]
fn real_file_loads_with_the_required_entries() {
    let g = gazetteer();
    assert!(g.actors.len() >= 40, "{} actors", g.actors.len());
    assert!(g.people.len() >= 30, "{} people", g.people.len());
    assert!(g.places.len() >= 80, "{} places", g.places.len());
    let side = |id: &str| g.actors[g.actor_index(id).unwrap_or_else(|| panic!("no actor {id}"))].side;
    for (id, want) in [
        ("fama", CampIx(0)),
        ("junta", CampIx(0)),
        ("wagner", CampIx(0)),
        ("aes", CampIx(0)),
        ("platform", CampIx(0)),
        ("rebels", CampIx(1)),
        ("cma", CampIx(1)),
        ("csp", CampIx(1)),
        ("gsim", CampIx(2)),
        ("islamic-state", CampIx(2)),
        ("minusma", CampIx(3)),
        ("un", CampIx(3)),
        ("algeria", CampIx(3)),
        ("ecowas", CampIx(3)),
        ("local-officials", CampIx(4)),
        ("icg", CampIx(5)),
        ("afp", CampIx(5)),
    ] {
        assert_eq!(side(id), want, "{id}");
    }
    for (i, p) in g.people.iter().enumerate() {
        assert!(g.actor_of(Entity::Person(i)).is_some(), "{} has no actor", p.name);
    }
    // Places lie in or near Mali (Algiers is the northernmost, Nouakchott the westernmost).
    for p in &g.places {
        if p.kind != PlaceKind::Country {
            assert!(
                (10.0..=37.0).contains(&p.lat) && (-17.0..=9.0).contains(&p.lon),
                "{} at {},{}",
                p.id,
                p.lat,
                p.lon
            );
        }
    }
    let kind = |id: &str| g.places[g.place_index(id).unwrap_or_else(|| panic!("no place {id}"))].kind;
    assert_eq!(kind("kidal"), PlaceKind::Town);
    assert_eq!(kind("kidal-region"), PlaceKind::Region);
    assert_eq!(kind("mali"), PlaceKind::Country);
    // The compiled-in copy is the same file.
    assert_eq!(Gazetteer::builtin().unwrap(), g);
    let (actors, places) = g.to_model();
    assert_eq!(actors.len(), g.actors.len());
    assert_eq!(places.iter().map(|p| &p.id).collect::<Vec<_>>(), g.places.iter().map(|p| &p.id).collect::<Vec<_>>());
}

#[test]
fn finds_the_seed_sentences_names() {
    let g = gazetteer();
    assert_eq!(
        found(&g, "The column broke a defensive curtain made up of trenches ten kilometers south of Anéfis, the Malian Armed Forces (FAMA) said on social networks."),
        pairs(&[("Anéfis", "anefis"), ("Malian Armed Forces", "fama"), ("FAMA", "fama")])
    );
    assert_eq!(
        found(&g, "“I deny the entry of the FAMA/Wagner convoy to Anéfis,” replied Attaye Ag Mohamed, a leader of the Coordination of Azawad Movements (CMA)"),
        pairs(&[
            ("FAMA", "fama"),
            ("Wagner", "wagner"),
            ("Anéfis", "anefis"),
            ("Attaye Ag Mohamed", "Attaye Ag Mohamed"),
            ("Coordination of Azawad Movements", "cma"),
            ("CMA", "cma")
        ])
    );
    assert_eq!(
        found(
            &g,
            "the Permanent Strategic Framework for Peace, Security and Development (CSP-PSD), which brings together"
        ),
        pairs(&[("Permanent Strategic Framework for Peace, Security and Development", "csp"), ("CSP-PSD", "csp")])
    );
    assert_eq!(
        found(&g, "Guarded by separatist rebels from the Permanent Strategic Framework (PSF), they left Gao"),
        pairs(&[
            ("separatist rebels", "rebels"),
            ("Permanent Strategic Framework", "csp"),
            ("PSF", "csp"),
            ("Gao", "gao")
        ])
    );
    assert_eq!(
        found(&g, "their objective could be to take Tin Zaouatine, on the border with Algeria"),
        pairs(&[("Tin Zaouatine", "tin-zaouatine"), ("border with Algeria", "algeria-country")])
    );
    assert_eq!(
        found(&g, "on a plateau between Tin Akaola and Agalhik, 25 km west of Kidal, whose"),
        pairs(&[("Tin Akaola", "tin-akaola"), ("Agalhik", "agalhik"), ("Kidal", "kidal")])
    );
    assert_eq!(
        found(&g, "jihadists from the Al-Qaeda-affiliated Group for the Support of Islam and Muslims (GSIM)."),
        pairs(&[
            ("jihadists", "jihadists"),
            ("Al-Qaeda-affiliated", "gsim"),
            ("Group for the Support of Islam and Muslims", "gsim"),
            ("GSIM", "gsim")
        ])
    );
    assert_eq!(
        found(&g, "The head of the junta, Colonel Assimi Goïta, assured that Kidal's insubordination…"),
        pairs(&[
            ("The head of the junta", "Assimi Goïta"),
            ("Colonel Assimi Goïta", "Assimi Goïta"),
            ("Kidal", "kidal")
        ])
    );
    assert_eq!(
        found(&g, "says Jean-Hervé Jézéquel, Sahel director of the International Crisis Group (ICG)."),
        pairs(&[
            ("Jean-Hervé Jézéquel", "Jean-Hervé Jézéquel"),
            ("the International Crisis Group", "icg"),
            ("ICG", "icg")
        ])
    );
}

#[test]
fn longer_names_starting_with_the_same_words_win() {
    let g = gazetteer();
    assert_eq!(
        found(&g, "the military junta, the military, the military in power and the UN peacekeepers of the UN"),
        pairs(&[
            ("the military junta", "junta"),
            ("the military", "fama"),
            ("the military in power", "junta"),
            ("the UN peacekeepers", "minusma"),
            ("the UN", "un")
        ])
    );
    assert_eq!(
        found(&g, "Kidal region, Kidal, the Kidal region’s capital"),
        pairs(&[("Kidal region", "kidal-region"), ("Kidal", "kidal"), ("Kidal region", "kidal-region")])
    );
}

#[test]
fn is_the_word_is_not_the_islamic_state() {
    let g = gazetteer();
    assert_eq!(
        found(&g, "Groups affiliated with the Islamic State (IS) organization also continue. It is what it is. Is it?"),
        pairs(&[("the Islamic State", "islamic-state"), ("IS", "islamic-state")])
    );
    // The French "un" is not the UN either.
    assert_eq!(found(&g, "un convoi de l'ONU et un autre de l'UN"), pairs(&[("ONU", "un"), ("UN", "un")]));
}

#[test]
fn spelling_variants_and_french_names() {
    let g = gazetteer();
    for (text, id) in [
        ("Tinzaouaten", "tin-zaouatine"),
        ("Tin-Zaouatine", "tin-zaouatine"),
        ("TINZAOUATINE", "tin-zaouatine"),
        ("Anefis", "anefis"),
        ("Aguel'hoc", "aguelhok"),
        ("Aguelhoc", "aguelhok"),
        ("Tombouctou", "timbuktu"),
        ("Ménaka", "menaka"),
        ("Menaka", "menaka"),
        ("Forces armées maliennes", "fama"),
        ("Coordination des mouvements de l’Azawad", "cma"),
        ("Cadre stratégique permanent", "csp"),
        ("Jama’at Nusrat al-Islam wal-Muslimin", "gsim"),
        ("JNIM", "gsim"),
        ("État islamique au Grand Sahara", "islamic-state"),
        ("Africa Corps", "wagner"),
        ("casques bleus", "minusma"),
    ] {
        assert_eq!(found(&g, text), pairs(&[(text, id)]), "{text:?}");
    }
    assert_eq!(
        found(&g, "Mohamed Elmaouloud Ramadane, porte-parole du CSP, et Mohamed El Maouloud Ramadane"),
        pairs(&[
            ("Mohamed Elmaouloud Ramadane", "Mohamed Elmaouloud Ramadane"),
            ("CSP", "csp"),
            ("Mohamed El Maouloud Ramadane", "Mohamed Elmaouloud Ramadane")
        ])
    );
}

/// Mentions are in order, non-overlapping, in bounds, and each covers
/// whole words (no letter or digit just outside it).
fn check_spans(text: &str, ms: &[Mention]) {
    let n = cp_len(text);
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for m in ms {
        assert!(m.start < m.end && m.end <= n, "{m:?} out of 0..{n}");
        assert!(m.start >= last_end, "{m:?} overlaps or is out of order");
        last_end = m.end;
        if m.start > 0 {
            assert!(!chars[m.start as usize - 1].is_alphanumeric(), "{m:?} starts inside a word");
        }
        if (m.end as usize) < chars.len() {
            assert!(!chars[m.end as usize].is_alphanumeric(), "{m:?} ends inside a word");
        }
        // Starts on a letter or digit; ends on one or on its combining accent.
        let last = chars[m.end as usize - 1];
        assert!(chars[m.start as usize].is_alphanumeric(), "{m:?}");
        assert!(last.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&last), "{m:?}");
    }
}

#[test]
fn every_seed_mention_is_a_whole_known_name() {
    let g = gazetteer();
    let m = g.matcher();
    for (name, text) in seed_texts() {
        let ms = m.find(&text);
        check_spans(&text, &ms);
        assert!(ms.len() > 20, "{name}: only {} mentions", ms.len());
        // Each matched text folds to one of its entity's names, up to the
        // spaces, hyphens and apostrophes the matcher ignores.
        let squash =
            |s: &str| fold(s).chars().filter(|c| c.is_alphanumeric() || *c == '.' || *c == ',').collect::<String>();
        for x in &ms {
            let got = squash(slice_cp(&text, x.start, x.end));
            let names: Vec<String> = match x.entity {
                Entity::Actor(i) => {
                    std::iter::once(&g.actors[i].name).chain(&g.actors[i].aliases).map(|s| squash(s)).collect()
                }
                Entity::Person(i) => {
                    std::iter::once(&g.people[i].name).chain(&g.people[i].aliases).map(|s| squash(s)).collect()
                }
                Entity::Place(i) => {
                    std::iter::once(&g.places[i].name).chain(&g.places[i].aliases).map(|s| squash(s)).collect()
                }
            };
            assert!(names.iter().any(|n| n.trim_end_matches('.') == got), "{name}: {got:?} is none of {names:?}");
        }
    }
    // Seed 004 is about the battle of Kidal.
    let (_, text) = &seed_texts()[4];
    let kidal = g.place_index("kidal").unwrap();
    assert!(m.find(text).iter().filter(|x| x.entity == Entity::Place(kidal)).count() >= 8);
}

/// Nanoseconds this thread has spent on a CPU (Linux), to measure on a
/// shared machine where wall-clock time mostly measures the neighbours.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

#[test]
#[ignore = "throughput figure; run with --release -- --ignored --nocapture"]
fn throughput() {
    let g = gazetteer();
    let m = g.matcher();
    let mut text = String::new();
    let seeds = seed_texts();
    while text.len() < 20_000_000 {
        for (_, t) in &seeds {
            text.push_str(t);
        }
    }
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    let mb = text.len() as f64 / 1e6;
    let report = |what: &str, wall: f64, cpu: Option<u64>| match cpu {
        Some(ns) => println!("{what}: {:.1} MB/s wall, {:.1} MB/s of CPU time", mb / wall, mb / (ns as f64 / 1e9)),
        None => println!("{what}: {:.1} MB/s wall", mb / wall),
    };
    // Baseline: one pass over the characters, to calibrate the machine.
    let (start, cpu0) = (std::time::Instant::now(), thread_cpu_ns());
    let letters: usize = sentences.iter().map(|s| s.chars().filter(|c| c.is_alphanumeric()).count()).sum();
    report(
        &format!("baseline char pass ({letters} letters)"),
        start.elapsed().as_secs_f64(),
        cpu0.zip(thread_cpu_ns()).map(|(a, b)| b - a),
    );
    let (start, cpu0) = (std::time::Instant::now(), thread_cpu_ns());
    let count: usize = sentences.iter().map(|s| m.find(s).len()).sum();
    report(
        &format!("matcher over {} sentences ({count} mentions)", sentences.len()),
        start.elapsed().as_secs_f64(),
        cpu0.zip(thread_cpu_ns()).map(|(a, b)| b - a),
    );
}

/// Text assembled from gazetteer names, words and separators, so that the
/// matcher is exercised on near-misses, not just on random noise.
fn name_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Kidal",
        "Tin",
        "Zaouatine",
        "Tinzaouaten",
        "Anéfis",
        "Ane\u{301}fis",
        "IS",
        "is",
        "UN",
        "U.N.",
        "FAMa",
        "CSP",
        "PSD",
        "Permanent",
        "Strategic",
        "Framework",
        "for",
        "Peace",
        "Security",
        "and",
        "Development",
        "the",
        "army",
        "Col",
        "Goïta",
        "Œ",
        "ß",
        "İ",
        "ﬁ",
        "Ⅷ",
        "٣",
        "\u{301}",
        "\u{ad}",
        "\u{200b}",
        "𝔸",
        "👍",
        "Aguel",
        "hoc",
        " ",
        "  ",
        "-",
        "–",
        "—",
        "'",
        "’",
        ".",
        ",",
        "(",
        ")",
        "/",
        "\n",
        "\n\n",
        "\t",
        "\u{a0}",
        "s",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn find_is_total_and_well_formed_on_any_text(text in "\\PC*|.*") {
        let (_, m) = shared();
        check_spans(&text, &m.find(&text));
    }

    #[test]
    fn find_is_well_formed_on_name_soup(text in name_soup()) {
        let (_, m) = shared();
        let ms = m.find(&text);
        check_spans(&text, &ms);
        // Every mention's text, searched alone, is found whole as the same entity.
        for x in &ms {
            let alone = slice_cp(&text, x.start, x.end);
            let again = m.find(alone);
            prop_assert_eq!(again.len(), 1, "{:?} in {:?}", alone, text);
            prop_assert_eq!((again[0].start, again[0].end, again[0].entity), (0, cp_len(alone), x.entity));
        }
    }
}
