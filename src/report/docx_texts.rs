//! The words of the match report as a Word document ([`super::docx`]), in Chinese and English:
//! the cover's labels, the table headings, the running footer and the lines built around the
//! report model's texts. The model's own words (the appendix's rules and caveats) are in
//! [`super::texts`].

use crate::model::Bilingual;

/// The Word document's words.
pub struct Texts {
    pub title: &'static str,
    // The running footer
    /// Before the page number.
    pub page_before: &'static str,
    /// Between the page number and the page count.
    pub page_between: &'static str,
    /// After the page count (none when empty).
    pub page_after: &'static str,
    // The cover
    pub investor: &'static str,
    pub project: &'static str,
    pub industry: &'static str,
    pub total_investment: &'static str,
    pub factors_scored: &'static str,
    /// The items scored and the must-haves among them.
    pub factors_scored_value: fn(usize, usize) -> String,
    pub zones_scored: &'static str,
    /// The zones scored and those qualified, grouped as printed.
    pub zones_scored_value: fn(&str, &str) -> String,
    pub date: &'static str,
    pub prepared_by: &'static str,
    // The ranking
    pub ranking: &'static str,
    pub ranking_note: &'static str,
    pub col_rank: &'static str,
    pub col_zone: &'static str,
    pub col_score: &'static str,
    pub col_qualified: &'static str,
    pub col_data: &'static str,
    pub qualified: &'static str,
    pub not_qualified: &'static str,
    /// The zones ranked but not listed, grouped as printed.
    pub summary_rest: fn(&str) -> String,
    // A zone's section
    /// The readiness tier beside the region and contact.
    pub readiness: fn(&str) -> String,
    /// After the standing of a zone not qualified: its failed must-haves, listed.
    pub failed_must: fn(&str) -> String,
    /// The score, qualified or not, and the failed must-haves.
    pub standing: fn(&str, &str, &str) -> String,
    /// After the counts of marks: the data completeness in percent.
    pub completeness: fn(&str) -> String,
    /// The category profile in words, before its entries; and a category not asked.
    pub by_category: &'static str,
    pub not_asked: &'static str,
    pub col_factor: &'static str,
    pub col_importance: &'static str,
    pub col_required: &'static str,
    pub col_offered: &'static str,
    pub col_gap: &'static str,
    pub col_source: &'static str,
    pub illustrative: &'static str,
    /// The sources cited, listed.
    pub sources: fn(&str) -> String,
    /// The owners of the figures, each with its factors, listed.
    pub owners: fn(&str) -> String,
    /// An owner and the factors it owns.
    pub owner_factors: fn(&str, &str) -> String,
    /// What it would take for a qualified zone: the target score.
    pub to_target: fn(&str) -> String,
    /// What it would take for a zone not qualified: the target score after.
    pub to_qualify: fn(&str) -> String,
    // The appendix
    pub appendix: &'static str,
    pub rules: &'static str,
    pub caveats: &'static str,
    // The one-page brief
    /// The heading: how many zones.
    pub brief_heading: fn(usize) -> String,
    /// A zone's heading: rank, name, score, qualified or not.
    pub brief_zone: fn(usize, &str, &str, &str) -> String,
    pub no_decisive: &'static str,
    /// The decisive gaps, listed.
    pub decisive: fn(&str) -> String,
    /// What it would take, listed.
    pub to_take: fn(&str) -> String,
    /// Between the clauses of a list of gaps or changes.
    pub clause_separator: &'static str,
}

