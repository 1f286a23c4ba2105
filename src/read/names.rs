//! Names from a fixed list (an event's kind, a channel, an outcome), read
//! loosely as CRMs and messaging providers write them.

use crate::channel::Channel;
use crate::model::{Direction, DndChannel, DndSource, Interaction, MessageChannel, Outcome};

use super::value::Val;

/// One of the `names`, mapped to its value: as the contract spells it, or as CRM
/// exports write it — in any letter case, with spaces, `_` or `-` between the
/// words (`"SMS"`, `"No Answer"`, `"left_voicemail"`, `"in-store"`), or in one of
/// the [`ALIASES`] (`"inbound"`, `"text"`).
pub(super) fn one_of<T: Copy>(v: Val<'_>, names: &[(&str, T)]) -> std::result::Result<T, String> {
    if let Val::Str(s) = &v {
        if let Some((_, t)) = names.iter().find(|(n, _)| *n == s.as_ref()) {
            return Ok(*t);
        }
    }
    let mut list = [""; NAMES_MAX];
    for (slot, (n, _)) in list.iter_mut().zip(names) {
        *slot = n;
    }
    let i = index_of(&v, list.get(..names.len()).unwrap_or(&list))?;
    names.get(i).map(|(_, t)| *t).ok_or_else(String::new)
}

