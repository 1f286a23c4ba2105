//! Property tests: any message gets a consistent answer, the same twice.

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
