//! The reply classifier (PRODUCT.md, "Consent and do-not-disturb"; the rules in
//! src/reply/mod.rs): messages whose reading no case of the labelled corpus
//! (`tests/replies/`) pinned against a specific injected fault.

use cadence_engine::model::MessageChannel;
use cadence_engine::reply::{classify_on, Intent};

/// `text`, received by `channel`, reads as an opt-out revoking `channels`.
#[track_caller]
fn opts_out(text: &str, channel: MessageChannel, channels: &[&str]) {
    let c = classify_on(text, channel);
    assert_eq!(c.intent, Intent::OptOut, "{text:?}: {c:?}");
    let got: Vec<&str> = c.channels.iter().map(|ch| ch.as_str()).collect();
    assert_eq!(got, channels, "{text:?}: {c:?}");
}

/// A stop word that is a sentence of its own is a request, whatever the next
/// sentence says.
#[test]
fn a_stop_word_as_a_sentence_of_its_own_opts_out() {
    opts_out(
        "Cancel. Found a better deal.",
        MessageChannel::Sms,
        &["sms"],
    );
}

/// "At once" is filler after a stop word, not its object.
#[test]
fn stop_at_once_opts_out() {
    opts_out("stop at once", MessageChannel::Sms, &["sms"]);
    opts_out("STOP at once please", MessageChannel::Sms, &["sms"]);
}

