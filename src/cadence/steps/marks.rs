//! Which touch carries out a step: an explicit mark, else an unmarked touch
//! on the step's channel while the step was the one pending.

use crate::model::{Channel, Direction, EventBody, Interaction};
use crate::playbook::Step;
use crate::time::Instant;

use super::Walk;

fn touch_channel(body: &EventBody) -> Option<(Channel, Option<&str>)> {
    match body {
        EventBody::Message {
            channel,
            direction: Direction::Out,
            step,
            ..
        } => Some((Channel::from(*channel), step.as_deref())),
        EventBody::Activity {
            interaction: Interaction::Call,
            inbound: false,
            step,
            ..
        } => Some((Channel::Call, step.as_deref())),
        _ => None,
    }
}

/// Whether the event carries out step `id`: an inbound message tagged with
/// the step it answers does not (the draft was never sent), nor the
/// customer's call logged on the step's task (nobody called them).
fn marks(body: &EventBody, id: &str) -> bool {
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
        | EventBody::StepDone { step: s } => s.as_ref() == id,
        _ => false,
    }
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
            .find(|e| marks(&e.body, &step.id))
            .map(|e| e.at);
        if explicit.is_some() {
            return explicit;
        }
        let want = step.channel.channel()?;
        let c = self.cursor.get_mut(want as usize)?;
        let k = self.history.get(*c..)?.iter().position(|e| {
            e.at >= from
                && touch_channel(&e.body).is_some_and(|(ch, marked)| ch == want && marked.is_none())
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