/// Other words for the names, as messaging providers and CRMs write them:
/// Twilio's directions (`inbound`, `outbound-api`), "text" for a text message,
/// "phone" for a call, "voicemail" for a left voicemail, and the outcomes as a
/// rep picks them when logging an activity. Each stands for its name only in a
/// field that has that name. `alias>name|` pairs: one text, not a table of
/// pointers, in the WebAssembly module.
const ALIASES: &str = concat!(
    "inbound>in|",
    "incoming>in|",
    "received>in|",
    "outbound>out|",
    "outbound-api>out|",
    "outbound-call>out|",
    "inbound-call>in|",
    "incoming-call>in|",
    "outgoing-call>out|",
    "outbound-reply>out|",
    "inbound message>in|",
    "incoming sms>in|",
    "outbound message>out|",
    "outgoing sms>out|",
    "outgoing>out|",
    "sent>out|",
    // SMS aggregators' mobile-originated and mobile-terminated messages.
    "mo>in|",
    "mt>out|",
    "text>sms|",
    "text message>sms|",
    "text messages>sms|",
    "sms message>sms|",
    "email message>email|",
    // A picture message is a text message (and the TCPA reads it as one).
    "mms>sms|",
    "phone>call|",
    "phone call>call|",
    "phone calls>call|",
    "outgoing call>call|",
    "incoming phone call>call|",
    "outbound phone call>call|",
    "outbound call>call|",
    "inbound call>call|",
    "incoming call>call|",
    "in person>inStore|",
    "walk-in>inStore|",
    "store visit>inStore|",
    "showroom visit>inStore|",
    "showroom>inStore|",
    "voicemail>leftVoicemail|",
    // The outcomes as a rep picks them when logging an activity (the status
    // labels: "Left a Voicemail", "Sold a Product or Service").
    "left a voicemail>leftVoicemail|",
    "sold a product or service>sold|",
    // Call dispositions as dialers and CRMs log them (HubSpot's "Busy", "Left
    // live message"; Twilio's "busy"; Aircall's "answered"): a busy line is
    // not reached, a message left with whoever answered is a message left.
    // A call's state as a provider logs it is read as its outcome: Twilio's
    // "completed" (answered, then ended) and RingCentral's "Call connected"
    // and "Accepted" a call answered; a call that failed, was cancelled,
    // missed, declined or abandoned, or met a machine, one without contact.
    // (A record refused for its disposition would lose its opt-outs.)
    "busy>noAnswer|",
    "unanswered>noAnswer|",
    "answered>connected|",
    "completed>connected|",
    "call connected>connected|",
    "accepted>connected|",
    "live answer>connected|",
    "spoke with contact>connected|",
    "contact made>connected|",
    "answered meeting set>connected|",
    "meeting booked>connected|",
    "appointment set>connected|",
    "callback requested>connected|",
    "requested call back>connected|",
    "interested>connected|",
    "requested more info>connected|",
    "answered not interested>noSale|",
    // Salesforce Sales Engagement's own call results: "Meaningful Connect"
    // a conversation, "Uncategorized" a call logged with none chosen (as
    // Five9's "No Disposition").
    "meaningful connect>connected|",
    "uncategorized>noAnswer|",
    "no voicemail>noAnswer|",
    "no vm>noAnswer|",
    "voicemail not left>noAnswer|",
    "vm not left>noAnswer|",
    "failed>noAnswer|",
    "call failed>noAnswer|",
    "call failure>noAnswer|",
    "dial error>noAnswer|",
    "canceled>noAnswer|",
    "cancelled>noAnswer|",
    "missed>noAnswer|",
    "missed call>noAnswer|",
    "not answered>noAnswer|",
    "no response>noAnswer|",
    "no response busy>noAnswer|",
    "busy no answer>noAnswer|",
    "line busy>noAnswer|",
    "rejected>noAnswer|",
    "declined>noAnswer|",
    "hang up>noAnswer|",
    "hung up>noAnswer|",
    "abandon>noAnswer|",
    "abandoned>noAnswer|",
    "answering machine>noAnswer|",
    "machine>noAnswer|",
    "gatekeeper>noAnswer|",
    "ringing>noAnswer|",
    "queued>noAnswer|",
    "initiated>noAnswer|",
    "blocked>noAnswer|",
    "stopped>noAnswer|",
    // Call states as telephony providers report them: a call still up when
    // the record was written was answered (Twilio's `in-progress`, HubSpot's
    // `IN_PROGRESS`); one still connecting, ringing the rep first (HubSpot's
    // `CALLING_CRM_USER`), that met a machine and left nothing (Close's
    // `vm-answer`) or an error reached no one. And the dispositions of
    // generic CRM picklists ("Attempted - No Contact", "Spoke With").
    "in progress>connected|",
    "connecting>noAnswer|",
    "calling crm user>noAnswer|",
    "vm answer>noAnswer|",
    "error>noAnswer|",
    "user busy>noAnswer|",
    "originator cancel>noAnswer|",
    "attempted>noAnswer|",
    "attempted no contact>noAnswer|",
    "no contact>noAnswer|",
    "not home>noAnswer|",
    "contacted>connected|",
    "spoke with>connected|",
    "spoke to contact>connected|",
    "call back later>connected|",
    "meeting scheduled>connected|",
    "answered interested>connected|",
    "answered follow up>connected|",
    "not connected>noAnswer|",
    "call attempted>noAnswer|",
    "not reached>noAnswer|",
    // RingCentral's call results, Aircall's states and missed-call reasons,
    // Dialpad's call states and Five9's system dispositions.
    "call accepted>connected|",
    "hold>connected|",
    "transferred to 3rd party>connected|",
    "internal error>noAnswer|",
    "restricted number>noAnswer|",
    "ip phone offline>noAnswer|",
    "no calling credit>noAnswer|",
    "not allowed>noAnswer|",
    "international disabled>noAnswer|",
    "poor line quality>noAnswer|",
    "unknown>noAnswer|",
    "initial>noAnswer|",
    "agents did not answer>noAnswer|",
    "no available agent>noAnswer|",
    "short abandoned>noAnswer|",
    "abandoned in ivr>noAnswer|",
    "out of opening hours>noAnswer|",
    "calling>noAnswer|",
    "preanswer>noAnswer|",
    "no disposition>noAnswer|",
    "timeout>noAnswer|",
    "recycle>noAnswer|",
    "caller disconnected>noAnswer|",
    "agent error>noAnswer|",
    // RingCentral's call results, Five9's dispositions, Twilio's answering
    // machine detection (`AnsweredBy`: a person, or a machine and its beep),
    // Sinch's and Vonage's call states.
    "not enough funds>noAnswer|",
    "answered not accepted>noAnswer|",
    "international restricted>noAnswer|",
    "resource unavailable>noAnswer|",
    "no party contact>noAnswer|",
    "human>connected|",
    "machine start>noAnswer|",
    "machine end beep>noAnswer|",
    "machine end silence>noAnswer|",
    "machine end other>noAnswer|",
    "cancel>noAnswer|",
    "started>noAnswer|",
    // RingOut's and Dynamics 365's phone call states (a call made, its
    // reach unknown; one received, taken), and compound picklist values.
    "finished>connected|",
    "success>connected|",
    "reply>connected|",
    "made>noAnswer|",
    "open>noAnswer|",
    "received>connected|",
    "no answer left voicemail>leftVoicemail|",
    "disconnected>noAnswer|",
    "voicemail full>noAnswer|",
    // Telnyx's answering machine detection and hang-up causes, more of
    // RingCentral's results, Aircall's final state (answered or not: its
    // missed-call reason tells), and dispositions CRMs' picklists hold.
    "human residence>connected|",
    "human business>connected|",
    "not sure>noAnswer|",
    "silence>noAnswer|",
    "fax detected>wrongNumber|",
    "normal clearing>connected|",
    "time limit>connected|",
    "call rejected>noAnswer|",
    "not found>wrongNumber|",
    "unspecified>noAnswer|",
    "call park>connected|",
    "suspended account>noAnswer|",
    "too many calls>noAnswer|",
    "done>noAnswer|",
    "held>connected|",
    "dialing>noAnswer|",
    "reached voicemail>noAnswer|",
    "message left>leftVoicemail|",
    "connected interested>connected|",
    "connected not interested>noSale|",
    "out of service>wrongNumber|",
    "number changed>wrongNumber|",
    // HubSpot's default call dispositions as its API stores them
    // (`hs_call_disposition`): Connected, No answer, Busy, Left voicemail,
    // Left live message, Wrong number.
    "f240bbac-87c9-4f6e-bf70-924b57d47db7>connected|",
    "73a0d17f-1163-4015-bdd5-ec830791da20>noAnswer|",
    "9d9162e7-6cf3-4944-bf63-4dff82258764>noAnswer|",
    "b2cf5968-551e-4856-9783-52b3da59a7d0>leftVoicemail|",
    "a4c4c377-d246-4b32-a13b-75a56a4cd0ff>leftVoicemail|",
    "17b47fee-58de-441e-a44c-c6300d46f273>wrongNumber|",
    "voicemail uploaded>leftVoicemail|",
    "voicemail dump>leftVoicemail|",
    "left live message>leftVoicemail|",
    "left message>leftVoicemail|",
    "left vm>leftVoicemail|",
    "left a message>leftVoicemail|",
    "voicemail left>leftVoicemail|",
    "left voice message>leftVoicemail|",
    "busy signal>noAnswer|",
    "no answer busy>noAnswer|",
    "vm>leftVoicemail|",
    "vm left>leftVoicemail|",
    "sent to voicemail>leftVoicemail|",
    "voicemail drop>leftVoicemail|",
    "reached>connected|",
    // A number that does not reach the contact (Outreach's and Salesloft's
    // "Bad Number", "Not In Service"): no calls or texts to it, as to a wrong
    // one; it may be another person's by now. (Not a bare "disconnected":
    // a call can be.)
    "wrong #>wrongNumber|",
    "bad number>wrongNumber|",
    "not in service>wrongNumber|",
    "number disconnected>wrongNumber|",
    "invalid number>wrongNumber|",
    "disconnected number>wrongNumber|",
    "number not in service>wrongNumber|",
    "operator intercept>wrongNumber|",
    "fax>wrongNumber|",
    "fax machine>wrongNumber|",
    // Deals as CRMs close them, and a lead who declines (Five9's "Sale
    // Made", "Not Interested").
    "closed won>sold|",
    "won>sold|",
    "sale made>sold|",
    "deal won>sold|",
    "won deal>sold|",
    "closed lost>noSale|",
    "closed lost to competition>noSale|",
    "lost>noSale|",
    "not interested>noSale|",
    // Why a DND was set, as email providers log it.
    "bounced>bounce|",
    "hard bounce>bounce|",
    "soft bounce>bounce|",
    "unsubscribed>unsubscribe|",
    "spam>complaint|",
    "spam report>complaint|",
    "spam complaint>complaint|",
    "abuse report>complaint|",
    // The customer's own opt-out, as SMS platforms label it.
    "stop>keyword|",
    "opted out>keyword|",
    "opt-out>keyword|",
    // Set by the host's people or lists: a rep's, and a do-not-call list's
    // (the national registry, the company's own, a litigator list), which a
    // START never lifts.
    "rep>manual|",
    "agent>manual|",
    "admin>manual|",
    "dnc>manual|",
    "dnc list>manual|",
    "national dnc>manual|",
    "federal dnc>manual|",
    "internal dnc>manual|",
    "litigator>manual|",
    // The channels in the plural, as a CRM's "Do not: Calls / Texts / Emails"
    // checkboxes name them, and a voice line.
    "calls>call|",
    "texts>sms|",
    "emails>email|",
    "voice>call|",
    // GoHighLevel's message types.
    "type sms>sms|",
    "type email>email|",
    "type call>call|",
    // GoHighLevel's DND settings as its screen names them.
    "calls & voicemails>call|",
    "calls and voicemails>call|",
    "calls & voicemail>call|",
    // A voicemail left without a ring is a call (FCC, 2022): a DND on
    // ringless voicemail is one on calls.
    "voicemail>call|",
    "voicemails>call|",
    "ringless voicemail>call|",
    "ringless voicemails>call|",
    "ringless vm>call|",
    "rvm>call|",
    "voicemail drop>call|",
    "calls voicemails>call|",
    "call voicemail>call|",
    "call & voicemail>call|",
    "text sms>sms|",
    "all channels>all|",
    "sms mms>sms|",
    "mail>email|",
    "do not call>call|",
);

