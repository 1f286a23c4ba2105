//! Unit tests of the classifier: keywords, phrases, look-alikes and channels.
//! The labelled corpus (`tests/replies/`) measures it as a whole.

use super::*;

fn intent(t: &str) -> (Intent, Option<Match>) {
    let c = classify(t);
    (c.intent, c.matched)
}

fn channels(t: &str, by: MessageChannel) -> Vec<&'static str> {
    classify_on(t, by)
        .channels
        .iter()
        .map(Channel::as_str)
        .collect()
}

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

#[test]
fn phrases() {
    for t in [
        "please stop texting me",
        "Stop sending me these messages",
        "remove me from your list",
        "don't text me again",
        "Do not contact me",
        "take me off your list",
        "I don't want your texts",
        "wrong number stop",
        "leave me alone",
        "stop messaging me please",
        "No more texts",
        "Stop please",
        "STOP STOP",
        "Stop. Who is this?",
        "Wrong number, please stop",
        "do not send me any more messages",
        "remove my number",
        "stopppp",
        "stpo",
        "unsubscibe",
        "opt ot",
        "how do I opt out?",
        "I would like the text messages to stop",
        "please discontinue further texts",
        "no me envíen más mensajes",
        "Arrêtez de m'envoyer des messages",
    ] {
        assert_eq!(intent(t), (Intent::OptOut, Some(Match::Phrase)), "{t}");
    }
}

#[test]
fn not_opt_outs() {
    for t in [
        "I'll stop by tomorrow",
        "send me info on the plan",
        "end of my contract is in May",
        "can you stop by the store",
        "Yes please call me",
        "cancel my appointment and book Friday",
        "I want to remove the extra line",
        "don't forget my discount",
        "please help me with my bill",
        "remove my card from the account",
        "don't send me the invoice yet",
        "don't call me after 5pm",
        "I'll stop by, thanks",
        "we've got to STOP this bill",
        "stop sending me paper bills",
        "how do I end this contract",
        "don't stop sending me these deals",
        "can't stop laughing",
        "full stop",
        "cancel my subscription to the magazine",
        "Stop! lol you're too kind",
        "",
        "   ",
        "🛑",
    ] {
        assert_eq!(intent(t).0, Intent::None, "{t}");
    }
}

#[test]
fn channels_from_the_words() {
    let s = MessageChannel::Sms;
    let e = MessageChannel::Email;
    assert_eq!(channels("stop calling me", s), ["sms", "call"]);
    assert_eq!(channels("stop calling me", e), ["sms", "call"]);
    assert_eq!(channels("do not contact me", s), ["sms", "call", "email"]);
    assert_eq!(channels("stop emailing me", s), ["email"]);
    assert_eq!(channels("stop texting me", e), ["sms"]);
    assert_eq!(channels("please stop", e), ["email"]);
    assert_eq!(channels("stop texting and calling me", s), ["sms", "call"]);
    assert_eq!(channels("no more texts or emails", s), ["sms", "email"]);
    assert_eq!(channels("lose my number", s), ["sms", "call", "email"]);
    assert_eq!(channels("Don't call me, just text", s), ["call"]);
}

#[test]
fn serialises_channels_as_a_list() {
    let v = serde_json::to_value(classify("stop calling me")).unwrap_or_default();
    assert_eq!(
        v,
        serde_json::json!({"intent": "optOut", "keyword": "stop calling me", "match": "phrase",
            "scope": "channel", "channels": ["sms", "call"]})
    );
    let v = serde_json::to_value(classify("thanks")).unwrap_or_default();
    assert_eq!(
        v,
        serde_json::json!({"intent": "none", "match": null, "scope": null, "channels": []})
    );
}

