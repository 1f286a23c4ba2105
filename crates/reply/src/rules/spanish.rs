//! Spanish forms read from their own first word: "no me sigan llamando",
//! "darme de baja", "alto a los mensajes".

use super::super::words::*;
use super::{hit, Hit, Obj, Reader};

impl Reader<'_> {
    /// "no me sigan llamando", "¿por qué me siguen mandando mensajes?"
    /// (not "sigan mandando" alone in its clause: keep sending).
    pub(super) fn siguen(&self, i: usize) -> Option<Hit> {
        // ("Sigan mandándome las promociones porfa": asked, keep sending.)
        let keep = self.eq(i, "SIGAN")
            && self.back(i, 3).all(|m| {
                self.any(m, "POR FAVOR PORFA") || (self.is(m, FILLER) && !self.any(m, "NO ME NI"))
            });
        if self.is(i + 1, GER) && !keep {
            return self.gerund(i, i + 1);
        }
        None
    }

    /// "darme de baja" (not "dar de baja mi carro del seguro").
    /// (Asked: "darme de baja", "denme de baja"; not "me dieron de
    /// baja del trabajo", "está de baja por enfermedad".)
    pub(super) fn de_baja(&self, i: usize) -> Option<Hit> {
        // ("Qué parte de BAJA no entienden".)
        if self.part_of(i) {
            return hit(i, i + 1, self.media_before(i));
        }
        // ("Solicito la baja de su lista": the removal asked for.)
        if i > 1 && self.eq(i - 1, "LA") && self.written(i - 2, "SOLICITO SOLICITAMOS PIDO") {
            return hit(i - 2, i + 1, 0);
        }
        if !(i > 0
            && self.eq(i - 1, "DE")
            && self.on(i)
            && (i == 1
                || self.any(i - 2, "DAR DARME DENME DAME DEME DARSE DARNOS DOY")
                // ("Quiero que me den de baja".)
                // ("Les agradecería que me dieran de baja".)
                || (self.written(i - 2, "DEN DIERAN DIERA DA DEIS") && i > 2 && self.is(i - 3, ME))
                // ("Den de baja este número": the line.)
                || (self.written(i - 2, "DEN") && self.lines_named(i + 1) != 0)
                // (Done already: "Ya me di de baja", "me he dado de baja",
                // "nos dimos de baja".)
                || (self.any(i - 2, "DI DADO DIMOS")
                    && self.back(i - 2, 2).any(|m| self.is(m, ME)))))
        {
            // Or the keyword told as sent: "Ya les dije BAJA ayer".
            return self.told_stop(i);
        }
        // ("Dame de baja del mail": "mail" is email in Spanish.)
        if self.any(i + 1, "DE DEL") && self.eq(i + 2, "MAIL") && self.bare(i + 3) {
            return hit(i - 1, i + 3, EMAIL);
        }
        // (Or a thing the lists do not know, as the object: "dar de baja mi
        // tarjeta"; but "dar de baja mi número".)
        let thing = (i + 1..i + 4)
            .take_while(|&m| self.on(m))
            .any(|m| self.is(m, THING))
            || (self.is(i + 1, DET)
                && self.on(i + 1)
                && self.t.get(i + 2).is_some_and(|t| t.w.is_empty()));
        // ("No quiero darme de baja", "No me quiero dar de baja": not
        // wished; "No me den de baja"; "¿Si me doy de baja pierdo los
        // puntos?": supposed.)
        let unwished = (i.saturating_sub(6)..i).any(|m| {
            (self.eq(m, "NO")
                && (self.any(m + 1, "QUIERO QUEREMOS DESEO")
                    || (self.is(m + 1, ME) && self.any(m + 2, "QUIERO QUEREMOS DESEO"))
                    || (self.is(m + 1, ME) && self.written(m + 2, "DEN") && m + 4 == i)
                    || (self.written(m + 1, "DEN") && m + 3 == i)))
                // (Not "Sí, me doy de baja": yes.)
                || (self.eq(m, "SI")
                    && self.on(m + 1)
                    && self.is(m + 1, ME)
                    && self.eq(m + 2, "DOY")
                    && m + 4 == i
                    && self.question(i))
        });
        // ("dar de baja el auto viejo", "dar de baja a mi hijo del seguro":
        // a thing, someone else; "¿Cómo me doy de baja de los estados de
        // cuenta?": asked of something the lists do not know.)
        let unknown = |m: usize| self.t.get(m).is_some_and(|t| t.w.is_empty());
        let thing = thing
            || (self.question(i)
                && self.any(i + 1, "DE DEL")
                && (unknown(i + 2) || (self.is(i + 2, DET) && unknown(i + 3))))
            || (self.any(i + 1, "EL LA LOS LAS UN UNA")
                && self.on(i + 1)
                && !matches!(self.object(i + 1), Obj::Media { .. })
                // ("dar de baja el correo", "el número": the means.)
                && self.ch(i + 2) == 0
                && !self.any(i + 2, "NUMBER"))
            || (self.eq(i + 1, "A") && self.kin(i + 2) > 0);
        // ("Dadme de baja de todo": every channel; "de sus correos":
        // those.)
        let all = self.eq(i + 1, "DE") && self.is(i + 2, ALLW);
        let named = match self.object(i + 2) {
            // ("den de baja mi número", "este correo".)
            _ if self.lines_named(i + 1) != 0 => self.lines_named(i + 1),
            Obj::Media { ch, .. } if self.eq(i + 1, "DE") => ch,
            // ("dar de baja el correo", "el número".)
            _ if self.any(i + 1, "EL LA") && self.any(i + 2, "NUMBER") => SMS | CALL,
            _ if self.any(i + 1, "EL LA") => self.ch(i + 2) & ALL_CH,
            _ => 0,
        };
        // (Done of something else: "me di de baja del gimnasio"; but "ya me
        // di de baja ayer, 3 veces": when and how often.)
        let other = i > 2
            && self.any(i - 2, "DI DADO DIMOS")
            && !(self.bare(self.told_until(i + 1, true))
                || all
                || (self.eq(i + 1, "DE") && matches!(self.object(i + 2), Obj::Media { .. })));
        if thing || unwished || other {
            None
        } else {
            hit(i - 1, i + 1, if all { ALL_CH } else { named })
        }
    }

    /// "alto a los mensajes", "alto a las llamadas".
    pub(super) fn alto_a(&self, i: usize) -> Option<Hit> {
        if self.eq(i + 1, "A") {
            return self.means_hit(i, i + 2);
        }
        // "Ya les escribí ALTO": the keyword told as sent.
        self.told_stop(i)
    }

    /// "Vete al diablo", "Váyanse a la mierda", "Allez au diable", "Allez
    /// vous faire foutre": every channel, as "go to hell" is.
    pub(super) fn vete(&self, i: usize) -> Option<Hit> {
        // ("Va te faire foutre".)
        let vous = self.any(i + 1, "VOUS TE") || self.unlisted(i + 1, "VOUS");
        let end = if self.any(i + 1, "AL AU") && self.unlisted(i + 2, "DIABLO DIABLE CARAJO") {
            i + 3
        } else if (self.eq(i + 1, "A")
            && self.eq(i + 2, "LA")
            && self.unlisted(i + 3, "MIERDA VERGA CHINGADA"))
            || (vous && self.unlisted(i + 2, "FAIRE") && self.unlisted(i + 3, "FOUTRE"))
        {
            i + 4
        } else {
            return None;
        };
        hit(i, end, ALL_CH).filter(|_| self.bare(end))
    }
}
