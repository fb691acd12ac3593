//! Which of the device's voices may read the guide: one that speaks its language, never
//! another's (a Vietnamese text in an English voice is noise, not help). Shared by
//! "Read this step aloud" and the walkthrough's narration.

/// How well a voice tagged `voice_lang` (`zh-CN`, `es_MX`) reads a guide in `lang`:
/// `Some(0)` best, higher worse, `None` not at all.
///
/// The primary language must match. Chinese written in Simplified characters is read in
/// Mandarin: mainland and Singapore voices first, then Taiwan's (Mandarin too); Hong
/// Kong's and Macau's speak Cantonese, another spoken language, so they are not used.
pub fn voice_rank(voice_lang: &str, lang: &str) -> Option<u8> {
    let voice = voice_lang.trim().replace('_', "-").to_ascii_lowercase();
    let lang = lang.to_ascii_lowercase();
    if voice == lang || voice.starts_with(&format!("{lang}-")) {
        return Some(0);
    }
    let mut parts = voice.split('-');
    let primary = parts.next().unwrap_or_default();
    let wanted = lang.split('-').next().unwrap_or_default();
    let chinese = |p: &str| p == "zh" || p == "cmn";
    if wanted == "zh" && chinese(primary) {
        return match parts.next() {
            Some("cn" | "sg" | "hans") | None => Some(0),
            Some("hk" | "mo" | "yue") => None,
            Some(_) => Some(1),
        };
    }
    (primary == wanted && !primary.is_empty()).then_some(0)
}

#[cfg(test)]
mod tests {
    use super::voice_rank;

    #[test]
    fn a_voice_must_speak_the_guides_language() {
        assert_eq!(voice_rank("en-US", "en"), Some(0));
        assert_eq!(voice_rank("es_MX", "es"), Some(0));
        assert_eq!(voice_rank("vi-VN", "vi"), Some(0));
        assert_eq!(voice_rank("ar-SA", "ar"), Some(0));
        assert_eq!(voice_rank("en-US", "es"), None);
        assert_eq!(voice_rank("en-US", "vi"), None);
        assert_eq!(voice_rank("", "ar"), None);
    }

    #[test]
    fn simplified_chinese_is_read_by_a_mandarin_voice() {
        assert_eq!(voice_rank("zh-CN", "zh-Hans"), Some(0));
        assert_eq!(voice_rank("zh-SG", "zh-Hans"), Some(0));
        assert_eq!(voice_rank("cmn-Hans-CN", "zh-Hans"), Some(0));
        assert_eq!(voice_rank("zh-TW", "zh-Hans"), Some(1));
        assert_eq!(voice_rank("zh-HK", "zh-Hans"), None);
        assert_eq!(voice_rank("ja-JP", "zh-Hans"), None);
    }
}