/// The longest list [`one_of`] is given (checked below, where the lists are).
const NAMES_MAX: usize = 8;

/// Which of `names` `v` is loosely (see [`one_of`]), or "expected ... got ...".
/// Not generic, so that it is compiled once for every list.
fn index_of(v: &Val<'_>, names: &[&str]) -> std::result::Result<usize, String> {
    if let Val::Str(s) = v {
        let mut t: &str = s;
        let mut pairs = ALIASES.split('|').filter_map(|pair| pair.split_once('>'));
        loop {
            if let Some(i) = names.iter().position(|n| loosely(t, n)) {
                return Ok(i);
            }
            // What the next alias that `s` is stands for ("Outbound Call" is
            // Twilio's `outbound-call` direction, and a call).
            match pairs.find(|(alias, _)| loosely(s, alias)) {
                Some((_, name)) => t = name,
                None => break,
            }
        }
    }
    let list: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    let (init, last) = list.split_at(list.len().saturating_sub(1));
    let words = if init.is_empty() {
        last.join("")
    } else {
        format!("{} or {}", init.join(", "), last.join(""))
    };
    Err(format!("expected {words}, got {}", v.got()))
}

/// `text` is `name` in another letter case, with white space (a tab too),
/// `_`, `-`, a dash (a hyphen, Word's non-breaking or soft one, a minus sign)
/// or `/` between its words (compared without them on
/// either side: "Closed/Won", "No Answer/Busy", "Attempted – No Contact" as
/// picklists write them).
pub(super) fn loosely(text: &str, name: &str) -> bool {
    fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| {
                !(c.is_whitespace()
                    || matches!(
                        c,
                        '_' | '-' | '/' | '\u{ad}' | '\u{2010}'
                            ..='\u{2015}' | '\u{2212}' | '\u{ff0d}'
                    ))
            })
            .map(|c| c.to_ascii_lowercase())
    }
    letters(text).eq(letters(name))
}

