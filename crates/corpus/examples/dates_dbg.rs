fn main() {
    let t = std::env::args().nth(1).unwrap();
    let ctx = counterclaim_corpus::dates::DateContext { published: None, anchor: counterclaim_corpus::dates::Date::new(2023, 11, 11), year_hint: Some(2023) };
    for m in counterclaim_corpus::dates::find_dates(&t, &ctx) {
        println!("{:?}", m);
    }
}
