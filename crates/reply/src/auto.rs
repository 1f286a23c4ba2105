//! Messages a machine sent in the customer's name: an out-of-office or
//! "automatic reply" email, a phone's reply while its owner drives, and a
//! delivery failure (a bounce) logged as an inbound message. None is the
//! customer answering: the engine counts no reach and owes no reply for them
//! (a cadence goes on), and a bounce's words ("the recipient has
//! unsubscribed") are no opt-out of the customer's.
//!
//! Read from the marks a machine leaves and a person does not: a subject
//! line before its colon and a short first line (as written), and what an
//! out-of-office note says with its return, in the message's words as
//! [`crate::normalize`] gives them (folded, upper case, one space between
//! words, quoted history left out). A person who writes "I'm on vacation,
//! call me next week" has answered.

use serde::Serialize;

use crate::channel::MessageChannel;

/// What sent a message in the customer's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Automated {
    /// An out-of-office, vacation or "automatic reply" message, or a phone's
    /// reply while driving.
    AutoReply,
    /// A delivery failure: the message never reached the customer.
    Bounce,
}

/// How a mail server's delivery failure starts: its subject line, or its
/// first words. Only at the start: a customer writes "my last reply wasn't
/// delivered, stop emailing me" and means it. By any channel (a host may log
/// a notice as a text): what a message asks does not hang on its medium.
const BOUNCE_STARTS: &str = "UNDELIVERABLE|UNDELIVERED MAIL|DELIVERY STATUS NOTIFICATION|\
MAIL DELIVERY SUBSYSTEM|MAIL DELIVERY FAILED|MAIL DELIVERY FAILURE|DELIVERY HAS FAILED|\
RETURNED MAIL|MESSAGE NOT DELIVERED|FAILURE NOTICE|NON REMIS|NO SE PUDO ENTREGAR|\
ADDRESS NOT FOUND|THE RECIPIENT HAS|RECIPIENT HAS|THIS IS THE MAIL SYSTEM|\
I'M SORRY TO HAVE TO INFORM YOU|550 5|551 5|552 5|553 5|554 5|550 USER|550 RECIPIENT";

/// The subject lines an auto-reply has, before their colon ("Automatic
/// reply: Intro", "Out of Office: back Monday"), in the languages customers
/// here write, by any channel.
const AWAY_SUBJECTS: &str = "AUTOMATIC REPLY|AUTOMATED REPLY|AUTO REPLY|AUTO-REPLY|AUTOREPLY|\
AUTOMATIC RESPONSE|AUTOMATED RESPONSE|AUTO RESPONSE|AUTORESPONSE|OUT OF OFFICE|OUT OF THE OFFICE|\
OOO|VACATION REPLY|VACATION RESPONSE|REPONSE AUTOMATIQUE|ABSENCE DU BUREAU|RESPUESTA AUTOMATICA|\
FUERA DE LA OFICINA|RESPOSTA AUTOMATICA|AUTOMATISCHE ANTWORT|ABWESENHEITSNOTIZ";

/// A subject line that answers or passes on another: the message is a
/// person's ("Re: Undeliverable parcel").
const REPLIED: &str = "RE|FW|FWD|TR|RV|RES|ENC|AW|WG|SV";

/// What an auto-reply says anywhere in it, by any channel: a machine
/// speaking of itself, and the phone's reply while its owner drives.
const AWAY_WORDS: &str = "THIS IS AN AUTOMATIC REPLY|THIS IS AN AUTOMATED REPLY|\
THIS IS AN AUTOMATIC RESPONSE|THIS IS AN AUTOMATED RESPONSE|THIS IS AN AUTOMATED MESSAGE|\
THIS IS AN AUTOMATIC MESSAGE|THIS MESSAGE WAS AUTOMATICALLY GENERATED|THIS IS AN AUTO-GENERATED|\
I'LL SEE YOUR MESSAGE WHEN I GET WHERE|HAS NOTIFICATIONS SILENCED";

