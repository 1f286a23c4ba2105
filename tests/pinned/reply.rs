//! The reply classifier (PRODUCT.md, "Consent and do-not-disturb"; the rules in
//! crates/reply/src/lib.rs): messages whose reading no case of the labelled corpus
//! (`tests/replies/`) pinned against a specific injected fault.

use cadence_engine::model::MessageChannel;
use cadence_engine::reply::{classify_on, Intent, Match};

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

/// The keyword of `text` received by SMS.
fn keyword(text: &str) -> Option<String> {
    classify_on(text, MessageChannel::Sms).keyword
}

/// "DNC" is "do not call": a request not to be called, so it revokes calls
/// and texts (a text is a call under the TCPA), alone or in a sentence.
#[test]
fn dnc_asks_for_no_calls() {
    opts_out("DNC", MessageChannel::Sms, &["sms", "call"]);
    opts_out(
        "put me on your DNC list",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "put me on your DNC list",
        MessageChannel::Email,
        &["sms", "call"],
    );
}

/// The keyword of a phrase is the words that read as the request: the
/// consent withdrawn or refused, the "de baja" of "darme de baja".
#[test]
fn a_phrase_keyword_names_what_is_withdrawn() {
    for (text, whole) in [
        ("I withdraw my consent", "withdraw my consent"),
        ("I do not consent", "not consent"),
        ("quiero darme de baja", "de baja"),
    ] {
        assert_eq!(keyword(text).as_deref(), Some(whole), "{text:?}");
    }
}

/// Letters in circles and squares, white or black (🅢🅣🅞🅟, 🆂🆃🅾🅿), fold to
/// their plain letters like every styled letter: the keyword is the keyword.
#[test]
fn enclosed_letters_read_as_plain_letters() {
    for text in ["🅢🅣🅞🅟", "🆂🆃🅾🅿", "🅄🄽🅂🅄🄱🅂🄲🅁🄸🄱🄴", "🆄🅽🆂🆄🅱🆂🅲🆁🅸🅱🅴"]
    {
        let c = classify_on(text, MessageChannel::Sms);
        assert_eq!(c.matched, Some(Match::Exact), "{text:?}: {c:?}");
        opts_out(text, MessageChannel::Sms, &["sms"]);
    }
}

/// A message written with a styled-text generator, digits included, reads
/// as the same message in plain letters ("2" is shorthand for "to").
#[test]
fn a_styled_message_reads_as_its_plain_text() {
    let plain = "I want the calls 2 end";
    let styled = "𝐈 𝐰𝐚𝐧𝐭 𝐭𝐡𝐞 𝐜𝐚𝐥𝐥𝐬 𝟐 𝐞𝐧𝐝";
    opts_out(plain, MessageChannel::Sms, &["sms", "call"]);
    opts_out(styled, MessageChannel::Sms, &["sms", "call"]);
    opts_out("𝐈 𝐧𝐞𝐞𝐝 𝐭𝐡𝐢𝐬 𝟐 𝐞𝐧𝐝", MessageChannel::Sms, &["sms"]);
}

/// Quoted history below a reply is not read, but a line of the customer's own
/// words is, whatever it contains ("criticism", "wrote", a line starting
/// "On", "Le" or "El").
#[test]
fn the_customers_own_lines_are_read_whatever_they_contain() {
    for text in [
        "Thanks for the info.\nNo criticism, but please stop emailing me.",
        "Merci.\nLe mieux : ne m'envoyez plus de courriels.",
        "Thanks.\nI wrote before: please stop emailing me.",
        "Thanks.\nOn second thought, please stop emailing me.",
        "Gracias.\nEl correo no: please stop emailing me.",
    ] {
        opts_out(text, MessageChannel::Email, &["email"]);
    }
}

/// Only a near miss of "unsubscribe" reads as it (one slip, two in a long
/// word): "unusually" is another word.
#[test]
fn a_word_that_only_starts_like_unsubscribe_is_not_it() {
    not_an_opt_out("I've been unusually busy, call me Monday");
    not_an_opt_out("It's been unusually quiet");
}

/// The channel named before the stop word is revoked however often it is
/// named: "email after email" is about email.
#[test]
fn a_channel_named_twice_before_the_stop_word_is_revoked() {
    opts_out(
        "Email after email, I want them to stop",
        MessageChannel::Sms,
        &["email"],
    );
    opts_out(
        "the emails and the emails need to stop",
        MessageChannel::Sms,
        &["email"],
    );
    opts_out(
        "calls and calls, make them stop",
        MessageChannel::Email,
        &["sms", "call"],
    );
}

