fn main() {
    let t = std::env::args().nth(1).unwrap();
    let g = counterclaim_corpus::gazetteer::Gazetteer::load(std::path::Path::new("seeds/gazetteer.toml")).unwrap();
    let c = counterclaim_corpus::load::parse_corpus(&[("x.txt".into(), t.into_bytes())], &g).unwrap();
    for cl in &c.claims { println!("{:?}", cl); }
    for e in &c.events { println!("{} {} {}..{} {:?}", e.id, e.title, e.start, e.end, e.claims); }
}