/// What an out-of-office email says: a person writes so by text and means
/// it, and by email too ("I am out of the office till Monday but
/// interested"), so it takes one of [`AWAY_EMAIL_ALSO`] as well.
const AWAY_EMAIL_WORDS: &str = "I AM OUT OF THE OFFICE|I'M OUT OF THE OFFICE|\
I AM CURRENTLY OUT OF THE OFFICE|I'M CURRENTLY OUT OF THE OFFICE|I WILL BE OUT OF THE OFFICE|\
I'LL BE OUT OF THE OFFICE|I AM OUT OF OFFICE|I'M OUT OF OFFICE|I AM CURRENTLY OUT OF OFFICE|\
I'M CURRENTLY OUT OF OFFICE|I AM AWAY FROM THE OFFICE|I'M AWAY FROM THE OFFICE|\
I AM CURRENTLY AWAY|I'M CURRENTLY AWAY|JE SUIS ABSENT|JE SUIS ACTUELLEMENT ABSENT|\
ESTOY FUERA DE LA OFICINA|ME ENCUENTRO FUERA DE LA OFICINA|I AM ON VACATION|I'M ON VACATION|\
I AM AWAY FROM MY|I'M AWAY FROM MY|I AM CURRENTLY TRAVELING|I'M CURRENTLY TRAVELING|\
I AM ON LEAVE|I'M ON LEAVE|I AM CURRENTLY ON LEAVE|I'M CURRENTLY ON LEAVE|\
I AM CURRENTLY ON VACATION|I'M CURRENTLY ON VACATION|I AM CURRENTLY ON MATERNITY|\
I'M CURRENTLY ON MATERNITY|I AM CURRENTLY ON PARENTAL|I'M CURRENTLY ON PARENTAL|\
I'M CURRENTLY OOO|I AM CURRENTLY OOO|I'M OOO|I AM OOO|JE SUIS ABSENTE|JE SERAI ABSENT|\
JE SERAI ABSENTE|JE SUIS EN VACANCES|JE SUIS EN CONGE|JE SUIS ACTUELLEMENT EN|ESTARE FUERA|\
ESTOY DE VACACIONES|ME ENCUENTRO DE VACACIONES";

/// What else an out-of-office email says: when its owner answers, and whom
/// to write meanwhile.
const AWAY_EMAIL_ALSO: &str = "FOR URGENT|URGENT MATTERS|URGENT INQUIRIES|MATTER IS URGENT|\
UPON MY RETURN|WHEN I RETURN|ON MY RETURN|WILL RESPOND|WILL REPLY|WILL GET BACK TO YOU|\
I'LL RESPOND|I'LL REPLY|I'LL GET BACK TO YOU|IN MY ABSENCE|PLEASE CONTACT|WILL RETURN|I'LL RETURN|\
WILL BE BACK|I'LL BE BACK|RETURNING ON|RETURN ON|BACK IN THE OFFICE|ACCESS TO EMAIL|\
ACCESS TO E-MAIL|ACCESS TO MY EMAIL|NOT BE CHECKING|A MON RETOUR|A MI REGRESO|A MI VUELTA|\
WHEN I'M BACK|LIMITED ACCESS|RESPOND TO YOUR|REPLY TO YOUR|GET BACK TO YOU|ACCES LIMITE|\
SANS ACCES|JE REPONDRAI|DES MON RETOUR|EN CAS D'URGENCE|POUR TOUTE URGENCE|ACCESO LIMITADO|\
SIN ACCESO|RESPONDERE|EN CASO DE URGENCIA|PARA ASUNTOS URGENTES";

/// What a person adds to an out-of-office note written by hand ("I'm out
/// of the office and will be back Monday. Call me then about the quote"),
/// or to a joke ("I'll see your message when I get where I'm going --
/// kidding").
const ENGAGED: &str = "CALL ME|TEXT ME|CALL MY|INTERESTED|I ACCEPT|YOUR OFFER|THE QUOTE|THE DEAL|\
I WANT|SOUNDS GOOD|WORKS FOR ME|KIDDING|JOKING";

/// Whether a machine sent the message `text`, whose normalised words are
/// `words`, received by `channel`, and what kind.
pub(crate) fn automated(text: &str, words: &str, channel: MessageChannel) -> Option<Automated> {
    let email = channel == MessageChannel::Email;
    let first = text.trim_start().lines().next().unwrap_or("");
    // The words before a colon on the first line, as a subject line shows
    // them ("Automatic reply: Intro" gives "AUTOMATIC REPLY"); none without
    // a colon ("auto reply? no, this is me").
    let subject = first
        .split_once(':')
        .filter(|(head, _)| head.len() <= 48)
        .map(|(head, _)| crate::normalize(head));
    let replied = subject.as_deref().is_some_and(|s| listed(s, REPLIED));
    // A bounce's subject line, or a first line that is a heading: short,
    // asking nothing ("Mail delivery failed when I replied, so here's my
    // answer" and "Message not delivered? Let me know" are a person's). A
    // subject line repeats ours after its colon, whatever that asks
    // ("Undeliverable: Are you still interested?").
    let heading = crate::normalize(first);
    let bounce = subject.as_deref().is_some_and(|s| starts(s, BOUNCE_STARTS))
        || (!first.contains('?')
            && heading.split(' ').count() <= 10
            && starts(&heading, BOUNCE_STARTS));
    if replied {
        None
    } else if bounce {
        Some(Automated::Bounce)
    } else if subject.as_deref().is_some_and(|s| starts(s, AWAY_SUBJECTS)) {
        // (Whatever our subject it repeats: "Automatic reply: Are you still
        // interested?")
        Some(Automated::AutoReply)
    } else if within(words, ENGAGED) {
        None
    } else if within(words, AWAY_WORDS)
        || (email && within(words, AWAY_EMAIL_WORDS) && within(words, AWAY_EMAIL_ALSO))
    {
        Some(Automated::AutoReply)
    } else {
        None
    }
}

