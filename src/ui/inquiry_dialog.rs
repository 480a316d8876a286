//! 粘贴投资方来信 Paste an investor's message: the text on the left, each phrase the drafter
//! read marked in its colour (drafted, to confirm, not understood) and underlined, so that it
//! reads in black and white too; on the right the header drafted and an item per requirement
//! with a tick (items to confirm unticked, with a field for the officer's figure), then what
//! was not understood. 生成需求表 opens the new checklist.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Context, FontSelection, Galley, Id, RichText, Stroke, TextBuffer, Ui};

use super::theme::{self, Palette};
use crate::inquiry::{Draft, DraftItem, Span};
use crate::model::{Bilingual, Catalog, Lang, Localize};
use crate::state::Command;
use crate::state::inquiry_paste::InquiryPaste;

struct Texts {
    /// Between a label and its value (`项目：`, `Project: `).
    colon: &'static str,
    title: &'static str,
    hint: &'static str,
    message: &'static str,
    paste_here: &'static str,
    legend_drafted: &'static str,
    legend_confirm: &'static str,
    legend_unread: &'static str,
    header: &'static str,
    investor: &'static str,
    project: &'static str,
    industry: &'static str,
    or: &'static str,
    investment: fn(&str) -> String,
    start: fn(&str, &str) -> String,
    intensity: fn(&str) -> String,
    tax: fn(&str) -> String,
    items: fn(usize, usize) -> String,
    none: &'static str,
    to_confirm: &'static str,
    from_header: &'static str,
    figure: &'static str,
    figure_hint: &'static str,
    quoted: fn(&str) -> String,
    unread: fn(usize) -> String,
    create: &'static str,
    create_hover: &'static str,
    cancel: &'static str,
}

const ZH: Texts = Texts {
    colon: "：",
    title: "粘贴投资方来信",
    hint: "把投资方的微信、邮件或 Word 内容粘贴到左侧，软件逐句识别需求；请在右侧核对，勾选要写入需求表的各项。",
    message: "来信内容",
    paste_here: "在此粘贴来信（Ctrl+V）…",
    legend_drafted: "已识别",
    legend_confirm: "待确认",
    legend_unread: "未能识别",
    header: "项目信息",
    investor: "投资方",
    project: "项目",
    industry: "行业",
    or: "，或 ",
    investment: |v| format!("总投资：{v} 万元"),
    start: |d, how| format!("计划开工：{d}（{how}）"),
    intensity: |v| format!("计划投资强度：{v} 万元/亩"),
    tax: |v| format!("计划亩均税收：{v} 万元/亩"),
    items: |n, taken| format!("需求 {n} 项，已勾选 {taken} 项"),
    none: "（还没有识别出需求）",
    to_confirm: "待确认",
    from_header: "按项目信息",
    figure: "确认数值",
    figure_hint: "如 20 兆瓦",
    quoted: |t| format!("原文：“{t}”"),
    unread: |n| format!("未能识别 {n} 处"),
    create: "生成需求表",
    create_hover: "用勾选的各项新建一份需求表（未保存），并查看排名",
    cancel: "取消",
};

const EN: Texts = Texts {
    colon: ": ",
    title: "Paste an investor's message",
    hint: "Paste the investor's WeChat message, e-mail or Word text on the left; each requirement is read as you go. Check them on the right and tick those the checklist takes.",
    message: "Message",
    paste_here: "Paste the message here (Ctrl+V)…",
    legend_drafted: "read",
    legend_confirm: "to confirm",
    legend_unread: "not understood",
    header: "Project",
    investor: "Investor",
    project: "Project",
    industry: "Industry",
    or: ", or ",
    investment: |v| format!("Total investment: {v} × 10,000 yuan"),
    start: |d, how| format!("Planned start: {d} ({how})"),
    intensity: |v| format!("Planned intensity: {v} × 10,000 yuan/mu"),
    tax: |v| format!("Planned tax per mu: {v} × 10,000 yuan/mu"),
    items: |n, taken| format!("{n} requirements, {taken} ticked"),
    none: "(no requirement read yet)",
    to_confirm: "to confirm",
    from_header: "from the project",
    figure: "Confirmed figure",
    figure_hint: "e.g. 20 MW",
    quoted: |t| format!("From the message: “{t}”"),
    unread: |n| format!("{n} phrases not understood"),
    create: "Make the checklist",
    create_hover: "Start a new checklist (unsaved) with the ticked items, and see the ranking",
    cancel: "Cancel",
};

static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

