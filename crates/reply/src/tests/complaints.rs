//! Complaints, threats and a permission denied: opt-outs, as a request is.

use super::*;

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
