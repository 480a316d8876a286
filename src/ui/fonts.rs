//! The bundled fonts (SIL OFL 1.1, licences beside them in `assets/fonts/`): Noto Sans SC with all
//! of CJK Unified Ideographs and Extension A, installed before egui's own fonts so Chinese and
//! Latin share one face; and Noto Sans Symbols 2 cut to the status marks (✔ ✘), which no CJK
//! font has. eframe's system-font provider may cover rarer characters still; what no font the
//! window has covers is found by [`crate::report::glyphs`] and told in a notice.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{Context, FontData, FontFamily};

use crate::assets::{FONT_SC, FONT_SYMBOLS};

/// Adds the bundled fonts to a context.
pub fn install(ctx: &Context) {
    ctx.add_font(FontInsert {
        name: "NotoSansSC".to_owned(),
        data: FontData::from_static(FONT_SC),
        families: vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Highest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    });
    ctx.add_font(FontInsert {
        name: "NotoSansSymbols2".to_owned(),
        data: FontData::from_static(FONT_SYMBOLS),
        families: vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    });
}
