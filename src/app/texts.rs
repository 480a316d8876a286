//! The app's own words: the window title, the file dialogs' titles and filters, the names it
//! suggests for files, and the notices that say what was saved, exported or printed, or why
//! not. The views' words are in their own tables beside them.

use std::fmt::Display;

use crate::model::Bilingual;
use crate::ui::texts::count_en;

/// The app's words.
pub struct Texts {
    // Window
    /// The window title: the checklist's title and ` *` while anything is unsaved.
    pub window_title: fn(&str, &str) -> String,
    // File dialogs
    pub checklist_files: &'static str,
    pub profile_files: &'static str,
    pub open_title: &'static str,
    pub zones_folder_title: &'static str,
    pub checklists_folder_title: &'static str,
    // Suggested file names
    /// After the project's name in a report's file name.
    pub report_file_tag: &'static str,
    /// Before the project's name in a survey's file name.
    pub survey_file_prefix: &'static str,
    /// An update workbook's file name, before the owner's name if it has one.
    pub update_sheet_file: &'static str,
    /// The filter picks no figure: no update workbook is written.
    pub update_sheet_empty: &'static str,
    // Notices: documents
    pub survey_imported: fn(&dyn Display) -> String,
    /// A checklist was drafted from an investor's message.
    pub inquiry_drafted: &'static str,
    /// A dropped profile was copied into the zones folder.
    pub zone_added: fn(&dyn Display) -> String,
    /// A dropped profile has the name of a file of the zones folder already.
    pub zone_file_exists: fn(&dyn Display) -> String,
    /// Zone files of the folder that could not be loaded, with how many.
    pub zones_failed: fn(usize) -> String,
    /// The checklist holds input that cannot be taken, in so many fields.
    pub checklist_to_fix: fn(usize) -> String,
    /// The zone being edited has so many fields to fix.
    pub profile_to_fix: fn(usize) -> String,
    pub save_failed: fn(&str) -> String,
    /// A save went through (shown for a few seconds).
    pub saved: fn(&dyn Display) -> String,
    /// Where the deleted zone's file is kept.
    pub deleted: fn(&dyn Display) -> String,
    /// The zone was saved but its history of changes could not be written (why).
    pub history_failed: fn(&str) -> String,
    // Notices: report and exports
    pub nothing_to_report: &'static str,
    pub exported: fn(&dyn Display) -> String,
    pub export_failed: fn(&str) -> String,
    pub sent_to_printer: &'static str,
    /// No print service: the PDF opened in the viewer, from this file.
    pub opened_in_viewer: fn(&dyn Display) -> String,
    pub print_failed: fn(&str) -> String,
    /// Characters no font has, listed with where they are (the window would draw boxes).
    pub no_glyph: fn(&str) -> String,
    /// Between the characters listed in that notice.
    pub glyph_separator: &'static str,
    // Notices: recovery
    pub autosave_failed: fn(&str) -> String,
    pub clear_autosave_failed: fn(&str) -> String,
    pub restore_failed: fn(&str) -> String,
}

const ZH: Texts = Texts {
    window_title: |title, star| format!("{title}{star} — SiteMatch 要素匹配"),
    checklist_files: "投资需求表",
    profile_files: "开发区资料",
    open_title: "打开",
    zones_folder_title: "选择开发区文件夹",
    checklists_folder_title: "选择待落地项目的需求表文件夹",
    report_file_tag: "匹配报告",
    survey_file_prefix: "要素调查表-",
    update_sheet_file: "填报表",
    update_sheet_empty: "没有符合条件的数据，未导出填报表。",
    survey_imported: |path| format!("已导入调查表：{path}"),
    inquiry_drafted: "已按来信生成需求表（未保存）：请核对各项后保存",
    zone_added: |path| format!("已将开发区资料复制到开发区文件夹：{path}"),
    zone_file_exists: |path| format!("开发区文件夹中已有同名文件 {path}，未复制；请改名后再拖入"),
    zones_failed: |n| format!("{n} 个开发区文件无法读取，其余已加载；原因见“开发区”页。"),
    checklist_to_fix: |n| format!("有 {n} 处输入无法识别（已用红色标出），请改正后再保存。"),
    profile_to_fix: |n| format!("开发区资料有 {n} 处需要修改（已用红色标出），未保存。"),
    save_failed: |e| format!("保存失败：{e}"),
    saved: |path| format!("已保存 {path}"),
    deleted: |backup| format!("已删除；文件保留为 {backup}"),
    history_failed: |e| format!("已保存，但本次修改未能记入修改记录：{e}"),
    nothing_to_report: "需求表尚无可计分的要求，无法生成报告。",
    exported: |path| format!("已导出：{path}"),
    export_failed: |e| format!("导出失败：{e}"),
    sent_to_printer: "报告已发送到默认打印机。",
    opened_in_viewer: |path| format!("未找到打印服务（CUPS），已用 PDF 阅读器打开，请从中打印：{path}"),
    print_failed: |e| format!("打印失败：{e}"),
    glyph_separator: "；",
    no_glyph: |list| {
        format!(
            "以下字符没有字体可以显示，窗口中显示为方框，报告也无法打印：{list}。请安装含这些字的字体，或修改这些内容。"
        )
    },
    autosave_failed: |e| format!("无法自动保存：{e}"),
    clear_autosave_failed: |e| format!("无法清除自动保存的副本：{e}"),
    restore_failed: |e| format!("无法恢复：{e}"),
};

