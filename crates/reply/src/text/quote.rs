//! What a mail program writes around the customer's words: the history a
//! reply quotes, the signature under it, and the subject prefixes before it.

use std::borrow::Cow;

/// The customer's own lines of a message, without the history it quotes:
/// "> ..." (or "| ...") lines, with the line that introduces them ("On ...
/// wrote:"), wherever they stand — a reply may be written above the quote,
/// below it or between its lines; and once something has been written, the
/// rest from a line that starts unquoted history or a signature
/// ("-----Original Message-----", "From:", "De :", "--", "Sent from my",
/// "Sent from Outlook", "Enviado desde mi iPhone"); and, below their words,
/// the lines of their card ("Cell: 555-123-4567", "Email: jo@acme.com").
/// A message with no line of its own is read as the customer's: it is all
/// they wrote.
pub fn before_quote(text: &str) -> Cow<'_, str> {
    let mut kept = String::new();
    let mut skipped = false;
    let mut header = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        at += line.len();
        let t = line.trim_start();
        // (A phone's reaction on its line, our words: `Liked "... Reply
        // STOP to opt out"` over the customer's card.)
        if quoted(t) || crate::tapback(t) {
            skipped = true;
            continue;
        }
        if quote_header(t) && quote_follows(text.get(at..).unwrap_or("")) {
            skipped = true;
            header = true;
            continue;
        }
        if starts_history(t) && own(&kept) {
            break;
        }
        if own(&kept) && card(t) {
            skipped = true;
            continue;
        }
        kept.push_str(line);
    }
    if !own(&kept) {
        // Only a quote: the customer's, unless a mail program introduced it
        // (then it is ours, and the customer wrote nothing).
        if header {
            Cow::Borrowed("")
        } else {
            Cow::Borrowed(text)
        }
    } else if skipped {
        Cow::Owned(kept)
    } else {
        Cow::Borrowed(text.get(..kept.len()).unwrap_or(text))
    }
}

/// Whether `t` has something written on it: a letter, a digit, or any
/// character beyond ASCII.
fn own(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_alphanumeric() || b >= 0x80)
}

/// A quoted line: "> ..." or "| ...".
fn quoted(t: &str) -> bool {
    t.trim_start().starts_with(['>', '|'])
}

/// The next line with something on it in `rest` is quoted.
fn quote_follows(rest: &str) -> bool {
    rest.split_inclusive('\n')
        .find(|l| own(l) || quoted(l))
        .is_some_and(quoted)
}

/// A line of the sender's card: labels, each with its colon and a phone
/// number or an email address ("Cell: 555-123-4567", "E-mail: jo@acme.com",
/// "Phone: 555-123-4567 | Email: jo@acme.com", "Call/Text: 555-123-4567",
/// "Call or text me anytime: (555) 123-4567", "Tél.: 514-555-0142"). It
/// tells where the sender can be reached and asks nothing: "Do not contact
/// me" over "Cell: ..." and "Email: ..." is still no contact at all, and
/// "Stop calling me" over "Text: ..." still revokes texts. The customer's
/// words are read: "My cell: ...", "New number: ...", and a verb with "me"
/// alone ("Don't call my office.\nCall me: 555-123-4567": another line).
fn card(t: &str) -> bool {
    // (The words of a label, in any case.)
    const LABELS: &str = "phone cell cellphone mobile mob tel telephone email e mail fax office \
        home work direct main m t c o p w h cel celular movil móvil tél téléphone teléfono \
        telefono correo courriel cellulaire bureau oficina casa text txt call or and me \
        anytime sms whatsapp";
    // (Bytes: each bound is an ASCII byte, so a character's bound.)
    let mut labelled = false;
    t.as_bytes()
        .split(|&b| b == b'|')
        .enumerate()
        .all(|(n, pair)| {
            let colon = pair.iter().take_while(|&&b| b != b':').count();
            let (label, value) = pair.split_at(colon);
            let value = value.get(1..).unwrap_or(pair).trim_ascii();
            let digits = value.iter().filter(|b| b.is_ascii_digit()).count();
            let number = digits >= 7 && value.iter().all(|b| b" ()+-.0123456789".contains(b));
            let address = value.contains(&b'@') && !value.contains(&b' ');
            // (Between bars, a value alone, and the name first, each word
            // capitalised: "Jane Doe |
            // Text: 555-123-4567 | jane@example.com".)
            if colon == pair.len() {
                return number
                    || address
                    || (n == 0
                        && value.split(|&b| b == b' ').all(|w| {
                            w.first().is_some_and(u8::is_ascii_uppercase)
                                && w.iter().all(|b| b.is_ascii_alphabetic() || *b == b'.')
                        }));
            }
            labelled = true;
            let (mut words, mut me) = (0, false);
            // ("Cell (text): ...", "Text/WhatsApp: ...".)
            for w in label
                .split(|b| b" /-.()".contains(b))
                .filter(|w| !w.is_empty())
            {
                if !LABELS
                    .split(' ')
                    .any(|l| l.as_bytes().eq_ignore_ascii_case(w))
                {
                    return false;
                }
                words += 1;
                me |= w.eq_ignore_ascii_case(b"me");
            }
            (number || address) && words > 0 && !(me && words < 3)
        })
        && labelled
}

