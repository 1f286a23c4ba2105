//! Which touch carries out a step: an explicit mark, else an unmarked touch
//! on the step's channel while the step was the one pending.

use crate::model::{Channel, Direction, EventBody, Interaction};
use crate::playbook::Step;
use crate::time::Instant;

use super::Walk;

/// The channel of a touch we made (an outbound text or email, our call).
fn touch_channel(body: &EventBody) -> Option<Channel> {
    match body {
        EventBody::Message {
            channel,
            direction: Direction::Out,
            ..
        } => Some(Channel::from(*channel)),
        EventBody::Activity {
            interaction: Interaction::Call,
            inbound: false,
            ..
        } => Some(Channel::Call),
        _ => None,
    }
}

/// The id of the step a touch's mark names: a step's id as written; else,
/// as CRMs and sequence tools tag touches, an id or a label in another
/// letter case or spacing ("CALL-ASAP", "Call ASAP", the seed's queue label
/// "CallASAP"), or the step's place counted from 1 (`"4"`, `"Step 4"`,
/// `"#4"`). `None` for a mark that names no step of the playbook: the touch
/// is read as unmarked (it carries out the step pending on its channel),
/// not as carrying out a step that is not there.
/// (`ids`: the steps' ids, sorted, so that the mark of each touch is found
/// in a few comparisons, not a pass over a long playbook per touch.)
fn step_named<'p>(steps: &'p [Step], ids: &[&str], tag: &'p str) -> Option<&'p str> {
    if ids.binary_search(&tag).is_ok() {
        return Some(tag);
    }
    step_named_loosely(steps, tag)
}

#[cold]
#[inline(never)]
fn step_named_loosely<'p>(steps: &'p [Step], tag: &str) -> Option<&'p str> {
    // Letters and digits, ASCII ones in lower case (letters beyond ASCII
    // kept as written: "Llamada Día 2").
    fn folded(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes()
            .filter(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
            .map(|b| b.to_ascii_lowercase())
    }
    folded(tag).next()?;
    // (A label several steps share names none of them: the ladder's
    // "Redial" is a touch's kind, and the touch counts for the one pending.)
    let mut named = steps
        .iter()
        .filter(|s| folded(&s.id).eq(folded(tag)) || folded(&s.label).eq(folded(tag)));
    if let Some(s) = named.next() {
        return named.next().is_none().then_some(s.id.as_str());
    }
    // Its place: the digits after an optional "step" or "#".
    let t: Vec<u8> = folded(tag).collect();
    let digits = t.strip_prefix(b"step").unwrap_or(&t);
    if digits.is_empty() || digits.len() > 4 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits
        .iter()
        .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
    steps.get(n.checked_sub(1)?).map(|s| s.id.as_str())
}

/// The mark by which the event may carry out a step: an inbound message
/// tagged with the step it answers does not (the draft was never sent), nor
/// the customer's call logged on the step's task (nobody called them).
fn mark_of(body: &EventBody) -> Option<&str> {
    match body {
        EventBody::Message {
            step: Some(s),
            direction: Direction::Out,
            ..
        }
        | EventBody::Activity {
            step: Some(s),
            inbound: false,
            ..
        }
        | EventBody::StepDone { step: s } => Some(s),
        _ => None,
    }
}

/// Per event of `history`, the id of the step its mark names ([`step_named`]),
/// found once an evaluation.
pub(super) fn named_steps<'a>(
    steps: &'a [Step],
    history: &'a [crate::model::Event],
) -> Vec<Option<&'a str>> {
    let mut ids: Vec<&str> = steps.iter().map(|s| s.id.as_str()).collect();
    // (The module's one sort: the standard library's cost kilobytes each.)
    crate::sort::sort(&mut ids, |a, b| a > b);
    history
        .iter()
        .map(|e| mark_of(&e.body).and_then(|t| step_named(steps, &ids, t)))
        .collect()
}

impl<'c, 'a> Walk<'c, 'a> {
    /// When the step was done: an explicit mark, else a touch on the step's
    /// channel made while this step was the one pending (and before `until`).
    pub(super) fn done_at(
        &mut self,
        step: &Step,
        from: Instant,
        until: Option<Instant>,
    ) -> Option<Instant> {
        let explicit = self
            .history
            .iter()
            .zip(&self.named)
            .find(|(_, n)| **n == Some(step.id.as_str()))
            .map(|(e, _)| e.at);
        if explicit.is_some() {
            return explicit;
        }
        let want = step.channel.channel()?;
        let c = self.cursor.get_mut(want as usize)?;
        let named = self.named.get(*c..)?;
        let k = self
            .history
            .get(*c..)?
            .iter()
            .zip(named)
            .position(|(e, n)| {
                e.at >= from
                    && n.is_none()
                    && touch_channel(&e.body) == Some(want)
                    && !self.s.is_confirmation(e)
            })?;
        if until.is_some_and(|u| {
            self.history
                .get(c.saturating_add(k))
                .map_or(true, |e| e.at >= u)
        }) {
            return None;
        }
        let k = c.saturating_add(k);
        *c = k.saturating_add(1);
        self.history.get(k).map(|e| e.at)
    }
}
