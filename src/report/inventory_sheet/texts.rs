//! The words of the inventory update workbook (填报表): its sheet name, column titles and the
//! notes on its input cells.

use crate::model::Bilingual;

/// The update workbook's words.
pub struct Texts {
    /// The sheet's name (also printed at the top of every page).
    pub sheet: &'static str,
    pub zone: &'static str,
    pub zone_name: &'static str,
    pub category: &'static str,
    pub factor_id: &'static str,
    pub factor: &'static str,
    pub unit: &'static str,
    pub value: &'static str,
    pub planned: &'static str,
    pub planned_by: &'static str,
    pub source: &'static str,
    pub as_of: &'static str,
    pub owner: &'static str,
    pub illustrative: &'static str,
    pub freshness: &'static str,
    pub new_value: &'static str,
    pub new_planned: &'static str,
    pub new_planned_by: &'static str,
    pub new_source: &'static str,
    pub new_as_of: &'static str,
    pub new_owner: &'static str,
    /// The answers of a yes/no factor, as shown and offered: yes, planned (its date in the
    /// planned-date column), no.
    pub yes: &'static str,
    pub planned_answer: &'static str,
    pub no: &'static str,
    /// The note on a set's input cell: the names it may list.
    pub set_note: fn(&str) -> String,
    /// The note on a level's input cell whose levels are too many for a drop-down.
    pub level_note: fn(&str) -> String,
}

const ZH: Texts = Texts {
    sheet: "填报表",
    zone: "开发区编号",
    zone_name: "开发区名称",
    category: "类别",
    factor_id: "要素编号",
    factor: "要素",
    unit: "单位",
    value: "现值",
    planned: "计划值",
    planned_by: "计划日期",
    source: "来源",
    as_of: "数据日期",
    owner: "责任单位",
    illustrative: "示例值",
    freshness: "状态",
    new_value: "新值（按单位列）",
    new_planned: "新计划值",
    new_planned_by: "新计划日期",
    new_source: "新来源",
    new_as_of: "新数据日期",
    new_owner: "新责任单位",
    yes: "是",
    planned_answer: "计划",
    no: "否",
    set_note: |names| format!("填写名称或编号，用“、”分隔。可填：{names}"),
    level_note: |names| format!("填写以下等级之一：{names}"),
};

const EN: Texts = Texts {
    sheet: "Update",
    zone: "Zone id",
    zone_name: "Zone",
    category: "Category",
    factor_id: "Factor id",
    factor: "Factor",
    unit: "Unit",
    value: "Value",
    planned: "Planned",
    planned_by: "Planned by",
    source: "Source",
    as_of: "As of",
    owner: "Owner",
    illustrative: "Illustrative",
    freshness: "Freshness",
    new_value: "New value (in the unit shown)",
    new_planned: "New planned",
    new_planned_by: "New planned by",
    new_source: "New source",
    new_as_of: "New as of",
    new_owner: "New owner",
    yes: "Yes",
    planned_answer: "Planned",
    no: "No",
    set_note: |names| format!("Names or ids, separated by “、” or commas. Allowed: {names}"),
    level_note: |names| format!("One of these levels: {names}"),
};

/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
