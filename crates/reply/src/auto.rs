//! Messages a machine sent in the customer's name: an out-of-office or
//! "automatic reply" email, a phone's reply while its owner drives, and a
//! delivery failure (a bounce) that comes back as an email. None is the
//! customer answering: the engine counts no reach and owes no reply for them
//! (a cadence goes on), and a bounce's words ("the recipient has
//! unsubscribed") are no opt-out of the customer's.
//!
//! Read on the message's words as [`crate::normalize`] gives them (folded,
//! upper case, one space between words, quoted history left out), with
//! high-precision marks only: a person who writes "I'm on vacation, call me
//! next week" by text has answered.

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

/// The subject lines a mail server's delivery failure starts with.
const BOUNCE_STARTS: &str = "UNDELIVERABLE|UNDELIVERED MAIL|DELIVERY STATUS NOTIFICATION|\
MAIL DELIVERY SUBSYSTEM|MAIL DELIVERY FAILED|MAIL DELIVERY FAILURE|DELIVERY HAS FAILED|\
RETURNED MAIL|MESSAGE NOT DELIVERED|FAILURE NOTICE|NON REMIS|NO SE PUDO ENTREGAR";

/// What a delivery failure says anywhere in it, SMTP's permanent failure
/// codes among it.
const BOUNCE_WORDS: &str = "ADDRESS NOT FOUND|COULDN'T BE DELIVERED|COULD NOT BE DELIVERED|\
WASN'T DELIVERED|WAS NOT DELIVERED|DELIVERY HAS FAILED|DELIVERY TO THE FOLLOWING RECIPIENT|\
USER UNKNOWN|MAILBOX UNAVAILABLE|MAILBOX IS FULL|RECIPIENT ADDRESS REJECTED|NO SUCH USER|\
THE RECIPIENT HAS|RECIPIENT UNSUBSCRIBED|PERMANENT ERROR|550 5|551 5|552 5|553 5|554 5|\
550 USER|550 RECIPIENT";

/// The subject lines an auto-reply starts with, in the languages customers
/// here write (Outlook's "Automatic reply:"), by any channel.
const AWAY_STARTS: &str = "AUTOMATIC REPLY|AUTOMATED REPLY|AUTO REPLY|AUTO-REPLY|AUTOREPLY|\
AUTOMATIC RESPONSE|AUTOMATED RESPONSE|AUTO RESPONSE|AUTORESPONSE|REPONSE AUTOMATIQUE|\
RESPUESTA AUTOMATICA";

/// The subject lines an out-of-office email starts with (a person may text
/// "Out of the office till 3, call me then").
const AWAY_EMAIL_STARTS: &str = "OUT OF OFFICE|OUT OF THE OFFICE|FUERA DE LA OFICINA|\
ABSENCE DU BUREAU";

/// What an auto-reply says anywhere in it, by any channel: a machine
/// speaking of itself, and the phone's reply while its owner drives.
const AWAY_WORDS: &str = "THIS IS AN AUTOMATIC REPLY|THIS IS AN AUTOMATED REPLY|\
THIS IS AN AUTOMATIC RESPONSE|THIS IS AN AUTOMATED RESPONSE|THIS IS AN AUTOMATED MESSAGE|\
THIS IS AN AUTOMATIC MESSAGE|AUTOMATICALLY GENERATED|LIMITED ACCESS TO EMAIL|\
LIMITED ACCESS TO E-MAIL|LIMITED ACCESS TO MY EMAIL|I'LL SEE YOUR MESSAGE WHEN I GET WHERE|\
HAS NOTIFICATIONS SILENCED|PLEASE DO NOT REPLY TO THIS MESSAGE|PLEASE DO NOT REPLY TO THIS EMAIL";

/// What an out-of-office email says: a person writes so by text and means
/// it, and by email too ("I am out of the office till Monday but
/// interested"), so it takes one of [`AWAY_EMAIL_ALSO`] as well.
const AWAY_EMAIL_WORDS: &str = "I AM OUT OF THE OFFICE|I'M OUT OF THE OFFICE|\
I AM CURRENTLY OUT OF THE OFFICE|I'M CURRENTLY OUT OF THE OFFICE|I WILL BE OUT OF THE OFFICE|\
I'LL BE OUT OF THE OFFICE|I AM OUT OF OFFICE|I'M OUT OF OFFICE|I AM CURRENTLY OUT OF OFFICE|\
I'M CURRENTLY OUT OF OFFICE|I AM AWAY FROM THE OFFICE|I'M AWAY FROM THE OFFICE|\
I AM CURRENTLY AWAY|I'M CURRENTLY AWAY|JE SUIS ABSENT|JE SUIS ACTUELLEMENT ABSENT|\
ESTOY FUERA DE LA OFICINA|ME ENCUENTRO FUERA DE LA OFICINA";

/// What else an out-of-office email says: when its owner answers, and whom
/// to write meanwhile.
const AWAY_EMAIL_ALSO: &str = "URGENT|UPON MY RETURN|WHEN I RETURN|ON MY RETURN|I WILL RESPOND|\
I WILL REPLY|I WILL GET BACK TO YOU|I'LL RESPOND|I'LL REPLY|I'LL GET BACK TO YOU|IN MY ABSENCE|\
PLEASE CONTACT|I WILL RETURN|I'LL RETURN|I WILL BE BACK|I'LL BE BACK|RETURNING ON|\
BACK IN THE OFFICE|ACCESS TO EMAIL|ACCESS TO E-MAIL|NOT BE CHECKING|A MON RETOUR|A MI REGRESO|\
A MI VUELTA";

/// Whether a machine sent the message whose normalised words are `words`,
/// received by `channel`, and what kind.
pub(crate) fn automated(words: &str, channel: MessageChannel) -> Option<Automated> {
    let email = channel == MessageChannel::Email;
    if email && (starts(words, BOUNCE_STARTS) || within(words, BOUNCE_WORDS)) {
        Some(Automated::Bounce)
    } else if starts(words, AWAY_STARTS)
        || within(words, AWAY_WORDS)
        || (email
            && (starts(words, AWAY_EMAIL_STARTS)
                || (within(words, AWAY_EMAIL_WORDS) && within(words, AWAY_EMAIL_ALSO))))
    {
        Some(Automated::AutoReply)
    } else {
        None
    }
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
        automated(&normalize(text), channel)
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
            ("Delivery failed: recipient unsubscribed", Email, Some(Automated::Bounce)),
            ("The delivery failed to show up, where is my order?", Email, None),
            ("Stop", Email, None),
        ] {
            assert_eq!(of(text, channel), want, "{text}");
        }
    }
}