/// The colour a span of the message is marked in: drafted, to confirm, not understood.
fn marks(draft: &Draft, palette: &Palette) -> Vec<(Span, Color32)> {
    let mut out: Vec<(Span, Color32)> = draft
        .items
        .iter()
        .map(|i| {
            let colour = if i.confirm.is_some() {
                palette.partial
            } else {
                palette.met
            };
            (i.span, colour)
        })
        .chain(draft.header.spans.iter().map(|s| (*s, palette.met)))
        .chain(draft.unread.iter().map(|u| (u.span, palette.unmet)))
        .collect();
    out.sort_by_key(|(s, _)| *s);
    out
}

/// The message laid out with its marked spans in colour and underlined.
fn highlighted(ui: &Ui, text: &str, marks: &[(Span, Color32)], wrap: f32) -> Arc<Galley> {
    let font = FontSelection::default().resolve(ui.style());
    let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap;
    // Byte offsets of each character, to cut the text at character spans.
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let byte = |c: usize| offsets.get(c).copied().unwrap_or(text.len());
    let mut at = 0usize;
    for ((start, end), colour) in marks {
        let (start, end) = ((*start).max(at), *end);
        if start >= end || byte(end) > text.len() {
            continue;
        }
        if start > at {
            job.append(&text[byte(at)..byte(start)], 0.0, plain.clone());
        }
        let mut format = TextFormat::simple(font.clone(), *colour);
        format.underline = Stroke::new(1.5, *colour);
        job.append(&text[byte(start)..byte(end)], 0.0, format);
        at = end;
    }
    if byte(at) < text.len() {
        job.append(&text[byte(at)..], 0.0, plain);
    }
    ui.fonts_mut(|f| f.layout_job(job))
}

/// What a drafted item asks, as the list shows it.
fn item_value(catalog: &Catalog, item: &DraftItem, lang: Lang, t: &Texts) -> String {
    match item.required_text(catalog, lang) {
        Some(text) => text,
        None if item.confirm.is_some() => t.to_confirm.to_owned(),
        None => t.from_header.to_owned(),
    }
}

/// Draws the dialog over the app; returns what the officer asked.
pub fn inquiry_dialog_ui(
    ctx: &Context,
    paste: &mut InquiryPaste,
    catalog: &Catalog,
    lang: Lang,
) -> Vec<Command> {
    let t = TEXTS.get(lang);
    let palette = theme::palette(ctx);
    let mut commands = Vec::new();
    let screen = ctx.content_rect();
    let width = (screen.width() * 0.92).min(1100.0);
    let height = (screen.height() * 0.80).min(680.0);
    let modal = egui::Modal::new(Id::unique("inquiry paste")).show(ctx, |ui| {
        // A fixed size: the dialog does not move as items are read into it.
        ui.set_width(width);
        ui.set_min_height(height);
        ui.heading(t.title);
        ui.label(RichText::new(t.hint).weak());
        ui.horizontal(|ui| {
            ui.label(RichText::new(t.legend_drafted).color(palette.met).underline());
            ui.label(RichText::new(t.legend_confirm).color(palette.partial).underline());
            ui.label(RichText::new(t.legend_unread).color(palette.unmet).underline());
        });
        ui.separator();
        let body = height - 120.0;
        let draft_marks = match paste.draft() {
            Ok(d) if paste.text == paste.drafted_text() => marks(d, &palette),
            _ => Vec::new(),
        };
        ui.columns(2, |cols| {
            let label = cols[0].label(RichText::new(t.message).strong());
            egui::ScrollArea::vertical()
                .id_salt("inquiry text")
                .max_height(body)
                .min_scrolled_height(body)
                .show(&mut cols[0], |ui| {
                    let mut layouter = |ui: &Ui, buf: &dyn TextBuffer, wrap: f32| {
                        highlighted(ui, buf.as_str(), &draft_marks, wrap)
                    };
                    let edit = egui::TextEdit::multiline(&mut paste.text)
                        .hint_text(t.paste_here)
                        .desired_width(f32::INFINITY)
                        .desired_rows(18)
                        .layouter(&mut layouter);
                    let response = ui.add(edit).labelled_by(label.id);
                    if std::mem::take(&mut paste.focus_text) {
                        response.request_focus();
                    }
                    if response.changed() {
                        commands.push(Command::InquiryEdited);
                    }
                });
            egui::ScrollArea::vertical()
                .id_salt("inquiry items")
                .max_height(body + 20.0)
                .min_scrolled_height(body + 20.0)
                .auto_shrink([false, false])
                .show(&mut cols[1], |ui| {
                    // Left-aligned, not justified: a long industry name reads as written.
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        if draft_side(ui, paste, catalog, lang, t, &palette) {
                            commands.push(Command::InquiryEdited);
                        }
                    });
                });
        });
        ui.separator();
        ui.horizontal(|ui| {
            let ready = paste
                .draft()
                .is_ok_and(|d| !d.items.is_empty() || d.header.total_investment.is_some());
            if ui
                .add_enabled(ready, egui::Button::new(RichText::new(t.create).strong()))
                .on_hover_text(t.create_hover)
                .clicked()
            {
                commands.push(Command::InquiryCreate);
            }
            if ui.button(t.cancel).clicked() {
                commands.push(Command::InquiryClose);
            }
        });
    });
    if modal.should_close() && !commands.contains(&Command::InquiryClose) {
        commands.push(Command::InquiryClose);
    }
    commands
}

