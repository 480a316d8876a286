//! Files compiled into the binary, so SiteMatch runs from any folder: the factor catalog, the
//! bundled fonts (SIL OFL 1.1, licences in `assets/fonts/`) and the report template.

/// Noto Sans SC Regular, every character it has (CJK Unified Ideographs and Extension A in
/// full), unhinted: 10.6 MB, what lets any name the window shows print.
pub const FONT_SC: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Regular.ttf");

/// Noto Sans SC Bold, cut to GB2312 and every character of SiteMatch's own text (headings,
/// labels); a rarer character in bold text prints from the Regular face.
pub const FONT_SC_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSansSC-Bold.subset.ttf");

/// Noto Sans Symbols 2, cut to the status marks (✔ ✘ △), which no CJK font has.
pub const FONT_SYMBOLS: &[u8] = include_bytes!("../assets/fonts/NotoSansSymbols2-Regular.subset.ttf");

/// The layout of the printed report (Typst markup fed with the report model as JSON).
pub const REPORT_TEMPLATE: &str = include_str!("../assets/report.typ");
