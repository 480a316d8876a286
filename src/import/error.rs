//! What an import reports, as data: a workbook refused whole ([`ImportError`]), and each
//! header or cell left unread ([`Unread`], `Sheet!C7: reason`). Rendered in Chinese and
//! English; reads nothing itself.

use crate::model::cell::CellProblem;
use crate::model::header::HeaderProblem;
use crate::model::{Lang, Localize, Named, ValueError};
use crate::xlsx_in::Refused;

/// Why a workbook is not read at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not a workbook, an old or encrypted one, a CSV, or one that unpacks past the bounds.
    Refused(Refused),
    /// The archive unpacks but is no readable workbook (the reader's words).
    Damaged { detail: String },
    /// A cell further down than any table imported has rows.
    TooManyRows { sheet: String, cell: String, limit: u32 },
    /// Cells that hold more text, all told, than any table imported (a long text shown in
    /// thousands of cells); `limit` in bytes.
    TooMuchText { sheet: String, limit: usize },
    /// No visible sheet has a header row naming a zone column and a factor.
    NoTable,
    /// A province's table with no date column, and no `--as-of` day given: its figures'
    /// as-of date would be a guess.
    NeedsAsOf { sheets: Vec<String> },
}

impl From<Refused> for ImportError {
    fn from(r: Refused) -> Self {
        ImportError::Refused(r)
    }
}

impl Localize for ImportError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::Refused(Refused::NotAWorkbook { .. }), Lang::Zh) => {
                "无法作为 Excel 工作簿（.xlsx）打开".into()
            }
            (ImportError::Refused(Refused::NotAWorkbook { detail }), Lang::En) => {
                format!("cannot be opened as an Excel workbook (.xlsx): {detail}")
            }
            (ImportError::Refused(Refused::OldExcel), Lang::Zh) => {
                "是旧版 Excel 97–2003 工作簿（.xls）或加密的工作簿：请在 Excel 或 WPS 中另存为不加密的 .xlsx 后再导入".into()
            }
            (ImportError::Refused(Refused::OldExcel), Lang::En) => {
                "is an old Excel 97–2003 workbook (.xls) or an encrypted one: save it from Excel or WPS as an unencrypted .xlsx and import that".into()
            }
            (ImportError::Refused(Refused::Text), Lang::Zh) => {
                "是文本文件（如 CSV），不是 Excel 工作簿：请在 Excel 或 WPS 中另存为 .xlsx 后再导入".into()
            }
            (ImportError::Refused(Refused::Text), Lang::En) => {
                "is a text file (such as a CSV), not an Excel workbook: save it from Excel or WPS as .xlsx and import that".into()
            }
            (ImportError::Refused(Refused::Damaged { .. }) | ImportError::Damaged { .. }, Lang::Zh) => {
                "工作簿已损坏，无法读取；请向对方索取完好的文件".into()
            }
            (
                ImportError::Refused(Refused::Damaged { detail }) | ImportError::Damaged { detail },
                Lang::En,
            ) => format!("the workbook is damaged and cannot be read ({detail}); ask for an intact copy"),
            (ImportError::Refused(Refused::Unpacks { part, limit }), Lang::Zh) => format!(
                "工作簿解压后过大（{part} 超过 {} MiB），不是正常的要素表，已拒绝读取",
                limit >> 20
            ),
            (ImportError::Refused(Refused::Unpacks { part, limit }), Lang::En) => format!(
                "the workbook unpacks to too much ({part} passes {} MiB); no factor table is that large, so it was not read",
                limit >> 20
            ),
            (ImportError::TooManyRows { sheet, cell, limit }, Lang::Zh) => format!(
                "工作表“{sheet}”在 {cell} 处超过 {limit} 行；要素表没有这么多行，请删除多余内容后再导入"
            ),
            (ImportError::TooManyRows { sheet, cell, limit }, Lang::En) => format!(
                "sheet `{sheet}` has a cell at {cell}, past {limit} rows; no factor table is that long, delete what is there and import again"
            ),
            (ImportError::TooMuchText { sheet, limit }, Lang::Zh) => format!(
                "工作簿的单元格内容超过 {} MiB（读到工作表“{sheet}”时）；要素表没有这么大，已拒绝读取",
                limit >> 20
            ),
            (ImportError::TooMuchText { sheet, limit }, Lang::En) => format!(
                "the workbook's cells hold more than {} MiB (reached in sheet `{sheet}`); no factor table is that large, so it was not read",
                limit >> 20
            ),
            (ImportError::NoTable, Lang::Zh) => {
                "没有找到要素表：任何工作表的表头都没有开发区列（如“开发区名称”“编号”）和要素列（如“可供工业用地面积（亩）”）".into()
            }
            (ImportError::NoTable, Lang::En) => {
                "no factor table found: no sheet has a header row with a zone column (such as 开发区名称 or 编号) and a factor column (such as 可供工业用地面积（亩）)".into()
            }
            (ImportError::NeedsAsOf { sheets }, Lang::Zh) => format!(
                "工作表“{}”没有数据日期列：请给出这些数据的截止日期（--as-of YYYY-MM-DD），否则无法判断数据是否过期",
                sheets.join("”“")
            ),
            (ImportError::NeedsAsOf { sheets }, Lang::En) => format!(
                "sheet(s) `{}` have no date column: give the day the figures were true (--as-of YYYY-MM-DD), or their freshness would be a guess",
                sheets.join("`, `")
            ),
        }
    }
}

