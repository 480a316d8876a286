//! The app's questions (save changes?, delete this zone?, restore unsaved work?) and the notice
//! bar that shows each error once, in words, until dismissed.

use egui::{Context, Id, RichText, Ui};

use super::theme;
use crate::model::Lang;
use crate::state::{Answer, Command, Doc, Modal, Notice};

/// Draws the open question, if any, over the window.
pub fn modal_ui(ctx: &Context, modal: &Modal, lang: Lang, zone_name: Option<&str>) -> Option<Command> {
    let mut answer = None;
    egui::Modal::new(Id::unique("sitematch modal")).show(ctx, |ui| {
        ui.set_max_width(440.0);
        let buttons: &[(Answer, &str)] = match modal {
            Modal::Unsaved { doc, .. } => {
                ui.heading(lang.pick("保存修改？", "Save changes?"));
                ui.label(match (doc, lang) {
                    (Doc::Checklist, Lang::Zh) => "当前需求表有未保存的修改。",
                    (Doc::Checklist, Lang::En) => "The checklist has unsaved changes.",
                    (Doc::Profile, Lang::Zh) => "正在编辑的开发区资料有未保存的修改。",
                    (Doc::Profile, Lang::En) => "The zone being edited has unsaved changes.",
                });
                &[
                    (Answer::Save, lang.pick("保存", "Save")),
                    (Answer::Discard, lang.pick("不保存", "Discard")),
                    (Answer::Cancel, lang.pick("取消", "Cancel")),
                ]
            }
            Modal::ConfirmDelete { .. } => {
                ui.heading(lang.pick("删除开发区？", "Delete zone?"));
                let name = zone_name.unwrap_or("");
                ui.label(match lang {
                    Lang::Zh => format!("将从列表中删除“{name}”。文件会改名为 .bak 保留在文件夹中，可随时恢复。"),
                    Lang::En => format!("“{name}” will leave the list. Its file is kept in the folder as .bak and can be restored."),
                });
                &[(Answer::ConfirmDelete, lang.pick("删除", "Delete")), (Answer::Cancel, lang.pick("取消", "Cancel"))]
            }
            Modal::Conflict { doc, .. } => {
                ui.heading(lang.pick("文件已被他人修改", "The file was changed by someone else"));
                ui.label(match (doc, lang) {
                    (Doc::Checklist, Lang::Zh) => "打开此需求表之后，磁盘上的文件已被修改（可能是同事在共享文件夹中保存过）。未写入任何内容。",
                    (Doc::Checklist, Lang::En) => "Since this checklist was opened, its file on disk has changed (perhaps a colleague saved it on the shared folder). Nothing was written.",
                    (Doc::Profile, Lang::Zh) => "打开此开发区资料之后，磁盘上的文件已被修改（可能是同事在共享文件夹中保存过）。未写入任何内容。",
                    (Doc::Profile, Lang::En) => "Since this zone was opened, its file on disk has changed (perhaps a colleague saved it on the shared folder). Nothing was written.",
                });
                &[
                    (Answer::Reload, lang.pick("重新载入（放弃我的修改）", "Reload (drop my changes)")),
                    (Answer::Overwrite, lang.pick("覆盖", "Overwrite")),
                    (Answer::SaveAs, lang.pick("另存为…", "Save as…")),
                    (Answer::Cancel, lang.pick("取消", "Cancel")),
                ]
            }
            Modal::Recovery(r) => {
                ui.heading(lang.pick("恢复未保存的需求表？", "Restore unsaved checklist?"));
                let file = r.path.as_ref().map_or_else(|| lang.pick("未命名", "untitled").to_owned(), |p| p.display().to_string());
                ui.label(match lang {
                    Lang::Zh => format!("上次退出时有未保存的需求表（{file}，自动保存于 {}）。", r.saved_at),
                    Lang::En => format!("A checklist was not saved when SiteMatch last ended ({file}, autosaved {}).", r.saved_at),
                });
                &[(Answer::Restore, lang.pick("恢复", "Restore")), (Answer::Discard, lang.pick("丢弃", "Discard"))]
            }
        };
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (a, text) in buttons {
                if ui.button(*text).clicked() {
                    answer = Some(*a);
                }
            }
        });
    });
    answer.map(Command::Answer)
}

/// The notices, newest last, each with a button that dismisses it.
pub fn notices_ui(ui: &mut Ui, notices: &[Notice], lang: Lang) -> Option<Command> {
    let palette = theme::palette(ui.ctx());
    let mut dismiss = None;
    egui::Frame::new()
        .fill(palette.notice_bg)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for (i, n) in notices.iter().enumerate() {
                ui.horizontal(|ui| {
                    let color = if n.is_error { palette.error } else { palette.info };
                    if ui
                        .small_button("×")
                        .on_hover_text(lang.pick("关闭", "Dismiss"))
                        .clicked()
                    {
                        dismiss = Some(Command::DismissNotice(i));
                    }
                    ui.label(RichText::new(&n.text).color(color));
                });
            }
        });
    dismiss
}