/// The right side: header, items with their ticks and figures, what was not understood.
/// Returns whether a decision changed.
fn draft_side(
    ui: &mut Ui,
    paste: &mut InquiryPaste,
    catalog: &Catalog,
    lang: Lang,
    t: &Texts,
    palette: &Palette,
) -> bool {
    let mut changed = false;
    let taken = paste.taken();
    let (draft, decisions, errors) = match paste.parts_mut() {
        (Ok(d), decisions, errors) => (d, decisions, errors),
        (Err(e), ..) => {
            ui.label(RichText::new(e.text(lang)).weak());
            return false;
        }
    };
    let h = &draft.header;
    ui.label(RichText::new(t.header).strong());
    for (label, value) in [(t.investor, &h.investor), (t.project, &h.project)] {
        if !value.is_empty() {
            ui.label(format!("{label}{}{value}", t.colon));
        }
    }
    if !h.industry.is_empty() {
        let names: Vec<String> = h
            .industry
            .iter()
            .map(|m| catalog.industries().label(*m, lang))
            .collect();
        ui.label(format!("{}{}{}", t.industry, t.colon, names.join(t.or)));
    }
    if let Some(v) = h.total_investment {
        ui.label((t.investment)(&crate::model::number::grouped(v)));
    }
    if let Some(v) = h.planned_intensity {
        ui.label((t.intensity)(&crate::model::number::grouped(v)));
    }
    if let Some(v) = h.planned_tax_per_mu {
        ui.label((t.tax)(&crate::model::number::grouped(v)));
    }
    if let Some(s) = &h.planned_start {
        ui.label((t.start)(&s.date.to_string(), s.how.get(lang)));
    }
    ui.add_space(theme::SECTION_GAP);
    ui.label(RichText::new((t.items)(draft.items.len(), taken)).strong());
    if draft.items.is_empty() {
        ui.label(RichText::new(t.none).weak());
    }
    for (i, item) in draft.items.iter().enumerate() {
        let Some(decision) = decisions.get_mut(i) else {
            continue;
        };
        let name = item.name(catalog, lang);
        let line = format!("{name}{}{}", t.colon, item_value(catalog, item, lang, t));
        let colour = if item.confirm.is_some() {
            palette.partial
        } else {
            ui.visuals().text_color()
        };
        changed |= ui
            .checkbox(&mut decision.take, RichText::new(line).color(colour))
            .changed();
        ui.indent(("inquiry item", i), |ui| {
            ui.label(RichText::new((t.quoted)(&item.text)).weak().small());
            for note in &item.notes {
                ui.label(RichText::new(note.get(lang)).weak().small());
            }
            if let Some(reason) = &item.confirm {
                ui.label(RichText::new(reason.get(lang)).color(palette.partial));
                ui.horizontal(|ui| {
                    let label = ui.label(format!("{name}{}", t.figure));
                    let edit = egui::TextEdit::singleline(&mut decision.figure)
                        .hint_text(t.figure_hint)
                        .desired_width(140.0);
                    if ui.add(edit).labelled_by(label.id).changed() {
                        // Typing a figure takes the item.
                        decision.take = !decision.figure.trim().is_empty() || decision.take;
                        changed = true;
                    }
                });
            }
            for e in errors.iter().filter(|e| e.item == i) {
                ui.label(RichText::new(e.message.get(lang)).color(palette.error));
            }
        });
    }
    if !draft.unread.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.label(RichText::new((t.unread)(draft.unread.len())).strong());
        for u in &draft.unread {
            ui.label(
                RichText::new(format!("“{}”{}{}", u.text, t.colon, u.reason.get(lang))).color(palette.unmet),
            );
        }
    }
    changed
}
