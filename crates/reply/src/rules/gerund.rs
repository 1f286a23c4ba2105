//! A stop word and the verb of contact after it: "stop texting me", "stop
//! sending me these", "quit calling and emailing me" — not limited in time
//! ("stop texting after 8pm") nor said of something else ("stop calling it a
//! deal").

use super::super::text::WEAK;
use super::super::words::*;
use super::{hit, soft, Hit, Obj, Reader};

/// The gerunds of unwelcome attention, which name no means: no contact at
/// all ("stop bothering me", "quit hounding me").
const UNWELCOME_GERUNDS: &str =
    "BOTHERING BUGGING HARASSING PESTERING HASSLING HOUNDING STALKING MOLESTANDO DISTURBING NAGGING BADGERING";

impl Reader<'_> {
    /// "stop texting me", "stop sending me these", "stop getting texts".
    pub(super) fn gerund(&self, i: usize, j: usize) -> Option<Hit> {
        let g = self.w(j);
        let mut k = j + 1;
        if self.is(k, ME) && self.on(k) {
            k += 1;
        }
        // ("quit hitting me up": the particle, then what limits it, "...
        // after 9pm".)
        if g == "HITTING" && k > j + 1 && self.eq(k, "UP") && self.on(k) {
            k += 1;
        }
        // ("stop texting my wife and text me instead": the customer asks
        // for themselves; "Stop calling my mother, she's not the buyer. I
        // am".)
        let kin = self.kin(k);
        if self.moved(k) || (kin > 0 && self.me_after(k + kin)) {
            return None;
        }
        // Unwelcome attention is asked to stop of the customer, the
        // household or the line ("stop bothering me", "stop harassing my
        // mother", "stop bugging this number"), not of anyone else ("stop
        // bugging your sister", "I'll stop bothering you", "stop stalking
        // my instagram lol").
        if k == j + 1
            && self.any(j, UNWELCOME_GERUNDS)
            && (self.eq(k, "YOU")
                || !(self.bare(k) || kin > 0 || self.line_at(k).is_some() || self.via(k).is_some()))
        {
            return None;
        }
        if self.is(j, NEED_OBJ) || g == "SENDING" {
            return self.gerund_object(i, j, k);
        }
        // ("Stop calling me Mrs. Jones", "I'd rather you stopped calling me
        // Bob": a name.)
        if g == "CALLING"
            && k > j + 1
            && self.on(k)
            && (self.name_at(k) || self.written(k, "MR MRS MS MISS"))
        {
            return None;
        }
        // ("Stop emailing me the deck": one thing sent.)
        if k > j + 1
            && self.on(k)
            && self.is(k, SPEC)
            && matches!(self.object(k), Obj::Thing | Obj::Unknown)
        {
            return None;
        }
        // ("Stop calling my boss", "... the bank": someone outside the
        // household, as "Don't call my boss"; not a line: "stop calling my
        // cell", "... the house".)
        if k == j + 1
            && self.on(k)
            && self.is(k, DET)
            && kin == 0
            && self.ch(j) != 0
            && self.line_at(k).is_none()
            && !self.unlisted(k + 1, "HOUSE")
            && self.object(k) == Obj::Unknown
        {
            return None;
        }
        if self.not_contact(j) {
            return None;
        }
        // A list of them: "texting and calling me", "texting, calling and emailing me".
        // ("blowing up my phone": its texts, by whatever means it was said.)
        // ("stop spamming my inbox", "flooding my phone": what they name.)
        let ch = match self.means_after(j) {
            _ if self.ch(j) != 0 => self.ch(j),
            0 if g == "BLOWING" => SMS,
            // ("quit hittin my line": its texts and calls; "quit hitting me
            // up": no contact at all, as "stop contacting me".)
            0 if g == "HITTING" && !self.is(j + 1, ME) => SMS | CALL,
            0 if g == "HITTING" => ALL_CH,
            0 if matches!(g, "FLOODING" | "FILLING") => return None,
            c => c,
        };
        let (end, ch) = self.gerunds(k, ch);
        if self.asked_later(end, ch) {
            return None;
        }
        // A limit on when ("stop texting after 8pm", "so early", "on
        // weekends", "at night"), as "don't text me after 8pm" is (but "stop
        // texting me now", "so much", "in the future", "for a while").
        // (Unless widened to every time: "at dinner time, or any time for
        // that matter", "late at night, all day".)
        // ("stop calling my cell during work hours": past the line.)
        if self.timed(end) {
            return None;
        }
        hit(i, end, self.narrowed(ch, end))
    }

    /// The object, from word `k`, of the gerund at `j` that needs one
    /// ("stop sending me these", "stop getting texts").
    fn gerund_object(&self, i: usize, j: usize, k: usize) -> Option<Hit> {
        let g = self.w(j);
        match self.object(k) {
            // ("stop leaving messages on my voicemail", "... on my machine".)
            // ("stop sending me texts after 8pm": a limit, as "stop texting
            // me after 8pm".)
            Obj::Media { end, .. } if self.timed(end) => None,
            Obj::Media { end, ch } => {
                let ch = if g == "LEAVING" { self.left(ch) } else { ch };
                soft(i, end, self.narrowed(ch, end))
            }
            Obj::Pron(end) => soft(i, end, 0),
            Obj::All(end) => hit(i, end, ALL_CH),
            Obj::Unknown if g == "SENDING" => hit(i, k, 0),
            Obj::Empty if g == "SENDING" => hit(i, j + 1, 0),
            _ => None,
        }
    }

    /// Contact by the means refused (`ch`, 0: the medium's) asked for
    /// later, from word `end` on: a pause ("Stop calling I'm driving, call
    /// in 20", "Leave me alone today, call tomorrow", "... call at 1"; not
    /// refused again: "don't call me tomorrow either"; nor another means
    /// asked for, a time for it: "Stop texting me. Call me tomorrow", "Stop
    /// emailing me, call me at 5pm").
    pub(super) fn asked_later(&self, end: usize, ch: u8) -> bool {
        (end..self.t.len()).any(|m| {
            let n = m + 1 + usize::from(self.is(m + 1, ME));
            self.is(m, CVERB)
                && !self.is(m, GER)
                && (ch & ALL_CH == 0 || self.ch(m) == 0 || self.ch(m) & ch != 0)
                && !(m > 0 && self.is(m - 1, NEG))
                && self.later(n)
        })
    }

    /// Word `n` names a time to come for contact asked: "... call me
    /// Monday", "call me next week", "text me at 5pm", "llámame mañana",
    /// "appelez-moi demain".
    pub(super) fn later(&self, n: usize) -> bool {
        self.any(n, "LATER TOMORROW TONIGHT NEXT MANANA DEMAIN")
            || self.any(n, "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY")
            || (self.eq(n, "IN") && self.number(n + 1))
            || (self.eq(n, "AT") && self.hour(n + 1))
    }

    /// A limit on when at word `end`, not widened to every time.
    pub(super) fn timed(&self, end: usize) -> bool {
        let at = self.the_number(end).unwrap_or(end);
        self.on(at) && self.when_only(at) && !self.widened(at)
    }

    /// The gerund at `j` is said of something other than contact:
    /// "blowing" without "up", "following" without "up", "checking"
    /// without "in", "calling it a deal".
    fn not_contact(&self, j: usize) -> bool {
        // ("following up (with me)", "checking in (with me)"; not "following
        // up on my order".)
        let up = |p: &str| {
            self.eq(j + 1, p)
                && (self.bare(j + 2)
                    || (self.eq(j + 2, "WITH") && self.is(j + 3, ME) && self.bare(j + 4)))
        };
        match self.w(j) {
            "BLOWING" => !(j + 1..j + 5).any(|m| self.on(m) && self.eq(m, "UP")),
            // ("hitting me up", "hitting (up) my line".)
            "HITTING" => {
                !((self.is(j + 1, ME) && self.eq(j + 2, "UP"))
                    || (j + 1..j + 4).any(|m| self.on(m) && self.any(m, "PHONE LINE CELL")))
            }
            "FOLLOWING" => !up("UP"),
            "CHECKING" => !up("IN"),
            "WASTING" => !(self.any(j + 1, "MY OUR") && self.eq(j + 2, "TIME")),
            // "stop calling it a deal": naming it.
            "CALLING" => {
                self.eq(j + 1, "IT")
                    && self.on(j + 2)
                    && (self.any(j + 2, "A AN") || self.w(j + 2).is_empty())
            }
            _ => false,
        }
    }

    /// More verbs of contact after the first, from word `end`: "texting and
    /// calling me", "texting, calling and emailing me"; where they end and
    /// the channels `ch` grows to.
    fn gerunds(&self, mut end: usize, mut ch: u8) -> (usize, u8) {
        loop {
            let mut m = end;
            if self.is(m, CONJ) && (self.on(m) || self.brk(m) == WEAK) {
                m += 1;
            } else if self.brk(m) != WEAK && !(self.on(m) && self.is(m, GER) && self.ch(m) != 0) {
                break;
            }
            // Written without commas too: "stop texting calling emailing me"
            // (a verb of contact with a channel of its own).
            // ("stop calling me and sending me emails": one that needs its
            // object names it.)
            if m > end && (self.is(m, NEED_OBJ) || self.eq(m, "SENDING")) {
                let o = m + 1 + usize::from(self.is(m + 1, ME) && self.on(m + 1));
                if let Obj::Media { end: e, ch: c } = self.object(o) {
                    if c & ALL_CH != 0 {
                        ch |= c;
                        end = e;
                        continue;
                    }
                }
            }
            if !self.is(m, GER)
                || self.is(m, NEED_OBJ)
                || (m == end && self.on(m) && self.ch(m) == 0)
                // A new clause about it: "calling is fine"; or it kept:
                // "stop calling, texting only".
                || self.any(m + 1, "IS ARE")
                || self.fine(m)
                || (self.on(m + 1) && self.any(m + 1, "ONLY INSTEAD"))
            {
                break;
            }
            ch |= self.ch(m);
            end = m + 1;
            if self.is(end, ME) && self.on(end) {
                end += 1;
            }
        }
        (end, ch)
    }

    /// A limit at word `k` widened to every time after it, in its sentence:
    /// "or any time", "or any other time", "all day", "in general", "or
    /// ever".
    pub(super) fn widened(&self, k: usize) -> bool {
        let (_, b) = self.sentence(k);
        (k + 1..b).any(|m| {
            (self.eq(m, "ANY") && (self.written(m + 1, "TIME") || self.any(m + 1, "OTHER")))
                || self.written(m, "ANYTIME")
                || (self.eq(m, "ALL") && self.any(m + 1, "DAY"))
                || (self.eq(m, "IN") && self.written(m + 1, "GENERAL"))
                || (self.eq(m, "OR") && self.any(m + 1, "EVER"))
                // ("ni los lunes, ni nunca", "Le jour non plus".)
                || self.any(m, "NUNCA JAMAIS NEVER")
                || (self.eq(m, "NON") && self.eq(m + 1, "PLUS"))
        })
    }

    /// Word `k` starts a time of day or week that limits a request: "after
    /// 8pm", "before 9", "so early", "too late", "on weekends", "at night",
    /// "in the morning", "during work", "at work", "at 7am" (not "at
    /// 212-555-1234").
    fn when_only(&self, k: usize) -> bool {
        let part = "NIGHT NIGHTS MORNING MORNINGS EVENING EVENINGS AFTERNOON";
        match self.w(k) {
            "AFTER" | "BEFORE" | "DURING" => true,
            // ("Stop calling me until next week"; not "until I call you".)
            "UNTIL" | "TILL" => self.limited(k),
            // ("while I'm at work", "when I'm driving"; not "when I already
            // said no").
            "WHILE" => self.on(k + 1),
            "WHEN" => {
                self.eq(k + 1, "I'M")
                    && (self.any(k + 2, "AT IN ON")
                        || self.unlisted(k + 2, "DRIVING WORKING BUSY SLEEPING ASLEEP"))
            }
            "SO" | "TOO" | "TAN" => self.any(k + 1, "EARLY LATE TEMPRANO TARDE"),
            // ("late at night", "early in the morning", "late".)
            "LATE" | "EARLY" => !self.on(k + 1) || self.when_only(k + 1),
            // ("on my lunch break", "on my day off".)
            "ON" => {
                self.any(
                    k + 1,
                    "WEEKENDS WEEKDAYS MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY SUNDAYS",
                ) || (self.eq(k + 1, "MY") && self.unlisted(k + 2, "LUNCH BREAK DAY VACATION"))
            }
            // "at work", "at 7am" too; "at noon", "at dinner (time)".
            "AT" | "IN" => {
                self.any(k + 1, part)
                    || self.any(k + 2, part)
                    || (self.eq(k, "AT")
                        && ((self.eq(k + 1, "WORK") && !self.any(k + 2, "OR AND"))
                            || self.hour(k + 1)
                            || self.written(k + 1, "NOON MIDNIGHT DINNER LUNCH BREAKFAST SUPPER DINNERTIME LUNCHTIME")))
            }
            _ => false,
        }
    }
}
