//! The words of the zones view: the zone list with the files that failed to load, and the
//! profile editor.

use crate::model::Bilingual;
use crate::ui::texts::count_en;

/// The zones view's words.
pub struct Texts {
    pub pick_a_zone: &'static str,
    // Zone list
    /// The list's heading, with how many zones are loaded.
    pub heading: fn(usize) -> String,
    pub new_zone: &'static str,
    pub reload: &'static str,
    /// The button that writes every zone's update workbook (填报表), and its hover.
    pub export_sheet: &'static str,
    pub export_sheet_hover: &'static str,
    /// The button that reads a province's table or a filled update workbook for review, and
    /// its hover.
    pub import_sheet: &'static str,
    pub import_sheet_hover: &'static str,
    /// The editor's button that writes its zone's update workbook, and its hover.
    pub export_zone_sheet: &'static str,
    pub export_zone_sheet_hover: &'static str,
    /// The heading of the files that failed to load, with how many.
    pub failed_files: fn(usize) -> String,
    /// Where in a file its error is: line, column.
    pub at_position: fn(usize, usize) -> String,
    /// How many factors a zone holds a value for.
    pub factors_known: fn(usize) -> String,
    /// Known factors of all, labelled (`已知 28/31 项`).
    pub known_of: fn(usize, usize) -> String,
    /// The zone list's search box.
    pub search_zones: &'static str,
    /// No zone's name, region or id holds the search.
    pub no_zone_found: &'static str,
    /// A zone's figures past their update period, and those near its end, at a glance.
    pub stale_count: fn(usize) -> String,
    pub due_count: fn(usize) -> String,
    /// The same in the row's hover: stale, due.
    pub freshness_hover: fn(usize, usize) -> String,
    // Editor
    pub revert: &'static str,
    pub delete: &'static str,
    /// How many fields hold input that cannot be taken.
    pub fields_to_fix: fn(usize) -> String,
    pub unsaved: &'static str,
    // Factor table
    pub col_offered: &'static str,
    pub col_source: &'static str,
    pub col_illustrative: &'static str,
    /// Where each figure stands (due, stale; a current one shows nothing).
    pub col_freshness: &'static str,
    /// The entry's own owner; its hint is the default in force.
    pub col_owner: &'static str,
    pub as_of_hint: &'static str,
    /// The hover of the factor the editor was opened at from the data-health view.
    pub opened_here: &'static str,
    /// Under a date that cannot be taken (the reason is in its hover).
    pub bad_date: &'static str,
    /// Accessible names of a factor's inputs.
    pub offered_of: fn(&str) -> String,
    pub source_of: fn(&str) -> String,
    pub as_of_of: fn(&str) -> String,
    pub illustrative_of: fn(&str) -> String,
    pub owner_of: fn(&str) -> String,
    /// The owner field's hover when the entry names none: the default in force.
    pub owner_default_hover: fn(&str) -> String,
    /// The owner field's hover when no owner is named at all.
    pub owner_none_hover: &'static str,
    // The profile's default owners
    /// The section's heading, with how many are given.
    pub default_owners: fn(usize) -> String,
    /// How a default owner applies.
    pub default_owners_hint: &'static str,
    /// The picker that adds a key, and its accessible name.
    pub add_owner: &'static str,
    /// Accessible names of a default owner's field and its remove button, by the key's words.
    pub default_owner_of: fn(&str) -> String,
    pub remove_owner_of: fn(&str) -> String,
    pub remove_owner: &'static str,
    // A quantity's planned amount
    /// The button that opens a quantity's plan row.
    pub add_plan: &'static str,
    /// Its hover: what a plan is for.
    pub add_plan_hint: &'static str,
    /// The plan row's name cell.
    pub plan_row: &'static str,
    /// The hints of the plan's date and source fields.
    pub plan_by_hint: &'static str,
    pub plan_source_hint: &'static str,
    /// The button that clears a plan.
    pub remove_plan: &'static str,
    /// Accessible names of the plan's inputs.
    pub planned_of: fn(&str) -> String,
    pub plan_by_of: fn(&str) -> String,
    pub plan_source_of: fn(&str) -> String,
    pub add_plan_of: fn(&str) -> String,
    pub remove_plan_of: fn(&str) -> String,
    // The zone's own fields
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub region_zh: &'static str,
    pub region_en: &'static str,
    pub contact: &'static str,
    pub contact_en: &'static str,
    /// The profile's date, and the factor table's date column.
    pub as_of: &'static str,
    // The zone's history of changes
    /// The button that shows the history panel, and the panel's heading.
    pub history: &'static str,
    /// Its hover: what the history holds.
    pub history_hint: &'static str,
    pub history_not_saved: &'static str,
    pub history_reading: &'static str,
    pub history_empty: &'static str,
    /// How many saves the history holds.
    pub history_saves: fn(usize) -> String,
    /// Saves older than the panel lists, and the command that prints them (with the zone's id).
    pub history_earlier: fn(usize, &str) -> String,
    /// Changes of one save the panel does not list.
    pub history_more_changes: fn(usize) -> String,
    /// Before the last changes of a figure, in its row's hover.
    pub recent_changes: &'static str,
    /// A field and its old → new.
    pub field_change: fn(&str, &str) -> String,
}

