//! The word lists the reply rules read, by meaning.
//!
//! Words are upper-case ASCII after folding (accents, full-width and styled
//! letters are folded before lookup). A word may sit in several lists; its
//! flags are the union. [`VARIANTS`] maps spellings, shorthand and common typos
//! to the word the lists know. Everything else about a word (elongation such as
//! "stooop", near-misses of long words such as "unsubscibe") is read in
//! `text.rs`.

use std::sync::OnceLock;

/// May surround a keyword in a short opt-out ("stop please", "wrong number stop",
/// "stop help": STOP wins over the help keywords beside it).
pub const FILLER: u32 = 1;
/// A determiner or quantifier inside an object ("the", "these", "your", "any").
pub const DET: u32 = 1 << 1;
/// A modifier inside an object ("stupid", "marketing", "automated").
pub const ADJ: u32 = 1 << 2;
/// A means of contact ("texts", "calls", "emails"; no channel bit: whatever the
/// message came by, as "messages", "spam", "deals").
pub const MEDIA: u32 = 1 << 3;
/// An object that is not contact ("bill", "appointment", "order", "mail").
pub const THING: u32 = 1 << 4;
/// A verb of contacting ("text", "call", "email", "contact", "bother").
pub const CVERB: u32 = 1 << 5;
/// Its -ing form ("texting", "calling", "sending").
pub const GER: u32 = 1 << 6;
/// A negator ("don't", "never", "not").
pub const NEG: u32 = 1 << 7;
/// A time qualifier: "don't call me after 5pm" limits, it does not revoke.
pub const WHEN: u32 = 1 << 8;
/// A preposition that ends an object or makes an idiom ("stop by", "stop at").
pub const PREP: u32 = 1 << 9;
/// An opt-out keyword word (the listed keywords, read inside short messages).
pub const KEY: u32 = 1 << 10;
/// Opts out wherever it stands unless negated ("unsubscribe", "opt out", "revoke").
pub const STRONG: u32 = 1 << 11;
/// Asks to stop something ("stop", "quit", "end", "cancel", "discontinue").
pub const STOPV: u32 = 1 << 12;
/// Asks to be removed ("remove", "take", "delete", "lose").
pub const REMV: u32 = 1 << 13;
/// "me", "us" (and the verb forms that carry it: "bórrenme").
pub const ME: u32 = 1 << 14;
/// A first-person subject ("I", "we", "I'll").
pub const I1: u32 = 1 << 15;
/// Joins a list ("and", "or", "y", "et").
pub const CONJ: u32 = 1 << 16;
/// A modal of future or ability: "I'll stop by", "we need to stop this".
pub const MODAL: u32 = 1 << 17;
/// A singular noun: "end the call" is one call, "end these calls" all of them.
pub const SING: u32 = 1 << 18;
/// A pronoun that can be the whole object ("stop it", "stop this").
pub const PRON: u32 = 1 << 19;
/// May stand between a negator and its verb ("don't you ever", "don't want to").
pub const SKIP: u32 = 1 << 20;
/// Laughter or affection: a bare "stop" beside it is banter ("Stop! lol").
pub const LAUGH: u32 = 1 << 21;
/// A gerund that revokes only with a contact object ("stop getting texts").
pub const NEED_OBJ: u32 = 1 << 22;
/// "lose", "forget", "delete": "lose my number" asks for no contact at all.
pub const FORGET: u32 = 1 << 23;
/// Every channel when it is the whole object ("stop all", "everything").
pub const ALLW: u32 = 1 << 24;
/// A specific determiner: "the call", "my order" are one thing.
pub const SPEC: u32 = 1 << 25;
/// Takes "de" before its contact verb ("dejen de", "paren de", "arrêtez de").
pub const DE_VERB: u32 = 1 << 26;
/// Starts a new clause after a stop word ("Stop who is this", "stop not interested").
pub const STARTER: u32 = 1 << 27;
/// Named by a rule, and read by the object reader as a word the lists do not
/// know (a count, a link's word, a courtesy).
pub const PLAIN: u32 = 1 << 28;

/// Channel bits, as in [`super::Revoked`]: texts, calls, email.
pub const SMS: u8 = 1;
/// Calls.
pub const CALL: u8 = 2;
/// Email.
pub const EMAIL: u8 = 4;
/// All three.
pub const ALL_CH: u8 = 7;
/// On a request's channels: a means that names none ("messages") was listed
/// beside one that does ("messages and emails"), so the medium the message
/// came by is revoked too.
pub const CAME_BY: u8 = 8;

/// Verbs of sending a keyword ("I replied STOP", "my kid texted stop"): the
/// keyword after them is told of, not asked.
pub const SENDING: &str = "REPLIED TEXTED SENT TYPED HIT PRESSED MANDO ENVIO";

