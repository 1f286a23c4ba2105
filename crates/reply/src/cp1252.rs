//! Windows-1252, the code page of Windows exports: text in it read where
//! UTF-8 was expected, and UTF-8 that was read as it and written again.

use std::borrow::Cow;

/// The characters of bytes 0x80 to 0x9F (the five bytes the code page leaves
/// unassigned read as the C1 control of the same number, as Windows reads
/// them); every other byte is the character of its number (Latin-1).
const HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The character of byte `b`.
pub fn char_of(b: u8) -> char {
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b & 0x1F))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

/// The byte of character `c`, `None` when the code page has none (a C1
/// control is its own byte, as some decoders leave the unassigned ones).
fn byte_of(c: char) -> Option<u8> {
    match HIGH.iter().position(|&h| h == c) {
        Some(p) => u8::try_from(p).ok().map(|p| p | 0x80),
        None => u8::try_from(u32::from(c)).ok(),
    }
}

/// Bytes as UTF-8 where they are UTF-8, and each byte that is not as its
/// Windows-1252 character: a Windows export's "ARRÊT" (0xCA) reads as
/// written, and one such byte in a UTF-8 file is one character.
pub fn decode(bytes: Vec<u8>) -> String {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return text,
        Err(e) => e.into_bytes(),
    };
    let mut out = String::with_capacity(bytes.len().saturating_add(bytes.len() / 8));
    let mut rest = bytes.as_slice();
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len());
                let (wrong, after) = bad.split_at(n.min(bad.len()));
                out.extend(wrong.iter().map(|&b| char_of(b)));
                rest = after;
            }
        }
    }
    out
}

/// UTF-8 that was read as Windows-1252 and written again ("ArrÃªtez",
/// "Donâ€™t"): the text it was. The whole text or nothing: it must be
/// made of the code page's characters only, and their bytes must be UTF-8
/// again, so text that is merely accented ("Él está") stays as it is.
pub fn unmangled(text: &str) -> Cow<'_, str> {
    // A lead byte's character (Â to ï) before a continuation byte's.
    let mut prev = ' ';
    let sign = !text.is_ascii()
        && text.chars().any(|c| {
            let pair = ('\u{C2}'..='\u{EF}').contains(&prev)
                && byte_of(c).is_some_and(|b| (0x80..=0xBF).contains(&b));
            prev = c;
            pair
        });
    if !sign {
        return Cow::Borrowed(text);
    }
    let bytes: Option<Vec<u8>> = text.chars().map(byte_of).collect();
    match bytes.map(String::from_utf8) {
        Some(Ok(fixed)) => Cow::Owned(fixed),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_goes_there_and_back() {
        for b in 0..=255u8 {
            assert_eq!(byte_of(char_of(b)), Some(b), "byte {b:#x}");
        }
        assert_eq!(byte_of('€'), Some(0x80));
        assert_eq!(byte_of('Ÿ'), Some(0x9F));
        assert_eq!(byte_of('é'), Some(0xE9));
        assert_eq!(byte_of('ő'), None);
    }

    #[test]
    fn bytes_that_are_not_utf8_read_as_the_code_page() {
        assert_eq!(decode(b"ARR\xCAT".to_vec()), "ARRÊT");
        assert_eq!(
            decode(b"No me env\xEDes m\xE1s".to_vec()),
            "No me envíes más"
        );
        // UTF-8 where it is, the code page where it is not.
        assert_eq!(
            decode("Jos\u{e9} ".bytes().chain([0xE9]).collect()),
            "José é"
        );
        assert_eq!(decode(b"caf\xC3".to_vec()), "cafÃ");
        assert_eq!(decode(b"\x80\x81".to_vec()), "€\u{81}");
        assert_eq!(decode("déjà".as_bytes().to_vec()), "déjà");
    }

    #[test]
    fn utf8_read_as_the_code_page_is_mended() {
        assert_eq!(unmangled("ArrÃªtez"), "Arrêtez");
        assert_eq!(unmangled("Donâ€™t text me"), "Don’t text me");
        assert_eq!(
            unmangled("No me envÃ\u{AD}es mÃ¡s mensajes"),
            "No me envíes más mensajes"
        );
        // Accented text as it is stays so.
        for text in [
            "Él está",
            "Arrêtez",
            "ARRÊT",
            "stop",
            "Ãx",
            "naïve café",
            "São Paulo",
        ] {
            assert!(matches!(unmangled(text), Cow::Borrowed(_)), "{text}");
        }
    }
}
