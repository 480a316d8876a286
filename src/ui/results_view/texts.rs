//! The words of the results view: its heading and filter, the ranking table, and the hints
//! shown when there is nothing to show.

use crate::model::Bilingual;

/// The results view's words.
pub struct Texts {
    // Heading and filter
    pub heading: &'static str,
    pub filter: &'static str,
    pub filter_hint: &'static str,
    /// The button that unticks the zones picked for comparison, with how many are.
    pub clear_comparison: fn(usize) -> String,
    // Nothing to show
    pub nothing_scored: &'static str,
    pub selected_gone: &'static str,
    pub click_a_row: &'static str,
    // Ranking table headings
    pub col_compare: &'static str,
    pub col_rank: &'static str,
    pub col_zone: &'static str,
    pub col_readiness: &'static str,
    pub readiness_hover: &'static str,
    pub col_completeness: &'static str,
    pub col_largest_gap: &'static str,
    // Ranking table rows
    /// The accessible name of a zone's comparison tick box.
    pub compare_tick: fn(&str) -> String,
    /// The hover of a zone that is not qualified: the must-haves it fails.
    pub must_haves_not_met: fn(&str) -> String,
    /// A factor's name and its gap, `可供工业用地面积：差 77 亩`.
    pub factor_gap: fn(&str, &str) -> String,
}

const ZH: Texts = Texts {
    heading: "匹配结果",
    filter: "筛选",
    filter_hint: "开发区名称或编号  Ctrl+F",
    clear_comparison: |n| format!("清除对比（{n}）"),
    nothing_scored: "需求表尚无可计分的要求。请在“投资需求”中填写要求。",
    selected_gone: "所选开发区已不在列表中。",
    click_a_row: "点击一行查看该开发区的逐项说明；勾选 2–4 个开发区可并排对比。",
    col_compare: "对比",
    col_rank: "排名",
    col_zone: "开发区",
    col_readiness: "就绪等级",
    readiness_hover: "按要素目录中的就绪等级定义，由开发区现有资料判定，与本需求表无关",
    col_completeness: "完整度",
    col_largest_gap: "最大差距",
    compare_tick: |zone| format!("对比 {zone}"),
    must_haves_not_met: |names| format!("未满足的必须项：{names}"),
    factor_gap: |factor, gap| format!("{factor}：{gap}"),
};

const EN: Texts = Texts {
    heading: "Match results",
    filter: "Filter",
    filter_hint: "zone name or id  Ctrl+F",
    clear_comparison: |n| format!("Clear comparison ({n})"),
    nothing_scored: "The checklist has no requirement to score yet. Fill one in under Investor checklist.",
    selected_gone: "The selected zone is no longer listed.",
    click_a_row: "Click a row to see the zone item by item; tick 2–4 zones to compare them side by side.",
    col_compare: "Cmp",
    col_rank: "Rank",
    col_zone: "Zone",
    col_readiness: "Readiness",
    readiness_hover: "From the zone's inventory by the catalog's tier definitions, whatever the checklist",
    col_completeness: "Data",
    col_largest_gap: "Largest gap",
    compare_tick: |zone| format!("compare {zone}"),
    must_haves_not_met: |names| format!("Must-haves not met: {names}"),
    factor_gap: |factor, gap| format!("{factor}: {gap}"),
};

/// The results view's words in `lang`.
/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