/// One list: flags, the channels its words name, and the words (separated by
/// spaces).
struct List(u32, u8, &'static str);

const LISTS: &[List] = &[
    List(
        FILLER,
        0,
        "PLEASE THANKS THANK YOU THX TY NO NOPE NAH OK OKAY K NOW RIGHT ASAP IMMEDIATELY \
        ALREADY JUST AGAIN ANYMORE SORRY WRONG NUMBER PERSON NOT INTERESTED I ME SERIOUSLY \
        REALLY DUDE MAN BRO SIR MAAM GUYS HI HELLO HEY DAMN OMG WTF FFS SVP MERCI GRACIAS POR \
        FAVOR S IL VOUS PLAIT STP YA AHORA FOREVER KINDLY SAID TOLD EITHER ALSO HELP INFO YES \
        PORFAVOR PORFA TYSM RN PERMANENTLY FR PERIOD COMMA EXCLAMATION POINT BYE GOODBYE \
        EQUIVOCADO MAUVAIS INTERESA",
    ),
    List(
        STARTER,
        0,
        "WHO WHAT WHY HOW WHERE I I'M I'VE I'D YOU YOU'RE NOT WRONG NO NOPE IT'S THAT'S STOP \
        STOPALL THANKS DON'T NEVER SERIOUSLY UNSUBSCRIBE REMOVE LEAVE LOSE AND BUT OR SO QUIEN \
        QUI GRACIAS MERCI",
    ),
    List(
        DET,
        0,
        "THE THESE THOSE THIS THAT YOUR UR YA ALL ANY MY OUR SUCH SOME EVERY MORE FURTHER TOUT TODAS \
        FUTURE ANOTHER THEIR A AN LOS LAS EL LA SUS SU ESTOS ESTAS ESOS MIS MI TUS MAS DES LES \
        CES VOS VOTRE MES MON MA TOUS TOUTES LE DU UN UNE UNA TODOS OTHER EXTRA",
    ),
    List(SPEC, 0, "THE THIS THAT MY OUR A AN ONE MI MON MA EL LA LE"),
    // A day's one thing: "cancel tomorrow's call".
    List(SPEC | DET, 0, "TOMORROW'S TODAY'S TONIGHT'S"),
    List(
        ADJ,
        0,
        "STUPID DAMN DAMNED FREAKING FRICKING FUCKING FREAKIN FRICKIN FUCKIN EFFING FRIGGING \
        FRIGGIN BLOODY ANNOYING CONSTANT RANDOM \
        PROMOTIONAL AUTOMATED AUTO SALES REPEATED UNWANTED UNSOLICITED DAILY WEEKLY ENDLESS \
        NONSTOP ROBO SPAMMY PHONE CELL MOBILE VOICE WEIRD SCAM GREAT NEW SPECIAL LATEST SILLY \
        POINTLESS USELESS MASS BULK TEXTING MAILING CONTACT DISTRIBUTION FOLLOW UP MARKETING \
        PROMO SMS TEXT EMAIL CALL DE OF",
    ),
    List(
        MEDIA,
        0,
        "SEQUENCE CADENCE MESSAGES MSGS MENSAJES NOTIFICATIONS ALERTS REMINDERS UPDATES PROMOS PROMOTIONS ADS \
        ADVERTS ADVERTISEMENTS ADVERTISING OFFERS DEALS COUPONS SPAM JUNK MARKETING \
        SOLICITATIONS SOLICITATION NEWSLETTER NEWSLETTERS STUFF CRAP SHIT BS NONSENSE GARBAGE \
        HARASSMENT PITCHES BLASTS LIST LISTS SUBSCRIPTION ANYTHING DATABASE CAMPAIGN CAMPAIGNS \
        PROGRAM MAILINGS PUBLICITE PUBLICIDAD",
    ),
    List(
        MEDIA | SING,
        0,
        "MESSAGE MSG MENSAJE NOTIFICATION ALERT REMINDER PROMO AD",
    ),
    List(MEDIA, SMS, "TEXTS TXTS SMS SMSES TEXTOS TEXTING TEXTOS"),
    List(MEDIA | SING, SMS, "TEXT TXT TEXTO"),
    List(
        MEDIA,
        CALL,
        "CALLS ROBOCALLS VOICEMAILS VMS LLAMADAS APPELS CALLING DNC",
    ),
    List(MEDIA | SING, CALL, "CALL ROBOCALL VOICEMAIL LLAMADA APPEL"),
    List(MEDIA, EMAIL, "EMAILS MAILS COURRIELS CORREOS EMAILING INBOX"),
    List(MEDIA | SING, EMAIL, "EMAIL COURRIEL CORREO"),
    List(
        MEDIA,
        ALL_CH,
        "CONTACT COMMUNICATION COMMUNICATIONS CORRESPONDENCE OUTREACH EVERYTHING CHANNELS \
        CONTACTED",
    ),
    List(
        THING,
        0,
        "BILL BILLS PAPER STATEMENT STATEMENTS INVOICE INVOICES CATALOG CATALOGS CATALOGUE \
        CATALOGUES MAIL LETTER LETTERS PACKAGE PACKAGES BOX BOXES SAMPLE SAMPLES MAGAZINE \
        MAGAZINES NEWSPAPER CARD CARDS PAYMENT PAYMENTS CHARGE CHARGES FEE FEES ORDER ORDERS \
        APPOINTMENT APPOINTMENTS APPT CONTRACT CONTRACTS LEASE TAX TAXES LAW ACCOUNT PLAN \
        POLICY MEMBERSHIP SERVICE DELIVERY DELIVERIES SHIPMENT RESERVATION BOOKING MEETING \
        TRIAL WARRANTY INSURANCE PDF FILE FILES DOCUMENT DOCUMENTS ATTACHMENT RECEIPT QUOTE \
        PROPOSAL RENEWAL AUTOPAY PROJECT CAR APP CART ITEM DRIVER ADDRESS LINE LOAN CHECK \
        REFUND THREAD CC JOB CLASS TICKET CITA PEDIDO CUENTA CONTRATO FACTURA FACTURAS \
        SERVICIO COMMANDE CONTRAT FACTURE RENDEZ BUS TRAVAIL GYM CONSTRUCTION LEAK ALARM MUSIC \
        TITLE REGISTRATION PAPERWORK ESTIMATE VEHICLE ENGINE TIRES CARRO SEGURO TARIFA POLIZA \
        FLYER FLYERS BROCHURE BROCHURES PAMPHLET PAMPHLETS MAILER MAILERS POSTCARD POSTCARDS \
        FACTURES CARGO",
    ),
    List(
        CVERB,
        SMS,
        "TEXT TXT SMS TEXTEAR TEXTEEN TEXTEE TEXTEES TEXTER TEXTEZ TEXTED",
    ),
    List(
        CVERB,
        CALL,
        "CALL PHONE RING DIAL LLAMAR LLAMEN LLAME LLAMES LLAMAN APPELER APPELEZ APPELLE \
        APPELLES CALLED ROBOCALL MARCAR MARQUEN MARQUE MARQUES HABLAR HABLEN HABLE \
        TELEPHONER TELEPHONEZ RAPPELER RAPPELEZ",
    ),
    List(CVERB, EMAIL, "EMAIL EMAILED"),
    List(
        CVERB,
        ALL_CH,
        "CONTACT REACH CONTACTAR CONTACTEN CONTACTE CONTACTES MOLESTAR MOLESTEN MOLESTE \
        MOLESTES CONTACTER CONTACTEZ",
    ),
    List(
        CVERB,
        0,
        "MESSAGE MSG BOTHER DISTURB HARASS SPAM WRITE SEND ENVIAR ENVIEN ENVIE ENVIES MANDAR \
        MANDEN MANDE MANDES ESCRIBIR ESCRIBAN ESCRIBA ESCRIBAS ENVIAN MANDAN ESCRIBEN ENVOYER \
        ENVOYEZ ENVOIE ENVOIES ECRIRE ECRIVEZ ECRIS DERANGER DERANGEZ HARCELER HARCELEZ \
        SOLLICITER SOLLICITEZ PESTER BUG",
    ),
    // Spanish infinitives with the pronoun attached: "dejen de enviarme".
    List(CVERB | ME, 0, "ENVIARME MANDARME ESCRIBIRME ENVIARNOS ACOSARME"),
    List(CVERB, CALL, "LLAMEIS"),
    List(CVERB, 0, "MANDEIS ENVIEIS ESCRIBAIS"),
    List(CVERB | ME, SMS, "TEXTEARME"),
    List(CVERB | ME, CALL, "LLAMARME LLAMARNOS MARCARME HABLARME"),
    List(CVERB | ME, ALL_CH, "CONTACTARME MOLESTARME CONTACTARNOS"),
    List(GER, SMS, "TEXTING SMSING TEXTEANDO"),
    List(GER | ME, SMS, "TEXTEANDOME"),
    List(GER | ME, CALL, "LLAMANDOME"),
    List(GER | ME, 0, "ESCRIBIENDOME MANDANDOME ENVIANDOME"),
    List(GER, CALL, "CALLING PHONING RINGING DIALING ROBOCALLING VOICEMAILING LLAMANDO MARCANDO HABLANDO"),
    List(GER, EMAIL, "EMAILING"),
    List(GER, ALL_CH, "CONTACTING REACHING"),
    List(
        GER,
        0,
        "MESSAGING SENDING SPAMMING BOTHERING BUGGING HARASSING PESTERING HASSLING HOUNDING \
        SOLICITING WRITING BLOWING HITTING STALKING ESCRIBIENDO MOLESTANDO FOLLOWING FLOODING \
        FILLING",
    ),
    List(GER | NEED_OBJ, 0, "GETTING RECEIVING LEAVING"),
    List(
        NEG,
        0,
        "DON'T NOT NEVER CAN'T CANNOT COULDN'T DIDN'T DOESN'T NE N SHOULDN'T NUNCA",
    ),
    List(
        WHEN,
        0,
        "AFTER BEFORE UNTIL TILL DURING WHILE TODAY TONIGHT TOMORROW NOW YET LATER EARLY LATE \
        SO NEXT ON IN AT WEEKENDS WEEKDAYS MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY \
        SUNDAY SUNDAYS MORNING MORNINGS EVENING EVENINGS NIGHT NIGHTS AFTERNOON WEEK MONTH AM \
        PM HOY MANANA DESPUES ANTES HASTA TARDE TEMPRANO NOCHE DEMAIN MAINTENANT AVANT APRES \
        AUJOURD THIS FOR UNLESS IF WHEN BETWEEN AROUND ANYTIME OFTEN MUCH ESTA ESTE EN",
    ),
    List(
        PREP,
        0,
        "BY AT IN ON TO FOR WITH ABOUT OVER FROM OFF OUT INTO AROUND PAST THROUGH VIA UNTIL \
        THERE HERE BACK UP WHEN IF BEFORE AFTER AS LIKE DE POR PARA CON",
    ),
    List(
        KEY,
        0,
        "STOP QUIT END REVOKE CANCEL UNSUBSCRIBE OPTOUT REMOVE ARRET ARRETE ARRETEZ BAJA ALTO \
        PARAR CANCELAR STOPALL DESABONNER DESINSCRIRE DESUSCRIBIR",
    ),
    List(
        STRONG,
        0,
        "UNSUBSCRIBE UNSUBSCRIBED UNSUBSCRIBING OPTOUT REVOKE REVOKED REVOKING STOPALL \
        DESABONNER DESABONNEZ DESABONNE DESINSCRIRE DESINSCRIVEZ DESINSCRIPTION DESABONNEMENT \
        DESUSCRIBIR DESUSCRIBIRME DESUSCRIBIRSE DESUSCRIBANME DESINSCRIBIRME",
    ),
    List(
        STOPV,
        0,
        "STOP QUIT CEASE HALT END DISCONTINUE TERMINATE CANCEL ARRET ARRETE ARRETEZ ARRETER \
        ARRETES PARAR PARE PAREN PARES DETENER DETENGAN DETENGA CANCELAR CANCELEN SUSPENDAN \
        CESSEZ CESSER CESSE",
    ),
    List(
        DE_VERB,
        0,
        "ARRET ARRETE ARRETEZ ARRETER ARRETES PARAR PARE PAREN PARES PARA DEJEN DEJA DEJE DEJAR \
        DEJES CESSEZ CESSER CESSE DEJAME DEJENME DEJEME STOP",
    ),
    List(
        REMV,
        0,
        "REMOVE TAKE DROP GET REMOVED RETIREZ RETIRER RETIRE ENLEVEZ ENLEVER ENLEVE BORREN \
        QUITEN SAQUEN QUITAR SACAR SCRATCH RETIRAR RETIRARA ELIMINARA QUITARA SACARA BORRARA \
        REMUEVAN REMUEVA",
    ),
    List(
        REMV | FORGET,
        0,
        "DELETE ERASE LOSE FORGET SUPPRIMEZ SUPPRIMER EFFACEZ EFFACER BORRAR BORRA ELIMINAR \
        ELIMINEN ELIMINA ELIMINE PIERDAN OLVIDENSE OLVIDEN",
    ),
    List(
        REMV | ME,
        0,
        "BORRENME BORRAME SAQUENME SACAME QUITENME QUITAME QUITEME ELIMINENME ELIMINAME SAQUEME \
        BORREME ELIMINEME RETIRENME RETIREME REMUEVANME REMUEVAME BORRADME QUITADME SACADME \
        QUITENLO QUITENLA BORRENLO BORRENLA SAQUENLO ELIMINENLO",
    ),
    List(ME, 0, "ME US MOI M NOUS NOS"),
    List(I1, 0, "I WE I'LL I'M I'D I'VE WE'LL WE'RE WE'VE WE'D JE J"),
    List(CONJ, 0, "AND OR N NOR PLUS Y O ET OU NI ALSO"),
    List(
        MODAL,
        0,
        "WILL I'LL WE'LL CAN CAN'T CANNOT COULD COULDN'T SHOULD MIGHT MAY MUST GONNA GOTTA \
        WON'T SHALL WOULDN'T",
    ),
    List(PRON, 0, "IT THIS THAT THEM THESE THOSE EM ESTO ESO CA"),
    List(
        SKIP,
        0,
        "YOU EVER EVEN JUST REALLY WANT WANNA TO NEED PLEASE BE DARE GUYS PAS VEUX ME NOT WOULD \
        LIKE WISH GONNA GOING TRYING TRY QUIERO QUEREMOS MEAN MEANT FUCKING FREAKING FRICKING \
        FUCKIN FREAKIN FRICKIN EFFING FRIGGING FRIGGIN Y'ALL",
    ),
    List(
        LAUGH,
        0,
        "LOL LMAO LMFAO ROFL HAHA HEHE JAJA JK KIDDING MDR XD BLUSH AMAZING AWESOME KIND SWEET \
        LOVE FUNNY CUTE HILARIOUS",
    ),
    List(ALLW, 0, "ALL EVERYTHING TODO TODOS TODAS TOUT TOUS TOUTES EVERY"),
    List(WHEN, 0, "RIGHT"),
    // The second word of a compound after a stop word ("stop light", "stop
    // watch"; SIGN is below): known, so that the object rule reads it as
    // another object.
    List(0, 0, "LIGHT LOSS GAP WATCH MOTION BUTTON DATE SHOP"),
    // Words the rules name (see rules/), with no flag of their own.
    List(
        0,
        0,
        "SPAMMER SPAMMERS SPAMMING SPAMMY SCAM SCAMMER SCAMMERS HARASSMENT HARASSING HARASS \
        BLOCK BLOCKED BLOCKING FOLDER FILTER FILTERS BOX FCC FTC BBB ATTORNEY AG POLICE \
        AUTHORITIES CARRIER START UNSTOP VUELVAN VUELVA VUELVAS EMAILED HIM HELL LAY CHILL \
        LISTS",
    ),
    // Words a rule names that read, in an object, as words the lists do not
    // know ("don't email me the link", "don't text me twice").
    List(
        PLAIN,
        0,
        "THAN USE FORWARD MOVING CETTE LUGAR PLUTOT PREFIERO TWICE YESTERDAY TWO THREE FOUR \
        FIVE SEVERAL MULTIPLE MANY REPLY CLICK VISIT LINK WAIT HOLD STOPPED APPRECIATE \
        GRATEFUL NICE HELPFUL HAPPY BEST THANKFUL ETRE WHATSOEVER DAR DARME DENME DAME DEME \
        DARSE DARNOS NADA COURSE WERE WAS CAME ARRIVED ACCEPT WITHDRAWN PART TCPA \
        CONSUMER PROTECTION ACT LEGAL ACTION HUSBAND WIFE SON DAUGHTER MOTHER FATHER MOM DAD WHICH \
        LANDLINE NONE SHOULD PLACE MEJOR SI OUI BOTH YET MIND WHY'D MARKS MARKED FLAGGED \
        BLOCKING FILTERING BLOCKER PROTECTION REP REPS AGENT AGENTS TEAM REMOTE CONTRACTING \
        CULLING CALMING CALVING TESTING TENTING MASSAGE MASSAGES MASSAGING HMU CRTC ESPERA \
        ATTENTE COMO SABER USTEDES USTED SER PATIENCE SACREZ CRISSEZ AVEC VEUX VEUT INSCRIT \
        INSCRITE SUSCRIBI TIENEN TIENE DI DIJE ECRIT AYER HIER TAN MANDO ENVIO CONTINUEZ \
        CONTINUENT AU LO MOVED DECEASED PASSED DIED SOLD BOUGHT RETIRED DIVORCED BANKRUPT \
        MANY GOOD DOY ANDEN ESTEN REGARDS CHEERS WARMLY YOURS RESPECTFULLY WISHES USER RECIPIENT MAILBOX DOMAIN REJECTED \
        IDENTIFIED CLASSIFIED DETECTED COLLEAGUE REQUESTS OFFICE",
    ),
    List(
        0,
        0,
        "OPT AWAY LOST ALONE DESIST KEEP KEEPS ENOUGH BASTA RATHER PREFER WITHDRAW CONSENT \
        CONSENTED AUTHORIZE AUTHORIZED AGREE AGREED SIGN SIGNED GAVE GIVE GIVEN PERMISSION \
        AUTHORIZATION RECEIVE HEAR BEEN HAVE HAS HAD GOT NEEDS OUGHT MAKE LET LONGER QUIERO \
        DESEO QUEREMOS QUIERE RECIBIR SOUHAITE SOUHAITONS DESIRE VOULONS RECEVOIR JAMAIS PAZ \
        TRANQUILLE PAIX FUCK PISS BUZZ EFF F KNOCK CUT INSTEAD ONLY FINE BETTER GOOD IS ARE \
        TELEPHONE INFO INFORMATION DETAILS NAME DATA OLD PREVIOUS SECOND WORK HOME REGISTRY \
        REGISTER ONCE FULL PIT ONE NON TRUCK REST COMPLETE DEAD DO DOES THEY Y'ALL PEOPLE CARE \
        BEING SEE HIGH LOW FRONT PROBABLY \
        LEAVE GO DEJAME DEJENME DEJEME LAISSEZ LAISSE FICHEZ FOUTEZ CONTINUE ALWAYS THRU DU \
        UNLESS YOU'RE FIRST LAST L LIST AL DEL QUE D PAR DID HE SHE HIS HER STILL REPORT \
        REPORTED REPORTING AS TOO \
        GROUP GROUPS THREAD CHAIN CHAT COMPANY BUSINESS RECORDS SYSTEM CONTACTS ROSTER ROLODEX FILES DIRECTORY CRM \
        SPAMMERS SCAMMERS ROBOTS BOTS TELEMARKETERS ROBOCALLERS TIME TURN WANTS AQUI ESE NUEVO OTRA VEZ SIGAN SIGUEN \
        RESCIND RESCINDED REVOCATION REFRAIN ACCIDENTALLY MISTAKENLY MISTAKE ACCIDENT TE \
        PROVIDE PROVIDED YOURSELF YOURSELVES LACHEZ LACHE TIMES REPLIED SENT TYPED HIT PRESSED \
        YOU'VE TRABAJO OFICINA WORKS ADD DIRECTLY LAWYER SUE SUING COURT",
    ),
];

/// Spellings, shorthand and typos → the word the lists know, as `VARIANT>WORD`.
const VARIANTS: &[&str] = &[
    // Stop and its typos.
    "STPO>STOP SOTP>STOP STOOP>STOP STOPP>STOP SROP>STOP STIP>STOP DTOP>STOP \
        STO>STOP STOPE>STOP STOPO>STOP STAHP>STOP STAWP>STOP STOPIT>STOP STOPPIT>STOP ST0P>STOP",
    // Typos of the words of a request (longer ones are also read by distance).
    "REMVOE>REMOVE REMOCE>REMOVE REOMVE>REMOVE REMIVE>REMOVE RMEOVE>REMOVE TKE>TAKE TSKE>TAKE \
        TAK>TAKE TEXR>TEXT TECT>TEXT TXET>TEXT TEX>TEXT CAL>CALL ALON>ALONE ALOEN>ALONE LEEVE>LEAVE \
        LAVE>LEAVE AGIAN>AGAIN AGAN>AGAIN OTP>OPT UOT>OUT MOER>MORE WNAT>WANT QIUT>QUIT \
        TEZTS>TEXTS SENDNG>SENDING SENDIN>SENDING ANYMRE>ANYMORE ANYMROE>ANYMORE MO>MORE \
        NVR>NEVER W>WITH SPAMMIN>SPAMMING BLOCKIN>BLOCKING EMAILN>EMAILING CONTACTN>CONTACTING \
        UNSUBBING>UNSUBSCRIBING",
    // Unsubscribe and its typos (near misses of the long word are read by distance too).
    "UNSUB>UNSUBSCRIBE UNSUBCRIBE>UNSUBSCRIBE UNSUBSCIBE>UNSUBSCRIBE UNSUSCRIBE>UNSUBSCRIBE \
        UNSUBSRIBE>UNSUBSCRIBE UNSCRIBE>UNSUBSCRIBE UNSUSCRIBED>UNSUBSCRIBED \
        UNSUBBED>UNSUBSCRIBED UNSUBSCRIPE>UNSUBSCRIBE UNSUBSCRIBEME>UNSUBSCRIBE \
        \
        ",
    // Opt out.
    "OPTED>OPT OPTING>OPT OT>OUT OUY>OUT OTU>OUT OIT>OUT",
    // Shorthand.
    "PLS>PLEASE PLZ>PLEASE PLEASEE>PLEASE PLEAS>PLEASE PLEASR>PLEASE PLEAE>PLEASE \
        PLEZ>PLEASE PLIS>PLEASE PLEEZ>PLEASE PLX>PLEASE PPLEASE>PLEASE U>YOU YA'LL>Y'ALL \
        YALL>Y'ALL YU>YOU YOURE>YOU'RE R>ARE 2>TO 4>FOR THNX>THANKS THANX>THANKS TNX>THANKS \
        TX>THANKS DONT>DON'T DNT>DON'T DO'NT>DON'T DOMT>DON'T DINT>DON'T CANT>CAN'T WONT>WON'T \
        DIDNT>DIDN'T DOESNT>DOESN'T COULDNT>COULDN'T SHOULDNT>SHOULDN'T WOULDNT>WOULDN'T \
        IM>I'M IVE>I'VE ILL>I'LL ID>I'D ITS>IT'S THATS>THAT'S WHATS>WHAT'S TXTING>TEXTING \
        TXTIN>TEXTING TEXTIN>TEXTING TEXING>TEXTING TEXTN>TEXTING TEXTNG>TEXTING \
        TETXING>TEXTING TEXITNG>TEXTING TEXTIG>TEXTING TEXTIMG>TEXTING TXTNG>TEXTING TEXTINF>TEXTING \
        TEXTES>TEXTS TEXS>TEXTS TXTES>TXTS TEXTT>TEXT MSGES>MSGS MSGING>MESSAGING \
        MESSAGIN>MESSAGING MSSGS>MSGS MSSG>MSG MESAGES>MESSAGES MESSAGS>MESSAGES \
        MESSEGES>MESSAGES CALLIN>CALLING CALING>CALLING CALLIMG>CALLING CALLZ>CALLS \
        EMAILIN>EMAILING CONTACTIN>CONTACTING RECIEVE>RECEIVE RECIEVING>RECEIVING SOLO>ONLY SOLAMENTE>ONLY SEULEMENT>ONLY \
        UNIQUEMENT>ONLY ADRESSE>ADDRESS DIRECCION>ADDRESS PREFERIMOS>PREFIERO \
        SPAMING>SPAMMING BOTHERIN>BOTHERING HARRASSING>HARASSING HARASING>HARASSING \
        HARRASING>HARASSING ANYMOR>ANYMORE REMOVEME>REMOVE REMOV>REMOVE REMOVES>REMOVE \
        REMVE>REMOVE RMV>REMOVE CUZ>BECAUSE PPL>PEOPLE AGN>AGAIN AGIN>AGAIN MOR>MORE TXTN>TEXTING NUMBR>NUMBER \
        NUMBA>NUMBER NUM>NUMBER TAKEN>TAKE HAHAHA>HAHA \
        HAHAHAHA>HAHA AHAHA>HAHA JAJAJA>JAJA HEHEHE>HEHE LMFAOO>LMFAO LOOL>LOL",
    // Spanish and French spellings (accents are already folded).
    "NUMERO>NUMBER TELEFONO>PHONE LISTA>LIST LISTE>LIST LISTAS>LISTS LISTES>LISTS SUSCRIPCION>SUBSCRIPTION \
        ABONNEMENT>SUBSCRIPTION ARRETTE>ARRETE ARETE>ARRETE ARRETTEZ>ARRETEZ AREETEZ>ARRETEZ \
        ARETEZ>ARRETEZ MSJ>MSG MSJS>MSGS XFA>PLEASE KIERO>QUIERO CANCELO>CANCEL \
        ESTAFA>SCAM ARNAQUE>SCAM BLOQUEE>BLOCKED BLOQUEADO>BLOCKED \
        TRANQUILO>TRANQUILLE TRANQUILA>TRANQUILLE PU>PLUS MANDANDO>SENDING ENVIANDO>SENDING \
        JUSTE>JUST PUS>PLUS X>POR PORFIS>PORFA ANNULER>CANCEL ANNULEZ>CANCEL OUBLIEZ>FORGET \
        OUBLIER>FORGET PERDEZ>LOSE DEJAD>DEJEN DADME>DAME VOLVAIS>VUELVAN \
        CONSENTIMIENTO>CONSENT CONSENTEMENT>CONSENT PERMISO>PERMISSION REVOQUE>REVOKE \
        BLOQUE>BLOCKED BLOQUER>BLOCK BLOQUEAR>BLOCK HARCELEMENT>HARASSMENT STOPPEZ>ARRETEZ \
        INFOLETTRES>NEWSLETTERS INFOLETTRE>NEWSLETTER BOLETIN>NEWSLETTER AYUDA>HELP AIDE>HELP \
        ASSEZ>ENOUGH SUFFIT>ENOUGH OTEZ>RETIREZ OTER>RETIRER CONTACTADO>CONTACTED \
        CONTACTADA>CONTACTED DEMARCHE>CONTACTED DEMARCHEE>CONTACTED AUTORIZO>AUTHORIZE \
        RETIRO>RETIRE EXCLUDED>REMOVED OFERTAS>OFFERS PROMOCIONES>PROMOTIONS YAMEN>LLAMEN",
    // Dropped g and other spoken spellings.
    "BLOWIN>BLOWING HITTIN>HITTING WIT>WITH ACCIDENTLY>ACCIDENTALLY ACCIDENTALY>ACCIDENTALLY \
        FA>FAVOR UNSUSCRIBIRME>DESUSCRIBIRME UNSUSCRIBIR>DESUSCRIBIR FICHE>FICHEZ FICHES>FICHEZ \
        TEXTIANDO>TEXTEANDO YINZ>Y'ALL PIS>AND VM>VOICEMAIL DMING>MESSAGING",
];

/// One word of the index: its spelling, the word it stands for (itself, or
/// the listed word a variant leads to), and its flags with channel bits on top.
#[derive(Clone, Copy)]
struct Entry {
    key: &'static str,
    canon: &'static str,
    bits: u64,
}

/// Channel bits sit above the flags (32 bits of them) in [`Entry::bits`].
const CH_SHIFT: u32 = 32;

/// Every listed word and variant, one entry a spelling, in a hash table.
struct Index {
    entries: Vec<Entry>,
    /// Open addressing: entry index + 1, or 0 for an empty slot.
    slots: Vec<u16>,
}

/// Slots in the table (a power of two, about three times the words).
const SLOTS: usize = 4096;

fn hash(word: &str) -> usize {
    // FNV-1a.
    let h = word.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    h as usize & (SLOTS - 1)
}

impl Index {
    fn slot_of(&self, word: &str) -> Result<usize, usize> {
        let mut s = hash(word);
        loop {
            match self.slots.get(s).copied() {
                Some(0) | None => return Err(s),
                Some(i) => {
                    if self
                        .entries
                        .get(usize::from(i) - 1)
                        .is_some_and(|e| e.key == word)
                    {
                        return Ok(usize::from(i) - 1);
                    }
                }
            }
            s = (s + 1) & (SLOTS - 1);
        }
    }

    fn add(&mut self, e: Entry) {
        match self.slot_of(e.key) {
            // In several lists: the flags and channels of all of them.
            Ok(i) => {
                if let Some(old) = self.entries.get_mut(i) {
                    old.bits |= e.bits;
                }
            }
            Err(s) => {
                if self.entries.len() + 1 < SLOTS / 2 {
                    self.entries.push(e);
                    if let Some(slot) = self.slots.get_mut(s) {
                        *slot = self.entries.len() as u16;
                    }
                }
            }
        }
    }

    fn get(&self, word: &str) -> Option<&Entry> {
        self.slot_of(word).ok().and_then(|i| self.entries.get(i))
    }
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ix = Index {
            entries: Vec::with_capacity(1400),
            slots: vec![0; SLOTS],
        };
        for List(flags, ch, words) in LISTS {
            for w in words.split_ascii_whitespace() {
                ix.add(Entry {
                    key: w,
                    canon: w,
                    bits: u64::from(*flags) | (u64::from(*ch) << CH_SHIFT),
                });
            }
        }
        // A variant carries the flags of the word it leads to.
        for pair in VARIANTS.iter().flat_map(|l| l.split_ascii_whitespace()) {
            if let Some((key, canon)) = pair.split_once('>') {
                let bits = ix.get(canon).map_or(0, |e| e.bits);
                ix.add(Entry { key, canon, bits });
            }
        }
        ix
    })
}