const ZH: Texts = Texts {
    pick_a_zone: "在左侧选择一个开发区编辑其要素资料，或新建开发区。",
    heading: |n| format!("开发区（{n}）"),
    new_zone: "新建开发区",
    reload: "重新加载",
    export_sheet: "导出填报表…",
    export_zone_sheet: "导出本区填报表…",
    export_zone_sheet_hover: "导出本开发区已保存数据的要素填报表（Excel），供各部门核实填报。",
    export_sheet_hover: "导出全部开发区的要素填报表（Excel）：每个开发区每个要素一行，现有数据旁留有新值、来源、日期和责任单位的填写栏，供各部门核实填报。",
    import_sheet: "导入要素表…",
    import_sheet_hover: "读取各部门填回的填报表，或省、市的开发区要素表（每行一个开发区、每列一个要素）；先逐项审核，接受的数据才写入，并记入修改记录。",
    failed_files: |n| format!("无法读取的文件（{n}）"),
    at_position: |line, column| format!(" 第 {line} 行第 {column} 列"),
    factors_known: |n| format!("已知 {n} 项要素"),
    known_of: |n, all| format!("已知 {n}/{all} 项"),
    search_zones: "搜索名称、地区、拼音或编号",
    no_zone_found: "没有找到开发区",
    stale_count: |n| format!("已过期 {n}"),
    due_count: |n| format!("待更新 {n}"),
    freshness_hover: |stale, due| format!("已过期 {stale} 项、待更新 {due} 项：请责任单位核实或更新"),
    revert: "撤销修改",
    delete: "删除…",
    fields_to_fix: |n| format!("{n} 处需要修改"),
    unsaved: "有未保存的修改",
    col_offered: "现有（空白为未知）",
    col_source: "来源",
    col_illustrative: "示例值",
    col_freshness: "时效",
    col_owner: "责任单位（空白为默认）",
    as_of_hint: "同上",
    opened_here: "从“数据体检”打开：请核实或更新此项数据",
    bad_date: "日期有误",
    offered_of: |name| format!("{name} 现有"),
    source_of: |name| format!("{name} 来源"),
    as_of_of: |name| format!("{name} 数据日期"),
    illustrative_of: |name| format!("{name} 示例值"),
    owner_of: |name| format!("{name} 责任单位"),
    owner_default_hover: |owner| format!("留空即为默认责任单位：{owner}"),
    owner_none_hover: "尚未指定责任单位：在此填写，或在“默认责任单位”中按类别、要素组指定",
    default_owners: |n| format!("默认责任单位（{n}）"),
    default_owners_hint: "按类别、要素组或要素指定负责更新数据的单位。要素自己填写的责任单位优先，其次依次为要素、要素组、类别的默认单位。",
    add_owner: "添加默认责任单位…",
    default_owner_of: |key| format!("{key} 默认责任单位"),
    remove_owner_of: |key| format!("{key} 删除默认责任单位"),
    remove_owner: "删除这一行",
    add_plan: "＋计划",
    add_plan_hint: "填写计划达到的数值和日期（如扩容、在建厂房）：日期前按计划计半分，投资方开工晚于该日期按满足计",
    plan_row: "　计划值",
    plan_by_hint: "计划日期",
    plan_source_hint: "来源同上",
    remove_plan: "删除计划",
    planned_of: |name| format!("{name} 计划值"),
    plan_by_of: |name| format!("{name} 计划日期"),
    plan_source_of: |name| format!("{name} 计划来源"),
    add_plan_of: |name| format!("{name} 添加计划"),
    remove_plan_of: |name| format!("{name} 删除计划"),
    id: "编号（文件名）",
    name_zh: "名称（中文）",
    name_en: "名称（英文）",
    region_zh: "地区（中文）",
    region_en: "地区（英文）",
    contact: "联系方式",
    contact_en: "联系方式（英文）",
    as_of: "数据日期",
    history: "修改记录",
    history_hint: "每次保存的修改：时间、修改人、原值 → 新值",
    history_not_saved: "新开发区保存后开始记录修改。",
    history_reading: "正在读取修改记录…",
    history_empty: "尚无修改记录。",
    history_saves: |n| format!("共 {n} 次保存，最新的在前"),
    history_earlier: |n, id| format!("另有 {n} 次更早的保存，可用命令查看：sitematch inventory history {id}"),
    history_more_changes: |n| format!("另有 {n} 项修改"),
    recent_changes: "最近修改：",
    field_change: |field, change| format!("{field}：{change}"),
};

