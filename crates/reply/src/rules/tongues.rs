//! A standard phrase of a language the lists hold no grammar for
//! (`words::TONGUES`).

use super::super::words::{PASSED, TONGUES};
use super::{hit, Hit, Reader};

impl Reader<'_> {
    /// A standard opt-out phrase of another language that starts at word
    /// `i`: "Sispann voye mesaj ban mwen", "Đừng gọi cho tôi nữa", "wag nyo
    /// na ako i-text", "退订", "수신거부", "لا ترسل لي رسائل"; not denied just
    /// before it ("Pa sispann voye pwomosyon yo": don't stop sending).
    #[inline(never)]
    pub(super) fn tongue(&self, i: usize) -> Option<Hit> {
        // (Only from a word the lists do not know as written, or "de", "ma"
        // of "Để tôi yên", "ma tb3atli": most words are passed at once.)
        let t = self.t.get(i)?;
        if !(t.w.is_empty() || self.toks.surface(t) != t.w || self.any(i, "DE MA")) {
            return None;
        }
        // (Or two words before: "لا أريد إلغاء الاشتراك", I don't want to.)
        if (1..=2).any(|d| {
            i >= d
                && self.written(i - d, "PA DUNG KHONG HINDI لا")
                && (i - d + 1..=i).all(|m| self.on(m))
        }) {
            return None;
        }
        TONGUES.iter().find_map(|&(ch, phrases)| {
            phrases.iter().find_map(|p| {
                let whole = p.strip_prefix('=');
                let mut k = i;
                for (j, w) in whole.unwrap_or(p).split(' ').enumerate() {
                    while j > 0 && !self.says(k, w) && self.written(k, PASSED) {
                        k += 1;
                    }
                    if !self.says(k, w) {
                        return None;
                    }
                    k += 1;
                }
                // (Nor denied after it, or said of someone: "수신거부 안
                // 할게요", I won't; "Wag mo na i-text si Mike".)
                ((whole.is_none() || (i == 0 && k == self.t.len()))
                    && !self.written(k, "안 SI KAY"))
                .then(|| hit(i, k, ch))
                .flatten()
            })
        })
    }

    /// Word `k` is `w` as written; or, in another script, holds it (endings
    /// glued on, or a Chinese sentence written without spaces: "보내세요",
    /// "退订谢谢"), not after a negation ("我不想退订", "我不要退订": I don't want to).
    fn says(&self, k: usize, w: &str) -> bool {
        let Some(t) = self.t.get(k) else {
            return false;
        };
        let s = self.toks.surface(t);
        if w.is_ascii() || s.is_ascii() {
            return s == w;
        }
        let n = w.len();
        let at = s.as_bytes().windows(n).position(|x| x == w.as_bytes());
        at.is_some_and(|p| {
            let before = s.get(..p).unwrap_or("");
            !before
                .chars()
                .rev()
                .take(2)
                .any(|c| matches!(c, '不' | '别' | '別' | '没' | '沒'))
        })
    }
}