/// The examples docs/consent.md §2 gives, as it gives them.
#[test]
fn documented_examples() {
    let s = MessageChannel::Sms;
    let e = MessageChannel::Email;
    for t in [
        "stop texting me",
        "quit calling",
        "stop contacting me via text",
        "stop sending me these",
        "stop getting these messages",
        "stop blowing up my phone",
        "stop texting, calling and emailing me",
        "stop these messages",
        "stop all calls",
        "stop with the texts",
        "stop it",
        "make it stop",
        "how do I make these stop",
        "cancel please",
        "make it end",
        "I want to cancel",
        "how do I cancel?",
        "take me off",
        "get me off this list",
        "I'd like to be removed",
        "take my email off your list",
        "retirez-moi de votre liste",
        "bórrenme de su lista",
        "never call me again",
        "don't send me any more messages",
        "I no longer wish to receive text messages",
        "I don't want to be contacted",
        "I'm not interested in receiving texts",
        "I'd rather not get these texts",
        "no calls please",
        "no more!",
        "no more of these",
        "I already unsubscribed",
        "I revoke my consent",
        "I withdraw my consent",
        "I never signed up for this",
        "I do not consent",
        "I never gave you permission to text me",
        "go away",
        "cease and desist",
        "laissez-moi tranquille",
        "I keep getting these texts",
        "if you text me again I'll report you",
        "if you don't stop texting me I will report you",
        "dejen de llamarme",
        "no quiero recibir más mensajes",
        "darme de baja",
        "ne m'appelez plus",
        "je ne veux plus recevoir de SMS",
        "plus de messages svp",
        "baja por favor",
        "stop svp",
        "pleeease stop",
        "sotp",
        "unsusbcribe",
        "stop texting me lol",
        "pls stop txting me",
    ] {
        assert!(classify(t).is_opt_out(), "{t}");
    }
    for t in [
        "Please stop my mail while I'm away",
        "stop the charge on my card",
        "end the call",
        "cancel the call tomorrow",
        "cancel my order",
        "remove the extra line",
        "remove my old number",
        "bus stop",
        "one-stop shop",
        "I quit smoking",
        "stop worrying",
        "don't unsubscribe me",
        "I don't want to opt out",
        "don't text me before 9am",
        "don't call me at work",
        "no calls before noon",
        "don't call me today",
        "don't email me the invoice, text it",
        "I'll have to cancel, something came up",
        "I'm going to stop at the dealership",
        "I'll quit calling the other dealer",
        "this rain won't stop",
        "Stop! lol",
        "Stop, you're making me blush",
        "STOP IT that's too good 😍",
        "not interested",
        "no thanks",
        "wrong number",
        "who is this?",
        "how did you get my number?",
        "I'm driving with Do Not Disturb While Driving turned on.",
    ] {
        assert!(!classify(t).is_opt_out(), "{t}");
    }
    assert_eq!(channels("please stop, email me instead", s), ["sms"]);
    assert_eq!(channels("remove my number", s), ["sms", "call"]);
    assert_eq!(channels("delete my number", s), ["sms", "call", "email"]);
    assert_eq!(channels("forget my number", s), ["sms", "call", "email"]);
    assert_eq!(
        channels("unsubscribe me from everything", e),
        ["sms", "call", "email"]
    );
    assert_eq!(channels("stop contacting me via text", e), ["sms"]);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Words the rules read, and a few they do not, so that generated
    /// messages reach deep into the rules.
    const POOL: &[&str] = &[
        "stop",
        "STOP",
        "stooop",
        "quit",
        "end",
        "cancel",
        "remove",
        "unsubscribe",
        "opt",
        "out",
        "me",
        "my",
        "number",
        "email",
        "texting",
        "calling",
        "sending",
        "getting",
        "texts",
        "calls",
        "don't",
        "do",
        "not",
        "never",
        "no",
        "more",
        "please",
        "all",
        "it",
        "this",
        "the",
        "bill",
        "by",
        "from",
        "list",
        "off",
        "take",
        "lose",
        "leave",
        "alone",
        "if",
        "you",
        "keep",
        "again",
        "after",
        "today",
        "I'll",
        "we",
        "to",
        "want",
        "lol",
        "😂",
        "de",
        "dejen",
        "llamarme",
        "ne",
        "m'appelez",
        "plus",
        "baja",
        "arrêtez",
        "instead",
        "just",
        "text",
        "call",
        "S",
        "T",
        "O",
        "P",
        "x",
        "ünïcødé",
        "🛑",
        "\u{200b}",
        "𝐒𝐓𝐎𝐏",
        "Ｓｔｏｐ",
    ];
    const SEPS: &[&str] = &[
        " ", ", ", ". ", "! ", "? ", "-", "'", "\n", "  ", " & ", "/",
    ];

    fn message() -> impl Strategy<Value = String> {
        prop::collection::vec((0..POOL.len(), 0..SEPS.len()), 0..14).prop_map(|parts| {
            let mut s = String::new();
            for (w, sep) in parts {
                s.push_str(POOL.get(w).copied().unwrap_or(""));
                s.push_str(SEPS.get(sep).copied().unwrap_or(" "));
            }
            s
        })
    }

    fn consistent(c: &Classification) -> Result<(), TestCaseError> {
        prop_assert_eq!(c.is_opt_out(), !c.channels.is_empty());
        prop_assert_eq!(c.is_opt_out(), c.scope.is_some());
        prop_assert_eq!(c.scope == Some(Scope::All), c.channels.is_all());
        prop_assert_eq!(c.intent == Intent::None, c.matched.is_none());
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Any message: no panic, the same answer twice, a consistent shape,
        /// and an intent that does not depend on the medium.
        #[test]
        fn any_message(text in message()) {
            let sms = classify_on(&text, MessageChannel::Sms);
            let email = classify_on(&text, MessageChannel::Email);
            prop_assert_eq!(&sms, &classify_on(&text, MessageChannel::Sms));
            consistent(&sms)?;
            consistent(&email)?;
            prop_assert_eq!(sms.intent, email.intent);
            prop_assert_eq!(&sms.keyword, &email.keyword);
        }

        /// Arbitrary text too, not only the words the rules know.
        #[test]
        fn any_text(text in any::<String>()) {
            let c = classify(&text);
            consistent(&c)?;
            prop_assert_eq!(&c, &classify(&text));
        }
    }
}

