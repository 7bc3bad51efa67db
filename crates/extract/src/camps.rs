//! Camps as the extraction rules see them. The corpus's camps (`[[camp]]`
//! in `corpus.toml`, else `Camp::defaults`) are just ids and labels; the
//! few rules that depend on who a speaker is (which party takes a town,
//! who can be blamed for an attack, which camp an anonymous "the rebels
//! said" belongs to, whose name a title carries) ask for a camp's [`Role`].
//!
//! A camp's role: for the default camps, the role each stood for so far
//! (`state` → [`Role::State`], …, `observers` → [`Role::Observers`]); for
//! editor camps, the role most of its actors' `kind`s point to (ties: the
//! first actor's), or [`Role::Armed`] for a camp whose actors say no kind.
//! No rule names a camp id.

use crate::model::{ActorKind, Camp, CampIx};

/// What a camp stands for in the extraction rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// The government and its forces: a town it takes is "regained".
    State,
    /// An armed movement that is not the state (rebels, armed opposition,
    /// militias on the other side).
    Armed,
    /// Jihadist armed groups (default camp `jihadists` only: a belligerent
    /// that no other default camp allies with).
    Jihadist,
    /// International organisations and foreign governments that are not a
    /// party (UN missions, aid agencies).
    International,
    /// Local officials and civilians.
    Local,
    /// Independent observers: analysts, NGOs, journalists.
    Observers,
}

impl Role {
    /// The roles of [`Camp::defaults`], in order.
    pub const DEFAULTS: [Role; 6] = [Role::State, Role::Armed, Role::Jihadist, Role::International, Role::Local, Role::Observers];

    /// A party to the fighting: its claims can blame another party, and
    /// another party can be blamed.
    pub fn belligerent(self) -> bool {
        matches!(self, Role::State | Role::Armed | Role::Jihadist)
    }

    /// The role an actor's kind points to; `None` for kinds that fit any
    /// camp (a militia, a foreign state).
    pub fn of_kind(kind: ActorKind) -> Option<Role> {
        Some(match kind {
            ActorKind::ArmedForces | ActorKind::Government => Role::State,
            ActorKind::ArmedGroup => Role::Armed,
            ActorKind::InternationalOrganisation => Role::International,
            ActorKind::LocalAuthority | ActorKind::Civilians => Role::Local,
            ActorKind::Media | ActorKind::Observers => Role::Observers,
            ActorKind::Militia | ActorKind::ForeignState => return None,
        })
    }
}

/// Each camp's role. `editor` says whether the camps are the editor's
/// (else they are the defaults, with their fixed roles); `actors` holds
/// every actor's camp and kind.
pub fn roles(camps: &[Camp], editor: bool, actors: &[(CampIx, Option<ActorKind>)]) -> Vec<Role> {
    if !editor {
        return (0..camps.len()).map(|i| Role::DEFAULTS.get(i).copied().unwrap_or(Role::Armed)).collect();
    }
    (0..camps.len())
        .map(|c| {
            let kinds = actors.iter().filter(|(ix, _)| ix.index() == c).filter_map(|(_, k)| k.and_then(Role::of_kind));
            most_frequent(kinds).unwrap_or(Role::Armed)
        })
        .collect()
}

/// The most frequent item, the first seen on a tie.
fn most_frequent(items: impl Iterator<Item = Role>) -> Option<Role> {
    let mut counts: Vec<(Role, usize)> = Vec::new();
    for r in items {
        match counts.iter_mut().find(|(x, _)| *x == r) {
            Some((_, n)) => *n += 1,
            None => counts.push((r, 1)),
        }
    }
    let max = counts.iter().map(|c| c.1).max()?;
    counts.into_iter().find(|c| c.1 == max).map(|c| c.0)
}

/// The camps' roles with the lookups the rules need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roles(pub Vec<Role>);

impl Roles {
    /// The role of a camp (`None` out of range).
    pub fn of(&self, camp: CampIx) -> Option<Role> {
        self.0.get(camp.index()).copied()
    }

    /// The first camp with this role: where an anonymous "the rebels said"
    /// goes.
    pub fn camp(&self, role: Role) -> Option<CampIx> {
        self.0.iter().position(|&r| r == role).map(|i| CampIx(i as u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camps(n: usize) -> Vec<Camp> {
        (0..n).map(|i| Camp { id: format!("c{i}"), label: format!("C{i}"), ..Default::default() }).collect()
    }

    #[test]
    fn default_camps_keep_their_roles() {
        let r = roles(&Camp::defaults(), false, &[(CampIx(0), Some(ActorKind::Media))]);
        assert_eq!(r, Role::DEFAULTS);
        assert_eq!(Roles(r).camp(Role::Local), Some(CampIx(4)));
    }

    #[test]
    fn editor_camps_take_the_role_most_of_their_actors_kinds_say() {
        let actors = [
            (CampIx(0), Some(ActorKind::ArmedForces)),
            (CampIx(0), Some(ActorKind::Government)),
            (CampIx(0), Some(ActorKind::Militia)),
            // a foreign state's army fighting with the armed group: no vote
            (CampIx(1), Some(ActorKind::ForeignState)),
            (CampIx(1), Some(ActorKind::ArmedGroup)),
            (CampIx(2), Some(ActorKind::InternationalOrganisation)),
            (CampIx(2), Some(ActorKind::Media)),
        ];
        let r = roles(&camps(4), true, &actors);
        assert_eq!(r, [Role::State, Role::Armed, Role::International, Role::Armed]);
        let r = Roles(r);
        assert_eq!(r.camp(Role::Armed), Some(CampIx(1)));
        assert_eq!(r.camp(Role::Jihadist), None);
        assert_eq!(r.of(CampIx(9)), None);
    }
}
