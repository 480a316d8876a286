//! 开发区 — the loaded zones and the files that failed to load, and the profile editor for the
//! zone's own fields and every factor (value, source, date, illustrative).

use egui::{RichText, Ui};

use super::theme;
use super::value_editor::{Mode, value_editor_ui};
use crate::app::Command;
use crate::app::profile_edit::ProfileEditor;
use crate::app::workspace::Workspace;
use crate::model::Lang;
use crate::scoring::tier::readiness;
use crate::ui::breakdown::tier_missing_text;

/// What the zones view reads.
pub struct ZonesData<'a> {
    pub ws: &'a Workspace,
    pub lang: Lang,
    /// For each zone's readiness tier.
    pub today: jiff::civil::Date,
}

/// Draws the zones view.
pub fn zones_view_ui(ui: &mut Ui, editor: Option<&mut ProfileEditor>, data: &ZonesData) -> Vec<Command> {
    let mut commands = Vec::new();
    let selected = editor.as_ref().and_then(|e| e.zone);
    egui::Panel::left("zone list")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| {
            zone_list_ui(ui, selected, data, &mut commands);
        });
    egui::CentralPanel::default().show(ui, |ui| match editor {
        Some(editor) => editor_ui(ui, editor, data, &mut commands),
        None => {
            ui.label(
                RichText::new(data.lang.pick(
                    "在左侧选择一个开发区编辑其要素资料，或新建开发区。",
                    "Pick a zone on the left to edit its factor inventory, or add a new zone.",
                ))
                .weak(),
            );
        }
    });
    commands
}

fn zone_list_ui(ui: &mut Ui, selected: Option<usize>, data: &ZonesData, commands: &mut Vec<Command>) {
    let lang = data.lang;
    let ws = data.ws;
    let palette = theme::palette(ui.ctx());
    ui.heading(match lang {
        Lang::Zh => format!("开发区（{}）", ws.profiles.len()),
        Lang::En => format!("Zones ({})", ws.profiles.len()),
    });
    ui.label(RichText::new(ws.dir.display().to_string()).small().weak())
        .on_hover_text(ws.dir.display().to_string());
    ui.horizontal(|ui| {
        if ui.button(lang.pick("新建开发区", "New zone")).clicked() {
            commands.push(Command::NewProfile);
        }
        if ui.button(lang.pick("重新加载", "Reload")).clicked() {
            commands.push(Command::Reload);
        }
    });
    ui.separator();
    if !ws.errors.is_empty() {
        egui::CollapsingHeader::new(
            RichText::new(match lang {
                Lang::Zh => format!("无法读取的文件（{}）", ws.errors.len()),
                Lang::En => format!("Files that failed to load ({})", ws.errors.len()),
            })
            .strong()
            .color(palette.error),
        )
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("load errors scroll")
                .max_height(ui.available_height() / 3.0)
                .show(ui, |ui| {
                    for e in &ws.errors {
                        let name = e
                            .path
                            .file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                        let at = e.position().map_or_else(String::new, |(l, c)| match lang {
                            Lang::Zh => format!(" 第 {l} 行第 {c} 列"),
                            Lang::En => format!(" line {l}, column {c}"),
                        });
                        ui.label(RichText::new(format!("{name}{at}")).color(palette.error));
                        ui.label(RichText::new(e.message(lang)).small());
                    }
                });
        });
        ui.separator();
    }
    // Only the rows in view are laid out (and their tiers worked out), so a national folder
    // scrolls as lightly as a province's.
    let row_height = ui.spacing().interact_size.y.max(theme::ROW_HEIGHT)
        + ui.text_style_height(&egui::TextStyle::Body)
        + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("zone list scroll")
        .show_rows(ui, row_height, ws.profiles.len(), |ui, rows| {
            // One line a row, as `show_rows` counts them; the full text is in the hover.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for i in rows {
                let Some(p) = ws.profiles.get(i) else { continue };
                // Known values of all factors; the words are in the hover.
                let known = format!("{}/{}", p.known_count(), ws.catalog.len());
                let readiness = readiness(&ws.catalog, p, data.today);
                let tier = readiness
                    .as_ref()
                    .map_or_else(String::new, |r| format!("  ·  {}", r.tier.name.get(lang)));
                let name = p.name.get(lang);
                let meta = format!("{known}{tier}");
                let known_words = match lang {
                    Lang::Zh => format!("已知 {} 项要素", p.known_count()),
                    Lang::En => format!("{} factors known", p.known_count()),
                };
                let hover = match &readiness {
                    Some(r) if !r.missing_for_next.is_empty() => format!(
                        "{name}  ·  {meta}\n{known_words} · {}.ron\n{}",
                        p.id,
                        tier_missing_text(&ws.catalog, r, lang)
                    ),
                    _ => format!("{name}  ·  {meta}\n{known_words} · {}.ron", p.id),
                };
                // Two lines a row: the name, and under it the counts and the tier, so neither
                // has to give way to the other in a narrow list.
                let clicked = ui
                    .allocate_ui_with_layout(
                        egui::vec2(ui.available_width(), row_height),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_min_height(row_height);
                            // The two lines of a zone sit together; rows are kept apart.
                            ui.spacing_mut().item_spacing.y = 0.0;
                            let clicked = ui
                                .selectable_label(selected == Some(i), name)
                                .on_hover_text(&hover)
                                .clicked();
                            ui.horizontal(|ui| {
                                ui.add_space(theme::SECTION_GAP);
                                ui.label(RichText::new(&meta).weak()).on_hover_text(&hover);
                            });
                            clicked
                        },
                    )
                    .inner;
                if clicked {
                    commands.push(Command::SelectProfile(i));
                }
            }
        });
}

