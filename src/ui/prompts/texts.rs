//! The words of the app's questions and of the notice bar.

use crate::model::Bilingual;

/// The questions' words.
pub struct Texts {
    // Save changes?
    pub unsaved_title: &'static str,
    pub unsaved_checklist: &'static str,
    pub unsaved_profile: &'static str,
    pub dont_save: &'static str,
    // Delete zone?
    pub delete_title: &'static str,
    /// What deleting the named zone does.
    pub delete_body: fn(&str) -> String,
    pub delete: &'static str,
    // The file was changed by someone else
    pub conflict_title: &'static str,
    pub conflict_checklist: &'static str,
    pub conflict_profile: &'static str,
    pub reload_dropping_mine: &'static str,
    pub overwrite: &'static str,
    // Restore unsaved checklist?
    pub recovery_title: &'static str,
    /// The recovered checklist had no file.
    pub untitled: &'static str,
    /// The recovered checklist's file (or untitled) and when it was autosaved.
    pub recovery_body: fn(&str, &str) -> String,
    pub restore: &'static str,
    pub discard: &'static str,
    // Notices
    pub dismiss: &'static str,
}

const ZH: Texts = Texts {
    unsaved_title: "保存修改？",
    unsaved_checklist: "当前需求表有未保存的修改。",
    unsaved_profile: "正在编辑的开发区资料有未保存的修改。",
    dont_save: "不保存",
    delete_title: "删除开发区？",
    delete_body: |name| format!("将从列表中删除“{name}”。文件会改名为 .bak 保留在文件夹中，可随时恢复。"),
    delete: "删除",
    conflict_title: "文件已被他人修改",
    conflict_checklist: "打开此需求表之后，磁盘上的文件已被修改（可能是同事在共享文件夹中保存过）。未写入任何内容。",
    conflict_profile: "打开此开发区资料之后，磁盘上的文件已被修改（可能是同事在共享文件夹中保存过）。未写入任何内容。",
    reload_dropping_mine: "重新载入（放弃我的修改）",
    overwrite: "覆盖",
    recovery_title: "恢复未保存的需求表？",
    untitled: "未命名",
    recovery_body: |file, saved_at| format!("上次退出时有未保存的需求表（{file}，自动保存于 {saved_at}）。"),
    restore: "恢复",
    discard: "丢弃",
    dismiss: "关闭",
};

const EN: Texts = Texts {
    unsaved_title: "Save changes?",
    unsaved_checklist: "The checklist has unsaved changes.",
    unsaved_profile: "The zone being edited has unsaved changes.",
    dont_save: "Discard",
    delete_title: "Delete zone?",
    delete_body: |name| {
        format!("“{name}” will leave the list. Its file is kept in the folder as .bak and can be restored.")
    },
    delete: "Delete",
    conflict_title: "The file was changed by someone else",
    conflict_checklist: "Since this checklist was opened, its file on disk has changed (perhaps a colleague saved it on the shared folder). Nothing was written.",
    conflict_profile: "Since this zone was opened, its file on disk has changed (perhaps a colleague saved it on the shared folder). Nothing was written.",
    reload_dropping_mine: "Reload (drop my changes)",
    overwrite: "Overwrite",
    recovery_title: "Restore unsaved checklist?",
    untitled: "untitled",
    recovery_body: |file, saved_at| {
        format!("A checklist was not saved when SiteMatch last ended ({file}, autosaved {saved_at}).")
    },
    restore: "Restore",
    discard: "Discard",
    dismiss: "Dismiss",
};

/// The questions' words in `lang`.
/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
