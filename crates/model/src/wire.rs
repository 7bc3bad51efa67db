//! Hand-written decoding of the wire formats the app reads: the shared
//! byte cursor ([`In`]), and the corpus ([`crate::decode`]).
//!
//! The corpus bytes are postcard's (`crate::encode` writes them through
//! serde, natively); reading them by hand instead of through serde's
//! derived visitors saves the app several KB of WebAssembly. Postcard's
//! layout: unsigned integers as LEB128 varints, strings and sequences as a
//! length then their items, an option as a 0 or 1 byte then the value, an
//! enum as its variant's index (varint), a bool as a 0 or 1 byte, an `f64`
//! as 8 little-endian bytes, struct fields in declaration order. Tests check
//! that this reads exactly what postcard writes (`tests/wire.rs`).
//!
//! Decoding never panics and never allocates more than the input could
//! describe: every length is checked against the bytes left.

use crate::model::*;

/// Why embedded bytes were refused. A plain message rather than
/// `postcard::Error`, whose `Display` (every postcard message) the app
/// would otherwise carry just to log a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WireError(pub &'static str);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for WireError {}

/// A cursor over the bytes; every read is `None` at the end or on bad data.
pub(crate) struct In<'a>(pub(crate) &'a [u8]);

impl In<'_> {
    pub(crate) fn uint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.0.split_first()?;
            self.0 = rest;
            v |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    pub(crate) fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint()?).ok()
    }
    pub(crate) fn i32(&mut self) -> Option<i32> {
        let z = self.uint()?;
        i32::try_from((z >> 1) as i64 ^ -((z & 1) as i64)).ok()
    }
    /// A length: each item takes at least one byte, so never more than left.
    pub(crate) fn len(&mut self) -> Option<usize> {
        let n = self.uint()?;
        (n <= self.0.len() as u64).then_some(n as usize)
    }
    pub(crate) fn bool(&mut self) -> Option<bool> {
        match self.uint()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    pub(crate) fn str(&mut self) -> Option<&str> {
        let n = self.len()?;
        let (s, rest) = self.0.split_at(n);
        self.0 = rest;
        std::str::from_utf8(s).ok()
    }
    pub(crate) fn opt_str(&mut self) -> Option<Option<String>> {
        Some(if self.bool()? { Some(self.str()?.to_owned()) } else { None })
    }
    pub(crate) fn seq<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.len()?;
        (0..n).map(|_| item(self)).collect()
    }
    pub(crate) fn u32s(&mut self) -> Option<Vec<u32>> {
        self.seq(In::u32)
    }
    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }
    fn strings(&mut self) -> Option<Vec<String>> {
        self.seq(In::string)
    }
    /// One of `all`, by its index (an enum variant).
    fn pick<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(usize::try_from(self.uint()?).ok()?).copied()
    }
    fn opt<T>(&mut self, item: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        Some(if self.bool()? { Some(item(self)?) } else { None })
    }
    fn f64(&mut self) -> Option<f64> {
        let (b, rest) = self.0.split_first_chunk::<8>()?;
        self.0 = rest;
        Some(f64::from_le_bytes(*b))
    }
    fn spans(&mut self) -> Option<Vec<Span>> {
        self.seq(|r| Some(Span { start: r.u32()?, end: r.u32()? }))
    }
    /// A camp's position: postcard writes a `u8` as its one raw byte.
    fn side(&mut self) -> Option<CampIx> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(CampIx(b))
    }
    fn confidence(&mut self) -> Option<Confidence> {
        self.pick(&[Confidence::High, Confidence::Medium, Confidence::Low])
    }
    fn precision(&mut self) -> Option<Precision> {
        self.pick(&[Precision::Day, Precision::Week, Precision::Month, Precision::Year])
    }

    fn document(&mut self) -> Option<Document> {
        Some(Document {
            id: self.string()?,
            path: self.string()?,
            title: self.string()?,
            outlet: self.opt_str()?,
            published: self.opt_str()?,
            published_source: self.pick(&[
                PublishedSource::FrontMatter,
                PublishedSource::Text,
                PublishedSource::Inferred,
                PublishedSource::Unknown,
            ])?,
            url: self.opt_str()?,
            language: self.string()?,
            text: self.string()?,
            paragraphs: self.spans()?,
            sentences: self.spans()?,
            boilerplate: self.spans()?,
        })
    }

    fn actor(&mut self) -> Option<Actor> {
        Some(Actor {
            id: self.string()?,
            name: self.string()?,
            aliases: self.strings()?,
            side: self.side()?,
            kind: self.opt(|r| r.pick(&ActorKind::ALL))?,
        })
    }

    fn place(&mut self) -> Option<Place> {
        Some(Place {
            id: self.string()?,
            name: self.string()?,
            aliases: self.strings()?,
            lat: self.f64()?,
            lon: self.f64()?,
            country: self.opt_str()?,
        })
    }

    fn camp(&mut self) -> Option<Camp> {
        Some(Camp { id: self.string()?, label: self.string()?, hint: self.string()?, colour: self.opt_str()? })
    }

    fn claim(&mut self) -> Option<Claim> {
        Some(Claim {
            id: self.string()?,
            document: self.string()?,
            start: self.u32()?,
            end: self.u32()?,
            quote: self.string()?,
            speaker: self.opt_str()?,
            speaker_text: self.string()?,
            side: self.opt(In::side)?,
            verb: self.string()?,
            stance: self.pick(&[Stance::Assert, Stance::Deny])?,
            date: self.opt(|r| Some(DateRange { start: r.string()?, end: r.string()?, precision: r.precision()? }))?,
            event: self.opt_str()?,
            numbers: self.seq(|r| Some(Number { value: r.f64()?, unit: r.string()?, about: r.string()? }))?,
            confidence: self.confidence()?,
            note: self.opt_str()?,
        })
    }

    fn event(&mut self) -> Option<Event> {
        Some(Event {
            id: self.string()?,
            title: self.string()?,
            kind: self.pick(&[
                EventKind::ArmedClash,
                EventKind::GovernmentRegainsTerritory,
                EventKind::NonStateActorOvertakesTerritory,
                EventKind::AirDroneStrike,
                EventKind::Attack,
                EventKind::RemoteExplosive,
                EventKind::ViolenceAgainstCivilians,
                EventKind::StrategicDevelopment,
                EventKind::Other,
            ])?,
            start: self.string()?,
            end: self.string()?,
            precision: self.precision()?,
            places: self.strings()?,
            actors: self.strings()?,
            claims: self.strings()?,
            documents: self.strings()?,
            contested: self.bool()?,
            disputes: self.seq(|r| Some(Dispute { claims: r.strings()?, reason: r.string()? }))?,
            caveats: self.seq(|r| {
                Some(Caveat { document: r.string()?, start: r.u32()?, end: r.u32()?, quote: r.string()? })
            })?,
            confidence: self.confidence()?,
            note: self.opt_str()?,
        })
    }
}

/// The corpus from postcard's bytes; `None` on bad or trailing bytes.
pub(crate) fn read_corpus(bytes: &[u8]) -> Option<Corpus> {
    let mut r = In(bytes);
    let corpus = Corpus {
        version: r.u32()?,
        documents: r.seq(In::document)?,
        actors: r.seq(In::actor)?,
        places: r.seq(In::place)?,
        claims: r.seq(In::claim)?,
        events: r.seq(In::event)?,
        camps: r.seq(In::camp)?,
        corrections: r.u32()?,
        settings: Settings { title: r.string()?, description: r.string()?, language: r.string()? },
    };
    r.0.is_empty().then_some(corpus)
}