/// A refusal about texts revokes texts, also when emailed, however often it
/// names them (docs/consent.md, "The channels a revocation names").
#[test]
fn a_refusal_naming_texts_twice_revokes_texts() {
    opts_out(
        "the texts, I never gave permission for texts",
        MessageChannel::Email,
        &["sms"],
    );
    opts_out(
        "texting me at 6am, I never gave you permission to text me",
        MessageChannel::Email,
        &["sms"],
    );
}

/// "By text" narrows a request about the phone to texts (docs/consent.md,
/// "a means named with by, via, por or par narrows a request").
#[test]
fn by_text_narrows_a_request_about_the_phone() {
    for channel in [MessageChannel::Sms, MessageChannel::Email] {
        opts_out("Please don't contact this phone by text", channel, &["sms"]);
        opts_out("don't contact this phone via email", channel, &["email"]);
    }
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

/// A limit in time asks when, not whether (docs/consent.md, "What does not"):
/// "don't text me deals after 8pm", and in French "ne m'appelez pas le matin"
/// (but "ne m'appelez plus", call me no more, revokes).
#[test]
fn a_negated_request_limited_in_time_is_not_an_opt_out() {
    not_an_opt_out("don't text me deals after 8pm");
    not_an_opt_out("Ne m'appelez pas le matin");
    not_an_opt_out("ne m'appelez pas au travail");
    opts_out("ne m'appelez plus", MessageChannel::Sms, &["sms", "call"]);
}

/// "Don't email me at this address" is about email: the address names where,
/// not another channel.
#[test]
fn dont_email_me_at_this_address_revokes_email() {
    opts_out(
        "don't email me at this address",
        MessageChannel::Sms,
        &["email"],
    );
    opts_out(
        "don't contact me at this number",
        MessageChannel::Sms,
        &["sms", "call"],
    );
}

/// "I don't want to be on your list" asks to be removed from it.
#[test]
fn not_wanting_to_be_on_the_list_opts_out() {
    opts_out(
        "I don't want to be on your list",
        MessageChannel::Sms,
        &["sms"],
    );
    opts_out(
        "I do not want to be on your texting list",
        MessageChannel::Email,
        &["sms"],
    );
}

/// A strong word about something else is not an opt-out: "unsubscribe me
/// from the magazine" is about the magazine (as "cancel my subscription to
/// the magazine" is, docs/consent.md).
#[test]
fn unsubscribe_me_from_something_else_is_not_an_opt_out() {
    not_an_opt_out("unsubscribe me from the magazine");
    opts_out(
        "unsubscribe me from your list",
        MessageChannel::Sms,
        &["sms"],
    );
}

/// The keyword of a refusal or a removal is the whole of it, never empty.
#[test]
fn a_refusal_keyword_is_the_whole_refusal() {
    for (text, whole) in [
        (
            "I don't want to hear from you",
            "don't want to hear from you",
        ),
        ("I'd rather not be called", "rather not be called"),
        ("I'd like to be removed", "be removed"),
        ("I want to be removed from your list", "be removed"),
        ("ne m'appelez plus", "ne m appelez"),
        ("get lost", "get lost"),
        ("STOPALL, you people are relentless", "stopall"),
        ("I never agreed to this", "never agreed"),
        ("je ne veux plus recevoir de SMS", "ne veux"),
    ] {
        assert_eq!(keyword(text).as_deref(), Some(whole), "{text:?}");
    }
}

/// A message of nothing but opt-out keywords is an opt-out, also when the
/// keyword is one that counts alone only as the whole message (END).
#[test]
fn a_message_of_keywords_only_opts_out() {
    opts_out("END END END", MessageChannel::Sms, &["sms"]);
    opts_out(
        "END END END END END END END END",
        MessageChannel::Sms,
        &["sms"],
    );
}

/// Quoted history below a reply is not read (docs/consent.md, "Reply
/// keywords and normalisation"): an email reply that quotes our footer
/// "Reply STOP to unsubscribe" under any of the usual markers, or under a
/// reply written in emoji or in another script, is not an opt-out.
#[test]
fn a_quoted_footer_below_a_reply_is_not_read() {
    let footer = "Reply STOP to unsubscribe";
    for above in ["Thanks!", "👍", "Спасибо"] {
        for marker in [
            "> ",
            "-----Original Message-----\n",
            "________________________________\n",
            "From: Cadence <news@example.com>\n",
            "On Mon, Nov 2, 2026 Cadence wrote:\n",
            "Le lun. 2 nov. 2026, Cadence a écrit :\n",
            "El lun, 2 nov 2026, Cadence escribió:\n",
        ] {
            let text = format!("{above}\n\n{marker}{footer}");
            let c = classify_on(&text, MessageChannel::Email);
            assert_eq!(c.intent, Intent::None, "{text:?}: {c:?}");
        }
    }
}

/// A reply written below the quote (top-quoting's other way: the quoted
/// lines "> ..." first, then the customer's words) does not read the quote:
/// our footer quoted above "see you thursday" is not an opt-out, while the
/// customer's own STOP below a quote is one; a message of quoted lines only
/// is read as the customer's.
#[test]
fn a_quoted_footer_above_a_reply_is_not_read() {
    for text in [
        "> Reply STOP to unsubscribe\nsee you thursday",
        "> Reply STOP to unsubscribe\n>\n\n  see you thursday\n",
        ">> Reply STOP to unsubscribe\n> Would Tuesday work?\nYes, Tuesday.",
    ] {
        let c = classify_on(text, MessageChannel::Email);
        assert_eq!(c.intent, Intent::None, "{text:?}: {c:?}");
    }
    opts_out(
        "> Would Tuesday work?\nSTOP",
        MessageChannel::Email,
        &["email"],
    );
    opts_out("> STOP", MessageChannel::Email, &["email"]);
}

/// Words written apart or glued read as the words they are: "voice mails"
/// are voicemails (calls, so calls and texts are revoked); a stop word glued
/// to a verb or a means of contact ("stoptexting", "stopcall",
/// "stopemails") is the two words, also in the middle of a message.
#[test]
fn words_written_apart_or_glued_read_as_one() {
    opts_out("no more voice mails", MessageChannel::Sms, &["sms", "call"]);
    opts_out("no more voice mail", MessageChannel::Sms, &["sms", "call"]);
    assert_eq!(
        keyword("please stoptexting me").as_deref(),
        Some("stop texting me")
    );
    opts_out("STOPCALLING", MessageChannel::Sms, &["sms", "call"]);
    opts_out("stopcall", MessageChannel::Sms, &["sms", "call"]);
    opts_out("stopemails", MessageChannel::Sms, &["email"]);
}

/// A singular means of contact is still a means: "no call please" refuses
/// calls as "no calls please" does.
#[test]
fn no_call_please_refuses_calls() {
    opts_out("no call please", MessageChannel::Sms, &["sms", "call"]);
    opts_out("no voicemail please", MessageChannel::Sms, &["sms", "call"]);
}

/// "All", "everything" as the object of a stop asks for no contact at all
/// (docs/consent.md: "stop all", "unsubscribe me from everything").
#[test]
fn stop_sending_everything_revokes_every_channel() {
    for text in ["stop sending all", "stop sending me everything"] {
        opts_out(text, MessageChannel::Sms, &["sms", "call", "email"]);
    }
}

/// "Don't send me any more" refuses what is sent ("don't send me any more
/// messages", docs/consent.md).
#[test]
fn dont_send_me_anymore_opts_out() {
    opts_out(
        "please don't send me anymore",
        MessageChannel::Sms,
        &["sms"],
    );
    opts_out("don't send me any more", MessageChannel::Email, &["email"]);
}

/// "Stop hitting me up" asks for no more contact, on every channel;
/// "stop hitting the gym" is about something else.
#[test]
fn stop_hitting_is_a_request_only_with_me_up() {
    opts_out(
        "stop hitting me up",
        MessageChannel::Sms,
        &["sms", "call", "email"],
    );
    not_an_opt_out("stop hitting the snooze button");
    not_an_opt_out("stop hitting the gym");
}

/// "Cease and desist" asks for no contact at all; "cease" alone or with a
/// channel is an ordinary stop word.
#[test]
fn cease_alone_is_an_ordinary_stop_word() {
    opts_out("cease texting me", MessageChannel::Email, &["sms"]);
    opts_out("please cease", MessageChannel::Sms, &["sms"]);
    opts_out("cease and stop texting me", MessageChannel::Sms, &["sms"]);
    opts_out(
        "cease and desist",
        MessageChannel::Sms,
        &["sms", "call", "email"],
    );
}

/// Spanish: the means named after the verb is revoked ("dejen de enviarme
/// correos" is about email), and "no quiero que llamen" refuses calls as
/// "no quiero que me escriban" refuses texts.
#[test]
fn spanish_requests_name_their_channel() {
    opts_out("dejen de enviarme correos", MessageChannel::Sms, &["email"]);
    opts_out(
        "no quiero que llamen",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "no quiero que llamen más",
        MessageChannel::Email,
        &["sms", "call"],
    );
}

/// No input panics the classifier: a message that starts with "Removed" (no
/// word before it to make it a passive) is read, and is no opt-out.
#[test]
fn a_message_starting_with_removed_is_read() {
    not_an_opt_out("Removed the old card");
    not_an_opt_out("removed");
}

/// Someone else as the subject is no request to us: a name ("John", "Mary
/// Smith") or a noun phrase that names neither the business nor its messages
/// ("the guy from church"), before the auxiliary (docs/consent.md, "What
/// reads as an opt-out"). Addressed to us, or about our agent, it still is.
#[test]
fn a_named_third_party_is_not_an_opt_out() {
    not_an_opt_out("John won't stop calling me");
    not_an_opt_out("Mary Smith won't stop texting me");
    not_an_opt_out("Tom never stops calling me");
    not_an_opt_out("the guy from church won't stop calling me");
    not_an_opt_out("Dave from accounting won't stop emailing me");
    not_an_opt_out("Comcast won't stop calling me");
    // Unwanted senders as such are us as much as anyone.
    opts_out(
        "Spammers won't stop calling me",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "your agent John won't stop calling me",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "Tom, won't you stop calling me",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out(
        "John, stop calling me",
        MessageChannel::Sms,
        &["sms", "call"],
    );
    opts_out("these texts won't stop", MessageChannel::Sms, &["sms"]);
    // Not a subject: the unknown word does not come before an auxiliary.
    opts_out(
        "How many times do I have to say stop",
        MessageChannel::Sms,
        &["sms"],
    );
}

/// "Too early", "too late" limit the time of contact, as "before 9" does: no
/// revocation. "Too" alone means "also".
#[test]
fn too_early_or_too_late_asks_when() {
    not_an_opt_out("don't call me too early");
    not_an_opt_out("don't call me too late please");
    not_an_opt_out("Don't text me too often");
    opts_out("don't call me too", MessageChannel::Sms, &["sms", "call"]);
}

/// A means of contact asked for after a comma is not one more item of the
/// revoked list, and it is kept though a revoked call covers texts.
#[test]
fn a_channel_asked_for_after_the_comma_is_kept() {
    opts_out(
        "I'd rather not email, text me",
        MessageChannel::Sms,
        &["email"],
    );
    opts_out(
        "please don't call, text me instead",
        MessageChannel::Sms,
        &["call"],
    );
    opts_out("don't call, text me", MessageChannel::Sms, &["call"]);
    opts_out("stop calling, text me", MessageChannel::Sms, &["call"]);
    opts_out("don't email me, call me", MessageChannel::Email, &["email"]);
    // A list with its conjunction is still a list.
    opts_out(
        "don't call, text, or email me",
        MessageChannel::Sms,
        &["sms", "call", "email"],
    );
    opts_out(
        "dont call, email or text me",
        MessageChannel::Sms,
        &["sms", "call", "email"],
    );
}

/// "Take me off" / "get me off" / "remove me from" something that is not a
/// list of contacts ("the night shift", "the schedule", "speaker") is not an
/// opt-out; a list, a group or a database is.
#[test]
fn off_something_that_is_not_a_list_is_not_an_opt_out() {
    not_an_opt_out("can you get me off the night shift");
    not_an_opt_out("remove me from the night shift");
    not_an_opt_out("can you take me off the schedule");
    not_an_opt_out("take me off the waitlist");
    not_an_opt_out("take me off speaker");
    not_an_opt_out("don't text me the night before");
    opts_out(
        "take me off the morning call list",
        MessageChannel::Sms,
        &["sms"],
    );
    opts_out("remove me from this group", MessageChannel::Sms, &["sms"]);
    opts_out(
        "remove me from your database",
        MessageChannel::Sms,
        &["sms"],
    );
    // A time before the means limits the request, which asks when.
    not_an_opt_out("stop the late night texts");
}

/// A message of opt-out keywords only is an opt-out however many there are
/// (the eight-word bound is for messages with filler).
#[test]
fn many_keywords_alone_opt_out() {
    opts_out(
        "END END END END END END END END END",
        MessageChannel::Sms,
        &["sms"],
    );
    opts_out(
        "quit quit quit quit quit quit quit quit quit quit",
        MessageChannel::Sms,
        &["sms"],
    );
    opts_out(
        "Stop. Stop. Stop. Stop. Stop. Stop. Stop. Stop. Stop. Stop.",
        MessageChannel::Sms,
        &["sms"],
    );
    opts_out("UNSUBSCRIBE UNSUBSCRIBE UNSUBSCRIBE UNSUBSCRIBE UNSUBSCRIBE UNSUBSCRIBE UNSUBSCRIBE UNSUBSCRIBE UNSUBSCRIBE", MessageChannel::Email, &["email"]);
}
