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
