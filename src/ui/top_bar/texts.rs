//! The words of the menu bar and the view tabs.

use crate::model::Bilingual;

/// The top bar's words.
pub struct Texts {
    // File menu
    pub file: &'static str,
    pub new_checklist: &'static str,
    pub open_checklist: &'static str,
    pub open_recent: &'static str,
    pub no_recent: &'static str,
    pub export_pdf: &'static str,
    pub export_docx: &'static str,
    pub print_report: &'static str,
    pub export_xlsx: &'static str,
    pub paste_inquiry: &'static str,
    pub import_survey: &'static str,
    pub export_survey: &'static str,
    pub open_zones_folder: &'static str,
    pub reload_zones: &'static str,
    pub quit: &'static str,
    // Edit menu
    pub edit: &'static str,
    /// Undo, and what it would take back.
    pub undo: fn(Option<&str>) -> String,
    pub redo: fn(Option<&str>) -> String,
    // Help menu
    pub help: &'static str,
    pub about: &'static str,
    // View menu
    pub view: &'static str,
    pub light: &'static str,
    pub dark: &'static str,
    /// A zoom level, `缩放 125%`.
    pub scale: fn(f32) -> String,
    // Tabs
    pub tab_checklist: &'static str,
    pub tab_results: &'static str,
    pub tab_zones: &'static str,
    pub tab_report: &'static str,
    pub tab_planning: &'static str,
    pub tab_health: &'static str,
}

const ZH: Texts = Texts {
    file: "文件",
    new_checklist: "新建需求表",
    open_checklist: "打开需求表…",
    open_recent: "最近打开",
    no_recent: "（无）",
    export_pdf: "导出报告 PDF…",
    export_docx: "导出 Word…",
    print_report: "打印报告",
    export_xlsx: "导出排名 Excel…",
    paste_inquiry: "粘贴投资方来信…",
    import_survey: "导入调查表 Excel…",
    export_survey: "导出调查表 Excel…",
    open_zones_folder: "打开开发区文件夹…",
    reload_zones: "重新加载开发区",
    quit: "退出",
    edit: "编辑",
    undo: |what| what.map_or_else(|| "撤销".to_owned(), |w| format!("撤销：{w}")),
    redo: |what| what.map_or_else(|| "重做".to_owned(), |w| format!("重做：{w}")),
    help: "帮助",
    about: "关于 SiteMatch…",
    view: "视图",
    light: "浅色",
    dark: "深色",
    scale: |zoom| format!("缩放 {:.0}%", zoom * 100.0),
    tab_checklist: "投资需求",
    tab_results: "匹配结果",
    tab_zones: "开发区",
    tab_report: "报告",
    tab_planning: "储备规划",
    tab_health: "数据体检",
};

const EN: Texts = Texts {
    file: "File",
    new_checklist: "New checklist",
    open_checklist: "Open checklist…",
    open_recent: "Open recent",
    no_recent: "(none)",
    export_pdf: "Export report PDF…",
    export_docx: "Export report Word…",
    print_report: "Print report",
    export_xlsx: "Export ranking to Excel…",
    paste_inquiry: "Paste an investor's message…",
    import_survey: "Import survey…",
    export_survey: "Export survey…",
    open_zones_folder: "Open zones folder…",
    reload_zones: "Reload zones",
    quit: "Quit",
    edit: "Edit",
    undo: |what| what.map_or_else(|| "Undo".to_owned(), |w| format!("Undo: {w}")),
    redo: |what| what.map_or_else(|| "Redo".to_owned(), |w| format!("Redo: {w}")),
    help: "Help",
    about: "About SiteMatch…",
    view: "View",
    light: "Light",
    dark: "Dark",
    scale: |zoom| format!("Scale {:.0}%", zoom * 100.0),
    tab_checklist: "Checklist",
    tab_results: "Results",
    tab_zones: "Zones",
    tab_report: "Report",
    tab_planning: "Planning",
    tab_health: "Data health",
};

/// The top bar's words in `lang`.
/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
