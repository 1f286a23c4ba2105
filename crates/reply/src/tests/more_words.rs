//! Words and ways of asking that customers write and the lists once missed.

use super::*;

/// Words customers write that the lists missed: "e-mail" with its hyphen,
/// Spanish "volver a" and Mexican "marcar"/"hablar" for calling, French
/// "téléphoner"/"rappeler", "por favor" after a keyword, "no more" that ends
/// a request, elongated opt-in and help words, "STOPCALLINGME", "Enough!".
#[test]
fn more_words_customers_write() {
    for (t, by, want) in [
        ("stop e-mailing me", MessageChannel::Sms, vec!["email"]),
        ("quit e-mailing", MessageChannel::Sms, vec!["email"]),
        (
            "no me vuelvan a llamar",
            MessageChannel::Sms,
            vec!["sms", "call"],
        ),
        (
            "no vuelvan a llamarme",
            MessageChannel::Sms,
            vec!["sms", "call"],
        ),
        ("no me marquen", MessageChannel::Sms, vec!["sms", "call"]),
        (
            "dejen de marcarme",
            MessageChannel::Sms,
            vec!["sms", "call"],
        ),
        ("ya no me hablen", MessageChannel::Sms, vec!["sms", "call"]),
        (
            "ne me rappelez plus",
            MessageChannel::Sms,
            vec!["sms", "call"],
        ),
        (
            "arrêtez de me téléphoner",
            MessageChannel::Sms,
            vec!["sms", "call"],
        ),
        ("paren por favor", MessageChannel::Sms, vec!["sms"]),
        ("baja porfavor", MessageChannel::Sms, vec!["sms"]),
        ("dont email me no more", MessageChannel::Sms, vec!["email"]),
        (
            "stop calling me no more",
            MessageChannel::Email,
            vec!["sms", "call"],
        ),
        ("stopcallingme", MessageChannel::Sms, vec!["sms", "call"]),
        ("enough!", MessageChannel::Sms, vec!["sms"]),
        (
            "no me envíen más correos",
            MessageChannel::Sms,
            vec!["email"],
        ),
        (
            "don't send me more emails",
            MessageChannel::Sms,
            vec!["email"],
        ),
        ("Basta", MessageChannel::Sms, vec!["sms"]),
    ] {
        assert_eq!(channels(t, by), want, "{t}");
    }
    for (t, i, k) in [
        ("Startttt", Intent::OptIn, "START"),
        ("UNSTOPPP", Intent::OptIn, "UNSTOP"),
        ("UN-STOP", Intent::OptIn, "UNSTOP"),
        ("Yesss", Intent::OptIn, "YES"),
        ("helppp", Intent::Help, "HELP"),
    ] {
        let c = classify(t);
        assert_eq!((c.intent, c.keyword.as_deref()), (i, Some(k)), "{t}");
    }
    not_opt_outs_of(&[
        "quiero dar de baja mi carro viejo del seguro",
        "is that enough?",
        "I had enough time",
    ]);
}

/// More ways customers ask: a means "only" after a comma is kept, someone of
/// the household removed, "leave me be", "go to hell", "lay off the texts",
/// a list named without "me".
#[test]
fn more_ways_customers_ask() {
    for (t, want) in [
        ("don't call, text only", vec!["call"]),
        ("remove him from your list", vec!["sms"]),
        ("My husband passed away please remove him", vec!["sms"]),
        ("Take her off your list", vec!["sms"]),
        ("leave me be", vec!["sms", "call", "email"]),
        ("go to hell", vec!["sms", "call", "email"]),
        ("lay off the texts", vec!["sms"]),
        ("chill with the calls", vec!["sms", "call"]),
        ("remove from list", vec!["sms"]),
        ("take off list please", vec!["sms"]),
    ] {
        assert_eq!(channels(t, MessageChannel::Sms), want, "{t}");
    }
    not_opt_outs_of(&[
        "remove him from the policy",
        "take her off the title",
        "remove from the quote",
        "leave me a voicemail",
        "the price list please",
    ]);
}
