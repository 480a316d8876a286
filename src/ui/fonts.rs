//! The bundled fonts (SIL OFL 1.1, licences beside them in `assets/fonts/`): Noto Sans SC, subset
//! to GB2312 and SiteMatch's own text, installed before egui's own fonts so Chinese and Latin
//! share one face; and Noto Sans Symbols 2 cut to the status marks (✔ ✘), which no CJK font has.
//! eframe's system-font provider still covers rare characters in names.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{Context, FontData, FontFamily};

use crate::assets::{FONT_SC, FONT_SYMBOLS};

/// The subset font file.
pub const NOTO_SANS_SC: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular.subset.ttf");

/// The status marks.
pub const NOTO_SANS_SYMBOLS2: &[u8] =
    include_bytes!("../../assets/fonts/NotoSansSymbols2-Regular.subset.ttf");

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
