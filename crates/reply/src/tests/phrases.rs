//! Longer messages read as opt-outs, and their look-alikes that are not.

use super::*;

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
        "🛑",
        "🛑 pls",
        "📵 please",
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
        "👍",
        "🔕",
    ] {
        assert_eq!(intent(t).0, Intent::None, "{t}");
    }
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

/// Removal of all of one's details is an opt-out of every channel, removed
/// or deleted: the information is every means of reaching the customer.
#[test]
fn removal_of_all_my_info() {
    assert_eq!(classify("Remove all my info").scope, Some(Scope::All));
    assert_eq!(
        classify_on(
            "Please remove all my contact information from your database",
            MessageChannel::Email
        )
        .scope,
        Some(Scope::All)
    );
    // (A name taken off is who is listed: the medium.)
    assert_eq!(
        classify("remove my name from your list").channels,
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
