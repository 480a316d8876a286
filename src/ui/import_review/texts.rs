//! The words of the import review (导入审核).

use crate::model::Bilingual;

/// The review's words.
pub struct Texts {
    pub heading: fn(&str) -> String,
    /// A sheet as read: name, layout, header row, rows read.
    pub sheet: fn(&str, bool, u32, usize) -> String,
    pub counts: fn(usize, usize, usize, usize, usize) -> String,
    pub needs_as_of: &'static str,
    /// The as-of field's name, and its label beside it.
    pub as_of: &'static str,
    pub as_of_label: &'static str,
    pub as_of_hint: &'static str,
    pub read: &'static str,
    pub accept_all: &'static str,
    pub reject_all: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub save: fn(usize) -> String,
    pub discard: &'static str,
    pub confirm_discard: fn(usize) -> String,
    pub busy: &'static str,
    pub columns: [&'static str; 8],
    /// A zone's line from its id, name, whether it is new and its figures: the name (and
    /// whether new), then the id and how many figures.
    pub zone: fn(&str, &str, bool, usize) -> (String, String),
    /// The checkbox of a zone's figures, and of one figure, by name (for screen readers).
    pub accept_zone: fn(&str) -> String,
    pub accept_figure: fn(&str, &str) -> String,
    pub change: &'static str,
    pub conflict: fn(&str) -> String,
    pub older: fn(&str) -> String,
    pub nothing: &'static str,
    pub unread: fn(usize) -> String,
}

const ZH: Texts = Texts {
    heading: |file| format!("导入审核：{file}"),
    sheet: |name, wide, row, rows| {
        let layout = if wide {
            "省市要素表（每行一个开发区）"
        } else {
            "填报表（每行一项数据）"
        };
        format!("工作表“{name}”：{layout}，表头在第 {row} 行，读取 {rows} 行")
    },
    counts: |changes, conflicts, older, unchanged, new| {
        format!(
            "变更 {changes} 项，冲突 {conflicts} 项，早于现有数据 {older} 项，未变 {unchanged} 项；新建开发区 {new} 个"
        )
    },
    needs_as_of: "此表没有数据日期列：请填写表中数据的截止日期，否则无法判断数据是否过期。",
    as_of: "数据截止日期",
    as_of_label: "数据截止日期：",
    as_of_hint: "如 2024-12-31 或 2024年底",
    read: "读取",
    accept_all: "全部接受",
    reject_all: "全部拒绝",
    undo: "撤销",
    redo: "重做",
    save: |n| format!("保存已接受的 {n} 项"),
    discard: "放弃导入",
    confirm_discard: |n| format!("已接受的 {n} 项尚未保存：再点“放弃导入”或再次关闭窗口即放弃。"),
    busy: "正在读取或保存……",
    columns: [
        "接受",
        "开发区",
        "要素",
        "原值 → 新值",
        "判断",
        "数据日期",
        "来源",
        "单元格",
    ],
    zone: |id, name, new, n| {
        let new = if new { "（新建）" } else { "" };
        (format!("{name}{new}"), format!("{id}，{n} 项"))
    },
    accept_zone: |zone| format!("接受 {zone} 的全部变更"),
    accept_figure: |zone, factor| format!("接受 {zone} {factor}"),
    change: "变更",
    conflict: |now| format!("冲突：导出后已被改为 {now}，不覆盖"),
    older: |held| format!("早于现有数据（{held}），不采用"),
    nothing: "表中的数据与现有数据相同，没有需要审核的变更。",
    unread: |n| format!("未读取 {n} 处"),
};

const EN: Texts = Texts {
    heading: |file| format!("Import review: {file}"),
    sheet: |name, wide, row, rows| {
        let layout = if wide {
            "a province's table (a zone a row)"
        } else {
            "an update workbook (a figure a row)"
        };
        format!("Sheet {name}: {layout}, header in row {row}, {rows} row(s) read")
    },
    counts: |changes, conflicts, older, unchanged, new| {
        format!(
            "{changes} change(s), {conflicts} conflict(s), {older} older than held, {unchanged} unchanged; {new} new zone(s)"
        )
    },
    needs_as_of: "This table has no date column: give the day its figures were true, or their freshness would be a guess.",
    as_of: "Figures as of",
    as_of_label: "Figures as of:",
    as_of_hint: "e.g. 2024-12-31",
    read: "Read",
    accept_all: "Accept all",
    reject_all: "Reject all",
    undo: "Undo",
    redo: "Redo",
    save: |n| format!("Save the {n} accepted"),
    discard: "Discard import",
    confirm_discard: |n| {
        format!(
            "{n} accepted figure(s) are not saved: click Discard import, or close the window, again to drop them."
        )
    },
    busy: "Reading or saving…",
    columns: [
        "Accept",
        "Zone",
        "Factor",
        "Old → new",
        "Judged",
        "As of",
        "Source",
        "Cell",
    ],
    zone: |id, name, new, n| {
        let new = if new { " (new)" } else { "" };
        (format!("{name}{new}"), format!("{id}, {n} figure(s)"))
    },
    accept_zone: |zone| format!("Accept every change of {zone}"),
    accept_figure: |zone, factor| format!("Accept {zone} {factor}"),
    change: "change",
    conflict: |now| format!("conflict: changed to {now} since the export; not overwritten"),
    older: |held| format!("older than the figure held ({held}); not taken"),
    nothing: "The table's figures are those held: nothing to review.",
    unread: |n| format!("{n} not read"),
};

pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
