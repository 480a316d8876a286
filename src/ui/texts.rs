//! The words several views share (Save, Cancel, Search…), in Chinese and English, and the small
//! helpers the word tables use. Each view keeps its own words in a table beside it, selected by
//! its `TEXTS.get(lang)`; the model keeps the names it owns (statuses, importance, factor and
//! catalog names). A word missing from either language does not compile.

use crate::model::Lang;

/// The words shared by the views.
pub struct Common {
    // Buttons
    pub save: &'static str,
    pub save_as: &'static str,
    pub cancel: &'static str,
    // Pickers
    pub search: &'static str,
    /// A picker with nothing chosen yet.
    pub choose: &'static str,
    pub industry: &'static str,
    // Column headings
    pub factor: &'static str,
    pub importance: &'static str,
    pub required: &'static str,
    pub score: &'static str,
    pub qualified_heading: &'static str,
    // Verdicts
    pub qualified: &'static str,
    // Languages, each in its own words
    pub chinese: &'static str,
    pub english: &'static str,
}

const ZH: Common = Common {
    save: "保存",
    save_as: "另存为…",
    cancel: "取消",
    search: "搜索",
    choose: "（请选择）",
    industry: "行业",
    factor: "要素",
    importance: "重要性",
    required: "要求",
    score: "得分",
    qualified_heading: "资格",
    qualified: "合格",
    chinese: "中文",
    english: "English",
};

const EN: Common = Common {
    save: "Save",
    save_as: "Save as…",
    cancel: "Cancel",
    search: "Search",
    choose: "(choose)",
    industry: "Industry",
    factor: "Factor",
    importance: "Importance",
    required: "Required",
    score: "Score",
    qualified_heading: "Qualified",
    qualified: "qualified",
    chinese: "中文",
    english: "English",
};

/// The shared words in `lang`.
pub fn common(lang: Lang) -> &'static Common {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A count and its English noun, singular for one: `1 file`, `0 files`, `2 files`.
pub fn count_en(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_are_singular_for_one_only() {
        assert_eq!(count_en(1, "file", "files"), "1 file");
        assert_eq!(count_en(0, "file", "files"), "0 files");
        assert_eq!(count_en(2, "zone file", "zone files"), "2 zone files");
    }

    #[test]
    fn each_language_has_its_own_table() {
        assert_eq!(common(Lang::Zh).save, "保存");
        assert_eq!(common(Lang::En).save, "Save");
    }
}
