//! Stable URL keys for the event kinds
//! (snake_case, as in the JSON export: `armed_clash`, `air_drone_strike`, …).

use crate::model::EventKind;

/// Every event kind, in declaration order (the order facets list them in).
pub const KINDS: [EventKind; 9] = [
    EventKind::ArmedClash,
    EventKind::GovernmentRegainsTerritory,
    EventKind::NonStateActorOvertakesTerritory,
    EventKind::AirDroneStrike,
    EventKind::Attack,
    EventKind::RemoteExplosive,
    EventKind::ViolenceAgainstCivilians,
    EventKind::StrategicDevelopment,
    EventKind::Other,
];

/// The snake_case key of an event kind (same spelling as its serde name).
pub fn kind_key(kind: EventKind) -> &'static str {
    match kind {
        EventKind::ArmedClash => "armed_clash",
        EventKind::GovernmentRegainsTerritory => "government_regains_territory",
        EventKind::NonStateActorOvertakesTerritory => "non_state_actor_overtakes_territory",
        EventKind::AirDroneStrike => "air_drone_strike",
        EventKind::Attack => "attack",
        EventKind::RemoteExplosive => "remote_explosive",
        EventKind::ViolenceAgainstCivilians => "violence_against_civilians",
        EventKind::StrategicDevelopment => "strategic_development",
        EventKind::Other => "other",
    }
}

/// Inverse of [`kind_key`].
pub fn kind_from_key(key: &str) -> Option<EventKind> {
    KINDS.into_iter().find(|&k| kind_key(k) == key)
}

/// Position of a kind in [`KINDS`].
pub(crate) fn kind_index(kind: EventKind) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(KINDS.len() - 1)
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_match_serde_names() {
        for k in KINDS {
            assert_eq!(kind_from_key(kind_key(k)), Some(k));
            // postcard is not JSON; compare against the serde rename rule by hand.
            let debug = format!("{k:?}");
            let snake: String = debug
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let sep = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                    sep.into_iter().chain(std::iter::once(c.to_ascii_lowercase()))
                })
                .collect();
            assert_eq!(kind_key(k), snake);
        }
        assert_eq!(kind_from_key("ArmedClash"), None);
        assert_eq!(kind_index(EventKind::Other), 8);
    }
}
