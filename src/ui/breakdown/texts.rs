//! The words of one zone's breakdown (its verdict, what it would take, the item table with
//! each figure's provenance) and of the side-by-side comparison.

use crate::model::Bilingual;

/// The breakdown's words.
pub struct Texts {
    // The zone's verdict
    pub edit_profile: &'static str,
    pub qualified_every_must: &'static str,
    /// Not qualified, with the must-haves it fails.
    pub not_qualified: fn(&str) -> String,
    /// Data completeness, with the percentage as text.
    pub completeness: fn(&str) -> String,
    /// The category profile's title.
    pub categories: &'static str,
    /// A category the checklist asks nothing of.
    pub not_requested: &'static str,
    /// A category's score in words: its name, score, items scored and unknown among them.
    pub category_hover: fn(&str, &str, usize, usize) -> String,
    /// The zone's readiness tier.
    pub readiness: fn(&str) -> String,
    /// What keeps the zone out of the tier above.
    pub tier_missing: fn(&str) -> String,
    pub contact: fn(&str) -> String,
    // What it would take
    /// The zone qualifies: the changes that lift it to the target score.
    pub plan_to_target: fn(&str) -> String,
    /// The changes that qualify it: the score once qualified, then with every change.
    pub plan_to_qualify: fn(&str, &str) -> String,
    // Item table
    pub col_status: &'static str,
    pub col_offered: &'static str,
    pub col_gap: &'static str,
    pub col_source: &'static str,
    pub illustrative: &'static str,
    pub illustrative_hover: &'static str,
    /// The owner in force of a figure (责任单位).
    pub owner: fn(&str) -> String,
    // Side by side
    pub side_by_side: &'static str,
    /// The comparison chart's accessible name, before its values.
    pub category_chart: &'static str,
}

const ZH: Texts = Texts {
    edit_profile: "编辑资料",
    qualified_every_must: "合格：必须项全部满足",
    not_qualified: |names| format!("不合格，未满足必须项：{names}"),
    completeness: |percent| format!("数据完整度 {percent}%"),
    categories: "分类得分",
    not_requested: "未涉及",
    category_hover: |name, score, items, unknown| {
        format!("{name}：{score}（{items} 项参与评分，其中 {unknown} 项待核实）")
    },
    readiness: |tier| format!("就绪等级：{tier}"),
    tier_missing: |names| format!("升入上一等级尚缺：{names}"),
    contact: |contact| format!("联系：{contact}"),
    plan_to_target: |target| format!("提升至 {target} 分需做到"),
    plan_to_qualify: |qualified, after| {
        format!("要达到合格需做到（达标后 {qualified} 分，全部完成后 {after} 分）")
    },
    col_status: "状态",
    col_offered: "现有",
    col_gap: "差距",
    col_source: "来源 · 日期 · 责任单位",
    illustrative: "示例值",
    illustrative_hover: "此数值无来源，仅作示例",
    owner: |owner| format!("责任单位：{owner}"),
    side_by_side: "并排对比",
    category_chart: "分类得分对比",
};

const EN: Texts = Texts {
    edit_profile: "Edit profile",
    qualified_every_must: "qualified: every must-have met",
    not_qualified: |names| format!("not qualified; must-haves not met: {names}"),
    completeness: |percent| format!("data completeness {percent}%"),
    categories: "By category",
    not_requested: "not asked",
    category_hover: |name, score, items, unknown| {
        format!("{name}: {score} ({items} items scored, {unknown} of them to verify)")
    },
    readiness: |tier| format!("Readiness: {tier}"),
    tier_missing: |names| format!("For the tier above, still needs: {names}"),
    contact: |contact| format!("Contact: {contact}"),
    plan_to_target: |target| format!("What it would take to reach {target} points"),
    plan_to_qualify: |qualified, after| {
        format!(
            "What it would take to qualify ({qualified} points once qualified, {after} with every change)"
        )
    },
    col_status: "Status",
    col_offered: "Offered",
    col_gap: "Gap",
    col_source: "Source · as of · owner",
    illustrative: "illustrative",
    illustrative_hover: "No source gives this value; it is an example",
    owner: |owner| format!("Owner: {owner}"),
    side_by_side: "Side by side",
    category_chart: "Scores by category",
};

/// The breakdown's words in `lang`.
/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
