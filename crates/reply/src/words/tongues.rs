//! The standard opt-out phrases of languages the lists hold no grammar for:
//! Haitian Creole, Vietnamese (folded: "Đừng gọi" is DUNG GOI), Tagalog,
//! Chinese, Korean and Arabic, as customers in the US and Canada write them.

use super::{ALL_CH, CALL, SMS};

/// Each: the channels named (0: the medium the message came by), then its
/// phrases. A phrase's words follow one another (Tagalog
/// particles between them are passed over: "wag nyo na ako i-text"); a
/// word of another script may be inside the word as written, which carries
/// endings or, in Chinese, the whole sentence ("退订谢谢", "보내세요"). `=`:
/// the whole message ("TD", Chinese SMS for "unsubscribe").
pub const TONGUES: &[(u8, &[&str])] = &[
    (
        0,
        &[
            "=TD",
            "退订",
            "退訂",
            "取消订阅",
            "取消訂閱",
            "수신거부",
            "수신 거부",
            "إلغاء الاشتراك",
            "HUY DANG KY",
        ],
    ),
    (
        SMS,
        &[
            "不要再发",
            "不要再發",
            "别再发",
            "別再發",
            "不要再傳",
            "別再傳",
            "停止发送",
            "停止發送",
            "别再给我发",
            "不要再给我发",
            "別再給我發",
            "名单上删除",
            "그만 보내",
            "보내지 마",
            "명단에서 빼",
            "문자 받고 싶지 않",
            "لا ترسل",
            "توقف عن إرسال",
            "احذف رقمي",
            "MA TB3ATLI",
            "BALA RASAYEL",
            "SISPANN VOYE",
            "SISPANN TEKSTE",
            "PA VOYE MESAJ",
            "PA TEKSTE M",
            "PA VLE MESAJ",
            "DUNG NHAN TIN",
            "DUNG NHAN NUA",
            "DUNG GUI TIN",
            "NGUNG GUI TIN",
            "KHONG MUON NHAN TIN",
            "KHOI DANH SACH",
            "TIGILAN TEXT",
            "WAG TEXT",
            "HUWAG TEXT",
            "AYOKO TEXT",
            "TAMA NA TEXT",
            "TANGGAL LISTAHAN",
        ],
    ),
    (
        CALL,
        &[
            "不要再打",
            "别再打",
            "別再打",
            "不要打电话",
            "不要打電話",
            "전화하지 마",
            "전화 그만",
            "전화도 문자도",
            "لا تتصل",
            "توقف عن الاتصال",
            "SISPANN RELE",
            "PA RELE M",
            "PA RELE MWEN",
            "DUNG GOI",
            "WAG TAWAGAN",
            "WAG TUMAWAG",
            "HUWAG TAWAGAN",
            "HUWAG TUMAWAG",
        ],
    ),
    (
        ALL_CH,
        &[
            "别烦我",
            "別煩我",
            "不要再联系",
            "不要再聯絡",
            "別再聯絡",
            "연락하지 마",
            "내버려 두",
            "لا تتواصل",
            "في حالي",
            "KITE M ANPE",
            "KITE M TRANKIL",
            "KITE MWEN ANPE",
            "BLIYE NIMEWO",
            "DE TOI YEN",
            "DUNG LIEN LAC",
            "TIGILAN AKO",
            "PABAYAAN AKO",
        ],
    ),
];

/// Tagalog particles a phrase passes over: "Huwag na po kayong mag-text".
pub const PASSED: &str = "NA PO NYO NIYO KAYO KAYONG ANG NG SA AKO AKIN MAG PAG I MO";