/// The channels named before the stop word in its sentence are the ones
/// revoked: calls (and so texts, a text being a call under the TCPA), or
/// email alone.
#[test]
fn the_channels_named_before_the_stop_word_are_revoked() {
    opts_out(
        "the calls need to stop",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out("I want the emails to stop", MessageChannel::Sms, &["email"]);
    opts_out(
        "these emails and texts have to stop",
        MessageChannel::Sms,
        &["sms", "email"],
    );
}

/// `text` (by SMS) is not an opt-out.
#[track_caller]
fn not_an_opt_out(text: &str) {
    let c = classify_on(text, MessageChannel::Sms);
    assert_eq!(c.intent, Intent::None, "{text:?}: {c:?}");
}

/// Asking to be contacted another way is no revocation: "I'd rather you text
/// me" asks for texts. ("I'd rather not get texts" is one.)
#[test]
fn rather_you_text_me_is_a_request_for_texts() {
    not_an_opt_out("I'd rather you text me");
    not_an_opt_out("I would rather you call me");
    opts_out("I'd rather not get texts", MessageChannel::Sms, &["sms"]);
}

/// A bare CANCEL counts when it is asked for, not when it is a plan
/// (docs/consent.md, "What reads as an opt-out"): "gonna cancel" and "might
/// need to cancel" tell of something the customer may do.
#[test]
fn a_bare_cancel_in_a_plan_is_not_an_opt_out() {
    not_an_opt_out("gonna cancel");
    not_an_opt_out("might need to cancel");
    opts_out("I want to cancel", MessageChannel::Sms, &["sms"]);
    opts_out("how do I cancel?", MessageChannel::Sms, &["sms"]);
}

/// A channel the customer asks to keep is not revoked by what a request only
/// implies (docs/consent.md, "The channels a revocation names"): "just text"
/// keeps texts, but "contact me instead" names no channel to keep, so calls
/// refused still refuse texts (a text is a call under the TCPA).
#[test]
fn only_a_named_channel_is_kept() {
    opts_out("don't call me, just text", MessageChannel::Sms, &["call"]);
    opts_out(
        "don't call me, contact me instead",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "no more calls, just contact me by email",
        MessageChannel::Sms,
        &["sms", "call"],
    );
}

/// A stop word about something else is not an opt-out: "stop blowing smoke"
/// is a figure of speech, "stop blowing up my phone" a request.
#[test]
fn stop_blowing_smoke_is_not_an_opt_out() {
    not_an_opt_out("stop blowing smoke");
    opts_out("stop blowing up my phone", MessageChannel::Sms, &["sms"]);
}

/// "By phone", "via email" narrow the request to that channel, and naming
/// the channel twice does not cancel it out.
#[test]
fn naming_the_channel_again_keeps_it() {
    opts_out(
        "stop calling me by phone",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "stop emailing me via email",
        MessageChannel::Sms,
        &["email"],
    );
}

/// For a phrase, `keyword` is the words that read as the opt-out
/// (PRODUCT.md, `classifyReply`): the whole request, object included.
#[test]
fn a_phrase_keyword_is_the_whole_request() {
    let keyword = |text: &str| classify_on(text, MessageChannel::Sms).keyword;
    assert_eq!(keyword("go away").as_deref(), Some("go away"));
    assert_eq!(keyword("stop it").as_deref(), Some("stop it"));
    assert_eq!(keyword("stop them please").as_deref(), Some("stop them"));
    assert_eq!(
        keyword("stop sending me these").as_deref(),
        Some("stop sending me these")
    );
    // "Go away" asks for no contact at all.
    opts_out("go away", MessageChannel::Sms, &["sms", "call", "email"]);
}

/// "My subscription" is to these messages: cancelling it opts out.
#[test]
fn cancel_my_subscription_opts_out() {
    opts_out(
        "cancel my subscription please",
        MessageChannel::Sms,
        &["sms"],
    );
}

/// "Not interested in being texted / called / emailed" revokes what it names.
#[test]
fn not_interested_in_being_contacted_names_the_channel() {
    opts_out(
        "not interested in being texted",
        MessageChannel::Sms,
        &["sms"],
    );
    opts_out(
        "not interested in being called",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "not interested in being emailed",
        MessageChannel::Sms,
        &["email"],
    );
}

/// The keyword of a phrase keeps the whole request: "phone number" is one
/// object, "never gave" one refusal.
#[test]
fn a_phrase_keyword_keeps_its_object() {
    let keyword = |text: &str| classify_on(text, MessageChannel::Sms).keyword;
    assert_eq!(
        keyword("remove my phone number").as_deref(),
        Some("remove my phone number")
    );
    assert_eq!(
        keyword("I never gave you permission to text me").as_deref(),
        Some("never gave")
    );
}

/// "I don't want you to text me", "... to be called", "... to hear from you":
/// a refusal in the customer's own words (PRODUCT.md's examples) is an
/// opt-out, and its keyword is the refusal.
#[test]
fn i_dont_want_you_to_text_me_opts_out() {
    opts_out("I don't want you to text me", MessageChannel::Sms, &["sms"]);
    opts_out(
        "I don't want you to call me",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "I do not want you to email me",
        MessageChannel::Sms,
        &["email"],
    );
    opts_out("I don't want to be texted", MessageChannel::Sms, &["sms"]);
    let c = classify_on("I don't want to be called", MessageChannel::Sms);
    assert_eq!(
        c.keyword.as_deref(),
        Some("don't want to be called"),
        "{c:?}"
    );
    let c = classify_on("I don't want to hear from you", MessageChannel::Sms);
    assert_eq!(c.intent, Intent::OptOut, "{c:?}");
    assert!(c.channels.contains(cadence_engine::Channel::Sms), "{c:?}");
}

/// UNSUBSCRIBE split in two or mistyped still reads as an opt-out: "un
/// subscribe", a letter short ("unsubscrib"), two slips in a long word
/// ("unsubscirbee").
#[test]
fn unsubscribe_split_or_mistyped_opts_out() {
    opts_out("un subscribe", MessageChannel::Sms, &["sms"]);
    opts_out("UN SUBSCRIBE please", MessageChannel::Sms, &["sms"]);
    opts_out("unsubscrib", MessageChannel::Sms, &["sms"]);
    opts_out("unsubscirbee", MessageChannel::Sms, &["sms"]);
}

/// "No" before a means of contact with a word describing it ("no automated
/// calls please", "no promotional emails") refuses that means, as "no calls
/// please" does; "no worries, texts are fine" keeps texts.
#[test]
fn no_with_described_messages_opts_out() {
    opts_out(
        "no automated calls please",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "no phone calls please",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out("no promotional emails", MessageChannel::Sms, &["email"]);
    opts_out("no marketing texts please", MessageChannel::Email, &["sms"]);
    not_an_opt_out("no worries texts are fine");
}
