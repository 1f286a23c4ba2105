//! Spanish and French requests, and the negations and objects that undo them.

use super::*;

/// A Spanish "no" before the imperative of a stop verb asks for more, as the
/// English "don't stop sending me these deals" does; a comma or a full stop
/// after "no" leaves the request standing.
#[test]
fn a_spanish_negated_stop_verb_is_not_an_opt_out() {
    not_opt_outs_of(&[
        "¡No dejen de mandarme ofertas!",
        "No paren, me encantan sus ofertas",
        "no dejes de escribirme",
        "Por favor no dejen de enviarme promociones",
        "No detengan los mensajes",
    ]);
    assert_eq!(
        channels("No, dejen de llamarme", MessageChannel::Sms),
        ["sms", "call"]
    );
    assert_eq!(
        channels("No. Paren de escribirme", MessageChannel::Sms),
        ["sms"]
    );
}

/// A Spanish subscription to something named is that thing, as in English;
/// "cancelen mi suscripción" with nothing named is to these messages.
#[test]
fn a_spanish_subscription_to_something_else_is_not_an_opt_out() {
    not_opt_outs_of(&[
        "Quiero cancelar mi suscripción a la revista",
        "Cancelar mi suscripción al periódico",
        "quiero cancelar mi suscripción del gimnasio",
    ]);
    for t in [
        "cancelen mi suscripción",
        "quiero cancelar mi suscripción a sus mensajes",
    ] {
        assert_eq!(intent(t), (Intent::OptOut, Some(Match::Phrase)), "{t}");
    }
    assert_eq!(
        channels("cancelen mi suscripción a los correos", MessageChannel::Sms),
        ["email"]
    );
}

/// Spanish "no" before a command of contact, "no quiero que me ..." and the
/// French "cessez de" are requests like their English kin; a limit in time
/// or one thing is not.
#[test]
fn spanish_and_french_requests_to_stop_contact() {
    let s = MessageChannel::Sms;
    phrases_revoking_texts(&[
        "no envíen más mensajes",
        "favor de no enviar más mensajes",
        "no quiero que me escriban",
        "cessez de m'envoyer des messages",
        "Veuillez cesser de m'envoyer des messages",
    ]);
    assert_eq!(channels("Favor de no llamarme", s), ["sms", "call"]);
    assert_eq!(channels("Cessez de m'appeler svp", s), ["sms", "call"]);
    not_opt_outs_of(&[
        "no envíen la factura todavía",
        "no quiero que me llamen después de las 5",
        "ne cessez pas de m'envoyer des offres",
    ]);
}
