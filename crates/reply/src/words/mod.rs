//! The word lists the reply rules read, by meaning.
//!
//! Words are upper-case ASCII after folding (accents, full-width and styled
//! letters are folded before lookup). A word may sit in several lists; its
//! flags are the union. [`VARIANTS`](lists::VARIANTS) maps spellings, shorthand and common typos
//! to the word the lists know. Everything else about a word (elongation such as
//! "stooop", near-misses of long words such as "unsubscibe") is read in
//! `text/spelling.rs`.
//!
//! The lists themselves are in `lists.rs`; `index.rs` holds them in a hash
//! table to look a word up.

mod index;
mod lists;
mod tongues;

pub use index::lookup;
pub use tongues::{PASSED, TONGUES};

/// May surround a keyword in a short opt-out ("stop please", "wrong number stop",
/// "stop help": STOP wins over the help keywords beside it).
pub const FILLER: u32 = 1;
/// A determiner or quantifier inside an object ("the", "these", "your", "any").
pub const DET: u32 = 1 << 1;
/// A modifier inside an object ("stupid", "marketing", "automated").
pub const ADJ: u32 = 1 << 2;
/// A means of contact ("texts", "calls", "emails"; no channel bit: whatever the
/// message came by, as "messages", "spam", "deals").
pub const MEDIA: u32 = 1 << 3;
/// An object that is not contact ("bill", "appointment", "order", "mail").
pub const THING: u32 = 1 << 4;
/// A verb of contacting ("text", "call", "email", "contact", "bother").
pub const CVERB: u32 = 1 << 5;
/// Its -ing form ("texting", "calling", "sending").
pub const GER: u32 = 1 << 6;
/// A negator ("don't", "never", "not").
pub const NEG: u32 = 1 << 7;
/// A time qualifier: "don't call me after 5pm" limits, it does not revoke.
pub const WHEN: u32 = 1 << 8;
/// A preposition that ends an object or makes an idiom ("stop by", "stop at").
pub const PREP: u32 = 1 << 9;
/// An opt-out keyword word (the listed keywords, read inside short messages).
pub const KEY: u32 = 1 << 10;
/// Opts out wherever it stands unless negated ("unsubscribe", "opt out", "revoke").
pub const STRONG: u32 = 1 << 11;
/// Asks to stop something ("stop", "quit", "end", "cancel", "discontinue").
pub const STOPV: u32 = 1 << 12;
/// Asks to be removed ("remove", "take", "delete", "lose").
pub const REMV: u32 = 1 << 13;
/// "me", "us" (and the verb forms that carry it: "bórrenme").
pub const ME: u32 = 1 << 14;
/// A first-person subject ("I", "we", "I'll").
pub const I1: u32 = 1 << 15;
/// Joins a list ("and", "or", "y", "et").
pub const CONJ: u32 = 1 << 16;
/// A modal of future or ability: "I'll stop by", "we need to stop this".
pub const MODAL: u32 = 1 << 17;
/// A singular noun: "end the call" is one call, "end these calls" all of them.
pub const SING: u32 = 1 << 18;
/// A pronoun that can be the whole object ("stop it", "stop this").
pub const PRON: u32 = 1 << 19;
/// May stand between a negator and its verb ("don't you ever", "don't want to").
pub const SKIP: u32 = 1 << 20;
/// Laughter or affection: a bare "stop" beside it is banter ("Stop! lol
/// you're too funny").
pub const LAUGH: u32 = 1 << 21;
/// A gerund that revokes only with a contact object ("stop getting texts").
pub const NEED_OBJ: u32 = 1 << 22;
/// "lose", "forget", "delete": "lose my number" asks for no contact at all.
pub const FORGET: u32 = 1 << 23;
/// Every channel when it is the whole object ("stop all", "everything").
pub const ALLW: u32 = 1 << 24;
/// A specific determiner: "the call", "my order" are one thing.
pub const SPEC: u32 = 1 << 25;
/// Takes "de" before its contact verb ("dejen de", "paren de", "arrêtez de").
pub const DE_VERB: u32 = 1 << 26;
/// Starts a new clause after a stop word ("Stop who is this", "stop not interested").
pub const STARTER: u32 = 1 << 27;
/// Named by a rule, and read by the object reader as a word the lists do not
/// know (a count, a link's word, a courtesy).
pub const PLAIN: u32 = 1 << 28;

/// Channel bits, as in [`super::Revoked`]: texts, calls, email.
pub const SMS: u8 = 1;
/// Calls.
pub const CALL: u8 = 2;
/// Email.
pub const EMAIL: u8 = 4;
/// All three.
pub const ALL_CH: u8 = 7;
/// On a request's channels: a means that names none ("messages") was listed
/// beside one that does ("messages and emails"), so the medium the message
/// came by is revoked too.
pub const CAME_BY: u8 = 8;

/// Verbs of sending a keyword ("I replied STOP", "my kid texted stop"): the
/// keyword after them is told of, not asked.
pub const SENDING: &str = "REPLIED TEXTED SENT TYPED HIT PRESSED MANDO ENVIO";

/// The days of the week in Spanish and French, as a keyword told as sent
/// names them ("Les escribí BAJA el martes", "J'ai écrit STOP mardi").
pub const DIAS_JOURS: &str = "LUNES MARTES MIERCOLES JUEVES VIERNES SABADO DOMINGO LUNDI MARDI \
    MERCREDI JEUDI VENDREDI SAMEDI DIMANCHE";

/// A word as the lists know it: its canonical spelling, flags and channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// Canonical spelling.
    pub w: &'static str,
    /// Flags of every list it is in.
    pub f: u32,
    /// Channel bits it names.
    pub ch: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_merge_across_lists() {
        let stop = lookup("STOP").map(|k| k.f).unwrap_or(0);
        assert_ne!(stop & STOPV, 0);
        assert_ne!(stop & KEY, 0);
        assert_eq!(lookup("TXTING").map(|k| k.w), Some("TEXTING"));
        assert_eq!(lookup("CALLS").map(|k| k.ch), Some(CALL));
        assert_eq!(lookup("ZZZ"), None);
    }
}