/// A list of channels keeps its last one whether or not a comma comes before
/// its "or" / "and" (the serial comma), for verbs and for nouns alike.
#[test]
fn a_serial_comma_keeps_the_last_channel() {
    let all = vec!["sms", "call", "email"];
    for t in [
        "don't call, text, or email me",
        "Don't call, text or email me",
        "please don't text, call, or email me again",
        "stop calling, texting, or emailing me",
        "I don't want calls, texts, or emails",
        "no calls, texts, or emails please",
        "stop the texts, calls, and emails",
    ] {
        assert_eq!(channels(t, MessageChannel::Sms), all, "{t}");
    }
    assert_eq!(
        channels("stop sending texts, or emails", MessageChannel::Sms),
        ["sms", "email"]
    );
}

/// A second revocation in the same message adds its channels, also when it is
/// closed by "either" or "also".
#[test]
fn a_second_revocation_adds_its_channels() {
    assert_eq!(
        channels(
            "Stop calling me, and don't email either",
            MessageChannel::Sms
        ),
        ["sms", "call", "email"]
    );
    assert_eq!(
        channels("Stop texting. Don't email me also.", MessageChannel::Sms),
        ["sms", "email"]
    );
    assert_eq!(
        channels("don't text me either", MessageChannel::Sms),
        ["sms"]
    );
    assert_eq!(intent("I don't like that either").0, Intent::None);
}

/// Each is a phrase opt-out that, received by text, revokes texts only.
fn phrases_revoking_texts(texts: &[&str]) {
    for t in texts {
        assert_eq!(intent(t), (Intent::OptOut, Some(Match::Phrase)), "{t}");
        assert_eq!(channels(t, MessageChannel::Sms), ["sms"], "{t}");
    }
}

/// None is an opt-out, or anything else.
fn not_opt_outs_of(texts: &[&str]) {
    for t in texts {
        assert_eq!(intent(t).0, Intent::None, "{t}");
    }
}