/// A line (trimmed at its start) from which the rest is unquoted history or
/// a signature.
fn starts_history(t: &str) -> bool {
    t.starts_with("---")
        || t.trim_end() == "--"
        || t.starts_with("_____")
        || [
            "From:",
            "*From:*",
            "De:",
            "De :",
            "Von:",
            // A mail or texting app's line: "Sent from my iPhone", "Sent
            // from Outlook", "Sent via TextNow", "Enviado desde mi iPhone",
            // "Envoyé de mon iPhone", "Obtener Outlook para iOS".
            "Sent from ",
            "Sent via ",
            "Sent with ",
            "Enviado desde ",
            "Enviado con ",
            "Envoyé de ",
            "Envoyé à partir de ",
            "Get Outlook for",
            "Obtener Outlook para",
            "Obtenir Outlook pour",
            // An antivirus's or a mail policy's line under the message:
            // "This email has been scanned for viruses by Avast.",
            // "Virus-free. www.avg.com", "Please consider the environment
            // before printing this email."
            "This email has been scanned for viruses",
            "This email has been checked for viruses",
            "This e-mail has been scanned for viruses",
            "This e-mail has been checked for viruses",
            "Virus-free.",
            "Virus-free www.",
            "Please consider the environment before printing",
        ]
        .iter()
        .any(|w| t.starts_with(w))
        || quote_header(t)
}

/// A line that introduces quoted history, in the mail programs' words:
/// "On Tue, Bob wrote:", "---- On Tue, 03 Mar 2026 Bob wrote ----" (within
/// dashes), "Bob <bob@x.com> wrote:", "Le ... a écrit :", "El ... escribió:",
/// "Am ... schrieb Bob:".
fn quote_header(line: &str) -> bool {
    let t = line.trim().trim_matches('-').trim();
    let starts = |w: &str| t.starts_with(w);
    let ends = |w: &str| t.trim_end_matches(':').trim_end().ends_with(w);
    (starts("On ") && t.contains("wrote"))
        || (t.contains(" wrote on ") && t.trim_end().ends_with(':'))
        || ends("wrote")
        || ends("writes")
        || (starts("Le ") && t.contains("crit"))
        || (starts("El ") && t.contains("escribi"))
        || (starts("Am ") && t.contains("schrieb"))
}

/// The message without the mail program's subject prefixes it starts with
/// ("Re: STOP", "Subject: Remove", "Fwd: unsubscribe" are the keyword).
pub(super) fn without_subject(mut text: &str) -> &str {
    loop {
        let t = text.trim_start();
        let Some(colon) = t.get(..9).unwrap_or(t).find(':') else {
            return text;
        };
        let head = t.get(..colon).unwrap_or("").trim_end();
        if !["re", "fw", "fwd", "aw", "tr", "subject", "objet", "asunto"]
            .iter()
            .any(|p| head.eq_ignore_ascii_case(p))
        {
            return text;
        }
        text = t.get(colon + 1..).unwrap_or("");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_history_is_not_read() {
        assert_eq!(
            before_quote("Sounds good.\n\n> Reply STOP"),
            "Sounds good.\n\n"
        );
        assert_eq!(
            before_quote("Thanks\nOn Mon, Nov 2 Cadence wrote:\nunsubscribe"),
            "Thanks\n"
        );
        assert_eq!(before_quote("> stop"), "> stop");
        // A reply written below the quote: the quote above is not read.
        assert_eq!(
            before_quote("> Reply STOP to unsubscribe\n\nsee you thursday"),
            "\nsee you thursday"
        );
        // Below the attribution and its quote, and between quoted lines.
        assert_eq!(
            before_quote("On Tue, Nov 3, 2026 Sam wrote:\n> Hi Jo.\n\nUnsubscribe me\n\nJo"),
            "\nUnsubscribe me\n\nJo"
        );
        assert_eq!(
            before_quote("Hi Sam,\nOn Tue Sam wrote:\n> Still interested?\nNo. Stop emailing me."),
            "Hi Sam,\nNo. Stop emailing me."
        );
        // Unquoted history after a header in Spanish, or quoted with bars.
        assert_eq!(
            before_quote("Sounds good.\nDe: Sam\nAsunto: hola\nResponda BAJA"),
            "Sounds good.\n"
        );
        assert_eq!(before_quote("Sounds good.\n| Reply STOP"), "Sounds good.\n");
        // Only our quoted message under its attribution: nothing of theirs.
        assert_eq!(
            before_quote("On Mon, Nov 2 Cadence wrote:\n> unsubscribe here"),
            ""
        );
        // "wrote on" in the customer's own sentence.
        assert_eq!(
            before_quote("Hi,\nI never wrote on your form.\nPlease stop texting me."),
            "Hi,\nI never wrote on your form.\nPlease stop texting me."
        );
        // An antivirus's line under the message.
        assert_eq!(
            before_quote("Remove\n\nVirus-free. www.avg.com"),
            "Remove\n\n"
        );
        assert_eq!(
            before_quote("This email has been scanned for viruses by Avast."),
            "This email has been scanned for viruses by Avast."
        );
        // The sender's card under their words, not the customer's own.
        assert_eq!(
            before_quote("Stop calling me.\n\nJane\nText: 555-123-4567\nE-mail: jo@acme.com"),
            "Stop calling me.\n\nJane\n"
        );
        assert_eq!(
            before_quote("Don't call my office.\nCall me: 555-123-4567"),
            "Don't call my office.\nCall me: 555-123-4567"
        );
        assert_eq!(
            before_quote(">> Reply STOP\n> ok?\nyes\n> more\nbye"),
            "yes\nbye"
        );
    }
}