/// A word as the lists know it: its canonical spelling, flags and channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// Canonical spelling.
    pub w: &'static str,
    /// Flags of every list it is in.
    pub f: u32,
    /// Channel bits it names.
    pub ch: u8,
}

/// Looks a word up: a variant spelling leads to the word it stands for. A
/// variant whose word is in no list is still known (its flags are empty).
pub fn lookup(word: &str) -> Option<Known> {
    let e = index().get(word)?;
    Some(Known {
        w: e.canon,
        f: e.bits as u32,
        ch: (e.bits >> CH_SHIFT) as u8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_lead_to_words() {
        for pair in VARIANTS.iter().flat_map(|l| l.split_ascii_whitespace()) {
            let (v, w) = pair.split_once('>').unwrap_or((pair, ""));
            assert_ne!(v, w, "{pair}");
            assert_eq!(lookup(v).map(|k| k.w), Some(w), "{pair}");
            // A variant is not also a listed word (its flags would be lost).
            assert!(
                LISTS
                    .iter()
                    .all(|l| !l.2.split_ascii_whitespace().any(|x| x == v)),
                "{v} is listed"
            );
        }
    }

    #[test]
    fn index_holds_every_word_once() {
        let ix = index();
        let mut keys: Vec<&str> = ix.entries.iter().map(|e| e.key).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n);
        assert!(n > 900 && n < SLOTS / 2, "{n}");
        let listed = LISTS.iter().flat_map(|l| l.2.split_ascii_whitespace());
        assert!(listed
            .clone()
            .all(|w| ix.get(w).is_some_and(|e| e.key == w)));
    }

    #[test]
    fn words_are_upper_case_ascii() {
        for List(_, _, list) in LISTS {
            for w in list.split_ascii_whitespace() {
                assert!(
                    w.bytes().all(|b| b.is_ascii_uppercase()
                        || b.is_ascii_digit()
                        || b == b'\''
                        || b == b'-'),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn flags_merge_across_lists() {
        let stop = lookup("STOP").map(|k| k.f).unwrap_or(0);
        assert_ne!(stop & STOPV, 0);
        assert_ne!(stop & KEY, 0);
        assert_eq!(lookup("TXTING").map(|k| k.w), Some("TEXTING"));
        assert_eq!(lookup("CALLS").map(|k| k.ch), Some(CALL));
        assert_eq!(lookup("ZZZ"), None);
    }
}