/// A Spanish "no" before the imperative of a stop verb asks for more, as the
/// English "don't stop sending me these deals" does; a comma or a full stop
/// after "no" leaves the request standing.
#[test]
fn a_spanish_negated_stop_verb_is_not_an_opt_out() {
    not_opt_outs_of(&[
        "¡No dejen de mandarme ofertas!",
        "No paren, me encantan sus ofertas",
        "no dejes de escribirme",
        "Por favor no dejen de enviarme promociones",
        "No detengan los mensajes",
    ]);
    assert_eq!(
        channels("No, dejen de llamarme", MessageChannel::Sms),
        ["sms", "call"]
    );
    assert_eq!(
        channels("No. Paren de escribirme", MessageChannel::Sms),
        ["sms"]
    );
}

/// A Spanish subscription to something named is that thing, as in English;
/// "cancelen mi suscripción" with nothing named is to these messages.
#[test]
fn a_spanish_subscription_to_something_else_is_not_an_opt_out() {
    not_opt_outs_of(&[
        "Quiero cancelar mi suscripción a la revista",
        "Cancelar mi suscripción al periódico",
        "quiero cancelar mi suscripción del gimnasio",
    ]);
    for t in [
        "cancelen mi suscripción",
        "quiero cancelar mi suscripción a sus mensajes",
    ] {
        assert_eq!(intent(t), (Intent::OptOut, Some(Match::Phrase)), "{t}");
    }
    assert_eq!(
        channels("cancelen mi suscripción a los correos", MessageChannel::Sms),
        ["email"]
    );
}

/// Spanish "no" before a command of contact, "no quiero que me ..." and the
/// French "cessez de" are requests like their English kin; a limit in time
/// or one thing is not.
#[test]
fn spanish_and_french_requests_to_stop_contact() {
    let s = MessageChannel::Sms;
    phrases_revoking_texts(&[
        "no envíen más mensajes",
        "favor de no enviar más mensajes",
        "no quiero que me escriban",
        "cessez de m'envoyer des messages",
        "Veuillez cesser de m'envoyer des messages",
    ]);
    assert_eq!(channels("Favor de no llamarme", s), ["sms", "call"]);
    assert_eq!(channels("Cessez de m'appeler svp", s), ["sms", "call"]);
    not_opt_outs_of(&[
        "no envíen la factura todavía",
        "no quiero que me llamen después de las 5",
        "ne cessez pas de m'envoyer des offres",
    ]);
}

/// A means named with "by", "por" or "par" narrows a request for no contact
/// to that means, as "via" does.
#[test]
fn a_means_named_by_by_narrows_the_request() {
    let s = MessageChannel::Sms;
    assert_eq!(channels("do not contact me by email", s), ["email"]);
    assert_eq!(channels("please don't contact me by text", s), ["sms"]);
    assert_eq!(channels("no contact by text please", s), ["sms"]);
    assert_eq!(channels("no more contact by email please", s), ["email"]);
    assert_eq!(channels("Don't contact me by phone", s), ["sms", "call"]);
    assert_eq!(channels("no me contacten por correo", s), ["email"]);
    assert_eq!(
        channels("ne me contactez plus par SMS", MessageChannel::Email),
        ["sms"]
    );
    assert_eq!(channels("stop contacting me via text", s), ["sms"]);
    assert_eq!(channels("do not contact me", s), ["sms", "call", "email"]);
    assert_eq!(
        channels("do not contact me by email, text is fine", s),
        ["email"]
    );
    assert_eq!(
        intent("don't contact me by email before Monday").0,
        Intent::None
    );
}

