//! The words of the planning view.

use crate::model::Bilingual;
use crate::ui::texts::count_en;

/// The planning view's words.
pub struct Texts {
    pub heading: &'static str,
    pub intro: &'static str,
    // Zone and folder
    pub zone: &'static str,
    pub choose_folder: &'static str,
    pub recompute: &'static str,
    pub nothing_chosen: &'static str,
    // Projects
    /// How many projects are pending, and how many the zone qualifies for today.
    pub summary: fn(usize, usize) -> String,
    pub col_project: &'static str,
    pub col_to_qualify: &'static str,
    pub not_qualified: &'static str,
    /// Between the changes a project needs.
    pub change_separator: &'static str,
    // Shortfalls and the reserve ladder
    pub no_shortfall: &'static str,
    pub shortfalls: &'static str,
    pub ladder: &'static str,
    /// The staircase chart's accessible name, before its steps.
    pub ladder_chart: &'static str,
    /// The chart of projects by stage: its accessible name.
    pub stage_chart: &'static str,
    /// The start-deadline timeline: its accessible name, and the mark of the day.
    pub deadline_chart: &'static str,
    pub today: &'static str,
    /// The staircase's first step: projects qualified today.
    pub ladder_now: fn(usize, usize) -> String,
    /// A step of the staircase: its changes and projects qualified.
    pub ladder_step: fn(&str, usize, usize) -> String,
    pub unreadable: &'static str,
    // The projects' progress (台账)
    pub ledger: &'static str,
    pub by_stage: &'static str,
    pub warnings: &'static str,
    pub no_warnings: &'static str,
    pub col_stage: &'static str,
    pub col_days: &'static str,
    pub col_officer: &'static str,
    pub col_zone: &'static str,
    pub col_start_by: &'static str,
    pub col_deadline: &'static str,
    pub col_next_step: &'static str,
    pub zone_not_chosen: &'static str,
}

const ZH: Texts = Texts {
    heading: "储备规划",
    intro: "选择本区和存放待落地项目需求表的文件夹：看哪些短板卡住最多项目，以及逐步增加哪些储备能让多少项目合格。",
    zone: "本区",
    choose_folder: "选择项目文件夹…",
    recompute: "重新计算",
    nothing_chosen: "尚未选择本区或项目文件夹。",
    summary: |n, qualified| format!("{n} 个待落地项目，本区现在合格 {qualified} 个"),
    col_project: "项目",
    col_to_qualify: "达标所需",
    not_qualified: "不合格",
    change_separator: "；",
    no_shortfall: "没有卡住项目的短板。",
    shortfalls: "卡住项目的短板（补足所需）",
    ladder: "储备阶梯（逐步增加储备）",
    ladder_chart: "储备阶梯图",
    stage_chart: "各阶段项目数柱状图",
    deadline_chart: "已签约项目开工期限时间轴",
    today: "今天",
    ladder_now: |q, n| format!("现在：{q}/{n} 个项目合格"),
    ladder_step: |changes, q, n| format!("{changes}：{q}/{n}"),
    unreadable: "无法读取的文件",
    ledger: "项目台账（各项目进度，按其落地开发区评分）",
    by_stage: "各阶段项目数：",
    warnings: "开工预警：已签约项目逾期或 30 天内到达约定开工时间",
    no_warnings: "没有已签约项目逾期或在 30 天内到达约定开工时间。",
    col_stage: "阶段",
    col_days: "天数",
    col_officer: "责任人",
    col_zone: "落地开发区",
    col_start_by: "约定开工",
    col_deadline: "开工期限",
    col_next_step: "下一步需做到",
    zone_not_chosen: "未定",
};

const EN: Texts = Texts {
    heading: "Reserve planning",
    intro: "Pick your zone and the folder holding the pending projects' checklists: see which shortfalls block the most projects, and which reserves, added step by step, qualify how many.",
    zone: "Zone",
    choose_folder: "Choose projects folder…",
    recompute: "Recompute",
    nothing_chosen: "No zone or projects folder chosen yet.",
    summary: |n, qualified| {
        format!(
            "{}; the zone qualifies for {qualified} today",
            count_en(n, "pending project", "pending projects")
        )
    },
    col_project: "Project",
    col_to_qualify: "To qualify",
    not_qualified: "not qualified",
    change_separator: "; ",
    no_shortfall: "No shortfall blocks any project.",
    shortfalls: "Shortfalls that block projects (what clears them)",
    ladder: "Reserve ladder (reserves added step by step)",
    ladder_chart: "Reserve ladder chart",
    stage_chart: "Bar chart of projects by stage",
    deadline_chart: "Timeline of signed projects' start deadlines",
    today: "today",
    ladder_now: |q, n| format!("now: {q} of {n} projects qualify"),
    ladder_step: |changes, q, n| format!("{changes}: {q}/{n}"),
    unreadable: "Files that could not be read",
    ledger: "Project ledger (each project's progress, scored at the zone it heads to)",
    by_stage: "Projects by stage: ",
    warnings: "Start warnings: signed projects past their start deadline or within 30 days of it",
    no_warnings: "No signed project is past its start deadline or within 30 days of it.",
    col_stage: "Stage",
    col_days: "Days",
    col_officer: "Officer",
    col_zone: "Zone",
    col_start_by: "Start by",
    col_deadline: "Deadline",
    col_next_step: "Next step",
    zone_not_chosen: "not chosen",
};

/// The planning view's words in `lang`.
/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn english_counts_pending_projects() {
        let summary = TEXTS.get(Lang::En).summary;
        assert_eq!(summary(1, 0), "1 pending project; the zone qualifies for 0 today");
        assert_eq!(
            summary(6, 4),
            "6 pending projects; the zone qualifies for 4 today"
        );
    }
}