/// A header or cell left unread, and why: `Sheet!C7: reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    pub sheet: String,
    /// The cell's name (`C7`), or the sheet itself when empty.
    pub cell: String,
    pub reason: Reason,
}

impl Unread {
    /// `Sheet!C7`.
    pub fn place(&self) -> String {
        if self.cell.is_empty() {
            self.sheet.clone()
        } else {
            format!("{}!{}", self.sheet, self.cell)
        }
    }
}

impl Localize for Unread {
    fn text(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::Zh => "：",
            Lang::En => ": ",
        };
        format!("{}{sep}{}", self.place(), self.reason.text(lang))
    }
}

/// Why a header or cell is left unread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A column header that names no factor, or a unit the factor does not take.
    Header(HeaderProblem),
    /// A cell its factor cannot take.
    Cell(CellProblem),
    /// A date, planned date or number that does not read.
    Value(ValueError),
    /// A cell formatted as a date under an amount (Excel keeps a date as a day count).
    IsADate,
    /// A formula whose result was never saved.
    FormulaWithoutResult,
    /// A formula that shows an error value.
    FormulaError { shows: String },
    /// A second column for a factor already read from another one.
    SameFactorAgain { factor: Named, first: String },
    /// A zone id that differs from a profile's only in case (`Houma` for `houma`).
    ZoneIdCase { given: String, id: String },
    /// A zone id a profile file cannot be named by.
    BadZoneId { given: String },
    /// A zone (long layout) that the folder does not hold.
    NoSuchZone { given: String },
    /// A factor id (long layout) that the catalog does not have.
    NoSuchFactor { given: String },
    /// A row for a zone read already in an earlier row.
    ZoneAgain { zone: String, first: String },
    /// A figure given twice for the same zone (long layout).
    FigureAgain { factor: Named, first: String },
    /// A total or a note under the table, not a zone.
    NotAZone { text: String },
    /// A row with figures and no zone name or id.
    NoZoneName,
    /// A new value with no as-of date in its row or for the whole import.
    NoAsOf,
    /// A planned amount with no date by which it comes, or a date with no amount.
    PlanIncomplete,
    /// A planned yes (`计划`) with no date in the planned-date column.
    PlannedWithoutDate,
    /// The row's unit column names no unit of the factor.
    UnitColumn { given: String },
    /// Text longer than a profile holds (both in characters).
    TooLong { limit: usize, chars: usize },
    /// A sheet with cells and no header row naming a zone column and a factor.
    NoHeader,
    /// Cells right of the columns read.
    Beyond { limit: u16 },
}

