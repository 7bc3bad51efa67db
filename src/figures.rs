//! Finds where the parties give different figures for the same count (for
//! the event view's comparison table). Pure and tested.

use counterclaim_model::Claim;

/// One figure given by one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow<'a> {
    pub claim: &'a Claim,
    pub value: f64,
    pub unit: &'a str,
}

/// Figures about the same thing (`about`, compared ignoring ASCII case).
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup<'a> {
    pub about: String,
    pub rows: Vec<FigureRow<'a>>,
}

/// Groups of figures worth comparing: at least two claims give a figure
/// about the same thing, and they differ in value or come from different
/// sides. Groups keep first-seen order; rows keep claim order.
pub fn comparable_figures<'a>(claims: &[&'a Claim]) -> Vec<FigureGroup<'a>> {
    let mut groups: Vec<FigureGroup<'a>> = Vec::new();
    for &c in claims {
        for n in &c.numbers {
            let about = n.about.trim();
            if about.is_empty() || !n.value.is_finite() {
                continue;
            }
            let row = FigureRow { claim: c, value: n.value, unit: n.unit.as_str() };
            match groups.iter_mut().find(|g| g.about.eq_ignore_ascii_case(about)) {
                Some(g) => g.rows.push(row),
                None => groups.push(FigureGroup { about: about.to_owned(), rows: vec![row] }),
            }
        }
    }
    groups.retain(|g| {
        let first = match g.rows.first() {
            Some(r) => r,
            None => return false,
        };
        let distinct_claims = g.rows.iter().any(|r| r.claim.id != first.claim.id);
        let differ = g.rows.iter().any(|r| r.value != first.value || r.claim.side != first.claim.side);
        distinct_claims && differ
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use counterclaim_model::{CampIx, Number, Stance};

    fn claim(id: &str, side: Option<CampIx>, numbers: &[(f64, &str)]) -> Claim {
        Claim {
            id: id.into(),
            document: "d".into(),
            start: 0,
            end: 1,
            quote: "q".into(),
            speaker: None,
            speaker_text: String::new(),
            side,
            verb: "said".into(),
            stance: Stance::Assert,
            date: None,
            event: None,
            numbers: numbers.iter().map(|&(value, about)| Number { value, unit: String::new(), about: about.into() }).collect(),
            confidence: Default::default(),
            note: None,
        }
    }

    #[test]
    fn pairs_differing_figures_about_the_same_thing() {
        let a = claim("a", Some(CampIx(0)), &[(2.0, "soldiers killed"), (5.0, "vehicles")]);
        let b = claim("b", Some(CampIx(1)), &[(47.0, "Soldiers killed")]);
        let c = claim("c", Some(CampIx(1)), &[(5.0, "vehicles")]);
        let got = comparable_figures(&[&a, &b, &c]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].about, "soldiers killed");
        assert_eq!(got[0].rows.iter().map(|r| r.value).collect::<Vec<_>>(), vec![2.0, 47.0]);
        // Same value but different sides is still worth showing.
        assert_eq!(got[1].rows.len(), 2);
    }

    #[test]
    fn ignores_single_sources_and_agreement_within_a_side() {
        let a = claim("a", Some(CampIx(0)), &[(2.0, "dead"), (3.0, "dead")]);
        let b = claim("b", Some(CampIx(0)), &[(7.0, "planes")]);
        let c = claim("c", Some(CampIx(0)), &[(7.0, "planes")]);
        assert!(comparable_figures(&[&a, &b, &c]).is_empty());
        assert!(comparable_figures(&[]).is_empty());
    }
}
