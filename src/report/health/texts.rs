//! The words of the data-health summary (数据体检) as the command line and the app show it.

use crate::model::{Bilingual, Lang, Owner};

/// The data-health summary's words.
pub struct Texts {
    /// The figures nobody is named for.
    pub no_owner: &'static str,
    /// Days past a figure's update period.
    pub days_over: fn(i64) -> String,
    /// Days left of a figure's update period.
    pub days_left: fn(i64) -> String,
    // The terminal table
    /// The heading: the day, the zones, the figures stale and due.
    pub heading: fn(&str, usize, usize, usize) -> String,
    pub col_zone: &'static str,
    pub col_completeness: &'static str,
    pub col_stale: &'static str,
    pub col_due: &'static str,
    pub col_illustrative: &'static str,
    pub col_unknown: &'static str,
    pub col_factor: &'static str,
    pub col_value: &'static str,
    pub col_as_of: &'static str,
    pub col_freshness: &'static str,
    pub col_overdue: &'static str,
    /// The heading of one owner's figures: its name, how many stale and how many due.
    pub owner_heading: fn(&str, usize, usize) -> String,
    /// No figure of any zone is due or stale.
    pub nothing_to_update: &'static str,
    /// The owner asked for is named, and all its figures are current.
    pub owner_all_current: fn(&str) -> String,
    /// No figure has the owner asked for: the owners there are.
    pub no_such_owner: fn(&str, &str) -> String,
    /// Between owners in a list.
    pub list_separator: &'static str,
    /// The zones hold no owner at all.
    pub no_owners_named: &'static str,
}

const ZH: Texts = Texts {
    no_owner: "未指定责任单位",
    days_over: |n| format!("超期 {n} 天"),
    days_left: |n| format!("还剩 {n} 天"),
    heading: |day, zones, stale, due| {
        format!("数据体检（{day}）：{zones} 个开发区，已过期 {stale} 项，待更新 {due} 项")
    },
    col_zone: "开发区",
    col_completeness: "完整度",
    col_stale: "已过期",
    col_due: "待更新",
    col_illustrative: "示例值",
    col_unknown: "未知",
    col_factor: "要素",
    col_value: "数值",
    col_as_of: "数据日期",
    col_freshness: "状态",
    col_overdue: "更新期限",
    owner_heading: |owner, stale, due| format!("责任单位：{owner}（已过期 {stale} 项，待更新 {due} 项）"),
    nothing_to_update: "所有数据都在更新周期内，没有需要更新的数据。",
    owner_all_current: |owner| format!("“{owner}”负责的数据都在更新周期内，没有需要更新的数据。"),
    no_such_owner: |owner, named| format!("没有数据的责任单位是“{owner}”。现有责任单位：{named}"),
    list_separator: "、",
    no_owners_named: "（开发区资料中未指定任何责任单位）",
};

const EN: Texts = Texts {
    no_owner: "no owner named",
    days_over: |n| match n {
        1 => "1 day over".to_owned(),
        n => format!("{n} days over"),
    },
    days_left: |n| match n {
        1 => "1 day left".to_owned(),
        n => format!("{n} days left"),
    },
    heading: |day, zones, stale, due| {
        format!("Data health on {day}: {zones} zones, {stale} figures stale, {due} due")
    },
    col_zone: "Zone",
    col_completeness: "Complete",
    col_stale: "Stale",
    col_due: "Due",
    col_illustrative: "Illustr.",
    col_unknown: "Unknown",
    col_factor: "Factor",
    col_value: "Value",
    col_as_of: "As of",
    col_freshness: "State",
    col_overdue: "Period",
    owner_heading: |owner, stale, due| format!("Owner: {owner} ({stale} stale, {due} due)"),
    nothing_to_update: "Every figure is within its update period; nothing needs updating.",
    owner_all_current: |owner| {
        format!("Every figure `{owner}` owns is within its update period; nothing needs updating.")
    },
    no_such_owner: |owner, named| format!("No figure has the owner `{owner}`. The owners named: {named}"),
    list_separator: ", ",
    no_owners_named: "(the zones name no owner)",
};

/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

/// An owner's name as a reader sees it; `未指定责任单位` / `no owner named` for none.
pub fn owner_text(owner: Option<&Owner>, lang: Lang) -> &str {
    owner.map_or(TEXTS.get(lang).no_owner, |o| o.as_ref())
}
