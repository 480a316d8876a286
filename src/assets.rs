//! Files compiled into the binary, so SiteMatch runs from any folder: the factor catalog, the
//! bundled fonts (SIL OFL 1.1, licences in `assets/fonts/`) and the report template.

/// Noto Sans SC, subset to GB2312 and every character of SiteMatch's own text.
pub const FONT_SC: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular.subset.ttf");

/// Noto Sans Symbols 2, cut to the status marks (✔ ✘ △), which no CJK font has.
pub const FONT_SYMBOLS: &[u8] = include_bytes!("../assets/fonts/NotoSansSymbols2-Regular.subset.ttf");

/// The layout of the printed report (Typst markup fed with the report model as JSON).
pub const REPORT_TEMPLATE: &str = include_str!("../assets/report.typ");