const EN: Texts = Texts {
    pick_a_zone: "Pick a zone on the left to edit its factor inventory, or add a new zone.",
    heading: |n| format!("Zones ({n})"),
    new_zone: "New zone",
    reload: "Reload",
    export_sheet: "Export update workbook…",
    export_zone_sheet: "Export this zone's workbook…",
    export_zone_sheet_hover: "Write this zone's update workbook (Excel) of its saved figures, for the departments to confirm and fill.",
    export_sheet_hover: "Write every zone's update workbook (Excel): one row per zone and factor, the figure as held beside empty columns for the new value, source, date and owner, for each department to confirm and fill.",
    import_sheet: "Import a table…",
    import_sheet_hover: "Read an update workbook a department filled in, or a province's or city's table of zones (a zone a row, a factor a column); review it figure by figure: only what you accept is saved, each change in the history.",
    failed_files: |n| format!("Files that failed to load ({n})"),
    at_position: |line, column| format!(" line {line}, column {column}"),
    factors_known: |n| format!("{} known", count_en(n, "factor", "factors")),
    known_of: |n, all| format!("{n}/{all} known"),
    search_zones: "Search name, region, pinyin or id",
    no_zone_found: "No zone found",
    stale_count: |n| format!("{n} stale"),
    due_count: |n| format!("{n} due"),
    freshness_hover: |stale, due| format!("{stale} stale, {due} due: for their owners to confirm or update"),
    revert: "Revert",
    delete: "Delete…",
    fields_to_fix: |n| format!("{} to fix", count_en(n, "field", "fields")),
    unsaved: "Unsaved changes",
    col_offered: "Offered (blank: unknown)",
    col_source: "Source",
    col_illustrative: "Illustrative",
    col_freshness: "Freshness",
    col_owner: "Owner (blank: default)",
    as_of_hint: "profile date",
    opened_here: "Opened from Data health: confirm or update this figure",
    bad_date: "bad date",
    offered_of: |name| format!("{name} offered"),
    source_of: |name| format!("{name} source"),
    as_of_of: |name| format!("{name} as of"),
    illustrative_of: |name| format!("{name} illustrative"),
    owner_of: |name| format!("{name} owner"),
    owner_default_hover: |owner| format!("Blank: the default owner, {owner}"),
    owner_none_hover: "No owner named yet: type one here, or give one by category or group under \"Default owners\"",
    default_owners: |n| format!("Default owners ({n})"),
    default_owners_hint: "The departments that keep the figures current, by category, group of factors or factor. An owner typed on a factor comes first, then the default for the factor, its group, its category.",
    add_owner: "Add a default owner…",
    default_owner_of: |key| format!("{key} default owner"),
    remove_owner_of: |key| format!("{key} remove default owner"),
    remove_owner: "Remove this row",
    add_plan: "+ plan",
    add_plan_hint: "The amount planned and its date (an extension, factories being built): half credit until that day, met for an investor starting after it",
    plan_row: "  planned",
    plan_by_hint: "by date",
    plan_source_hint: "source as above",
    remove_plan: "Remove plan",
    planned_of: |name| format!("{name} planned"),
    plan_by_of: |name| format!("{name} planned by"),
    plan_source_of: |name| format!("{name} plan source"),
    add_plan_of: |name| format!("{name} add plan"),
    remove_plan_of: |name| format!("{name} remove plan"),
    id: "Id (file name)",
    name_zh: "Name (Chinese)",
    name_en: "Name (English)",
    region_zh: "Region (Chinese)",
    region_en: "Region (English)",
    contact: "Contact",
    contact_en: "Contact (English)",
    as_of: "As of",
    history: "History",
    history_hint: "Each saved change: when, who, old → new",
    history_not_saved: "Changes are recorded once the new zone is saved.",
    history_reading: "Reading the history…",
    history_empty: "No change recorded yet.",
    history_saves: |n| format!("{}, newest first", count_en(n, "save", "saves")),
    history_earlier: |n, id| {
        format!(
            "{} earlier: sitematch inventory history {id}",
            count_en(n, "save", "saves")
        )
    },
    history_more_changes: |n| format!("and {} more", count_en(n, "change", "changes")),
    recent_changes: "Recent changes:",
    field_change: |field, change| format!("{field}: {change}"),
};

/// The zones view's words in `lang`.
/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn english_counts_factors_and_fields() {
        let t = TEXTS.get(Lang::En);
        assert_eq!((t.factors_known)(1), "1 factor known");
        assert_eq!((t.factors_known)(17), "17 factors known");
        assert_eq!((t.fields_to_fix)(1), "1 field to fix");
        assert_eq!((t.fields_to_fix)(3), "3 fields to fix");
    }
}
