//! Characters: folding full-width, styled and accented letters to ASCII, and
//! the part a folded character plays between words.

/// Folds one character: full-width, styled (mathematical, circled, squared) and
/// accented Latin letters to upper-case ASCII, curly apostrophes to `'`, dashes
/// that join words to `-`. `None` for marks that are dropped without a break
/// (zero-width characters, combining accents, variation selectors).
pub fn fold(c: char) -> Option<char> {
    let u = c as u32;
    let c = match u {
        0x0300..=0x036F | 0x200B..=0x200D | 0x2060 | 0xFEFF | 0x00AD | 0xFE00..=0xFE0F => {
            return None
        }
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        // Mathematical alphanumeric letters (bold, italic, script, ...): 52 a style.
        0x1D400..=0x1D6A3 => letter((u - 0x1D400) % 52 % 26),
        0x1D7CE..=0x1D7FF => char::from_u32('0' as u32 + (u - 0x1D7CE) % 10).unwrap_or(c),
        0x24B6..=0x24CF => letter(u - 0x24B6),
        0x24D0..=0x24E9 => letter(u - 0x24D0),
        0x1F130..=0x1F149 => letter(u - 0x1F130),
        0x1F150..=0x1F169 => letter(u - 0x1F150),
        0x1F170..=0x1F189 => letter(u - 0x1F170),
        _ => c,
    };
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' => {
            'A'
        }
        'ç' | 'Ç' | 'ć' | 'č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ı' => 'I',
        'ñ' | 'Ñ' | 'ń' => 'N',
        // Vietnamese, written with or without its marks ("Hủy đăng ký" is
        // "huy dang ky"): ơ ư ă đ ĩ ũ, and the block of letters with tones.
        'ơ' | 'Ơ' => 'O',
        'ư' | 'Ư' | 'ũ' | 'Ũ' => 'U',
        'ă' | 'Ă' => 'A',
        'đ' | 'Đ' => 'D',
        'ĩ' | 'Ĩ' => 'I',
        '\u{1EA0}'..='\u{1EB7}' => 'A',
        '\u{1EB8}'..='\u{1EC7}' => 'E',
        '\u{1EC8}'..='\u{1ECB}' => 'I',
        '\u{1ECC}'..='\u{1EE3}' => 'O',
        '\u{1EE4}'..='\u{1EF1}' => 'U',
        '\u{1EF2}'..='\u{1EF9}' => 'Y',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' => {
            'O'
        }
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' => 'U',
        'ý' | 'ÿ' | 'Ý' => 'Y',
        'ß' => 'S',
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{0060}' | '\u{00B4}' | '\u{FF07}' => '\'',
        // (Dashes too: "STOP—CALLING—ME" is STOP-CALLING-ME.)
        '\u{2010}'..='\u{2014}' => '-',
        other => other,
    };
    Some(base.to_ascii_uppercase())
}

/// The capital letter `i` places after A.
fn letter(i: u32) -> char {
    char::from_u32('A' as u32 + i).unwrap_or('?')
}

/// What a folded character does to the words around it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Word,
    Apos,
    Hyphen,
    Space,
    Weak,
    Strong,
    Laugh,
    And,
    At,
    Number,
}

pub(super) fn class(c: char) -> Class {
    match c {
        'A'..='Z' | '0'..='9' => Class::Word,
        '\'' => Class::Apos,
        '-' => Class::Hyphen,
        '.' | '!' | '?' | ';' | '。' | '！' | '？' | '；' | '¡' | '¿' | '…' | '‼' | '⁉' | '؟' | '۔' => {
            Class::Strong
        }
        '&' => Class::And,
        // "cancel @ 4:30": a time, as "cancel at 4:30".
        '@' => Class::At,
        // "lose my #", "wrong #".
        '#' => Class::Number,
        // Laughter and affection: 😀😁😂😃😄😅😆😉😊😍😘😜😝😛🤣🥰☺❤💕💖😻.
        '\u{1F600}'..='\u{1F606}'
        | '\u{1F609}'..='\u{1F60A}'
        | '\u{1F60D}'
        | '\u{1F618}'
        | '\u{1F61B}'..='\u{1F61D}'
        | '\u{1F923}'
        | '\u{1F970}'
        | '\u{263A}'
        | '\u{2764}'
        | '\u{1F495}'
        | '\u{1F496}'
        | '\u{1F63B}' => Class::Laugh,
        ' '
        | '\t'
        | '\u{0B}'
        | '\u{0C}'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}'
        // Faces, hands, 💯 and 🔥 between words are emphasis, as spaces:
        // "STOP 👏 CALLING 👏 ME", "stop 😡 calling me", "leave 🙏 me 🙏
        // alone" (a pointing hand or a sign still parts words).
        | '\u{1F600}'..='\u{1F64F}'
        | '\u{1F44A}'..='\u{1F450}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{1F910}'..='\u{1F9FF}'
        | '\u{270A}'..='\u{270B}'
        | '\u{1F4AF}'
        | '\u{1F525}'
        | '\u{FE0F}' => Class::Space,
        // Letters of other scripts are letters too, not punctuation: "我要cancel
        // 预约" is a sentence about an appointment, not CANCEL alone (Arabic,
        // Hebrew, Cyrillic, Greek, Indic and Thai letters; kana, Han, Hangul).
        '\u{00C0}'..='\u{024F}' | '\u{0370}'..='\u{1FFF}' if c != '×' && c != '÷' && !matches!(c, '،' | '؛' | '।' | '॥') => Class::Word,
        '\u{3040}'..='\u{30FF}' | '\u{3130}'..='\u{318F}' | '\u{3400}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' => Class::Word,
        _ => Class::Weak,
    }
}