/// A stop word that is not a request: a question about what stopped, or a
/// sentence whose subject is someone else.
#[test]
fn a_stop_that_is_not_asked_of_us_is_not_an_opt_out() {
    not_opt_outs_of(&[
        "why did the texts stop? I liked them",
        "why did you stop texting me?",
        "My neighbor won't stop calling me about the fence",
        "my ex won't stop texting me lol",
        "he won't stop calling me, can you help?",
    ]);
    let s = MessageChannel::Sms;
    assert_eq!(channels("I did ask you to stop texting me", s), ["sms"]);
    assert_eq!(
        channels("my phone won't stop ringing with your calls", s),
        ["sms", "call"]
    );
    assert_eq!(channels("why won't the texts stop?", s), ["sms"]);
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

/// New members of known kinds: a stop word glued to a word of contact, a
/// permission denied now, and a complaint that the messages were reported as
/// spam.
#[test]
fn glued_permission_and_reported_as_spam() {
    let s = MessageChannel::Sms;
    phrases_revoking_texts(&[
        "stoptexting",
        "STOPTEXTING",
        "You don't have my permission to text me",
        "I don't give you permission to text me",
        "I never gave you permission to text me",
        "Reported as spam",
        "I'm reporting this as spam",
    ]);
    assert_eq!(channels("STOPCALLING ME", s), ["sms", "call"]);
    assert_eq!(
        channels("you do not have my permission to call me", s),
        ["sms", "call"]
    );
    not_opt_outs_of(&[
        "Stopover in Denver next week",
        "you don't have my permission to share my data with partners",
        "I didn't report you as spam, your email went to my junk folder",
        "is this spam?",
        "please don't give my number to anyone",
    ]);
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

/// A threat to report the sender revokes, as a complaint does.
#[test]
fn a_threat_to_report_the_sender_is_an_opt_out() {
    for t in [
        "I will report you to the FCC",
        "I'm reporting you to the FTC",
        "I'll report you",
        "Reporting you for harassment",
        "I will report your company to the attorney general",
        "I'll report you guys",
    ] {
        assert_eq!(intent(t), (Intent::OptOut, Some(Match::Phrase)), "{t}");
    }
    for t in [
        "I'll report this to my manager",
        "can you send me the report",
        "did you get the report I sent",
        "I'll report back tomorrow",
    ] {
        assert_ne!(
            classify(t)
                .keyword
                .as_deref()
                .map(|k| k.to_lowercase().starts_with("report")),
            Some(true),
            "{t}"
        );
    }
}

/// Calling the messages spam, a scam or harassment, blocking the sender,
/// reporting to an authority: opt-outs, as "reported as spam" is.
#[test]
fn spam_block_and_harassment_are_opt_outs() {
    phrases_revoking_texts(&[
        "Spam",
        "this is spam",
        "SPAM!!!",
        "Spammer",
        "scam",
        "stop spamming",
        "You're harassing me",
        "This is harassment",
        "I'm blocking you",
        "blocked",
        "Number blocked",
        "blocked and reported",
        "block this number",
        "Reported to the FCC",
        "reporting you to the FTC",
    ]);
    assert_eq!(
        channels("Marking as spam", MessageChannel::Email),
        ["email"]
    );
    not_opt_outs_of(&[
        "is this spam?",
        "Is this a scam or a real offer?",
        "your email went to my spam folder",
        "found it in my spam",
        "I didn't report you as spam, your email went to my junk folder",
        "the store is around the block",
        "we are a block away",
        "can you block out Friday afternoon for me",
        "I reported to my manager",
        "this is not a scam, right?",
    ]);
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

/// Quoted history under the headers mail programs write is not read: our own
/// footer ("Reply STOP to unsubscribe") below it is not the customer's.
#[test]
fn quoted_history_under_other_headers() {
    for t in [
        "Yes I'm interested, call me at 4pm.\n\n---- On Tue, 03 Mar 2026 Bob wrote ----\nReply STOP to unsubscribe",
        "Sounds good\n\nAm 03.03.2026 um 10:00 schrieb Bob <bob@dealer.com>:\n> Reply STOP to unsubscribe",
        "Thanks!\nBob Smith <bob@dealer.com> wrote:\nReply STOP to unsubscribe",
        "See you Friday\n--\nAna\nReply STOP to unsubscribe",
        "ok\n\nSent from my iPhone\n\nReply STOP to opt out",
    ] {
        assert_eq!(classify_on(t, MessageChannel::Email).intent, Intent::None, "{t}");
    }
    assert_eq!(
        classify_on(
            "STOP\n\nOn Tue, Bob wrote:\n> our offer",
            MessageChannel::Email
        )
        .intent,
        Intent::OptOut
    );
}

/// A list of verbs of contact written without commas is a list.
#[test]
fn verbs_of_contact_without_commas() {
    for (t, want) in [
        (
            "stop texting calling emailing me",
            vec!["sms", "call", "email"],
        ),
        (
            "Stop emailing texting and calling",
            vec!["sms", "call", "email"],
        ),
        ("Stop texting calling me", vec!["sms", "call"]),
        (
            "stop calling texting and emailing me",
            vec!["sms", "call", "email"],
        ),
    ] {
        assert_eq!(channels(t, MessageChannel::Sms), want, "{t}");
    }
}

/// A channel asked for is kept; the one it is instead of is revoked.
#[test]
fn a_channel_asked_for_is_kept() {
    for (t, want) in [
        ("Stop texting me, calling is fine", vec!["sms"]),
        ("Stop calling, texting is fine", vec!["call"]),
        // A revocation of calls is one of texts too, unless texts are asked for.
        ("email me instead of calling", vec!["sms", "call"]),
        ("Text me instead of calling please", vec!["call"]),
        ("Call me instead of texting", vec!["sms"]),
        ("Text me, don't call me", vec!["call"]),
        ("Text me. Don't call me.", vec!["call"]),
        ("stop calling me", vec!["sms", "call"]),
    ] {
        assert_eq!(channels(t, MessageChannel::Sms), want, "{t}");
    }
}

/// Removal of all of one's details is an opt-out (of the medium, unless
/// the words forget the number: "delete all my information" is everything).
#[test]
fn removal_of_all_my_info() {
    assert_eq!(
        classify("Remove all my info").channels,
        Revoked::of(Channel::Sms)
    );
    assert_eq!(
        classify("Delete all my information").scope,
        Some(Scope::All)
    );
    assert_eq!(
        classify("remove me from your list").scope,
        Some(Scope::Channel)
    );
    assert_eq!(intent("take me off the waitlist").0, Intent::None);
}

/// "no need to" and "no further" ask for no more, as "no more" does.
#[test]
fn no_need_and_no_further() {
    for (t, want) in [
        ("no need to text me anymore", vec!["sms"]),
        (
            "I bought a car already. No need to text me anymore.",
            vec!["sms"],
        ),
        ("no need to call me again", vec!["sms", "call"]),
        ("no further texts please", vec!["sms"]),
        ("I want no further contact", vec!["sms", "call", "email"]),
        ("no further contact please", vec!["sms", "call", "email"]),
    ] {
        assert_eq!(channels(t, MessageChannel::Sms), want, "{t}");
    }
    not_opt_outs_of(&[
        "no need to call me back, I got it",
        "no further questions",
        "no need to worry",
    ]);
}

/// A means named before a word for every means narrows it.
#[test]
fn email_communication_is_email() {
    for (t, want) in [
        ("Please cease all email communication", vec!["email"]),
        ("stop all email communication", vec!["email"]),
        ("stop all text communications", vec!["sms"]),
        ("stop all communication", vec!["sms", "call", "email"]),
        ("stop texts and communication", vec!["sms", "call", "email"]),
    ] {
        assert_eq!(channels(t, MessageChannel::Sms), want, "{t}");
    }
}

/// Dealership and insurance look-alikes: a thing, not contact.
#[test]
fn dealership_look_alikes() {
    not_opt_outs_of(&[
        "The check engine light won't quit",
        "Can I opt out of the gap insurance?",
        "Please stop sending the title to my old address",
        "I want to opt out of the extended warranty",
        "stop sending me paper bills",
    ]);
    for t in [
        "Remove me from this group",
        "opt out of text alerts",
        "these texts won't stop",
    ] {
        assert_eq!(intent(t).0, Intent::OptOut, "{t}");
    }
}

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

/// A masked or minced swear word between the stop word and the verb.
#[test]
fn masked_swear_words() {
    for t in [
        "stop f***ing texting me",
        "STOP F*CKING TEXTING ME",
        "Stop f'ing texting me",
        "stop effing texting me",
        "stop freakin calling me",
    ] {
        assert_eq!(intent(t), (Intent::OptOut, Some(Match::Phrase)), "{t}");
    }
    assert_eq!(intent("*STOP*"), (Intent::OptOut, Some(Match::Exact)));
    assert_eq!(intent("STOP*").0, Intent::OptOut);
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