const EN: Texts = Texts {
    window_title: |title, star| format!("{title}{star} — SiteMatch site match"),
    checklist_files: "Checklist",
    profile_files: "Zone profile",
    open_title: "Open",
    zones_folder_title: "Choose the zones folder",
    checklists_folder_title: "Choose the folder of pending projects' checklists",
    report_file_tag: "match-report",
    survey_file_prefix: "survey-",
    update_sheet_file: "update-sheet",
    update_sheet_empty: "No figure fits the choice; no update workbook written.",
    survey_imported: |path| format!("Survey imported: {path}"),
    inquiry_drafted: "Checklist drafted from the message (not saved): check each item, then save",
    zone_added: |path| format!("Zone profile copied into the zones folder: {path}"),
    zone_file_exists: |path| {
        format!("The zones folder already holds {path}; not copied. Rename it and drop it again")
    },
    zones_failed: |n| {
        let files = count_en(n, "zone file", "zone files");
        format!("{files} could not be loaded; the others are. See the Zones view for why.")
    },
    checklist_to_fix: |n| {
        if n == 1 {
            "1 field holds input that cannot be taken (marked in red); fix it before saving.".to_owned()
        } else {
            format!("{n} fields hold input that cannot be taken (marked in red); fix them before saving.")
        }
    },
    profile_to_fix: |n| {
        format!(
            "The zone has {} to fix (marked in red); it was not saved.",
            count_en(n, "field", "fields")
        )
    },
    save_failed: |e| format!("Could not save: {e}"),
    saved: |path| format!("Saved {path}"),
    deleted: |backup| format!("Deleted; the file is kept as {backup}"),
    history_failed: |e| format!("Saved, but the change could not be added to the zone's history: {e}"),
    nothing_to_report: "The checklist has nothing to score yet; there is no report to make.",
    exported: |path| format!("Exported: {path}"),
    export_failed: |e| format!("Could not export: {e}"),
    sent_to_printer: "The report was sent to the default printer.",
    opened_in_viewer: |path| {
        format!(
            "No print service (CUPS) was found; the report is open in the PDF viewer to print from: {path}"
        )
    },
    print_failed: |e| format!("Could not print: {e}"),
    glyph_separator: "; ",
    no_glyph: |list| {
        format!(
            "No font has these characters, so the window shows boxes and the report cannot print them: {list}. Install a font that has them or change the text."
        )
    },
    autosave_failed: |e| format!("Could not autosave: {e}"),
    clear_autosave_failed: |e| format!("Could not clear the autosaved copy: {e}"),
    restore_failed: |e| format!("Could not restore: {e}"),
};

/// The app's words in `lang`.
/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn english_notices_count_right() {
        let t = TEXTS.get(Lang::En);
        assert_eq!(
            (t.zones_failed)(1),
            "1 zone file could not be loaded; the others are. See the Zones view for why."
        );
        assert_eq!(
            (t.zones_failed)(2),
            "2 zone files could not be loaded; the others are. See the Zones view for why."
        );
        assert_eq!(
            (t.checklist_to_fix)(1),
            "1 field holds input that cannot be taken (marked in red); fix it before saving."
        );
        assert_eq!(
            (t.checklist_to_fix)(4),
            "4 fields hold input that cannot be taken (marked in red); fix them before saving."
        );
        assert_eq!(
            (t.profile_to_fix)(1),
            "The zone has 1 field to fix (marked in red); it was not saved."
        );
    }

    #[test]
    fn paths_and_errors_go_where_each_language_puts_them() {
        assert_eq!((TEXTS.get(Lang::Zh).exported)(&"a.pdf"), "已导出：a.pdf");
        assert_eq!((TEXTS.get(Lang::En).exported)(&"a.pdf"), "Exported: a.pdf");
        assert_eq!(
            (TEXTS.get(Lang::Zh).deleted)(&"x.ron.bak"),
            "已删除；文件保留为 x.ron.bak"
        );
    }
}
