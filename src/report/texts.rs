//! The words of the report writers (the terminal tables, the workbooks, the plans and the
//! project ledger, and the printed report's model) in Chinese and English. The columns of the
//! ranking and item exports have their titles in [`super::columns`]; the Word document's own
//! words are in [`super::docx_texts`].

use rust_decimal::Decimal;

use crate::model::freshness::DUE_WINDOW_DAYS;
use crate::model::{Bilingual, number};

/// The report writers' words.
pub struct Texts {
    // The ranking as a terminal table
    pub project: &'static str,
    pub investor: &'static str,
    pub industry: &'static str,
    /// The items scored.
    pub scored: fn(usize) -> String,
    /// The items with no required value, not scored.
    pub unstated: fn(usize) -> String,
    pub no_zones: &'static str,
    pub legend: &'static str,
    pub not_qualified_heading: &'static str,
    /// Whether a zone qualifies, in the terminal table.
    pub qualified: &'static str,
    pub not_qualified: &'static str,
    /// A zone's breakdown heading: rank, name, id, score, whether it qualifies.
    pub zone_heading: fn(usize, &str, &str, &str, &str) -> String,
    pub col_status: &'static str,
    pub col_factor: &'static str,
    pub col_importance: &'static str,
    pub col_required: &'static str,
    pub col_offered: &'static str,
    pub col_gap: &'static str,
    /// The department that must keep the figure current.
    pub col_owner: &'static str,
    pub col_source: &'static str,
    pub tag_illustrative: &'static str,
    // The ranking workbook
    pub sheet_ranking: &'static str,
    pub sheet_items: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    // The ranking's rows
    /// Between a factor and its gap: `产业准入：缺：…`.
    pub gap_separator: &'static str,
    // Characters no font has (the PDF's)
    #[cfg_attr(not(feature = "pdf"), allow(dead_code))]
    pub glyph_separator: &'static str,
    /// The refusal, with the characters and their fields.
    #[cfg_attr(not(feature = "pdf"), allow(dead_code))]
    pub missing_glyphs: fn(&str) -> String,
    // Plans
    pub plan_qualified: &'static str,
    pub plan_not_qualified: &'static str,
    /// The score now and whether it qualifies.
    pub plan_now: fn(&str, &str) -> String,
    pub plan_nothing: &'static str,
    /// The changes that qualify the zone: how many, and the score once qualified.
    pub plan_to_qualify: fn(usize, &str) -> String,
    /// The changes that reach the target: the target, how many, and the score after.
    pub plan_to_target: fn(&str, usize, &str) -> String,
    /// Reserve planning's heading: the zone, the projects pending, those qualified today.
    pub pipeline_heading: fn(&str, usize, usize) -> String,
    pub pipeline_projects: &'static str,
    pub pipeline_shortfalls: &'static str,
    pub pipeline_ladder: &'static str,
    // The project ledger
    pub stage_none: &'static str,
    pub ledger_project: &'static str,
    pub ledger_stage: &'static str,
    pub ledger_days: &'static str,
    pub ledger_officer: &'static str,
    pub ledger_zone: &'static str,
    pub ledger_score: &'static str,
    pub ledger_qualified: &'static str,
    pub ledger_start_by: &'static str,
    pub ledger_deadline: &'static str,
    pub ledger_next_step: &'static str,
    /// A zone named in a checklist but not in the folder, after its id.
    pub zone_missing: &'static str,
    pub zone_not_chosen: &'static str,
    pub ledger_yes: &'static str,
    pub ledger_no: &'static str,
    pub by_stage: &'static str,
    pub counts_separator: &'static str,
    /// No warnings, within this many days.
    pub no_warnings: fn(i32) -> String,
    /// The warnings' heading, within this many days.
    pub warnings_heading: fn(i32) -> String,
    /// A warning: mark, project, stage, start deadline, status.
    pub warning: fn(&str, &str, &str, &str, &str) -> String,
    pub book_no: &'static str,
    pub book_project: &'static str,
    pub book_investor: &'static str,
    pub book_industry: &'static str,
    pub book_investment: &'static str,
    pub book_land: &'static str,
    pub book_stage: &'static str,
    pub book_start_deadline: &'static str,
    pub book_deadline: &'static str,
    pub book_sheet: &'static str,
    /// The ledger workbook's sheet of projects by stage, with its chart.
    pub book_stages_sheet: &'static str,
    pub book_count: &'static str,
    pub book_chart: &'static str,
    // A start deadline as it stands
    pub on_track: fn(i32) -> String,
    pub due_today: &'static str,
    pub due_in_one_day: &'static str,
    pub due_soon: fn(i32) -> String,
    pub overdue_one_day: &'static str,
    pub overdue: fn(i32) -> String,
    // The printed report's model
    /// The scoring rules of the appendix, a paragraph each.
    pub rules: [&'static str; 4],
    /// The first caveat: the items detailed, those unknown, illustrative, stale and due.
    pub caveat_items: fn(usize, usize, usize, usize, usize) -> String,
    /// A zone's owners who must confirm or update its due and stale figures: the zone, the
    /// owners with their counts.
    pub caveat_owners: fn(&str, &str) -> String,
    /// An owner and how many of its figures are due or stale.
    pub owner_count: fn(&str, usize) -> String,
    /// How many due or stale figures name no owner.
    pub no_owner_count: fn(usize) -> String,
    /// The zones ranked but not detailed, grouped as printed.
    pub caveat_not_detailed: fn(&str) -> String,
    pub caveat_exact: &'static str,
    /// A total investment given in 万元, exactly.
    pub investment: fn(Decimal) -> String,
}

const ZH: Texts = Texts {
    project: "项目：",
    investor: "投资方：",
    industry: "行业：",
    scored: |n| format!("计分项：{n} 项"),
    unstated: |n| format!("另有 {n} 项未填写要求，未计分"),
    no_zones: "没有可评分的开发区。\n",
    legend: "✔ 满足  △ 部分满足  ✘ 不满足  ? 待核实（开发区无此项数据）",
    not_qualified_heading: "未合格：未满足的必须项",
    qualified: "合格",
    not_qualified: "不合格",
    zone_heading: |rank, name, id, score, qualified| {
        format!("{rank}. {name} ({id}) 得分 {score}，{qualified}\n")
    },
    col_status: "状态",
    col_factor: "要素",
    col_importance: "重要性",
    col_required: "要求",
    col_offered: "现有",
    col_gap: "差距",
    col_owner: "责任单位",
    col_source: "来源",
    tag_illustrative: "[示例值] ",
    sheet_ranking: "排名",
    sheet_items: "逐项",
    yes: "是",
    no: "否",
    gap_separator: "：",
    glyph_separator: "；",
    missing_glyphs: |list| {
        format!(
            "以下字符没有字体可以显示，报告未生成：{list}。请安装含这些字的字体（如 Noto Sans CJK、思源黑体、宋体-方正超大字符集、Unifont），或修改这些内容"
        )
    },
    plan_qualified: "合格",
    plan_not_qualified: "不合格",
    plan_now: |score, qualified| format!("现在 {score} 分，{qualified}\n"),
    plan_nothing: "无需改动：已合格且达到目标分。\n",
    plan_to_qualify: |n, score| format!("达标所需（{n} 项，达标后 {score} 分）\n"),
    plan_to_target: |target, n, score| format!("提升至 {target} 分（{n} 项，完成后 {score} 分）\n"),
    pipeline_heading: |zone, n, qualified| format!("{zone}：{n} 个待落地项目，现在合格 {qualified} 个\n"),
    pipeline_projects: "项目（得分；✔ 合格，✘ 不合格）\n",
    pipeline_shortfalls: "卡住项目的短板（补足所需）\n",
    pipeline_ladder: "储备阶梯（逐步增加储备）\n",
    stage_none: "未记录",
    ledger_project: "项目",
    ledger_stage: "阶段",
    ledger_days: "天数",
    ledger_officer: "责任人",
    ledger_zone: "落地开发区",
    ledger_score: "得分",
    ledger_qualified: "资格",
    ledger_start_by: "约定开工",
    ledger_deadline: "开工期限",
    ledger_next_step: "下一步需做到",
    zone_missing: "（文件夹中没有）",
    zone_not_chosen: "未定",
    ledger_yes: "✔ 合格",
    ledger_no: "✘ 不合格",
    by_stage: "各阶段项目数：",
    counts_separator: "，",
    no_warnings: |days| format!("没有已签约项目逾期或在 {days} 天内到达约定开工时间。"),
    warnings_heading: |days| format!("开工预警（已签约、逾期或 {days} 天内到期）："),
    warning: |mark, project, stage, by, status| {
        format!("  {mark} {project}（{stage}）：约定开工 {by}，{status}")
    },
    book_no: "序号",
    book_project: "项目名称",
    book_investor: "投资方",
    book_industry: "行业",
    book_investment: "总投资（万元）",
    book_land: "用地（亩）",
    book_stage: "当前阶段",
    book_start_deadline: "约定开工时间",
    book_deadline: "开工期限",
    book_sheet: "项目台账",
    book_stages_sheet: "按阶段统计",
    book_count: "项目数",
    book_chart: "各阶段项目数",
    on_track: |n| format!("还有 {n} 天"),
    due_today: "今天到期",
    due_in_one_day: "仅剩 1 天",
    due_soon: |n| format!("仅剩 {n} 天"),
    overdue_one_day: "逾期 1 天",
    overdue: |n| format!("逾期 {n} 天"),
    rules: [
        "每个请求的要素得分 s 在 0 到 1 之间。“不少于”类要素：现有值 x 不小于要求 r 时 s = 1，否则 s = max(0, (x − (1 − t)·r) / (t·r))；“不超过”类要素：x 不大于 r 时 s = 1，否则 s = max(0, ((1 + t)·r − x) / (t·r))。容差 t 按要素目录设定，默认为 50%。要求为 0 时只有满足与不满足两种结果。",
        "是否类：具备得 1 分，计划中得 0.5 分（注明计划日期），不具备得 0 分。等级类：达到或高于要求得 1 分，低一级得 0.5 分，否则 0 分。集合类（产业准入、区域评估）：按所需项目中已具备的比例计分。",
        "开发区资料中没有数据的要素计 0 分，标为“待核实”，从不视为满足。",
        "权重：必须 3、高 3、中 2、低 1。总分 = 100 × Σ(权重 × s) / Σ权重。所有必须项均满足的开发区为“合格”。排序：合格者在前，再按得分从高到低、待核实项从少到多、编号。",
    ],
    caveat_items: |items, unknown, illustrative, stale, due| {
        format!(
            "本报告详细列出的 {items} 项中：{unknown} 项开发区无数据（待核实），{illustrative} 项为示例值（无来源），{stale} 项数据已超出更新周期（已过期），{due} 项将在 {DUE_WINDOW_DAYS} 天内超出（待更新）。各要素的更新周期由要素目录规定。"
        )
    },
    caveat_owners: |zone, list| format!("{zone}：已过期或待更新的数据请责任单位核实或更新——{list}。"),
    owner_count: |owner, n| format!("{owner} {n} 项"),
    no_owner_count: |n| format!("未指定责任单位 {n} 项"),
    caveat_not_detailed: |n| {
        format!("其余 {n} 个开发区仅列入排名，未逐项展开；全部开发区的排名见 Excel 排名表。")
    },
    caveat_exact: "数值均为精确十进制计算，报告中得分四舍五入到一位小数。",
    investment: |wan| format!("{} 万元", number::grouped(wan)),
};

const EN: Texts = Texts {
    project: "Project: ",
    investor: "Investor: ",
    industry: "Industry: ",
    scored: |n| format!("Items scored: {n}"),
    unstated: |n| format!("{n} more items have no required value yet and were not scored"),
    no_zones: "No zones to score.\n",
    legend: "✔ met  △ partial  ✘ unmet  ? to verify (no data in the zone's inventory)",
    not_qualified_heading: "Not qualified: must-haves not met",
    qualified: "yes",
    not_qualified: "no",
    zone_heading: |rank, name, id, score, qualified| {
        format!("{rank}. {name} ({id}) score {score}, qualified: {qualified}\n")
    },
    col_status: "Status",
    col_factor: "Factor",
    col_importance: "Importance",
    col_required: "Required",
    col_offered: "Offered",
    col_gap: "Gap",
    col_owner: "Owner",
    col_source: "Source",
    tag_illustrative: "[illustrative] ",
    sheet_ranking: "Ranking",
    sheet_items: "Items",
    yes: "yes",
    no: "no",
    gap_separator: ": ",
    glyph_separator: "; ",
    missing_glyphs: |list| {
        format!(
            "no font has these characters, so the report was not written: {list}. Install a font that has them (such as Noto Sans CJK, Source Han Sans or Unifont) or change the text"
        )
    },
    plan_qualified: "qualified",
    plan_not_qualified: "not qualified",
    plan_now: |score, qualified| format!("now {score} points, {qualified}\n"),
    plan_nothing: "Nothing to change: qualified and at the target already.\n",
    plan_to_qualify: |n, score| format!("To qualify ({n} changes, then {score} points)\n"),
    plan_to_target: |target, n, score| format!("To reach {target} ({n} changes, then {score} points)\n"),
    pipeline_heading: |zone, n, qualified| {
        format!("{zone}: {n} pending projects, qualified for {qualified} today\n")
    },
    pipeline_projects: "Projects (score; ✔ qualified, ✘ not qualified)\n",
    pipeline_shortfalls: "Shortfalls that block projects (what clears them)\n",
    pipeline_ladder: "Reserve ladder (reserves added step by step)\n",
    stage_none: "not recorded",
    ledger_project: "Project",
    ledger_stage: "Stage",
    ledger_days: "Days",
    ledger_officer: "Officer",
    ledger_zone: "Zone",
    ledger_score: "Score",
    ledger_qualified: "Qualified",
    ledger_start_by: "Start by",
    ledger_deadline: "Deadline",
    ledger_next_step: "Next step",
    zone_missing: " (not in the folder)",
    zone_not_chosen: "not chosen",
    ledger_yes: "✔ yes",
    ledger_no: "✘ no",
    by_stage: "Projects by stage: ",
    counts_separator: ", ",
    no_warnings: |days| format!("No signed project is past its start deadline or within {days} days of it."),
    warnings_heading: |days| format!("Start warnings (signed, overdue or due within {days} days):"),
    warning: |mark, project, stage, by, status| {
        format!("  {mark} {project} ({stage}): start by {by}, {status}")
    },
    book_no: "No.",
    book_project: "Project",
    book_investor: "Investor",
    book_industry: "Industry",
    book_investment: "Investment (10,000 yuan)",
    book_land: "Land (mu)",
    book_stage: "Stage",
    book_start_deadline: "Start deadline",
    book_deadline: "Deadline status",
    book_sheet: "Project ledger",
    book_stages_sheet: "By stage",
    book_count: "Projects",
    book_chart: "Projects by stage",
    on_track: |n| format!("{n} days left"),
    due_today: "due today",
    due_in_one_day: "1 day left",
    due_soon: |n| format!("only {n} days left"),
    overdue_one_day: "1 day overdue",
    overdue: |n| format!("{n} days overdue"),
    rules: [
        "Each requested factor earns a credit s between 0 and 1. For \"at least\" factors, s = 1 when the zone's value x is at least the requirement r, else s = max(0, (x − (1 − t)·r) / (t·r)); for \"at most\" factors, s = 1 when x ≤ r, else s = max(0, ((1 + t)·r − x) / (t·r)). The tolerance t is set per factor in the catalog (50% by default). A requirement of 0 is either met or unmet.",
        "Yes/no: yes 1, planned 0.5 (with the planned date), no 0. Levels: at or above the requirement 1, one level short 0.5, else 0. Sets (industries admitted, regional assessments): the share of the required members the zone holds.",
        "A factor the zone's profile has no value for scores 0 and is marked \"to verify\", never taken as met.",
        "Weights: must-have 3, high 3, medium 2, low 1. Score = 100 × Σ(weight × s) / Σ weight. A zone is qualified when every must-have is met. Order: qualified first, then score (highest first), fewer unknowns, zone id.",
    ],
    caveat_items: |items, unknown, illustrative, stale, due| {
        format!(
            "Of the {items} items detailed in this report, {unknown} have no value in the zone's profile (to verify), {illustrative} are illustrative (no source), {stale} are past their update period (stale) and {due} reach its end within {DUE_WINDOW_DAYS} days (due). The factor catalog sets each factor's update period."
        )
    },
    caveat_owners: |zone, list| {
        format!("{zone}: stale or due figures, for their owners to confirm or update: {list}.")
    },
    owner_count: |owner, n| format!("{owner} {n}"),
    no_owner_count: |n| format!("no owner named {n}"),
    caveat_not_detailed: |n| {
        format!("The other {n} zones are ranked but not detailed; the Excel ranking lists every zone.")
    },
    caveat_exact: "Scores are computed in exact decimals and rounded to one decimal here.",
    investment: |wan| format!("{} million yuan", number::grouped(wan / Decimal::ONE_HUNDRED)),
};

pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
