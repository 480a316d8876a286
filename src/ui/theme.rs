//! The look of SiteMatch in one place: status colours (met, partial, unmet, unknown) for light
//! and dark themes, flag colours, spacing, and applying them to egui.

use egui::{Color32, Context, Theme};

use crate::scoring::Status;

/// Height of one table row, in points.
pub const ROW_HEIGHT: f32 = 24.0;
/// Space between sections of a view.
pub const SECTION_GAP: f32 = 10.0;
/// Width of the score bar in the results table.
pub const SCORE_BAR_WIDTH: f32 = 90.0;

/// Lays out `add` in a cell of a fixed width (when `width` > 0), so rows of separate grids line
/// up in either language.
pub fn cell<R>(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.allocate_ui_with_layout(
        egui::vec2(width, ROW_HEIGHT),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            if width > 0.0 {
                ui.set_min_width(width);
                ui.set_max_width(width);
            }
            add(ui)
        },
    )
    .inner
}

/// Grid rows of a label and a text field it names; returns whether any field changed.
pub fn text_rows(ui: &mut egui::Ui, rows: Vec<(&str, &mut String)>, width: f32) -> bool {
    let mut changed = false;
    for (label, text) in rows {
        let l = ui.label(label);
        changed |= ui
            .add(egui::TextEdit::singleline(text).desired_width(width))
            .labelled_by(l.id)
            .changed();
        ui.end_row();
    }
    changed
}

/// A label that is cut with "…" rather than widening its cell; the whole text shows on hover.
pub fn truncated(ui: &mut egui::Ui, text: &str, hover: &str) -> egui::Response {
    ui.add(egui::Label::new(text).truncate()).on_hover_text(hover)
}

/// The colours of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub met: Color32,
    pub partial: Color32,
    pub unmet: Color32,
    pub unknown: Color32,
    /// Values no source gives.
    pub illustrative: Color32,
    /// Figures past their update period.
    pub stale: Color32,
    /// Figures near the end of their update period.
    pub due: Color32,
    /// Input that cannot be taken; failed files.
    pub error: Color32,
    /// Notices that are not errors.
    pub info: Color32,
    /// Background of a notice bar.
    pub notice_bg: Color32,
}

const LIGHT: Palette = Palette {
    met: Color32::from_rgb(0x1b, 0x7f, 0x3b),
    partial: Color32::from_rgb(0xb0, 0x6a, 0x00),
    unmet: Color32::from_rgb(0xc0, 0x28, 0x28),
    unknown: Color32::from_rgb(0x5a, 0x67, 0x7d),
    illustrative: Color32::from_rgb(0x6b, 0x4f, 0xa8),
    stale: Color32::from_rgb(0x9a, 0x5b, 0x00),
    due: Color32::from_rgb(0x6e, 0x62, 0x2a),
    error: Color32::from_rgb(0xc0, 0x28, 0x28),
    info: Color32::from_rgb(0x1f, 0x5f, 0xa8),
    notice_bg: Color32::from_rgb(0xfd, 0xf1, 0xe4),
};

const DARK: Palette = Palette {
    met: Color32::from_rgb(0x5c, 0xc8, 0x7a),
    partial: Color32::from_rgb(0xf0, 0xb4, 0x4c),
    unmet: Color32::from_rgb(0xf2, 0x6d, 0x6d),
    unknown: Color32::from_rgb(0xa3, 0xb1, 0xc6),
    illustrative: Color32::from_rgb(0xb9, 0x9c, 0xf0),
    stale: Color32::from_rgb(0xe8, 0xa8, 0x4a),
    due: Color32::from_rgb(0xd2, 0xc4, 0x7e),
    error: Color32::from_rgb(0xf2, 0x6d, 0x6d),
    info: Color32::from_rgb(0x7f, 0xb2, 0xf0),
    notice_bg: Color32::from_rgb(0x3a, 0x2e, 0x22),
};

/// The palette of the theme the context is in.
pub fn palette(ctx: &Context) -> Palette {
    if ctx.global_style().visuals.dark_mode {
        DARK
    } else {
        LIGHT
    }
}

impl Palette {
    /// The colour of a due or stale figure; `None` for a current one, which keeps the text's
    /// own colour.
    pub fn freshness(&self, f: crate::model::Freshness) -> Option<Color32> {
        match f {
            crate::model::Freshness::Stale => Some(self.stale),
            crate::model::Freshness::Due => Some(self.due),
            crate::model::Freshness::Current => None,
        }
    }

    /// The colour of a status; its mark (`Status::mark`) carries the same meaning in shape.
    pub fn status(&self, status: Status) -> Color32 {
        match status {
            Status::Met => self.met,
            Status::Partial => self.partial,
            Status::Unmet => self.unmet,
            Status::Unknown => self.unknown,
        }
    }
}

/// Applies the theme and scale.
pub fn apply(ctx: &Context, dark: bool, zoom: f32) {
    ctx.set_theme(if dark { Theme::Dark } else { Theme::Light });
    ctx.set_zoom_factor(zoom.clamp(0.75, 2.0));
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            style.spacing.item_spacing = egui::vec2(8.0, 6.0);
            style.spacing.button_padding = egui::vec2(8.0, 3.0);
            style.spacing.interact_size.y = 22.0;
            if let Some(body) = style.text_styles.get_mut(&egui::TextStyle::Body) {
                body.size = 14.0;
            }
            if let Some(button) = style.text_styles.get_mut(&egui::TextStyle::Button) {
                button.size = 14.0;
            }
        });
    }
}
