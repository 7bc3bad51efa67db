use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string("seeds/004_9843191e5c9f7234.txt").unwrap();
    let g = counterclaim_corpus::gazetteer::Gazetteer::load(std::path::Path::new("seeds/gazetteer.toml")).unwrap();
    let t = Instant::now(); let m = g.matcher(); println!("matcher build {:?}", t.elapsed());
    let t = Instant::now(); for _ in 0..20 { let _ = m.find(&text); } println!("find x20 {:?}", t.elapsed());
    let t = Instant::now(); for _ in 0..20 { let _ = counterclaim_corpus::dates::infer_year(&text); } println!("infer_year x20 {:?}", t.elapsed());
    let t = Instant::now(); for _ in 0..20 { let _ = counterclaim_corpus::dates::infer_published_with(&text, None); } println!("infer_published x20 {:?}", t.elapsed());
    let t = Instant::now(); for _ in 0..20 { let _ = counterclaim_corpus::dates::find_dates(&text, &Default::default()); } println!("find_dates x20 {:?}", t.elapsed());
    let lex = counterclaim_corpus::mentions::Lexicon::new(g.clone());
    let t = Instant::now(); for _ in 0..300 { let _ = counterclaim_corpus::pipeline::parse_article("a.txt", text.as_bytes(), &lex, Default::default()).unwrap(); } println!("parse_article x300 {:?}", t.elapsed());
    let t = Instant::now(); let _ = counterclaim_corpus::mentions::Lexicon::new(g.clone()); println!("lexicon {:?}", t.elapsed());
}