impl Localize for Reason {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::Header(p), _) => p.text(lang),
            (Reason::Cell(p), _) => p.text(lang),
            (Reason::Value(e), _) => e.text(lang),
            (Reason::IsADate, Lang::Zh) => "单元格是日期格式，不是数量；请改为常规格式后填写数值".into(),
            (Reason::IsADate, Lang::En) => {
                "the cell is formatted as a date, not an amount; format it as General and type the amount"
                    .into()
            }
            (Reason::FormulaWithoutResult, Lang::Zh) => {
                "公式没有保存计算结果；请在 Excel 或 WPS 中打开并保存后再导入".into()
            }
            (Reason::FormulaWithoutResult, Lang::En) => {
                "a formula without a saved result; open and save the workbook in Excel or WPS, then import it"
                    .into()
            }
            (Reason::FormulaError { shows }, Lang::Zh) => format!("公式结果为错误值 {shows}"),
            (Reason::FormulaError { shows }, Lang::En) => format!("the formula shows the error {shows}"),
            (Reason::SameFactorAgain { factor, first }, Lang::Zh) => {
                format!("{}已由 {first} 列读取，此列不再读取", factor.label(lang))
            }
            (Reason::SameFactorAgain { factor, first }, Lang::En) => {
                format!(
                    "{} is read from column {first} already; this column is not read",
                    factor.label(lang)
                )
            }
            (Reason::ZoneIdCase { given, id }, Lang::Zh) => {
                format!("开发区编号“{given}”与已有的“{id}”只差大小写；请写成“{id}”")
            }
            (Reason::ZoneIdCase { given, id }, Lang::En) => {
                format!("zone id `{given}` differs from the existing `{id}` only in case; write `{id}`")
            }
            (Reason::BadZoneId { given }, Lang::Zh) => {
                format!("开发区编号“{given}”只能由字母、数字、“-”和“_”组成")
            }
            (Reason::BadZoneId { given }, Lang::En) => {
                format!("zone id `{given}` may hold only letters, digits, `-` and `_`")
            }
            (Reason::NoSuchZone { given }, Lang::Zh) => format!("文件夹中没有编号为“{given}”的开发区"),
            (Reason::NoSuchZone { given }, Lang::En) => format!("the folder has no zone `{given}`"),
            (Reason::NoSuchFactor { given }, Lang::Zh) => format!("要素目录中没有编号为“{given}”的要素"),
            (Reason::NoSuchFactor { given }, Lang::En) => format!("the catalog has no factor `{given}`"),
            (Reason::ZoneAgain { zone, first }, Lang::Zh) => {
                format!("“{zone}”已在 {first} 行读取，此行不再读取")
            }
            (Reason::ZoneAgain { zone, first }, Lang::En) => {
                format!("`{zone}` is read from row {first} already; this row is not read")
            }
            (Reason::FigureAgain { factor, first }, Lang::Zh) => {
                format!("{}已在 {first} 行填报，此行不再读取", factor.label(lang))
            }
            (Reason::FigureAgain { factor, first }, Lang::En) => {
                format!(
                    "{} is given in row {first} already; this row is not read",
                    factor.label(lang)
                )
            }
            (Reason::NotAZone { text }, Lang::Zh) => format!("“{text}”是合计或说明行，不是开发区，未读取"),
            (Reason::NotAZone { text }, Lang::En) => {
                format!("`{text}` is a total or a note, not a zone; not read")
            }
            (Reason::NoZoneName, Lang::Zh) => "此行有数据但没有开发区名称或编号，未读取".into(),
            (Reason::NoZoneName, Lang::En) => "this row has figures but no zone name or id; not read".into(),
            (Reason::NoAsOf, Lang::Zh) => {
                "没有数据日期：请填写此行的数据日期，或在导入时给出（--as-of YYYY-MM-DD）".into()
            }
            (Reason::NoAsOf, Lang::En) => {
                "no as-of date: fill in the row's as-of date, or give one for the import (--as-of YYYY-MM-DD)"
                    .into()
            }
            (Reason::PlanIncomplete, Lang::Zh) => "计划值和计划日期须同时填写".into(),
            (Reason::PlanIncomplete, Lang::En) => {
                "a planned amount needs its date, and a date its amount".into()
            }
            (Reason::PlannedWithoutDate, Lang::Zh) => "填了“计划”，但没有填计划日期".into(),
            (Reason::PlannedWithoutDate, Lang::En) => "planned, but no planned date is given".into(),
            (Reason::UnitColumn { given }, Lang::Zh) => format!("单位列的“{given}”不是此要素的单位"),
            (Reason::UnitColumn { given }, Lang::En) => {
                format!("the unit column's `{given}` is no unit of this factor")
            }
            (Reason::TooLong { limit, chars }, Lang::Zh) => {
                format!("内容过长（{chars} 字），最多 {limit} 字")
            }
            (Reason::TooLong { limit, chars }, Lang::En) => {
                format!("too long ({chars} characters); at most {limit}")
            }
            (Reason::NoHeader, Lang::Zh) => "工作表没有表头行（开发区列和要素列），未读取".into(),
            (Reason::NoHeader, Lang::En) => {
                "the sheet has no header row (a zone column and factor columns); not read".into()
            }
            (Reason::Beyond { limit }, Lang::Zh) => format!("第 {limit} 列以右的单元格未读取"),
            (Reason::Beyond { limit }, Lang::En) => format!("cells right of column {limit} are not read"),
        }
    }
}

crate::english_display!(ImportError, Unread);