const ZH: Texts = Texts {
    title: "项目要素匹配报告",
    page_before: "第 ",
    page_between: " 页 / 共 ",
    page_after: " 页",
    investor: "投资方",
    project: "项目",
    industry: "行业",
    total_investment: "总投资",
    factors_scored: "计分要素",
    factors_scored_value: |n, must| format!("{n} 项（必须项 {must} 项）"),
    zones_scored: "参评开发区",
    zones_scored_value: |n, qualified| format!("{n} 个，合格 {qualified} 个"),
    date: "报告日期",
    prepared_by: "编制",
    ranking: "匹配排名",
    ranking_note: "合格：必须项全部满足。排序：合格者在前，再按得分、待核实项少者、编号。✔ 满足 △ 部分满足 ✘ 不满足 ? 待核实。逐项表中，日期后注“已过期”表示数据已超出其更新周期，“待更新”表示 30 天内到期；责任单位见表后。",
    col_rank: "排名",
    col_zone: "开发区",
    col_score: "得分",
    col_qualified: "资格",
    col_data: "完整度",
    qualified: "✔ 合格",
    not_qualified: "✘ 不合格",
    summary_rest: |n| format!("其余 {n} 个开发区未列出，见 Excel 排名表。"),
    readiness: |tier| format!("就绪等级：{tier}"),
    failed_must: |list| format!(" — 未满足必须项：{list}"),
    standing: |score, qualified, failed| format!("得分 {score}  {qualified}{failed}"),
    completeness: |pct| format!("数据完整度 {pct}%"),
    by_category: "分类得分",
    not_asked: "未涉及",
    col_factor: "要素",
    col_importance: "重要性",
    col_required: "要求",
    col_offered: "现有",
    col_gap: "差距",
    col_source: "来源 · 日期",
    illustrative: "示例值",
    sources: |list| format!("来源：{list}"),
    owners: |list| format!("责任单位：{list}"),
    owner_factors: |owner, factors| format!("{owner}（{factors}）"),
    to_target: |target| format!("提升至 {target} 分需做到"),
    to_qualify: |target| format!("要达到合格（再提升至 {target} 分）需做到"),
    appendix: "附录：评分规则与数据说明",
    rules: "评分规则",
    caveats: "数据说明",
    brief_heading: |n| format!("前 {n} 个开发区"),
    brief_zone: |rank, name, score, qualified| format!("{rank}. {name}  {score} 分  {qualified}"),
    no_decisive: "决定性差距：无，必须项全部满足。",
    decisive: |list| format!("决定性差距：{list}"),
    to_take: |list| format!("需做到：{list}"),
    clause_separator: "；",
};

const EN: Texts = Texts {
    title: "Site-readiness match report",
    page_before: "Page ",
    page_between: " of ",
    page_after: "",
    investor: "Investor",
    project: "Project",
    industry: "Industry",
    total_investment: "Total investment",
    factors_scored: "Factors scored",
    factors_scored_value: |n, must| format!("{n} ({must} must-haves)"),
    zones_scored: "Zones scored",
    zones_scored_value: |n, qualified| format!("{n} ({qualified} qualified)"),
    date: "Date",
    prepared_by: "Prepared by",
    ranking: "Ranking",
    ranking_note: "Qualified: every must-have met. Order: qualified first, then score, fewer unknowns, zone id. ✔ met △ partial ✘ unmet ? to verify. In the item tables, \"stale\" after a date marks a figure past its update period and \"due\" one whose period ends within 30 days; the owners are listed after each table.",
    col_rank: "Rank",
    col_zone: "Zone",
    col_score: "Score",
    col_qualified: "Qualified",
    col_data: "Data",
    qualified: "✔ qualified",
    not_qualified: "✘ not qualified",
    summary_rest: |n| format!("The other {n} zones are not listed here; the Excel ranking lists them all."),
    readiness: |tier| format!("Readiness: {tier}"),
    failed_must: |list| format!(" — must-haves not met: {list}"),
    standing: |score, qualified, failed| format!("Score {score}  {qualified}{failed}"),
    completeness: |pct| format!("Data completeness {pct}%"),
    by_category: "Score by category",
    not_asked: "not asked",
    col_factor: "Factor",
    col_importance: "Importance",
    col_required: "Required",
    col_offered: "Offered",
    col_gap: "Gap",
    col_source: "Source · as of",
    illustrative: "illustrative",
    sources: |list| format!("Sources: {list}"),
    owners: |list| format!("Owners: {list}"),
    owner_factors: |owner, factors| format!("{owner} ({factors})"),
    to_target: |target| format!("What it would take to reach {target} points"),
    to_qualify: |target| format!("What it would take to qualify (then to reach {target} points)"),
    appendix: "Appendix: scoring rules and data caveats",
    rules: "Scoring rules",
    caveats: "Data caveats",
    brief_heading: |n| format!("The top {n} zones"),
    brief_zone: |rank, name, score, qualified| format!("{rank}. {name}  score {score}  {qualified}"),
    no_decisive: "Decisive gaps: none; every must-have is met.",
    decisive: |list| format!("Decisive gaps: {list}"),
    to_take: |list| format!("What it would take: {list}"),
    clause_separator: "; ",
};

pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