fn editor_ui(ui: &mut Ui, editor: &mut ProfileEditor, data: &ZonesData, commands: &mut Vec<Command>) {
    let lang = data.lang;
    let catalog = &data.ws.catalog;
    let palette = theme::palette(ui.ctx());
    ui.horizontal(|ui| {
        let title = if editor.is_new() {
            lang.pick("新建开发区", "New zone").to_owned()
        } else {
            let m = &editor.form.meta;
            let name = match lang {
                Lang::En if !m.name_en.trim().is_empty() => &m.name_en,
                _ => &m.name_zh,
            };
            format!("{name} ({}.ron)", m.id)
        };
        ui.heading(title);
        ui.add_space(12.0);
        if ui
            .add_enabled(editor.is_dirty(), egui::Button::new(lang.pick("保存", "Save")))
            .clicked()
        {
            commands.push(Command::SaveProfile);
        }
        if ui
            .add_enabled(
                editor.is_dirty(),
                egui::Button::new(lang.pick("撤销修改", "Revert")),
            )
            .clicked()
        {
            commands.push(Command::RevertProfile);
        }
        if !editor.is_new() && ui.button(lang.pick("删除…", "Delete…")).clicked() {
            commands.push(Command::DeleteProfile);
        }
        let wrong = editor.meta_errors.len() + editor.entry_errors.iter().flatten().count();
        if wrong > 0 {
            ui.label(
                RichText::new(match lang {
                    Lang::Zh => format!("{wrong} 处需要修改"),
                    Lang::En => format!("{wrong} fields to fix"),
                })
                .color(palette.error),
            );
        } else if editor.is_dirty() {
            ui.label(RichText::new(lang.pick("有未保存的修改", "Unsaved changes")).color(palette.partial));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("profile editor")
        .auto_shrink(false)
        .show(ui, |ui| {
            meta_ui(ui, editor, lang, commands);
            ui.add_space(theme::SECTION_GAP);
            for (cat_idx, category) in catalog.categories() {
                egui::CollapsingHeader::new(RichText::new(category.name.get(lang)).strong())
                    .id_salt(("profile category", cat_idx.index()))
                    .default_open(true)
                    .show(ui, |ui| {
                        egui::Grid::new(("profile grid", cat_idx.index()))
                            .num_columns(5)
                            .striped(true)
                            .spacing([10.0, 4.0])
                            .show(ui, |ui| {
                                header_row_ui(ui, lang);
                                for (f, factor) in catalog.factors_in(cat_idx) {
                                    if entry_row_ui(ui, editor, catalog, f, factor, lang) {
                                        commands.push(Command::ProfileEdited(Some(f)));
                                    }
                                }
                            });
                    });
            }
        });
}

const FACTOR_W: f32 = 200.0;
const VALUE_W: f32 = 300.0;
const SOURCE_W: f32 = 220.0;
const DATE_W: f32 = 100.0;

fn header_row_ui(ui: &mut Ui, lang: Lang) {
    for (h, w) in [
        (lang.pick("要素", "Factor"), FACTOR_W),
        (
            lang.pick("现有（空白为未知）", "Offered (blank: unknown)"),
            VALUE_W,
        ),
        (lang.pick("来源", "Source"), SOURCE_W),
        (lang.pick("数据日期", "As of"), DATE_W),
        (lang.pick("示例值", "Illustrative"), 0.0),
    ] {
        theme::cell(ui, w, |ui| ui.label(RichText::new(h).small().weak()));
    }
    ui.end_row();
}

/// One factor of the profile editor; returns whether anything changed.
fn entry_row_ui(
    ui: &mut Ui,
    editor: &mut ProfileEditor,
    catalog: &crate::model::Catalog,
    f: crate::model::FactorIdx,
    factor: &crate::model::Factor,
    lang: Lang,
) -> bool {
    let error = editor.entry_errors.get(f.index()).cloned().flatten();
    let Some(draft) = editor.form.entries.get_mut(f.index()) else {
        return false;
    };
    let name = factor.name.get(lang);
    theme::cell(ui, FACTOR_W, |ui| {
        theme::truncated(ui, name, &format!("{name}\n{}", factor.id))
    });
    let mut changed = theme::cell(ui, VALUE_W, |ui| {
        let label = format!("{name} {}", lang.pick("现有", "offered"));
        value_editor_ui(
            ui,
            catalog,
            factor,
            &mut draft.value,
            Mode::Offer,
            error.as_ref(),
            &label,
            lang,
        )
    });
    theme::cell(ui, SOURCE_W, |ui| {
        let edit = egui::TextEdit::singleline(&mut draft.source).desired_width(SOURCE_W - 8.0);
        let label = format!("{name} {}", lang.pick("来源", "source"));
        let response = ui.add(edit).accessible_name(label);
        changed |= response.changed();
        if !draft.source.is_empty() {
            response.on_hover_text(&draft.source);
        }
    });
    theme::cell(ui, DATE_W, |ui| {
        let edit = egui::TextEdit::singleline(&mut draft.as_of)
            .desired_width(DATE_W - 8.0)
            .hint_text(lang.pick("同上", "profile date"));
        let label = format!("{name} {}", lang.pick("数据日期", "as of"));
        changed |= ui.add(edit).accessible_name(label).changed();
    });
    let label = format!("{name} {}", lang.pick("示例值", "illustrative"));
    changed |= ui
        .checkbox(&mut draft.illustrative, "")
        .accessible_name(label)
        .changed();
    ui.end_row();
    changed
}

fn meta_ui(ui: &mut Ui, editor: &mut ProfileEditor, lang: Lang, commands: &mut Vec<Command>) {
    let palette = theme::palette(ui.ctx());
    let is_new = editor.is_new();
    let m = &mut editor.form.meta;
    let mut changed = false;
    egui::Grid::new("profile meta")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let l = ui.label(lang.pick("编号（文件名）", "Id (file name)"));
            changed |= ui
                .add_enabled(is_new, egui::TextEdit::singleline(&mut m.id).desired_width(200.0))
                .labelled_by(l.id)
                .changed();
            ui.end_row();
            let rows = vec![
                (lang.pick("名称（中文）", "Name (Chinese)"), &mut m.name_zh),
                (lang.pick("名称（英文）", "Name (English)"), &mut m.name_en),
                (lang.pick("地区（中文）", "Region (Chinese)"), &mut m.region_zh),
                (lang.pick("地区（英文）", "Region (English)"), &mut m.region_en),
                (lang.pick("联系方式", "Contact"), &mut m.contact),
                (lang.pick("数据日期", "As of"), &mut m.as_of),
            ];
            changed |= theme::text_rows(ui, rows, 360.0);
        });
    for e in &editor.meta_errors {
        ui.label(RichText::new(e.text(lang)).color(palette.error));
    }
    if changed {
        commands.push(Command::ProfileEdited(None));
    }
}
