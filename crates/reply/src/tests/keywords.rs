//! Keywords matched whole: the built-in ones, their channels, a keyword beside
//! HELP, "all" or a number, and START with filler.

use super::*;

#[test]
fn exact_keywords() {
    for k in [
        "STOP",
        "stop",
        " Stop! ",
        "\"stop.\"",
        "QUIT",
        "END",
        "REVOKE",
        "OPT OUT",
        "opt-out",
        "OPTOUT",
        "CANCEL",
        "UNSUBSCRIBE",
        "REMOVE",
        "ARRET",
        "Arrêt",
        "Ｓｔｏｐ",
        "STOP 🛑",
        "arrêtez",
        "ARRÊTE",
        "Baja",
        "alto",
        "PARAR",
        "Cancelar",
        "S.T.O.P.",
        "𝐒𝐓𝐎𝐏",
    ] {
        assert_eq!(intent(k), (Intent::OptOut, Some(Match::Exact)), "{k}");
    }
    assert_eq!(classify("stop all").scope, Some(Scope::All));
    assert_eq!(classify("STOPALL").channels, Revoked::ALL);
    assert_eq!(classify("stop").scope, Some(Scope::Channel));
    assert_eq!(classify("OPT-OUT").keyword.as_deref(), Some("OPT-OUT"));
    assert_eq!(classify("opt out").keyword.as_deref(), Some("OPT OUT"));
    assert_eq!(classify("please stop all").scope, Some(Scope::All));
    assert_eq!(classify("stop all texts").scope, Some(Scope::Channel));
    assert_eq!(intent("start"), (Intent::OptIn, Some(Match::Exact)));
    assert_eq!(intent("Unstop"), (Intent::OptIn, Some(Match::Exact)));
    assert_eq!(intent("yes"), (Intent::OptIn, Some(Match::Exact)));
    assert_eq!(intent("help?"), (Intent::Help, Some(Match::Exact)));
    assert_eq!(intent("INFO"), (Intent::Help, Some(Match::Exact)));
}

#[test]
fn keyword_channels_follow_the_medium() {
    assert_eq!(channels("STOP", MessageChannel::Sms), ["sms"]);
    assert_eq!(channels("Unsubscribe", MessageChannel::Email), ["email"]);
    assert_eq!(
        channels("stop all", MessageChannel::Email),
        ["sms", "call", "email"]
    );
    assert!(classify("hello").channels.is_empty());
    assert_eq!(classify("START").channels, Revoked::NONE);
}

/// A help keyword beside an opt-out keyword is filler: STOP wins over HELP,
/// whichever comes first; the help keyword alone is still a help request.
#[test]
fn stop_wins_over_help_beside_it() {
    for t in [
        "stop help",
        "STOP HELP",
        "help stop",
        "Stop, help!",
        "STOP INFO",
    ] {
        assert_eq!(intent(t), (Intent::OptOut, Some(Match::Phrase)), "{t}");
    }
    assert_eq!(intent("help"), (Intent::Help, Some(Match::Exact)));
    assert_eq!(intent("help info").0, Intent::None);
    assert_eq!(
        intent("help me stop overpaying for insurance").0,
        Intent::None
    );
}

/// A keyword with "all" (in its language) after it revokes every channel,
/// whichever keyword it is: the carrier words' STOP ALL is one of a kind.
#[test]
fn a_keyword_and_all_revokes_every_channel() {
    for t in [
        "REMOVE ALL",
        "Remove all please",
        "QUIT ALL",
        "cancel all",
        "END ALL",
        "ARRET TOUT",
        "arrête tout",
        "BAJA TODO",
        "baja todos",
        "stop everything",
    ] {
        let c = classify(t);
        assert_eq!(
            (c.intent, c.matched, c.scope),
            (Intent::OptOut, Some(Match::Phrase), Some(Scope::All)),
            "{t}"
        );
    }
    assert_eq!(classify("stop all texts").scope, Some(Scope::Channel));
}

/// A keyword with a number beside it, as a reply to a numbered menu is typed,
/// or a "yes" with it: an opt-out, flagged for review (when unsure, err
/// toward the opt-out).
#[test]
fn a_keyword_with_a_number_or_a_yes_is_an_opt_out() {
    for t in [
        "STOP 2",
        "STOP 1",
        "STOP2",
        "stop123",
        "Stop 123",
        "2 stop",
        "REMOVE 1",
        "Stop yes",
        "yes stop",
        "STOP STOP 2",
    ] {
        assert_eq!(intent(t), (Intent::OptOut, Some(Match::Phrase)), "{t}");
        assert_eq!(classify(t).channels, Revoked::of(Channel::Sms), "{t}");
    }
    for t in [
        "stop by at 2",
        "I'll stop by at 2",
        "call me at 2",
        "Stop 2 texts a day is too many",
    ] {
        assert_ne!(classify(t).scope, Some(Scope::All), "{t}");
    }
    assert_eq!(intent("stop by at 2"), (Intent::None, None));
    assert_eq!(intent("I'll stop by at 2"), (Intent::None, None));
    assert_eq!(intent("yes"), (Intent::OptIn, Some(Match::Exact)));
}

/// START and UNSTOP with filler are opt-ins (as a phrase); YES and INFO with
/// other words stay ordinary replies.
#[test]
fn start_with_filler_is_an_opt_in() {
    for t in [
        "Start please",
        "start pls",
        "unstop pls",
        "ok start",
        "Yes start",
        "START!! thanks",
    ] {
        let c = classify(t);
        assert_eq!(
            (c.intent, c.matched),
            (Intent::OptIn, Some(Match::Phrase)),
            "{t}"
        );
        assert!(
            matches!(c.keyword.as_deref(), Some("START" | "UNSTOP")),
            "{t}"
        );
    }
    for t in [
        "Yes please",
        "info please",
        "help info",
        "start the car please",
        "when do you start",
    ] {
        assert_ne!(intent(t).0, Intent::OptIn, "{t}");
    }
    assert_eq!(intent("start"), (Intent::OptIn, Some(Match::Exact)));
}