/// Whether `words` is one of the `|`-parted `marks`.
fn listed(words: &str, marks: &str) -> bool {
    marks.split('|').any(|m| m == words)
}

/// Whether `words` start with one of the `|`-parted `marks`, as whole words.
fn starts(words: &str, marks: &str) -> bool {
    marks.split('|').any(|m| {
        words
            .strip_prefix(m)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// Whether one of the `|`-parted `marks` is in `words`, as whole words.
fn within(words: &str, marks: &str) -> bool {
    marks.split('|').any(|m| {
        words.match_indices(m).any(|(i, _)| {
            let before = words
                .get(..i)
                .map_or(true, |b| b.is_empty() || b.ends_with(' '));
            let after = words
                .get(i.saturating_add(m.len())..)
                .map_or(true, |a| a.is_empty() || a.starts_with(' '));
            before && after
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    fn of(text: &str, channel: MessageChannel) -> Option<Automated> {
        automated(text, &normalize(text), channel)
    }

    #[test]
    fn auto_replies_and_bounces() {
        use MessageChannel::{Email, Sms};
        for (text, channel, want) in [
            ("Automatic reply: Your quote\n\nI am out of the office until Monday, November 9.", Email, Some(Automated::AutoReply)),
            ("Thank you for your email. I'm currently out of the office with limited access to email.", Email, Some(Automated::AutoReply)),
            ("Réponse automatique : Absent du bureau", Email, Some(Automated::AutoReply)),
            ("I'm Driving - I'll see your message when I get where I'm going.", Sms, Some(Automated::AutoReply)),
            ("Delivery Status Notification (Failure)\n\nAddress not found", Email, Some(Automated::Bounce)),
            ("550 5.7.1 Recipient has opted out", Email, Some(Automated::Bounce)),
            ("The recipient has unsubscribed from this mailing list.", Email, Some(Automated::Bounce)),
            // People, answering.
            ("I'm out of the office today, call me at home", Sms, None),
            ("I'm on vacation, call me next week", Email, None),
            ("Thanks, I am out of the office till Monday but interested", Email, None),
            ("Thank you for your message. I am currently out of the office and will return on Monday. For urgent matters please contact Bob.", Email, Some(Automated::AutoReply)),
            ("Out of curiosity, what's the price?", Email, None),
            ("I'm driving, call you later", Sms, None),
            ("Out of the office till 3, call me then", Sms, None),
            ("550 dollars is too much", Email, None),
            ("Delivery failed again, I want a refund", Email, None),
            ("Out of Office: Back on Monday", Email, Some(Automated::AutoReply)),
            ("550 User has unsubscribed / account disabled", Email, Some(Automated::Bounce)),
            ("Thank you for your email. I am currently out of the office and will return on Monday.", Email, Some(Automated::AutoReply)),
            // A person's own words near the marks.
            ("auto reply? no, this is me", Sms, None),
            ("auto reply? no, this is me", Email, None),
            ("out of office till 3, call then", Email, None),
            ("Stop emailing me. My last reply wasn't delivered.", Email, None),
            ("the message wasn't delivered to my wife", Email, None),
            ("Re: Undeliverable parcel\n\nWhere is my package?", Email, None),
            ("I have limited access to email this week, text me", Sms, None),
            ("Please do not reply to this email address, call me instead", Email, None),
            ("Mail delivery failed when I replied, so here's my answer: yes, Tuesday works", Email, None),
            ("Message not delivered? Let me know if you got this", Email, None),
            ("I'm out of the office and will be back Monday. Call me then about the quote", Email, None),
            ("I'm currently on the fence, will reply to your email tomorrow", Email, None),
            ("The delivery failed to show up, where is my order?", Email, None),
            ("Stop", Email, None),
            ("Je suis absent du bureau jusqu'au 14 décembre avec un accès limité à mes courriels.", Email, Some(Automated::AutoReply)),
            ("Estoy de vacaciones hasta el lunes, sin acceso al correo.", Email, Some(Automated::AutoReply)),
            // Our own subject repeated after a machine's prefix.
            ("Automatic reply: Are you still interested?\n\nI am out of the office until Monday.", Email, Some(Automated::AutoReply)),
            ("Undeliverable: Are you still interested?\n\nThe recipient has unsubscribed.", Email, Some(Automated::Bounce)),
        ] {
            assert_eq!(of(text, channel), want, "{text}");
        }
    }
}
