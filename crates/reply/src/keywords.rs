//! The keywords: the built-in opt-out, opt-in and help words and a
//! playbook's extra ones, each matching a whole message.

use super::{Classification, Intent, Match, Revoked};

/// A playbook's extra keywords, upper-cased: exact words read as each kind
/// beside the built-in ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Keywords {
    /// Extra opt-out keywords.
    pub opt_out: Vec<String>,
    /// Extra opt-in keywords.
    pub opt_in: Vec<String>,
    /// Extra help keywords.
    pub help: Vec<String>,
}

/// Opt-out keywords that revoke every channel.
const OPT_OUT_ALL: &[&str] = &["STOPALL", "STOP ALL"];
/// Opt-out keywords that revoke the channel the message came by.
const OPT_OUT: &[&str] = &[
    "STOP",
    "QUIT",
    "END",
    "REVOKE",
    "OPT OUT",
    "CANCEL",
    "UNSUBSCRIBE",
    "OPTOUT",
    "OPT-OUT",
    "REMOVE",
    "ARRET",
    "ARRETE",
    "ARRETEZ",
    "BAJA",
    "ALTO",
    "PARAR",
    "CANCELAR",
];
const OPT_IN: &[&str] = &["START", "UNSTOP", "YES"];
const HELP: &[&str] = &["HELP", "INFO"];

/// The whole message as a keyword: as written ("OPT-OUT" is its own carrier
/// word), then with hyphens and apostrophes read as spaces ("stop-all").
pub(super) fn exact(norm: &str, came_by: Revoked, extra: &Keywords) -> Option<Classification> {
    for loose in [false, true] {
        if let Some(k) = keyword(OPT_OUT_ALL, norm, loose) {
            return Some(Classification::opt_out(
                k.to_string(),
                Match::Exact,
                Revoked::ALL,
            ));
        }
        if let Some(k) = keyword(OPT_OUT, norm, loose) {
            return Some(Classification::opt_out(
                k.to_string(),
                Match::Exact,
                came_by,
            ));
        }
    }
    // (A playbook's words as loosely as the built-in ones: "QUITAR-YA" and
    // "quitar—ya" are "QUITAR YA".)
    let spaced = |c: char| match c {
        '-' | '\'' | '\u{2010}'..='\u{2015}' => ' ',
        c => c,
    };
    let extra_of = |list: &[String]| {
        list.iter()
            .find(|k| k.chars().map(spaced).eq(norm.chars().map(spaced)))
            .cloned()
    };
    if let Some(k) = extra_of(&extra.opt_out) {
        return Some(Classification::opt_out(k, Match::Exact, came_by));
    }
    if let Some(k) = keyword(OPT_IN, norm, false)
        .map(str::to_string)
        .or_else(|| extra_of(&extra.opt_in))
    {
        return Some(Classification::exact(Intent::OptIn, k));
    }
    if let Some(k) = keyword(HELP, norm, false)
        .map(str::to_string)
        .or_else(|| extra_of(&extra.help))
    {
        return Some(Classification::exact(Intent::Help, k));
    }
    None
}

/// The keyword of `list` that `norm` is; `loose` reads a
/// hyphen or an apostrophe in `norm` as the space of the keyword.
fn keyword(list: &[&'static str], norm: &str, loose: bool) -> Option<&'static str> {
    list.iter().copied().find(|k| {
        k.len() == norm.len()
            && k.bytes()
                .zip(norm.bytes())
                .all(|(a, b)| a == b || (loose && a == b' ' && (b == b'-' || b == b'\'')))
    })
}
