//! The channels an opt-out revokes: named, listed, narrowed, kept, and how
//! they serialise.

use super::*;

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
