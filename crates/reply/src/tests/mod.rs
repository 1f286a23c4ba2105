//! Unit tests of the classifier: keywords, phrases, look-alikes and channels.
//! The labelled corpus (`tests/replies/`) measures it as a whole.

use super::*;

mod channels_revoked;
mod complaints;
mod documented;
mod keywords;
mod more_words;
mod phrases;
#[cfg(not(target_arch = "wasm32"))]
mod properties;
mod spanish_french;

/// A message's intent and how it matched, received by text.
fn intent(t: &str) -> (Intent, Option<Match>) {
    let c = classify(t);
    (c.intent, c.matched)
}

/// The channels a message received `by` a medium revokes, by name.
fn channels(t: &str, by: MessageChannel) -> Vec<&'static str> {
    classify_on(t, by)
        .channels
        .iter()
        .map(Channel::as_str)
        .collect()
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
