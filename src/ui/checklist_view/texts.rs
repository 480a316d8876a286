//! The words of the checklist view.

use crate::model::Bilingual;

/// The checklist view's words.
pub struct Texts {
    // Project header
    pub heading: &'static str,
    pub investor: &'static str,
    pub project: &'static str,
    /// The investor's planned start, its hint and what it is for.
    pub planned_start: &'static str,
    pub planned_start_hint: &'static str,
    pub planned_start_help: &'static str,
    // Factors
    /// A category's heading: its position (from 0), name and how many of its factors are asked.
    pub category_title: fn(usize, &str, usize) -> String,
    pub col_requirement: &'static str,
    pub col_note: &'static str,
    pub col_zones: &'static str,
    /// Accessible names of a factor's inputs.
    pub importance_of: fn(&str) -> String,
    pub requirement_of: fn(&str) -> String,
    pub note_of: fn(&str) -> String,
    // Requirements the header supplies
    pub from_industry: &'static str,
    pub from_planned_intensity: &'static str,
    pub from_planned_tax: &'static str,
    // Live ranking
    pub live_ranking: &'static str,
    pub nothing_scored: &'static str,
    pub items_scored: fn(usize) -> String,
}

const ZH: Texts = Texts {
    heading: "投资需求",
    investor: "投资方",
    project: "项目名称",
    planned_start: "计划开工时间",
    planned_start_hint: "如 2027-03-01",
    planned_start_help: "开发区计划在此日期之前达到的容量（如扩容、在建厂房）按满足计分",
    category_title: |n, name, requested| format!("{}、{name}（{requested}）", chinese_ordinal(n)),
    col_requirement: "要求",
    col_note: "备注",
    col_zones: "各区情况",
    importance_of: |name| format!("{name} 重要性"),
    requirement_of: |name| format!("{name} 要求"),
    note_of: |name| format!("{name} 备注"),
    from_industry: "取自表头“行业”",
    from_planned_intensity: "取自表头“计划投资强度”",
    from_planned_tax: "取自表头“计划亩均税收”",
    live_ranking: "实时排名",
    nothing_scored: "填写要求后即显示各开发区的匹配得分。",
    items_scored: |n| format!("已计分 {n} 项"),
};

const EN: Texts = Texts {
    heading: "Investor checklist",
    investor: "Investor",
    project: "Project",
    planned_start: "Planned start",
    planned_start_hint: "e.g. 2027-03-01",
    planned_start_help: "Capacity a zone plans to have before this day (an extension, factories being built) counts as met",
    category_title: |n, name, requested| format!("{}. {name} ({requested})", n + 1),
    col_requirement: "Requirement",
    col_note: "Note",
    col_zones: "Zones",
    importance_of: |name| format!("{name} importance"),
    requirement_of: |name| format!("{name} requirement"),
    note_of: |name| format!("{name} note"),
    from_industry: "from the header: industry",
    from_planned_intensity: "from the header: planned intensity",
    from_planned_tax: "from the header: planned tax per mu",
    live_ranking: "Live ranking",
    nothing_scored: "Fill in a requirement to see how the zones match.",
    items_scored: |n| format!("{} scored", crate::ui::texts::count_en(n, "item", "items")),
};

/// The checklist view's words in `lang`.
/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

/// 一, 二, 三 … for category headings.
fn chinese_ordinal(n: usize) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        .get(n)
        .copied()
        .unwrap_or("·")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn categories_are_numbered_in_each_language() {
        assert_eq!(
            (TEXTS.get(Lang::Zh).category_title)(1, "供电", 3),
            "二、供电（3）"
        );
        assert_eq!(
            (TEXTS.get(Lang::En).category_title)(1, "Power", 3),
            "2. Power (3)"
        );
        assert_eq!(
            (TEXTS.get(Lang::Zh).category_title)(10, "其他", 0),
            "·、其他（0）"
        );
    }

    #[test]
    fn english_counts_scored_items() {
        assert_eq!((TEXTS.get(Lang::En).items_scored)(1), "1 item scored");
        assert_eq!((TEXTS.get(Lang::En).items_scored)(31), "31 items scored");
    }
}
