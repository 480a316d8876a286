//! The words of the data-health view (数据体检).

use crate::model::Bilingual;

/// The data-health view's words.
pub struct Texts {
    pub heading: &'static str,
    /// The day, the zones, the figures stale, due and illustrative, and the values unknown.
    pub summary: fn(&str, usize, usize, usize, usize, usize) -> String,
    /// How a figure's state is decided.
    pub rule: &'static str,
    pub filter: &'static str,
    pub filter_hint: &'static str,
    // The zones' table
    pub col_zone: &'static str,
    pub col_completeness: &'static str,
    /// The hover of the completeness heading.
    pub completeness_hover: &'static str,
    pub col_stale: &'static str,
    pub col_due: &'static str,
    pub col_illustrative: &'static str,
    pub col_unknown: &'static str,
    /// A zone row's hover: clicking shows only its figures.
    pub zone_row_hover: &'static str,
    /// The known values of the catalog's factors, `20/31`, as a hover.
    pub known_of: fn(usize, usize) -> String,
    // The owners' figures
    pub figures_heading: &'static str,
    pub owner: &'static str,
    pub every_owner: &'static str,
    /// The figures to update shown, of how many.
    pub shown_of: fn(usize, usize) -> String,
    /// The button that shows every zone's figures again, with the zone shown.
    pub only_zone: fn(&str) -> String,
    /// The button that writes the update workbook of the figures shown, and its hover.
    pub export_sheet: &'static str,
    pub export_sheet_hover: &'static str,
    /// The button that reads an owner's filled workbook back for review.
    pub import_sheet: &'static str,
    pub import_sheet_hover: &'static str,
    pub col_owner: &'static str,
    pub col_factor: &'static str,
    pub col_value: &'static str,
    pub col_as_of: &'static str,
    pub col_state: &'static str,
    pub col_overdue: &'static str,
    /// A figure row's hover.
    pub figure_hover: &'static str,
    // Nothing to show
    pub no_zones: fn(&str) -> String,
    pub pick_folder: &'static str,
    pub nothing_to_update: &'static str,
    pub owner_all_current: fn(&str) -> String,
    pub owner_gone: fn(&str) -> String,
    pub nothing_found: &'static str,
}

const ZH: Texts = Texts {
    heading: "数据体检",
    summary: |day, zones, stale, due, illustrative, unknown| {
        format!(
            "按 {day} 计：{zones} 个开发区，已过期 {stale} 项，待更新 {due} 项，示例值 {illustrative} 项，缺少数据 {unknown} 项"
        )
    },
    rule: "数据超出要素目录规定的更新周期为“已过期”，周期最后 30 天内为“待更新”；过期数据照常计分，请责任单位核实或更新。",
    filter: "筛选",
    filter_hint: "开发区、要素或责任单位",
    col_zone: "开发区",
    col_completeness: "完整度",
    completeness_hover: "已填写数据的要素占要素目录全部要素的比例",
    col_stale: "已过期",
    col_due: "待更新",
    col_illustrative: "示例值",
    col_unknown: "缺少数据",
    zone_row_hover: "点击只看该开发区需要更新的数据",
    known_of: |known, all| format!("已填写 {known}/{all} 个要素"),
    figures_heading: "需要更新的数据",
    owner: "查看责任单位",
    every_owner: "全部责任单位",
    shown_of: |shown, all| format!("显示 {shown}/{all} 项"),
    only_zone: |zone| format!("只看：{zone}  ×"),
    export_sheet: "导出填报表…",
    export_sheet_hover: "把所选责任单位（和开发区）已过期、待更新的数据导出为填报表（Excel），发给责任单位核实填报。",
    import_sheet: "导入填回的填报表…",
    import_sheet_hover: "读取责任单位填回的填报表，逐项审核后写入；导出后已被他人修改的数据列为冲突，不会覆盖。",
    col_owner: "责任单位",
    col_factor: "要素",
    col_value: "数值",
    col_as_of: "数据日期",
    col_state: "状态",
    col_overdue: "更新期限",
    figure_hover: "点击在开发区资料中打开并定位到该要素",
    no_zones: |dir| format!("开发区文件夹中没有可读取的开发区档案：{dir}"),
    pick_folder: "选择开发区文件夹…",
    nothing_to_update: "所有数据都在更新周期内，没有需要更新的数据。",
    owner_all_current: |owner| format!("“{owner}”负责的数据都在更新周期内。"),
    owner_gone: |owner| format!("已没有数据的责任单位是“{owner}”。"),
    nothing_found: "没有符合筛选条件的数据。",
};

const EN: Texts = Texts {
    heading: "Data health",
    summary: |day, zones, stale, due, illustrative, unknown| {
        format!(
            "On {day}: {zones} zones, {stale} figures stale, {due} due, {illustrative} illustrative, {unknown} values missing"
        )
    },
    rule: "A figure past the update period the catalog gives its factor is stale, and due in the last 30 days of it; stale figures still score: their owners should confirm or update them.",
    filter: "Filter",
    filter_hint: "zone, factor or owner",
    col_zone: "Zone",
    col_completeness: "Complete",
    completeness_hover: "The share of the catalog's factors the zone gives a value for",
    col_stale: "Stale",
    col_due: "Due",
    col_illustrative: "Illustr.",
    col_unknown: "Missing",
    zone_row_hover: "Click to see only this zone's figures to update",
    known_of: |known, all| format!("{known} of {all} factors filled in"),
    figures_heading: "Figures to update",
    owner: "Show owner",
    every_owner: "Every owner",
    shown_of: |shown, all| format!("{shown} of {all} shown"),
    only_zone: |zone| format!("Only {zone}  ×"),
    export_sheet: "Export update workbook…",
    export_sheet_hover: "Write the stale and due figures of the owner (and zone) picked as an update workbook (Excel), for the owner to confirm and fill in.",
    import_sheet: "Import a filled workbook…",
    import_sheet_hover: "Read an update workbook an owner filled in and review it before saving; a figure changed by someone else since the export is listed as a conflict, never overwritten.",
    col_owner: "Owner",
    col_factor: "Factor",
    col_value: "Value",
    col_as_of: "As of",
    col_state: "State",
    col_overdue: "Period",
    figure_hover: "Click to open the zone's profile at this factor",
    no_zones: |dir| format!("The zones folder holds no zone profile that can be read: {dir}"),
    pick_folder: "Choose zones folder…",
    nothing_to_update: "Every figure is within its update period; nothing needs updating.",
    owner_all_current: |owner| format!("Every figure `{owner}` owns is within its update period."),
    owner_gone: |owner| format!("No figure has the owner `{owner}` any more."),
    nothing_found: "No figure matches the filter.",
};

/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