/// The name of `names` (keys as the contract spells them) that `key` is
/// in another letter case or with white space, `_`, `-` or `/` between its
/// words: keys as webhooks (Twilio's `Body`), serializers (.NET's `Events`,
/// `Kind`) and SQL exports (`time_zone`, `due_at`) write them.
pub(super) fn folded_key(key: &str, names: &[&'static str]) -> Option<&'static str> {
    // No key read is longer than 19 letters: a custom field's long name is
    // passed over without a compare.
    if key.len() > 24 {
        return None;
    }
    names.iter().copied().find(|n| loosely(key, n))
}

pub(super) const KINDS: [(&str, Kind); 6] = [
    ("message", Kind::Message),
    ("activity", Kind::Activity),
    ("dnd", Kind::Dnd),
    ("stepDone", Kind::StepDone),
    ("callback", Kind::Callback),
    ("horizon", Kind::Horizon),
];
pub(super) const MESSAGE_CHANNELS: [(&str, MessageChannel); 2] = [
    ("sms", MessageChannel::Sms),
    ("email", MessageChannel::Email),
];
/// A channel as an argument names it (`checkChannel`'s, `classifyReply`'s
/// medium, a Worklist filter's), read as an event's channel is, aliases and
/// labels by their words ("Voice Call", "SMS & MMS") and all.
pub(crate) fn channel_named(s: &str) -> Option<Channel> {
    const CHANNELS: [&str; 3] = ["sms", "call", "email"];
    let v = Val::Str(s.into());
    let i = index_of(&v, &CHANNELS)
        .ok()
        .or_else(|| channel_by_words(&v))?;
    [Channel::Sms, Channel::Call, Channel::Email]
        .get(i)
        .copied()
}

pub(super) const DND_CHANNELS: [(&str, DndChannel); 4] = [
    ("sms", DndChannel::Sms),
    ("call", DndChannel::Call),
    ("email", DndChannel::Email),
    ("all", DndChannel::All),
];
pub(super) const DIRECTIONS: [(&str, Direction); 2] =
    [("in", Direction::In), ("out", Direction::Out)];
pub(super) const INTERACTIONS: [(&str, Interaction); 4] = [
    ("call", Interaction::Call),
    ("sms", Interaction::Sms),
    ("email", Interaction::Email),
    ("inStore", Interaction::InStore),
];
pub(super) const OUTCOMES: [(&str, Outcome); 7] = [
    ("connected", Outcome::Connected),
    ("noAnswer", Outcome::NoAnswer),
    ("leftVoicemail", Outcome::LeftVoicemail),
    ("wrongNumber", Outcome::WrongNumber),
    ("saleInProgress", Outcome::SaleInProgress),
    ("sold", Outcome::Sold),
    ("noSale", Outcome::NoSale),
];
pub(super) const SOURCES: [(&str, DndSource); 5] = [
    ("keyword", DndSource::Keyword),
    ("manual", DndSource::Manual),
    ("unsubscribe", DndSource::Unsubscribe),
    ("bounce", DndSource::Bounce),
    ("complaint", DndSource::Complaint),
];

/// Who set a DND, as the host labels it. A name of [`SOURCES`] or an alias;
/// else a label with a word of one (Twilio's "Advanced Opt-Out", "Carrier
/// Opt-Out", "SMS STOP", SendGrid's "group_unsubscribe"); else, a label the
/// engine does not know ("Workflow", "API", "Import"), a DND set by hand,
/// which a START does not lift. A person, a list or a system named in the
/// label ("DNC opt-out", "Opted out by rep", "Stop (litigator)", "Opted out
/// via workflow") makes it one set by hand. Words are whole words ("stop" is
/// not in "Backstop", nor "opt out" in "Adopt Outbound"); a word of the email
/// side may begin one ("bounced", "complaints", "unsubscribed").
pub(super) fn source_of(v: Val<'_>) -> DndSource {
    if let Ok(source) = one_of(v.clone(), &SOURCES) {
        return source;
    }
    let Val::Str(s) = v else {
        return DndSource::Manual;
    };
    let words = label_words(&s);
    // (Lists of words parted by spaces, compared in one loop.)
    let is = |list: &str| words.iter().any(|w| list.split(' ').any(|x| x == w));
    let starts = |stems: &str| {
        words
            .iter()
            .any(|w| stems.split(' ').any(|stem| w.starts_with(stem)))
    };
    let pair = |a: &str, b: &str| {
        words
            .windows(2)
            .any(|p| matches!(p, [x, y] if a.split(' ').any(|a| a == x) && y == b))
    };
    // A person, a list or a system: "Opted out by rep", "Suppression list",
    // "Do Not Call" spelt out, "Opted out via Salesforce Flow", or whoever
    // "by" names but the customer ("by Jane Smith", "by user", "by Customer
    // Service"; not "by the customer", "by replying STOP").
    let by_someone = words.iter().position(|w| w == "by").is_some_and(|k| {
        let named = words
            .iter()
            .skip(k.saturating_add(1))
            .skip_while(|w| "the a an our your their".split(' ').any(|x| x == *w));
        let mut named = named.map(String::as_str);
        // (The customer under each vertical CRM's word for them: a
        // buyer, donor, tenant, borrower, guest, student, policyholder.)
        let customer = "customer customers contact contacts lead leads prospect prospects recipient recipients client clients consumer consumers subscriber subscribers member members patient patients end request keyword reply replying replied text texting sms stop carrier \
            buyer buyers donor donors tenant tenants borrower borrowers guest guests homeowner homeowners student students parent parents caller applicant applicants policyholder policyholders candidate candidates resident residents shopper shoppers visitor visitors person mobile";
        let listed = |list: &str, w: &str| list.split(' ').any(|x| x == w);
        match (named.next(), named.next()) {
            // ("policy holder", "home owner" in two words.)
            (Some("policy" | "home"), Some(w)) if listed("holder holders owner owners", w) => false,
            // (Not one of ours named by whom they serve: "by lead
            // coordinator", "by contact center", "by patient services".)
            (Some(who), next) if listed(customer, who) => next.is_some_and(|w| {
                listed(
                    "service services support success care team experience relations coordinator coordinators \
                     specialist specialists center centre desk manager managers agent agents rep reps \
                     representative representatives advisor advisors counselor counselors officer officers \
                     department dept office admin administrator liaison navigator navigators",
                    w,
                )
            }),
            (Some(_), _) => true,
            (None, _) => false,
        }
    });
    if by_someone
        || pair("do", "not") && is("call")
        || starts("manual dnc donotcall agent admin litigator employee workflow suppress blocklist blacklist registry automat integration sync zapier webhook scrub")
        || is("rep reps representative staff owner team manager api import imported user system flow bulk script list builder")
    {
        DndSource::Manual
    } else if starts("unsub") {
        DndSource::Unsubscribe
    } else if starts("bounce cleaned") {
        DndSource::Bounce
    } else if starts("spam complain abuse") {
        DndSource::Complaint
    } else if pair("opt opted", "out") || is("stop stopped stopall optout optedout") {
        DndSource::Keyword
    } else {
        DndSource::Manual
    }
}

/// Whether a DND's source `v` names a do-not-call list or registry, not a
/// person's record of a request: "National DNC", "Federal DNC Registry",
/// "Internal DNC list", "Do Not Call List", "TCPA litigator", "DNC scrub".
/// (A bare "DNC" or "Do Not Call" is the rep's record of "stop calling me":
/// calls alone.)
pub(super) fn dnc_list(v: &Val<'_>) -> bool {
    let Val::Str(s) = v else {
        return false;
    };
    let words = label_words(s);
    let is = |list: &str| words.iter().any(|w| list.split(' ').any(|x| x == w));
    let dnc = is("dnc dncl ndnc donotcall")
        || words
            .windows(3)
            .any(|p| matches!(p, [a, b, c] if a == "do" && b == "not" && c == "call"));
    // (Any other word beside "DNC" names a list — "Company DNC", "State
    // DNC", "Florida DNC", "Company-specific DNC" — but a person's, a
    // request's or a flag's: "Rep DNC", "DNC request", "DNC flag".)
    let person =
        "dnc dncl ndnc donotcall do not call calls calling by rep reps agent agents manual \
        admin user request requested customer client lead contact opt opted out optout flag \
        flagged set marked yes true on active the a per stop stopped asked said wants wanted \
        no more please";
    is("ndnc dncl litigator litigators registry")
        || dnc
            && words
                .iter()
                .any(|w| !person.split_ascii_whitespace().any(|p| p == w))
}

/// Whether a DND's channel `v` names only an app or a network the engine
/// never reaches a contact by ("WhatsApp", "FB Messenger", "Google Business
/// Profile", "Instagram DM", Telegram, TikTok, a live chat): a word of one
/// and no word of a channel it reaches by ("SMS/WhatsApp" is no such one).
pub(super) fn elsewhere(v: &Val<'_>) -> bool {
    let Val::Str(s) = v else {
        return false;
    };
    // (A channel as the contract spells it is no app: asked first, before
    // the label is split into words.)
    if DND_CHANNELS.iter().any(|(n, _)| *n == s.as_ref()) {
        return false;
    }
    let words = label_words(s);
    let has = |list: &str| words.iter().any(|w| list.split(' ').any(|x| x == w));
    // (An app's name run together, as its camel case splits it: "WhatsApp".)
    let mut run: String = words.concat();
    // (SignalWire carries calls and texts: no Signal.)
    if run.contains("signalwire") {
        return false;
    }
    let app = "whatsapp facebook messenger instagram telegram tiktok linkedin inmail wechat \
               snapchat twitter webchat livechat googlebusiness googlemybusiness directmessage";
    let mut named = false;
    for a in app.split(' ') {
        if run.contains(a) {
            named = true;
            run = run.replacen(a, " ", 1);
        }
    }
    // A channel the engine reaches by, as a word or run into an app's name
    // ("WhatsApp/Voicemail", "smswhatsapp"): no app alone.
    // ("mail" only outside an app's name: LinkedIn's "InMail".)
    let channel = has("sms text texts mms call calls phone voice email emails all vm rvm")
        || ["sms", "text", "mms", "call", "phone", "voice", "mail"]
            .iter()
            .any(|c| run.contains(c));
    (named || has("fb ig gmb viber signal chat dm dms")) && !channel
}

/// [`one_of`], else the channel a label names by its words
/// ([`channel_by_words`]), through `by` (`None` for one `names` lacks). The
/// words are asked only when the name is no other: no cost for a name as
/// the contract spells it or an alias.
pub(super) fn one_of_or_words<T: Copy>(
    v: Val<'_>,
    names: &[(&str, T)],
    by: impl Fn(usize) -> Option<T>,
) -> std::result::Result<T, String> {
    let words = v.clone();
    one_of(v, names).or_else(|e| channel_by_words(&words).and_then(by).ok_or(e))
}

/// [`one_of`] the [`OUTCOMES`], else the outcome a disposition made of
/// parts names ("Connected - Wrong Number", "Busy - Left VM", "Gatekeeper:
/// Left Message", "Connected - Follow Up" as dialers' picklists nest them):
/// each part an outcome, an alias, or words that name none and deny
/// nothing; of several, the one furthest along (a sale's over a wrong
/// number's over a message left over a call answered over no answer). A
/// part that denies ("VM - Not Left") or a label with no outcome in it is
/// the error `one_of` gives.
pub(super) fn outcome_of(v: Val<'_>) -> std::result::Result<Outcome, String> {
    let Val::Str(s) = &v else {
        return one_of(v, &OUTCOMES);
    };
    let s = s.clone();
    match one_of(v, &OUTCOMES) {
        Ok(o) => Ok(o),
        Err(_) if do_not_call(&s) => Err(dnc_in_outcome(&s)),
        Err(e) => outcome_by_parts(&s).ok_or(e),
    }
}

/// The parts of a compound disposition ("Connected - Interested", "VM:
/// Left", "Busy/No Answer"), split at " - ", a dash, `:`, `/`, `,`, `;`,
/// `|`, `&`, `+` or brackets, trimmed, none empty.
fn parts(s: &str) -> Vec<String> {
    s.replace(" - ", "|")
        .split(|c: char| {
            matches!(
                c,
                ':' | '|'
                    | ','
                    | ';'
                    | '/'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '+'
                    | '&'
                    | '\u{2013}'
                    | '\u{2014}'
            )
        })
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// A disposition that records the called person's request not to be
/// contacted ("Connected - DNC", "Left VM - Do Not Call", "No Sale - Opted
/// Out", "DNC"): one of its parts reads as an opt-out, or names the DNC
/// list. An outcome cannot hold it, and passing over it would call again
/// someone who asked not to be called (47 CFR 64.1200(d)(3)): refused,
/// saying how to log it.
fn do_not_call(s: &str) -> bool {
    parts(s).iter().any(|p| {
        label_words(p).iter().any(|w| w == "dnc" || w == "dnd")
            || crate::reply::classify(p).intent == crate::reply::Intent::OptOut
    })
}

#[cold]
fn dnc_in_outcome(s: &str) -> String {
    format!(
        "{s:?} records a request not to be contacted, which an outcome cannot hold: \
         log it as a \"dnd\" event (channel \"call\", or \"all\") beside the call's outcome"
    )
}

fn outcome_by_parts(s: &str) -> Option<Outcome> {
    // (Of the parts' outcomes, the one latest in `RANK` wins: the one
    // furthest along.)
    const RANK: [Outcome; 7] = [
        Outcome::NoAnswer,
        Outcome::Connected,
        Outcome::LeftVoicemail,
        Outcome::WrongNumber,
        Outcome::SaleInProgress,
        Outcome::NoSale,
        Outcome::Sold,
    ];
    let mut best: Option<usize> = None;
    for part in parts(s) {
        let part = part.as_str();
        match one_of(Val::Str(part.into()), &OUTCOMES) {
            Ok(o) => {
                let r = RANK.iter().position(|x| *x == o)?;
                best = Some(best.map_or(r, |b| b.max(r)));
            }
            Err(_) => {
                let denies = label_words(part).iter().any(|w| {
                    // (A contraction's "t" is split off: "Can't", "Didn't".)
                    "no not non never nobody noone none unable without cannot cant couldnt didnt \
                     wasnt wont dont doesnt isnt t nt"
                        .split(' ')
                        .any(|d| d == w)
                });
                if denies {
                    return None;
                }
            }
        }
    }
    best.and_then(|r| RANK.get(r).copied())
}

/// The one channel a label names by its words, as CRMs and dialers write
/// them beyond the names and aliases ("Voice Call", "VM Drop", "Ringless
/// Voicemail Drop", "SMS & MMS", "Inbound Phone Call", "E-mail Messages"):
/// 0 for texts, 1 for calls, 2 for email (the order of [`DND_CHANNELS`]).
/// Every word is a channel's or names none (a direction, "message", "drop",
/// "and"), and the channels' words are one channel's; else `None`
/// ("SMS/Email" names two: an error).
pub(super) fn channel_by_words(v: &Val<'_>) -> Option<usize> {
    let Val::Str(s) = v else {
        return None;
    };
    let mut found: Option<usize> = None;
    for w in label_words(s) {
        let channel = match w.as_str() {
            "sms" | "mms" | "text" | "texts" | "texting" => 0,
            "voice" | "call" | "calls" | "phone" | "phones" | "telephone" | "voicemail"
            | "voicemails" | "vm" | "vms" | "rvm" | "dial" | "dialer" => 1,
            "email" | "emails" | "mail" | "e" => 2,
            "message" | "messages" | "drop" | "drops" | "ringless" | "and" | "only" | "inbound"
            | "incoming" | "outbound" | "outgoing" | "channel" | "sent" | "received"
            | "delivered" | "mo" | "mt" => continue,
            _ => return None,
        };
        if found.is_some_and(|f| f != channel) {
            return None;
        }
        found = Some(channel);
    }
    found
}

/// Whether an interaction's label names the customer's call: a word
/// "inbound" or "incoming" ("inboundcall" run together too), in any place,
/// and none "outbound" or "outgoing".
pub(super) fn names_inbound(s: &str) -> bool {
    let words = label_words(s);
    let has = |list: [&str; 2]| words.iter().any(|w| list.iter().any(|p| w.starts_with(p)));
    has(["inbound", "incoming"]) && !has(["outbound", "outgoing"])
}

/// A label's words in lower case: split at anything but a letter or a digit,
/// and where camel case starts a word ("SMSOptOut" is "sms", "opt", "out").
/// (ASCII case only: the labels read are English, and the Unicode tables
/// would cost the module 9 KB.)
fn label_words(s: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut chars = s.chars().peekable();
    let mut prev: Option<char> = None;
    while let Some(c) = chars.next() {
        if (c.is_ascii() && !c.is_ascii_alphanumeric())
            || matches!(
                c,
                '’' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{ad}' | '\u{a0}'
            )
        {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev = None;
            continue;
        }
        let next_lower = chars.peek().is_some_and(char::is_ascii_lowercase);
        let camel = match prev {
            Some(p) => {
                (p.is_ascii_lowercase() && c.is_ascii_uppercase())
                    || (p.is_ascii_uppercase() && c.is_ascii_uppercase() && next_lower)
            }
            None => false,
        };
        if camel && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.push(c.to_ascii_lowercase());
        prev = Some(c);
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

const _: () = assert!(
    KINDS.len() <= NAMES_MAX
        && MESSAGE_CHANNELS.len() <= NAMES_MAX
        && DND_CHANNELS.len() <= NAMES_MAX
        && DIRECTIONS.len() <= NAMES_MAX
        && INTERACTIONS.len() <= NAMES_MAX
        && OUTCOMES.len() <= NAMES_MAX
        && SOURCES.len() <= NAMES_MAX
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Message,
    Activity,
    Dnd,
    StepDone,
    Callback,
    Horizon,
}

impl Kind {
    pub(super) fn as_str(self) -> &'static str {
        KINDS
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each alias leads to a name of the field it is read in, and only there.
    #[test]
    fn aliases_read_as_their_names() {
        fn check<T>(names: &[(&str, T)], pairs: &[(&str, &str)]) {
            let list: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
            for (text, want) in pairs {
                let got = index_of(&Val::Str((*text).into()), &list).ok();
                assert_eq!(got.and_then(|i| list.get(i)), Some(want), "{text}");
            }
        }
        check(
            &OUTCOMES,
            &[
                ("Busy", "noAnswer"),
                ("Unanswered", "noAnswer"),
                ("answered", "connected"),
                ("Left live message", "leftVoicemail"),
                ("left_message", "leftVoicemail"),
            ],
        );
        check(
            &SOURCES,
            &[
                ("Bounced", "bounce"),
                ("unsubscribed", "unsubscribe"),
                ("SPAM", "complaint"),
            ],
        );
        // Not in another field: "busy" is no direction.
        let directions: Vec<&str> = DIRECTIONS.iter().map(|(n, _)| *n).collect();
        assert!(index_of(&Val::Str("busy".into()), &directions).is_err());
    }
}
