//! The examples docs/consent.md gives, as it gives them.

use super::*;

/// The examples docs/consent.md §2 gives, as it gives them.
#[test]
fn documented_examples() {
    let s = MessageChannel::Sms;
    let e = MessageChannel::Email;
    for t in [
        "stop texting me",
        "STOP lol",
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
        "I never asked to be texted",
        "I never said you could text me, STOP",
        "I didn't send STOP, stop anyway",
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
        "Stop! lol you're too funny",
        "Stop, you're making me blush",
        "STOP IT that's too good 😍",
        "not interested",
        "no thanks",
        "wrong number",
        "who is this?",
        "how did you get my number?",
        "I'm driving with Do Not Disturb While Driving turned on.",
        "I didn't send STOP, that wasn't me",
        "I never asked to unsubscribe",
        "Yo no mandé STOP",
        "Je n'ai jamais dit STOP",
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
