//! Languages and bilingual text. Chinese is the first language of SiteMatch, English the second;
//! every name a user reads is held in both, and every message a user reads is rendered in
//! either through [`Localize`].

use serde::{Deserialize, Serialize};

/// The language texts are shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// 中文, the default.
    #[default]
    Zh,
    /// English.
    En,
}

/// A table of words in both languages: one instance of a module's `Texts` in Chinese and one
/// in English, looked up by the language in force. Each module writes its table once, as a
/// `static TEXTS: Bilingual<Texts>`, and every module looks its words up the same way,
/// `TEXTS.get(lang)`: the one helper, so no module copies a lookup function of its own.
#[derive(Debug)]
pub struct Bilingual<T: 'static> {
    pub zh: T,
    pub en: T,
}

impl<T> Bilingual<T> {
    /// The table in `lang`.
    pub const fn get(&'static self, lang: Lang) -> &'static T {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl Lang {
    /// Every language, in the order a switch offers them.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The short code used on the command line and in settings.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The separator between items of a list in running text.
    pub fn list_separator(self) -> &'static str {
        super::texts::TEXTS.get(self).list_separator
    }
}

/// Something a user reads, rendered in their language: every error type of SiteMatch
/// implements it, and its `Display` is the English rendering.
pub trait Localize {
    /// The text in `lang`.
    fn text(&self, lang: Lang) -> String;
}

/// Implements `Display` as the English rendering of a [`Localize`] type, so `to_string()`
/// and `{}` keep giving English.
#[macro_export]
macro_rules! english_display {
    ($($t:ty),+ $(,)?) => {$(
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&$crate::model::Localize::text(self, $crate::model::Lang::En))
            }
        }
    )+};
}

/// Joins items for running text: `a、b、c` in Chinese, `a, b or c` in English (`last` is the
/// word before the last item: "or", "and").
/// Text safe to print to a terminal: control characters other than line breaks and tabs (an
/// escape sequence hidden in a zone's name would otherwise drive the terminal) are shown as
/// `�`.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(unprintable) {
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| if unprintable(c) { '\u{fffd}' } else { c })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn unprintable(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

pub fn join_list(items: &[String], lang: Lang, last: &str) -> String {
    match (lang, items.split_last()) {
        (_, None) => String::new(),
        (Lang::Zh, Some(_)) => items.join("、"),
        (Lang::En, Some((only, []))) => only.clone(),
        (Lang::En, Some((tail, rest))) => format!("{} {last} {tail}", rest.join(", ")),
    }
}

/// A name or label in Chinese and English. A missing translation falls back to the other one,
/// so a name is never shown empty when either language has it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub zh: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, or in the other language when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Zh => (&self.zh, &self.en),
            Lang::En => (&self.en, &self.zh),
        };
        if first.trim().is_empty() { second } else { first }
    }

    /// True when neither language has any text.
    pub fn is_empty(&self) -> bool {
        self.zh.trim().is_empty() && self.en.trim().is_empty()
    }

    /// True when `needle` occurs in either language, ignoring ASCII case.
    pub fn contains_ignore_case(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        self.zh.to_lowercase().contains(&needle) || self.en.to_lowercase().contains(&needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_not_printed_to_a_terminal() {
        assert_eq!(
            printable("侯马\u{1b}[2J开发区\r"),
            "侯马\u{fffd}[2J开发区\u{fffd}"
        );
        assert!(matches!(printable("line\n\tnext"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn falls_back_to_the_other_language() {
        let t = Text::new("亩", "");
        assert_eq!(t.get(Lang::En), "亩");
        let t = Text::new("", "mu");
        assert_eq!(t.get(Lang::Zh), "mu");
        let t = Text::new("亩", "mu");
        assert_eq!(t.get(Lang::Zh), "亩");
        assert_eq!(t.get(Lang::En), "mu");
    }

    #[test]
    fn search_matches_either_language() {
        let t = Text::new("电气机械和器材制造业", "Electrical machinery");
        assert!(t.contains_ignore_case("电气"));
        assert!(t.contains_ignore_case("ELECTRICAL"));
        assert!(!t.contains_ignore_case("food"));
    }
}
