//! The investment-factor survey (要素调查表) as an Excel workbook an investor fills in, and the
//! filled workbook read back into a checklist.
//!
//! The layout is data: [`cells`] says what goes in which cell, [`workbook`] writes those cells
//! with the drop-down lists and protection, and [`read`] reads a filled workbook back by the
//! same layout. Every cell that cannot be read is reported as `sheet!cell` with the reason;
//! nothing is guessed. Pure: bytes in, bytes out.

use std::io::Cursor;

use rust_decimal::Decimal;
use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, XlsxError};

use crate::model::parse::{MAX_NAME_CHARS, MAX_NOTE_CHARS};
use crate::model::text::join_list;
use crate::model::value::{parse_level, parse_quantity};
use crate::model::{
    Catalog, Checklist, FactorIdx, Importance, Kind, Lang, Localize, Named, Requirement, Value, ValueError,
    YesNo, number,
};

/// The survey sheet's name; errors name cells on it.
pub const SHEET: &str = "要素调查表";
/// The hidden sheet holding the industry list for the drop-down.
const LISTS: &str = "Lists";

/// Header fields: row (0-based) and label. Values go in column B.
const INVESTOR: u32 = 3;
const PROJECT: u32 = 4;
const INDUSTRY: u32 = 5;
const INVESTMENT: u32 = 6;
const INTENSITY: u32 = 7;
const TAX: u32 = 8;
/// The investor's planned start (计划开工时间): capacity a zone plans before it counts as met.
const START: u32 = 9;
/// The factor table's header row; factors follow, one per row.
const TABLE: u32 = 10;

/// Columns of the factor table.
const C_NO: u16 = 0;
const C_CATEGORY: u16 = 1;
const C_FACTOR: u16 = 2;
const C_ID: u16 = 3;
const C_REQUIRED: u16 = 4;
const C_UNIT: u16 = 5;
const C_IMPORTANCE: u16 = 6;
const C_NOTE: u16 = 7;
const C_HELP: u16 = 8;

/// What the yes/no drop-down offers for "required".
const NEEDED: &str = "需要";

/// The content of one cell.
#[derive(Clone, Debug, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    Number(f64),
}

/// One cell of the survey: where, what, and whether the investor fills it.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub row: u32,
    pub col: u16,
    pub value: CellValue,
    /// An input cell: unlocked and shaded; otherwise a protected label.
    pub input: bool,
    /// The drop-down list offered, if any.
    pub choices: Option<Choices>,
}

/// A drop-down list.
#[derive(Clone, Debug, PartialEq)]
pub enum Choices {
    List(Vec<String>),
    /// The industry divisions on the hidden list sheet.
    Industries,
}

/// `E14`: a cell's name as Excel shows it.
pub fn cell_name(row: u32, col: u16) -> String {
    let mut col = u32::from(col) + 1;
    let mut letters = Vec::new();
    while col > 0 {
        let rem = (col - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        col = (col - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

fn importance_label(i: Importance) -> String {
    i.label(Lang::Zh).to_owned()
}

fn industry_label(catalog: &Catalog, member: u16) -> String {
    let v = catalog.industries();
    format!(
        "{} {}",
        v.members[usize::from(member)].id,
        v.members[usize::from(member)].name.zh
    )
}

fn decimal_cell(d: Option<Decimal>) -> CellValue {
    d.map_or(CellValue::Empty, |d| CellValue::Number(number::to_f64(d)))
}

/// The survey's cells, pre-filled from `checklist` (or the catalog's default importances).
pub fn cells(catalog: &Catalog, checklist: Option<&Checklist>) -> Vec<Cell> {
    let template = Checklist::template(catalog);
    let list = checklist.unwrap_or(&template);
    let text = |s: &str| CellValue::Text(s.to_owned());
    let label = |row, col, s: &str| Cell {
        row,
        col,
        value: text(s),
        input: false,
        choices: None,
    };
    let input = |row, col, value, choices| Cell {
        row,
        col,
        value,
        input: true,
        choices,
    };
    let mut out = vec![
        label(0, 0, "项目投资要素调查表 Investment factor survey"),
        label(
            1,
            0,
            "请填写浅黄色单元格：数量可改单位；是否类选“需要”；不需要的要素把重要性选为“不需要”。\
             Fill in the yellow cells: amounts may change unit; choose 需要 for yes/no needs; set importance to 不需要 (not needed) for factors you do not need.",
        ),
        label(INVESTOR, 0, "投资方 Investor"),
        input(INVESTOR, 1, text(&list.investor), None),
        label(PROJECT, 0, "项目名称 Project"),
        input(PROJECT, 1, text(&list.project), None),
        label(INDUSTRY, 0, "行业 Industry (GB/T 4754)"),
        input(
            INDUSTRY,
            1,
            list.industry
                .map_or(CellValue::Empty, |i| CellValue::Text(industry_label(catalog, i))),
            Some(Choices::Industries),
        ),
        label(INVESTMENT, 0, "总投资（万元）Total investment (× 10,000 yuan)"),
        input(INVESTMENT, 1, decimal_cell(list.total_investment), None),
        label(INTENSITY, 0, "计划投资强度（万元/亩）Planned investment per mu"),
        input(INTENSITY, 1, decimal_cell(list.planned_intensity), None),
        label(TAX, 0, "计划亩均税收（万元/亩）Planned tax per mu"),
        input(TAX, 1, decimal_cell(list.planned_tax_per_mu), None),
        label(START, 0, "计划开工时间 Planned start\n如 2027-03-01"),
        input(
            START,
            1,
            list.pipeline
                .planned_start
                .map_or(CellValue::Empty, |d| CellValue::Text(d.to_string())),
            None,
        ),
    ];
    for (col, title) in [
        (C_NO, "序号 No."),
        (C_CATEGORY, "类别 Category"),
        (C_FACTOR, "要素 Factor"),
        (C_ID, "编号 Id"),
        (C_REQUIRED, "要求 Required"),
        (C_UNIT, "单位 Unit"),
        (C_IMPORTANCE, "重要性 Importance"),
        (C_NOTE, "说明 Note"),
        (C_HELP, "填写提示 How to fill"),
    ] {
        out.push(label(TABLE, col, title));
    }
    let importances: Vec<String> = Importance::ALL.into_iter().map(importance_label).collect();
    for (n, (f, factor)) in catalog.factors().enumerate() {
        let row = TABLE + 1 + u32::try_from(n).unwrap_or(u32::MAX - TABLE - 1);
        let item = list.item(f);
        let required = item.and_then(|i| i.required.as_ref());
        let category = catalog.category(factor.category);
        out.push(Cell {
            row,
            col: C_NO,
            value: CellValue::Number((n + 1) as f64),
            input: false,
            choices: None,
        });
        out.push(label(
            row,
            C_CATEGORY,
            &format!("{} {}", category.name.zh, category.name.en),
        ));
        out.push(label(
            row,
            C_FACTOR,
            &format!("{} {}", factor.name.zh, factor.name.en),
        ));
        out.push(label(row, C_ID, &factor.id));
        let (value, unit, choices, help): (CellValue, Option<Cell>, Option<Choices>, String) =
            match (&factor.kind, factor.default_from) {
                (_, Some(_)) => (
                    text("（取自上方 from above）"),
                    None,
                    None,
                    "由上方的行业、投资强度或亩均税收得出 Taken from the header above".to_owned(),
                ),
                (Kind::AtLeast(m) | Kind::AtMost(m), None) => {
                    let (amount, unit) = match required {
                        Some(Value::Amount(q)) => (CellValue::Number(number::to_f64(q.amount())), q.unit()),
                        _ => (CellValue::Empty, m.unit),
                    };
                    let names: Vec<String> =
                        m.units.iter().map(|u| catalog.unit(*u).name.zh.clone()).collect();
                    let unit_cell = input(
                        row,
                        C_UNIT,
                        text(&catalog.unit(unit).name.zh),
                        Some(Choices::List(names)),
                    );
                    let sense = if matches!(factor.kind, Kind::AtLeast(_)) {
                        "不少于 at least"
                    } else {
                        "不超过 at most"
                    };
                    (amount, Some(unit_cell), None, format!("数量，{sense}"))
                }
                (Kind::YesNo, None) => (
                    if required.is_some() {
                        text(NEEDED)
                    } else {
                        CellValue::Empty
                    },
                    None,
                    Some(Choices::List(vec![NEEDED.to_owned()])),
                    "选“需要” choose 需要 (required)".to_owned(),
                ),
                (Kind::Level(levels), None) => (
                    match required {
                        Some(Value::Level(l)) => text(&levels[usize::from(*l)].name.zh),
                        _ => CellValue::Empty,
                    },
                    None,
                    Some(Choices::List(levels.iter().map(|l| l.name.zh.clone()).collect())),
                    "最低可接受等级 the lowest level that will do".to_owned(),
                ),
                (Kind::Set(v), None) => {
                    let vocab = catalog.vocabulary(*v);
                    let value = match required {
                        Some(Value::Set(members)) => text(
                            &members
                                .iter()
                                .map(|m| vocab.members[usize::from(*m)].id.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                        _ => CellValue::Empty,
                    };
                    let ids: Vec<String> = vocab
                        .members
                        .iter()
                        .map(|m| format!("{} {}", m.id, m.name.zh))
                        .collect();
                    (
                        value,
                        None,
                        None,
                        format!("编号，逗号分隔 ids, comma-separated: {}", ids.join("; ")),
                    )
                }
            };
        let fixed = factor.default_from.is_some();
        out.push(Cell {
            row,
            col: C_REQUIRED,
            value,
            input: !fixed,
            choices,
        });
        if let Some(u) = unit {
            out.push(u);
        }
        out.push(input(
            row,
            C_IMPORTANCE,
            // A factor the checklist does not list is not needed.
            text(&importance_label(
                item.map_or(Importance::NotNeeded, |i| i.importance),
            )),
            Some(Choices::List(importances.clone())),
        ));
        out.push(input(
            row,
            C_NOTE,
            text(item.map_or("", |i| i.note.as_str())),
            None,
        ));
        out.push(label(row, C_HELP, &help));
    }
    out
}

/// Writes cells as the survey workbook: labels protected, input cells unlocked and shaded,
/// drop-down lists, the industry list on a hidden sheet.
pub fn workbook(catalog: &Catalog, cells: &[Cell]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let industries = catalog.industries().members.len();
    {
        let sheet = book.add_worksheet();
        sheet.set_name(SHEET)?;
        let title = Format::new().set_bold().set_font_size(14);
        let head = Format::new()
            .set_bold()
            .set_background_color("#E8EEF5")
            .set_text_wrap();
        let label = Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top);
        let input = Format::new()
            .set_text_wrap()
            .set_align(rust_xlsxwriter::FormatAlign::Top)
            .set_unlocked()
            .set_background_color("#FFF8D6")
            .set_border(rust_xlsxwriter::FormatBorder::Thin)
            .set_border_color("#C8C8C8");
        // Narrow enough that every column prints on one landscape A4 page width at a legible
        // scale; long labels wrap, and each row is made as tall as its wrapped text.
        let widths: [f64; 9] = [22.0, 14.0, 24.0, 20.0, 14.0, 9.0, 11.0, 22.0, 32.0];
        for (col, width) in (0_u16..).zip(widths) {
            sheet.set_column_width(col, width)?;
        }
        let mut heights: std::collections::BTreeMap<u32, f64> = std::collections::BTreeMap::new();
        for c in cells {
            let (CellValue::Text(text), Some(width)) = (&c.value, widths.get(usize::from(c.col))) else {
                continue;
            };
            // The title runs across the empty cells beside it, the note is merged across them.
            let width = if c.row <= 1 { widths.iter().sum() } else { *width };
            let h = crate::report::xlsx::fitted_height([(text.as_str(), width)]);
            let e = heights.entry(c.row).or_insert(0.0);
            *e = e.max(h);
        }
        for (row, h) in heights {
            sheet.set_row_height(row, if row == 0 { h.max(22.0) } else { h })?;
        }
        crate::report::xlsx::print_setup(sheet, true, (TABLE, TABLE))?;
        for c in cells {
            let format = match (c.input, c.row) {
                (true, _) => &input,
                (false, 0) => &title,
                (false, TABLE) => &head,
                _ => &label,
            };
            match &c.value {
                CellValue::Empty => sheet.write_blank(c.row, c.col, format)?,
                CellValue::Text(s) if c.row == 1 && c.col == 0 => {
                    // The note spans the table's width rather than wrap in the first column.
                    let last = u16::try_from(widths.len() - 1).unwrap_or(0);
                    sheet.merge_range(1, 0, 1, last, s, format)?
                }
                CellValue::Text(s) => sheet.write_string_with_format(c.row, c.col, s, format)?,
                CellValue::Number(n) => sheet.write_number_with_format(c.row, c.col, *n, format)?,
            };
            let validation = match &c.choices {
                None => None,
                Some(Choices::List(items)) => Some(DataValidation::new().allow_list_strings(items)?),
                Some(Choices::Industries) => Some(
                    DataValidation::new()
                        .allow_list_formula(Formula::new(format!("={LISTS}!$A$1:$A${industries}"))),
                ),
            };
            if let Some(v) = validation {
                sheet.add_data_validation(c.row, c.col, c.row, c.col, &v)?;
            }
        }
        sheet.set_freeze_panes(TABLE + 1, 0)?;
        sheet.protect();
    }
    let lists = book.add_worksheet();
    lists.set_name(LISTS)?;
    for i in 0..industries {
        let member = u16::try_from(i).unwrap_or(u16::MAX);
        lists.write_string(
            u32::try_from(i).unwrap_or(u32::MAX),
            0,
            industry_label(catalog, member),
        )?;
    }
    lists.set_hidden(true);
    book.save_to_buffer()
}

/// The survey for a checklist (or a blank one) as workbook bytes.
pub fn write(catalog: &Catalog, checklist: Option<&Checklist>) -> Result<Vec<u8>, XlsxError> {
    workbook(catalog, &cells(catalog, checklist))
}

/// A cell that could not be read: `要素调查表!E14: …`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct CellError {
    /// The cell's name as Excel shows it (`E14`).
    pub cell: String,
    pub problem: CellProblem,
}

/// What is wrong with a cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellProblem {
    /// The industry is not a division of the list.
    UnknownIndustry {
        given: String,
    },
    /// A factor id (column D) that the catalog does not have.
    UnknownFactor {
        given: String,
    },
    DuplicateFactor {
        factor: Named,
    },
    NoImportance,
    UnknownImportance {
        given: String,
    },
    /// A yes/no need other than 需要.
    NotAYesNo {
        given: String,
    },
    /// Members that are not in the factor's vocabulary.
    NotMembers {
        vocabulary: Named,
        given: Vec<String>,
    },
    /// An amount, unit or level that cannot be taken.
    Value(ValueError),
    /// Formatted as a date: Excel keeps a date as a day count (45427), which must not be read
    /// as an amount.
    IsADate,
    /// A formula whose result was never saved.
    FormulaWithoutResult,
    /// A formula that shows an error value.
    FormulaError {
        shows: String,
    },
    /// Text longer than its field takes in a checklist file (both in characters).
    TooLong {
        limit: usize,
        chars: usize,
    },
}

impl Localize for CellProblem {
    fn text(&self, lang: Lang) -> String {
        let importances = || -> String {
            let labels: Vec<String> = Importance::ALL
                .iter()
                .map(|i| i.label(Lang::Zh).to_owned())
                .collect();
            join_list(&labels, lang, "or")
        };
        match (self, lang) {
            (CellProblem::UnknownIndustry { given }, Lang::Zh) => {
                format!("“{given}”不是国民经济行业分类（GB/T 4754）的大类，请从下拉列表中选择")
            }
            (CellProblem::UnknownIndustry { given }, Lang::En) => {
                format!("`{given}` is not a GB/T 4754 division; choose one from the list")
            }
            (CellProblem::UnknownFactor { given }, Lang::Zh) => format!("“{given}”不是要素目录中的要素"),
            (CellProblem::UnknownFactor { given }, Lang::En) => {
                format!("`{given}` is not a factor of the catalog")
            }
            (CellProblem::DuplicateFactor { factor }, Lang::Zh) => {
                format!("要素{}出现了两次", factor.label(lang))
            }
            (CellProblem::DuplicateFactor { factor }, Lang::En) => {
                format!("factor {} appears twice", factor.label(lang))
            }
            (CellProblem::NoImportance, Lang::Zh) => format!("未填写重要性，请选择{}", importances()),
            (CellProblem::NoImportance, Lang::En) => format!("importance is empty; choose {}", importances()),
            (CellProblem::UnknownImportance { given }, Lang::Zh) => {
                format!("“{given}”不是重要性的选项，请选择{}", importances())
            }
            (CellProblem::UnknownImportance { given }, Lang::En) => {
                format!("importance `{given}` is not one; choose {}", importances())
            }
            (CellProblem::NotAYesNo { given }, Lang::Zh) => {
                format!("“{given}”不是是否类的需求，请选择“{NEEDED}”或留空")
            }
            (CellProblem::NotAYesNo { given }, Lang::En) => {
                format!("`{given}` is not a yes/no need; choose {NEEDED} or leave it empty")
            }
            (CellProblem::NotMembers { vocabulary, given }, Lang::Zh) => {
                format!("不在{}之列：{}", vocabulary.name(lang), given.join("、"))
            }
            (CellProblem::NotMembers { vocabulary, given }, Lang::En) => {
                format!("not in {}: {}", vocabulary.name(lang), given.join(", "))
            }
            (CellProblem::Value(e), _) => e.text(lang),
            (CellProblem::IsADate, Lang::Zh) => {
                "单元格是日期格式（Excel 把日期存为天数），不能当作数量读取；请改为“常规”或“数值”格式后重新填写".into()
            }
            (CellProblem::IsADate, Lang::En) => {
                "the cell is formatted as a date (Excel stores a date as a day count) and cannot be read as an amount; format it as General or Number and fill it in again".into()
            }
            (CellProblem::FormulaWithoutResult, Lang::Zh) => {
                "单元格是公式，但没有保存计算结果；请在 Excel 或 WPS 中打开并保存，或直接填写数值".into()
            }
            (CellProblem::FormulaWithoutResult, Lang::En) => {
                "the cell is a formula whose result was never saved; open and save the workbook in Excel or WPS, or type the value".into()
            }
            (CellProblem::FormulaError { shows }, Lang::Zh) => format!("公式的结果是错误值 {shows}"),
            (CellProblem::FormulaError { shows }, Lang::En) => format!("the formula gives the error {shows}"),
            (CellProblem::TooLong { limit, chars }, Lang::Zh) => {
                format!("文字过长（{chars} 个字），此格最多 {limit} 个字")
            }
            (CellProblem::TooLong { limit, chars }, Lang::En) => {
                format!("the text is too long ({chars} characters); this cell takes at most {limit}")
            }
        }
    }
}

impl Localize for CellError {
    fn text(&self, lang: Lang) -> String {
        format!("{SHEET}!{}: {}", self.cell, self.problem.text(lang))
    }
}

/// Why a filled survey could not be read: the workbook itself, or its cells, one error each.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SurveyError {
    /// Not an Excel workbook at all (the reader's own words in `detail`).
    NotAWorkbook { detail: String },
    /// An old Excel 97–2003 workbook (`.xls`), or an encrypted one (both are OLE2 files).
    OldExcel,
    /// A text file (a CSV saved with an `.xlsx` name).
    Text,
    /// A zip archive that does not unpack into a workbook (the reader's words in `detail`).
    Damaged { detail: String },
    /// A part that unpacks past `limit` bytes (or all parts together past it).
    Unpacks { part: String, limit: u64 },
    /// Something written below the survey's table, further than `limit` rows.
    TooManyRows { limit: u32 },
    /// A workbook without the survey sheet.
    NoSurveySheet,
    /// The cells that cannot be read, top to bottom; the message lists the first
    /// [`MAX_LISTED_ERRORS`] and counts the rest.
    Cells(Vec<CellError>),
}

impl Localize for SurveyError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (SurveyError::NotAWorkbook { .. }, Lang::Zh) => {
                "不是 SiteMatch 要素调查表：无法作为 Excel 工作簿（.xlsx）打开".into()
            }
            (SurveyError::NotAWorkbook { detail }, Lang::En) => {
                format!("is not a SiteMatch survey workbook: {detail}")
            }
            (SurveyError::OldExcel, Lang::Zh) => {
                "是旧版 Excel 97–2003 工作簿（.xls）或加密的工作簿：请在 Excel 或 WPS 中另存为不加密的 .xlsx 后再导入".into()
            }
            (SurveyError::OldExcel, Lang::En) => {
                "is an old Excel 97–2003 workbook (.xls) or an encrypted one: save it from Excel or WPS as an unencrypted .xlsx and import that".into()
            }
            (SurveyError::Text, Lang::Zh) => {
                "是文本文件（如 CSV），不是 Excel 工作簿：请用 SiteMatch 导出的要素调查表（.xlsx）填写".into()
            }
            (SurveyError::Text, Lang::En) => {
                "is a text file (such as a CSV), not an Excel workbook: fill in the survey workbook (.xlsx) SiteMatch exports".into()
            }
            (SurveyError::Damaged { .. }, Lang::Zh) => "工作簿已损坏，无法解压读取；请向对方索取完好的文件".into(),
            (SurveyError::Damaged { detail }, Lang::En) => {
                format!("the workbook is damaged and cannot be unpacked ({detail}); ask for an intact copy")
            }
            (SurveyError::Unpacks { part, limit }, Lang::Zh) => format!(
                "工作簿解压后过大（{part} 超过 {} MiB），不是正常的要素调查表，已拒绝读取",
                limit >> 20
            ),
            (SurveyError::Unpacks { part, limit }, Lang::En) => format!(
                "the workbook unpacks to too much ({part} passes {} MiB); no survey is that large, so it was not read",
                limit >> 20
            ),
            (SurveyError::TooManyRows { limit }, Lang::Zh) => {
                format!("表格下方第 {limit} 行以后还有内容；要素调查表没有这么多行，请删除多余内容")
            }
            (SurveyError::TooManyRows { limit }, Lang::En) => format!(
                "something is written more than {limit} rows below the table; the survey has no such rows, delete it"
            ),
            (SurveyError::NoSurveySheet, Lang::Zh) => {
                format!("不是 SiteMatch 要素调查表：没有名为“{SHEET}”的工作表")
            }
            (SurveyError::NoSurveySheet, Lang::En) => {
                format!("is not a SiteMatch survey workbook: it has no sheet named {SHEET}")
            }
            (SurveyError::Cells(cells), _) => {
                let head = match lang {
                    Lang::Zh => format!("有 {} 个单元格无法读取：", cells.len()),
                    Lang::En => format!("{} cell(s) could not be read:", cells.len()),
                };
                let more = cells.len().saturating_sub(MAX_LISTED_ERRORS);
                let tail = (more > 0).then(|| match lang {
                    Lang::Zh => format!("……另有 {more} 个单元格有问题"),
                    Lang::En => format!("… and {more} more cell(s)"),
                });
                std::iter::once(head)
                    .chain(cells.iter().take(MAX_LISTED_ERRORS).map(|c| c.text(lang)))
                    .chain(tail)
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
    }
}

crate::english_display!(CellError, CellProblem, SurveyError);

/// What one part of a workbook from outside may unpack to. The survey SiteMatch writes unpacks
/// to well under 1 MiB; the bound leaves room for a workbook an investor reworked and stops a
/// crafted one (a small zip whose sheet inflates to gigabytes) before it takes the memory.
pub const MAX_PART_BYTES: u64 = 32 << 20;
/// What the parts of a workbook may unpack to together.
pub const MAX_UNPACKED_BYTES: u64 = 128 << 20;
/// Parts a workbook may have (a survey has about a dozen).
const MAX_PARTS: usize = 2_000;
/// Rows of the factor table read at most: the catalog has a few dozen factors, so a row far
/// below is not part of the survey's table.
pub const MAX_TABLE_ROWS: u32 = 1_000;
/// Cell errors listed in a message; the rest are counted.
pub const MAX_LISTED_ERRORS: usize = 50;

/// One cell as read from a workbook.
#[derive(Clone, Debug, PartialEq)]
enum Got {
    Value(CellValue),
    /// Formatted as a date or time (Excel keeps it as a serial number): the day, when it is a
    /// date (not a duration).
    Date(Option<(u16, u8, u8)>),
    /// A formula whose result was never saved (the workbook was written by a program, not
    /// saved from Excel or WPS).
    NoResult,
    /// A formula that evaluates to an error (`#DIV/0!`).
    Error(String),
}

/// Tells what a file that is not a zip archive is, from its first bytes.
fn sniff(bytes: &[u8]) -> Result<(), SurveyError> {
    const OLE2: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(b"PK") {
        return Ok(());
    }
    if bytes.starts_with(&OLE2) {
        return Err(SurveyError::OldExcel);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let texty = !head.is_empty()
        && !head.contains(&0)
        && head
            .iter()
            .all(|&b| b >= 0x20 || matches!(b, b'\t' | b'\r' | b'\n' | 0x1b));
    if texty {
        return Err(SurveyError::Text);
    }
    Err(SurveyError::NotAWorkbook {
        detail: "not a zip archive".into(),
    })
}

/// Unpacks every part of the workbook into nothing, counting the bytes actually inflated (not
/// the sizes the archive claims), and refuses a workbook past the bounds before any of it is
/// held in memory.
fn check_unpacked(bytes: &[u8]) -> Result<(), SurveyError> {
    use std::io::Read;
    let damaged = |e: &dyn std::fmt::Display| SurveyError::Damaged {
        detail: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    if zip.len() > MAX_PARTS {
        return Err(SurveyError::Damaged {
            detail: format!("{} parts", zip.len()),
        });
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|e| damaged(&e))?;
        let name = part.name().map_or_else(|_| format!("#{i}"), |n| n.into_owned());
        let inflated = std::io::copy(&mut part.take(MAX_PART_BYTES + 1), &mut std::io::sink())
            .map_err(|e| damaged(&e))?;
        total = total.saturating_add(inflated);
        if inflated > MAX_PART_BYTES || total > MAX_UNPACKED_BYTES {
            return Err(SurveyError::Unpacks {
                part: name,
                limit: if inflated > MAX_PART_BYTES {
                    MAX_PART_BYTES
                } else {
                    MAX_UNPACKED_BYTES
                },
            });
        }
    }
    Ok(())
}

/// The survey sheet's cells within the survey's extents, read one at a time (never as the
/// sheet's whole rectangle, which a cell at the far corner makes billions of cells).
fn survey_cells(bytes: &[u8]) -> Result<std::collections::HashMap<(u32, u16), Got>, SurveyError> {
    use calamine::{DataRef, Reader, Xlsx, XlsxError};
    let damaged = |e: XlsxError| SurveyError::Damaged {
        detail: e.to_string(),
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut reader = match book.worksheet_cells_reader(SHEET) {
        Ok(reader) => reader,
        Err(XlsxError::WorksheetNotFound(_)) => return Err(SurveyError::NoSurveySheet),
        Err(e) => return Err(damaged(e)),
    };
    let mut cells = std::collections::HashMap::new();
    let last_row = TABLE.saturating_add(MAX_TABLE_ROWS);
    // Only whether a cell has a formula matters, not its text: shared formulas are not expanded,
    // which would also make a table as long as the largest group index the sheet names (a
    // `si="4000000000"` asks for gigabytes).
    while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(damaged)? {
        let (row, col) = cell.pos;
        let has_formula = cell.formula.is_some();
        let got = match &cell.value {
            DataRef::Empty if has_formula => Got::NoResult,
            DataRef::Empty => continue,
            DataRef::String(s) => Got::Value(text_cell(s)),
            DataRef::SharedString(s) => Got::Value(text_cell(s)),
            DataRef::Float(f) => Got::Value(CellValue::Number(*f)),
            DataRef::Int(i) => Got::Value(CellValue::Number(*i as f64)),
            DataRef::Bool(b) => Got::Value(CellValue::Text(b.to_string().to_uppercase())),
            DataRef::DateTime(d) if d.is_datetime() => {
                let (y, m, d, ..) = d.to_ymd_hms_milli();
                Got::Date(Some((y, m, d)))
            }
            DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => Got::Date(None),
            DataRef::Error(e) => Got::Error(e.to_string()),
        };
        let Ok(col) = u16::try_from(col) else { continue };
        if col > C_NOTE || got == Got::Value(CellValue::Empty) {
            continue;
        }
        if row > last_row {
            return Err(SurveyError::TooManyRows {
                limit: MAX_TABLE_ROWS,
            });
        }
        cells.insert((row, col), got);
    }
    Ok(cells)
}

fn text_cell(s: &str) -> CellValue {
    match s.trim() {
        "" => CellValue::Empty,
        t => CellValue::Text(t.to_owned()),
    }
}

/// The survey's cells being read, and the errors found so far.
struct Sheet {
    cells: std::collections::HashMap<(u32, u16), Got>,
    errors: Vec<CellError>,
}

impl Sheet {
    fn fail(&mut self, row: u32, col: u16, problem: CellProblem) {
        self.errors.push(CellError {
            cell: cell_name(row, col),
            problem,
        });
    }

    /// A cell's value; a date, a formula without a saved result or an error value is an error
    /// of its cell (the survey has no date fields) and reads as empty.
    fn get(&mut self, row: u32, col: u16) -> CellValue {
        let problem = match self.cells.get(&(row, col)) {
            None => return CellValue::Empty,
            Some(Got::Value(v)) => return v.clone(),
            Some(Got::Date(_)) => CellProblem::IsADate,
            Some(Got::NoResult) => CellProblem::FormulaWithoutResult,
            Some(Got::Error(shows)) => CellProblem::FormulaError { shows: shows.clone() },
        };
        self.fail(row, col, problem);
        CellValue::Empty
    }

    /// A date cell: a day typed into a date-formatted cell, or text such as `2027-03-01`;
    /// anything else is an error of its cell and reads as no date.
    fn date(&mut self, row: u32, col: u16) -> Option<jiff::civil::Date> {
        let read = match self.cells.get(&(row, col)) {
            Some(Got::Date(Some((y, m, d)))) => {
                let given = format!("{y:04}-{m:02}-{d:02}");
                crate::model::value::parse_date(&given)
            }
            _ => match self.text(row, col) {
                t if t.is_empty() => return None,
                t => crate::model::value::parse_date(&t),
            },
        };
        read.map_err(|e| self.fail(row, col, CellProblem::Value(e))).ok()
    }

    /// A cell's text (a number as the shortest text that reads back to it).
    fn text(&mut self, row: u32, col: u16) -> String {
        cell_text(&self.get(row, col))
    }

    /// A cell's text, of at most `limit` characters: a longer one is an error of its cell (a
    /// checklist file would not take it) and reads as empty.
    fn bounded_text(&mut self, row: u32, col: u16, limit: usize) -> String {
        let text = self.text(row, col);
        let chars = text.chars().count();
        if chars > limit {
            self.fail(row, col, CellProblem::TooLong { limit, chars });
            return String::new();
        }
        text
    }

    /// The last row of the table with anything in it.
    fn last_row(&self) -> u32 {
        self.cells.keys().map(|&(r, _)| r).max().unwrap_or(TABLE)
    }
}

/// Reads a filled survey back into a checklist. Every unreadable cell is one error.
///
/// The workbook comes from outside and is treated as hostile: what is not an `.xlsx` workbook
/// is named as what it is (an old `.xls`, a CSV), a damaged one as damaged, and one that would
/// unpack past [`MAX_UNPACKED_BYTES`] or run past [`MAX_TABLE_ROWS`] is refused before it is
/// held in memory.
pub fn read(catalog: &Catalog, bytes: &[u8]) -> Result<Checklist, SurveyError> {
    sniff(bytes)?;
    check_unpacked(bytes)?;
    let mut sheet = Sheet {
        cells: survey_cells(bytes)?,
        errors: Vec::new(),
    };
    let mut list = Checklist::new(catalog);
    list.investor = sheet.bounded_text(INVESTOR, 1, MAX_NAME_CHARS);
    list.project = sheet.bounded_text(PROJECT, 1, MAX_NAME_CHARS);
    let industry = sheet.text(INDUSTRY, 1);
    if !industry.is_empty() {
        let code = industry.split_whitespace().next().unwrap_or("");
        match catalog.industries().find(code) {
            Some(m) => list.industry = Some(m),
            None => sheet.fail(INDUSTRY, 1, CellProblem::UnknownIndustry { given: industry }),
        }
    }
    use crate::model::catalog::PlanField;
    for (row, slot, feeds) in [
        (INVESTMENT, &mut list.total_investment, None),
        (
            INTENSITY,
            &mut list.planned_intensity,
            Some(PlanField::PlannedIntensity),
        ),
        (
            TAX,
            &mut list.planned_tax_per_mu,
            Some(PlanField::PlannedTaxPerMu),
        ),
    ] {
        let cell = sheet.get(row, 1);
        // A planned figure past what any zone can be asked for is refused, as in a file.
        let bounded = decimal_of(&cell).and_then(|d| match (d, feeds.and_then(|f| catalog.fed_measure(f))) {
            (Some(amount), Some(measure)) => {
                crate::model::Quantity::new(catalog, measure, amount, measure.unit).map(|_| Some(amount))
            }
            (d, _) => Ok(d),
        });
        match bounded {
            Ok(d) => *slot = d,
            Err(e) => sheet.fail(row, 1, CellProblem::Value(e)),
        }
    }
    list.pipeline.planned_start = sheet.date(START, 1);
    let mut seen: Vec<FactorIdx> = Vec::new();
    let last = sheet.last_row();
    for row in TABLE + 1..=last {
        let id = sheet.text(row, C_ID);
        if id.is_empty() {
            continue;
        }
        let Some(f) = catalog.find_factor(&id) else {
            sheet.fail(row, C_ID, CellProblem::UnknownFactor { given: id });
            continue;
        };
        if seen.contains(&f) {
            let factor = catalog.factor(f).named();
            sheet.fail(row, C_ID, CellProblem::DuplicateFactor { factor });
            continue;
        }
        seen.push(f);
        let factor = catalog.factor(f);
        let importance_text = sheet.text(row, C_IMPORTANCE);
        let importance = Importance::ALL.into_iter().find(|i| {
            importance_text == i.label(Lang::Zh)
                || importance_text.eq_ignore_ascii_case(i.code())
                || importance_text.eq_ignore_ascii_case(i.label(Lang::En))
        });
        let Some(importance) = importance else {
            let problem = if importance_text.is_empty() {
                CellProblem::NoImportance
            } else {
                CellProblem::UnknownImportance {
                    given: importance_text,
                }
            };
            sheet.fail(row, C_IMPORTANCE, problem);
            continue;
        };
        let cell = sheet.get(row, C_REQUIRED);
        let required: Result<Option<Value>, CellProblem> = match (&factor.kind, factor.default_from, &cell) {
            (_, Some(_), _) | (_, None, CellValue::Empty) => Ok(None),
            (Kind::AtLeast(m) | Kind::AtMost(m), None, v) => {
                let unit = sheet.text(row, C_UNIT);
                let amount = cell_text(v);
                parse_quantity(catalog, m, &format!("{amount} {unit}"))
                    .map(|q| Some(Value::Amount(q)))
                    .map_err(CellProblem::Value)
            }
            (Kind::YesNo, None, v) => match cell_text(v).as_str() {
                NEEDED | "yes" | "Yes" | "是" => Ok(Some(Value::YesNo(YesNo::Yes))),
                other => Err(CellProblem::NotAYesNo {
                    given: other.to_owned(),
                }),
            },
            (Kind::Level(_), None, v) => parse_level(factor, &cell_text(v))
                .map(|l| Some(Value::Level(l)))
                .map_err(CellProblem::Value),
            (Kind::Set(vi), None, v) => set_members(catalog.vocabulary(*vi), &cell_text(v)),
        };
        match required {
            Ok(required) => {
                let note = sheet.bounded_text(row, C_NOTE, MAX_NOTE_CHARS);
                // A factor marked not needed, with nothing stated, is one the checklist does
                // not list.
                let listed = importance != Importance::NotNeeded || required.is_some() || !note.is_empty();
                list.set_item(
                    f,
                    listed.then_some(Requirement {
                        importance,
                        required,
                        note,
                    }),
                );
            }
            Err(problem) => sheet.fail(row, C_REQUIRED, problem),
        }
    }
    if sheet.errors.is_empty() {
        Ok(list)
    } else {
        sheet.errors.sort_by_key(|e| cell_order(&e.cell));
        sheet.errors.dedup();
        Err(SurveyError::Cells(sheet.errors))
    }
}

/// A cell's name as (row, column) for ordering errors top to bottom, left to right.
fn cell_order(name: &str) -> (u32, u32) {
    let split = name.find(|c: char| c.is_ascii_digit()).unwrap_or(name.len());
    let (letters, digits) = name.split_at(split);
    let col = letters.bytes().fold(0u32, |acc, b| {
        acc.saturating_mul(26).saturating_add(u32::from(b - b'A' + 1))
    });
    (digits.parse().unwrap_or(u32::MAX), col)
}

/// A cell's value as text (a number as the shortest text that reads back to it).
fn cell_text(v: &CellValue) -> String {
    match v {
        CellValue::Empty => String::new(),
        CellValue::Text(s) => s.clone(),
        CellValue::Number(n) => float_text(*n),
    }
}

/// The members named in a cell (`环评、能评`, by code, Chinese or English name).
fn set_members(vocab: &crate::model::catalog::Vocabulary, text: &str) -> Result<Option<Value>, CellProblem> {
    let mut members = Vec::new();
    let mut bad = Vec::new();
    for part in text
        .split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let key = part.split_whitespace().next().unwrap_or(part);
        match vocab.find(key).or_else(|| {
            vocab
                .members
                .iter()
                .position(|m| m.name.zh == part || m.name.en.eq_ignore_ascii_case(part))
                .and_then(|i| u16::try_from(i).ok())
        }) {
            Some(m) => members.push(m),
            None => bad.push(part.to_owned()),
        }
    }
    if bad.is_empty() && members.is_empty() {
        // Only separators (`、`): not nothing, as an empty cell is, and not a set either.
        Err(CellProblem::Value(ValueError::EmptySet))
    } else if bad.is_empty() {
        Ok(Some(Value::set(members)))
    } else {
        Err(CellProblem::NotMembers {
            vocabulary: vocab.named(),
            given: bad,
        })
    }
}

/// A spreadsheet number as the shortest text that reads back to it (`515`, `0.1`).
fn float_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn decimal_of(v: &CellValue) -> Result<Option<Decimal>, ValueError> {
    if *v == CellValue::Empty {
        return Ok(None);
    }
    match number::parse_decimal(&cell_text(v)) {
        Ok(d) if d.is_sign_negative() && !d.is_zero() => Err(ValueError::Negative(number::plain(d))),
        Ok(d) => Ok(Some(d.normalize())),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;
    use crate::model::parse_checklist;

    fn catalog() -> Catalog {
        Catalog::builtin().expect("catalog")
    }

    fn sample(c: &Catalog, name: &str) -> Checklist {
        let text = std::fs::read_to_string(format!(
            "{}/assets/checklists/{name}.ron",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("file");
        parse_checklist(&text, c).expect("checklist")
    }

    #[test]
    fn cell_names_are_excel_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(13, 4), "E14");
        assert_eq!(cell_name(0, 26), "AA1");
    }

    #[test]
    fn every_sample_checklist_survives_write_then_read() {
        let c = catalog();
        for name in ["pv_base", "diamond", "znalmg_steel"] {
            let list = sample(&c, name);
            let back = read(&c, &write(&c, Some(&list)).expect("write")).expect("read");
            assert_eq!(back, list, "{name}");
        }
    }

    #[test]
    fn a_blank_survey_reads_as_the_template_with_nothing_stated() {
        let c = catalog();
        let back = read(&c, &write(&c, None).expect("write")).expect("read");
        assert_eq!(back, Checklist::template(&c));
    }

    /// Fills cells as an investor would, programmatically, and reads the survey back.
    #[test]
    fn filled_cells_become_the_checklist() {
        let c = catalog();
        let mut cells = cells(&c, None);
        let mut set = |row: u32, col: u16, v: CellValue| {
            let cell = cells
                .iter_mut()
                .find(|x| x.row == row && x.col == col)
                .expect("cell");
            assert!(cell.input, "{} is an input cell", cell_name(row, col));
            cell.value = v;
        };
        let row_of = |id: &str| TABLE + 1 + c.find_factor(id).expect("factor").index() as u32;
        set(INVESTOR, 1, CellValue::Text("某光伏企业".into()));
        set(PROJECT, 1, CellValue::Text("光伏组件基地".into()));
        set(INDUSTRY, 1, CellValue::Text("C38 电气机械和器材制造业".into()));
        set(INVESTMENT, 1, CellValue::Number(400000.0));
        set(
            row_of("land.industrial_area"),
            C_REQUIRED,
            CellValue::Number(34.3),
        );
        set(
            row_of("land.industrial_area"),
            C_UNIT,
            CellValue::Text("公顷".into()),
        );
        set(
            row_of("land.industrial_area"),
            C_IMPORTANCE,
            CellValue::Text("必须".into()),
        );
        set(
            row_of("power.dual_supply"),
            C_REQUIRED,
            CellValue::Text(NEEDED.into()),
        );
        set(
            row_of("power.voltage"),
            C_REQUIRED,
            CellValue::Text("110千伏".into()),
        );
        set(
            row_of("policy.regional_assessments"),
            C_REQUIRED,
            CellValue::Text("environment, 节能评价".into()),
        );
        set(
            row_of("transport.port_km"),
            C_IMPORTANCE,
            CellValue::Text("不需要".into()),
        );
        let bytes = workbook(&c, &cells).expect("write");
        let list = read(&c, &bytes).expect("read");
        assert_eq!(list.investor, "某光伏企业");
        assert_eq!(list.industry, c.industries().find("C38"));
        assert_eq!(list.total_investment, Some(Decimal::from(400000)));
        let land = list.item(c.find_factor("land.industrial_area").unwrap()).unwrap();
        assert_eq!(land.importance, Importance::Must);
        let Some(Value::Amount(q)) = &land.required else {
            panic!("amount")
        };
        assert_eq!(q.canonical(), Decimal::new(5145, 1), "34.3 ha = 514.5 mu exactly");
        // Marked not needed with nothing stated: not listed, so not scored.
        assert_eq!(list.item(c.find_factor("transport.port_km").unwrap()), None);
        let water = list.item(c.find_factor("water.supply").unwrap()).unwrap();
        assert_eq!((water.importance, &water.required), (Importance::Must, &None));
        let assessments = list
            .item(c.find_factor("policy.regional_assessments").unwrap())
            .unwrap();
        assert!(matches!(&assessments.required, Some(Value::Set(m)) if m.len() == 2));
    }

    #[test]
    fn bad_cells_give_one_error_each_by_cell() {
        let c = catalog();
        let mut cells = cells(&c, None);
        let mut set = |row: u32, col: u16, v: CellValue| {
            cells
                .iter_mut()
                .find(|x| x.row == row && x.col == col)
                .expect("cell")
                .value = v;
        };
        let row_of = |id: &str| TABLE + 1 + c.find_factor(id).expect("factor").index() as u32;
        set(INDUSTRY, 1, CellValue::Text("Z99 nothing".into()));
        set(INVESTMENT, 1, CellValue::Text("四十亿".into()));
        set(
            row_of("land.industrial_area"),
            C_REQUIRED,
            CellValue::Text("lots".into()),
        );
        set(row_of("power.capacity"), C_UNIT, CellValue::Text("亩".into()));
        set(row_of("power.capacity"), C_REQUIRED, CellValue::Number(50.0));
        set(
            row_of("land.servicing_level"),
            C_REQUIRED,
            CellValue::Text("十通一平".into()),
        );
        set(row_of("water.supply"), C_IMPORTANCE, CellValue::Empty);
        set(
            row_of("policy.regional_assessments"),
            C_REQUIRED,
            CellValue::Text("environment, moon".into()),
        );
        let err = read(&c, &workbook(&c, &cells).expect("write")).expect_err("bad cells");
        let SurveyError::Cells(errors) = err else {
            panic!("cell errors")
        };
        let named: Vec<String> = errors.iter().map(|e| e.cell.clone()).collect();
        let expect = [
            cell_name(INDUSTRY, 1),
            cell_name(INVESTMENT, 1),
            cell_name(row_of("land.industrial_area"), C_REQUIRED),
            cell_name(row_of("land.servicing_level"), C_REQUIRED),
            cell_name(row_of("power.capacity"), C_REQUIRED),
            cell_name(row_of("water.supply"), C_IMPORTANCE),
            cell_name(row_of("policy.regional_assessments"), C_REQUIRED),
        ];
        assert_eq!(named, expect);
        assert!(
            errors[0].to_string().starts_with("要素调查表!B6: "),
            "{}",
            errors[0]
        );
        assert!(errors.iter().any(|e| e.to_string().contains("moon")));
    }

    #[test]
    fn a_planned_intensity_past_any_zone_is_refused_not_dropped() {
        let c = catalog();
        let mut cells = cells(&c, None);
        cells
            .iter_mut()
            .find(|x| x.row == INTENSITY && x.col == 1)
            .expect("cell")
            .value = CellValue::Number(5_000_000.0);
        let err = read(&c, &workbook(&c, &cells).expect("write")).expect_err("refused");
        let SurveyError::Cells(errors) = err else {
            panic!("cell errors: {err:?}")
        };
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].cell, cell_name(INTENSITY, 1));
        assert!(matches!(
            errors[0].problem,
            CellProblem::Value(ValueError::Implausible { .. })
        ));
    }

    #[test]
    fn every_survey_problem_reads_in_chinese_and_in_english() {
        use crate::model::error::testing::assert_renders;
        let c = catalog();
        let vocab = c.vocabulary(
            match c
                .factor(c.find_factor("policy.regional_assessments").unwrap())
                .kind
            {
                Kind::Set(v) => v,
                _ => c.industry_vocabulary(),
            },
        );
        let problems = [
            CellProblem::UnknownIndustry {
                given: "Z99 nothing".into(),
            },
            CellProblem::UnknownFactor {
                given: "land.rent".into(),
            },
            CellProblem::DuplicateFactor {
                factor: c.factor(c.find_factor("water.supply").unwrap()).named(),
            },
            CellProblem::NoImportance,
            CellProblem::UnknownImportance {
                given: "critical".into(),
            },
            CellProblem::NotAYesNo {
                given: "maybe".into(),
            },
            CellProblem::NotMembers {
                vocabulary: vocab.named(),
                given: vec!["moon".into()],
            },
            CellProblem::Value(ValueError::Negative("-5".into())),
            CellProblem::IsADate,
            CellProblem::FormulaWithoutResult,
            CellProblem::FormulaError {
                shows: "#DIV/0!".into(),
            },
            CellProblem::TooLong {
                limit: MAX_NAME_CHARS,
                chars: 201,
            },
        ];
        for p in &problems {
            let name = match p {
                CellProblem::UnknownIndustry { .. } => "UnknownIndustry",
                CellProblem::UnknownFactor { .. } => "UnknownFactor",
                CellProblem::DuplicateFactor { .. } => "DuplicateFactor",
                CellProblem::NoImportance => "NoImportance",
                CellProblem::UnknownImportance { .. } => "UnknownImportance",
                CellProblem::NotAYesNo { .. } => "NotAYesNo",
                CellProblem::NotMembers { .. } => "NotMembers",
                CellProblem::Value(_) => "Value",
                CellProblem::IsADate => "IsADate",
                CellProblem::FormulaWithoutResult => "FormulaWithoutResult",
                CellProblem::FormulaError { .. } => "FormulaError",
                CellProblem::TooLong { .. } => "TooLong",
            };
            assert_renders(name, p, &c);
        }
        let cells = SurveyError::Cells(
            problems
                .into_iter()
                .map(|problem| CellError {
                    cell: "E14".into(),
                    problem,
                })
                .collect(),
        );
        for e in [
            SurveyError::NotAWorkbook {
                detail: "invalid Zip archive".into(),
            },
            SurveyError::NoSurveySheet,
            SurveyError::OldExcel,
            SurveyError::Text,
            SurveyError::Damaged {
                detail: "invalid Zip archive".into(),
            },
            SurveyError::Unpacks {
                part: "xl/sharedStrings.xml".into(),
                limit: MAX_PART_BYTES,
            },
            SurveyError::TooManyRows {
                limit: MAX_TABLE_ROWS,
            },
            cells,
        ] {
            let name = match &e {
                SurveyError::NotAWorkbook { .. } => "NotAWorkbook",
                SurveyError::NoSurveySheet => "NoSurveySheet",
                SurveyError::OldExcel => "OldExcel",
                SurveyError::Text => "Text",
                SurveyError::Damaged { .. } => "Damaged",
                SurveyError::Unpacks { .. } => "Unpacks",
                SurveyError::TooManyRows { .. } => "TooManyRows",
                SurveyError::Cells(_) => "Cells",
            };
            assert_renders(name, &e, &c);
        }
    }

    #[test]
    fn a_file_that_is_not_a_workbook_is_named_as_what_it_is() {
        let c = catalog();
        let err = read(&c, "企业名称,用地\n某公司,100\n".as_bytes()).expect_err("refused");
        assert_eq!(err, SurveyError::Text, "a CSV saved as .xlsx");
        let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        xls.extend([0u8; 504]);
        assert_eq!(read(&c, &xls).expect_err("refused"), SurveyError::OldExcel);
        let err = read(&c, &[0x00, 0x01, 0x02, 0xff]).expect_err("refused");
        assert!(matches!(err, SurveyError::NotAWorkbook { .. }), "{err:?}");
    }

    #[test]
    fn a_damaged_workbook_is_called_damaged_not_a_workbook_without_the_sheet() {
        let c = catalog();
        let book = write(&c, None).expect("write");
        let err = read(&c, &book[..book.len() / 2]).expect_err("refused");
        assert!(matches!(err, SurveyError::Damaged { .. }), "{err:?}");
        assert!(err.text(Lang::Zh).contains("损坏"), "{}", err.text(Lang::Zh));
    }

    /// The workbook with one part's text changed, zipped again as Excel would.
    fn patched(book: &[u8], part: &str, change: impl Fn(String) -> String) -> Vec<u8> {
        use std::io::{Read, Write};
        let mut zip = zip::ZipArchive::new(Cursor::new(book)).expect("zip");
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).expect("entry");
            let name = entry.name().expect("name").into_owned();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).expect("read");
            if name == part {
                bytes = change(String::from_utf8(bytes).expect("xml")).into_bytes();
            }
            out.start_file(name, options).expect("start");
            out.write_all(&bytes).expect("write");
        }
        out.finish().expect("finish").into_inner()
    }

    const SURVEY_XML: &str = "xl/worksheets/sheet1.xml";

    #[test]
    fn a_sheet_that_inflates_past_the_bound_is_refused_before_it_is_held() {
        let c = catalog();
        let book = write(&c, None).expect("write");
        // 40 MiB of blanks compress to a few tens of KiB: the archive is small, its sheet is not.
        let bomb = patched(&book, SURVEY_XML, |xml| {
            xml.replacen("<sheetData>", &format!("<sheetData>{}", " ".repeat(40 << 20)), 1)
        });
        assert!(
            bomb.len() < 1 << 20,
            "the crafted workbook is small: {} bytes",
            bomb.len()
        );
        let err = read(&c, &bomb).expect_err("refused");
        assert_eq!(
            err,
            SurveyError::Unpacks {
                part: SURVEY_XML.into(),
                limit: MAX_PART_BYTES
            }
        );
    }

    #[test]
    fn a_cell_at_the_far_corner_is_read_without_allocating_the_sheet() {
        let c = catalog();
        let with = |row: u32, col: u16| {
            let mut cells = cells(&c, None);
            cells.push(Cell {
                row,
                col,
                value: CellValue::Text("x".into()),
                input: true,
                choices: None,
            });
            read(&c, &workbook(&c, &cells).expect("write"))
        };
        // The sheet's last cell (XFD1048576) is outside the survey: the rest reads as written,
        // and the sheet is never made into its rectangle of 17 billion cells.
        assert_eq!(with(1_048_575, 16_383), Ok(Checklist::template(&c)));
        assert_eq!(with(INVESTOR, 16_383), Ok(Checklist::template(&c)));
        // In the table's columns far below the table, it is refused, naming the bound.
        assert_eq!(
            with(1_048_575, C_ID),
            Err(SurveyError::TooManyRows {
                limit: MAX_TABLE_ROWS
            })
        );
    }

    #[test]
    fn a_date_in_an_amount_cell_is_an_error_not_a_day_count() {
        let c = catalog();
        let book = write(&c, None).expect("write");
        // B8 (planned intensity) typed as 2024-05-15 in a date-formatted cell: Excel stores
        // 45427 with a date style.
        let dated = patched(&book, SURVEY_XML, |xml| {
            let at = xml.find("<c r=\"B8\"").expect("B8");
            let end = at + xml[at..].find('>').expect("end") + 1;
            let old = &xml[at..end];
            let new = match old.strip_suffix("/>") {
                Some(open) => format!("{open}><v>45427</v></c>"),
                None => format!("{old}<v>45427</v>"),
            };
            xml.replacen(old, &new, 1)
        });
        // Without a date style the day count is a number: read as such.
        let as_number = read(&c, &dated).expect("a plain number");
        assert_eq!(as_number.planned_intensity, Some(Decimal::from(45427)));
        let with_date_style = patched(&dated, "xl/styles.xml", date_style_on_every_format);
        let err = read(&c, &with_date_style).expect_err("a date is refused");
        let SurveyError::Cells(errors) = err else {
            panic!("cell errors: {err:?}")
        };
        assert!(
            errors
                .iter()
                .any(|e| e.cell == "B8" && e.problem == CellProblem::IsADate),
            "{errors:?}"
        );
    }

    /// The planned start goes out as text and comes back as the day, typed as text or into a
    /// date-formatted cell; a plain number there is not taken for a day count.
    #[test]
    fn the_planned_start_is_read_as_a_day_typed_either_way() {
        let c = catalog();
        let mut list = sample(&c, "pv_base");
        let start = jiff::civil::Date::new(2027, 3, 1).expect("date");
        list.pipeline.planned_start = Some(start);
        let book = write(&c, Some(&list)).expect("write");
        assert_eq!(read(&c, &book).expect("read").pipeline.planned_start, Some(start));

        // B10 typed as 2027-03-01 into a date cell: Excel stores 46447 with a date style.
        let blank = write(&c, None).expect("write");
        let dated = patched(&blank, SURVEY_XML, |xml| {
            let at = xml.find("<c r=\"B10\"").expect("B10");
            let end = at + xml[at..].find('>').expect("end") + 1;
            let old = &xml[at..end];
            let new = match old.strip_suffix("/>") {
                Some(open) => format!("{open}><v>46447</v></c>"),
                None => format!("{old}<v>46447</v>"),
            };
            xml.replacen(old, &new, 1)
        });
        let err = read(&c, &dated).expect_err("a bare number is not a day");
        let SurveyError::Cells(errors) = err else {
            panic!("cell errors: {err:?}")
        };
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].cell, "B10");
        assert_eq!(
            errors[0].problem.text(Lang::Zh),
            "“46447”不是日期，请写成 2023-12-31 的格式"
        );
        let with_date_style = patched(&dated, "xl/styles.xml", date_style_on_every_format);
        let back = read(&c, &with_date_style).expect("a day");
        assert_eq!(back.pipeline.planned_start, Some(start));
    }

    /// Every cell format given the built-in date format 14 (`m/d/yyyy`).
    fn date_style_on_every_format(xml: String) -> String {
        let start = xml.find("<cellXfs").expect("cellXfs");
        let end = xml.find("</cellXfs>").expect("end");
        let formats = xml[start..end].replace("numFmtId=\"0\"", "numFmtId=\"14\"");
        format!("{}{}{}", &xml[..start], formats, &xml[end..])
    }

    #[test]
    fn a_formula_without_a_saved_result_is_named_not_dropped() {
        let c = catalog();
        let book = write(&c, None).expect("write");
        let formula = patched(&book, SURVEY_XML, |xml| {
            let at = xml.find("<c r=\"B7\"").expect("B7");
            let end = at + xml[at..].find("/>").expect("an empty cell") + 2;
            let old = xml[at..end].to_owned();
            let new = format!("{}><f>SUM(Z1:Z9)</f></c>", &old[..old.len() - 2]);
            xml.replacen(&old, &new, 1)
        });
        let err = read(&c, &formula).expect_err("refused");
        let SurveyError::Cells(errors) = err else {
            panic!("cell errors: {err:?}")
        };
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].cell, "B7");
        assert_eq!(errors[0].problem, CellProblem::FormulaWithoutResult);
    }

    #[test]
    fn a_name_or_a_note_longer_than_a_checklist_takes_is_refused_not_imported() {
        let c = catalog();
        let note_row = TABLE + 1 + c.find_factor("water.supply").expect("factor").index() as u32;
        let with = |project: usize, note: usize| {
            let mut cells = cells(&c, None);
            let mut set = |row: u32, col: u16, text: String| {
                cells
                    .iter_mut()
                    .find(|x| x.row == row && x.col == col)
                    .expect("cell")
                    .value = CellValue::Text(text);
            };
            set(INVESTOR, 1, "投".repeat(MAX_NAME_CHARS));
            set(PROJECT, 1, "项".repeat(project));
            set(note_row, C_NOTE, "注".repeat(note));
            read(&c, &workbook(&c, &cells).expect("write"))
        };
        // One character past what a checklist file takes: an error of each cell, not a
        // checklist that cannot be saved and read back.
        let err = with(MAX_NAME_CHARS + 1, MAX_NOTE_CHARS + 1).expect_err("refused");
        let SurveyError::Cells(errors) = err else {
            panic!("cell errors: {err:?}")
        };
        assert_eq!(
            errors,
            [
                CellError {
                    cell: cell_name(PROJECT, 1),
                    problem: CellProblem::TooLong {
                        limit: MAX_NAME_CHARS,
                        chars: MAX_NAME_CHARS + 1
                    }
                },
                CellError {
                    cell: cell_name(note_row, C_NOTE),
                    problem: CellProblem::TooLong {
                        limit: MAX_NOTE_CHARS,
                        chars: MAX_NOTE_CHARS + 1
                    }
                },
            ]
        );
        // At the limits, read, written and read back the same.
        let list = with(MAX_NAME_CHARS, MAX_NOTE_CHARS).expect("at the limits");
        let written = crate::model::write_checklist(&list, &c).expect("write");
        assert_eq!(parse_checklist(&written, &c), Ok(list));
    }

    /// Workbooks the survey fuzzer made that the reader once got wrong, kept so the fixes stay
    /// fixed: each is refused, or read to a checklist that writes and reads back the same.
    #[test]
    fn fuzz_found_workbooks_are_refused_or_read_back_the_same() {
        let c = catalog();
        let dir = format!("{}/tests/fixtures/fuzz_regressions", env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).expect("folder") {
            let path = entry.expect("entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("xlsx") {
                continue;
            }
            seen += 1;
            let bytes = std::fs::read(&path).expect("read");
            if let Ok(list) = read(&c, &bytes) {
                let written = crate::model::write_checklist(&list, &c).expect("write");
                assert_eq!(
                    parse_checklist(&written, &c),
                    Ok(list),
                    "{}: {written}",
                    path.display()
                );
            }
        }
        assert!(seen > 0, "no workbooks in {dir}");
    }

    #[test]
    fn a_shared_formula_with_a_huge_group_index_is_read_in_bounded_memory() {
        let c = catalog();
        let book = write(&c, None).expect("write");
        // B7 (total investment) as the first cell of a shared formula whose group index is the
        // largest the format allows, with its saved result.
        let shared = patched(&book, SURVEY_XML, |xml| {
            let at = xml.find("<c r=\"B7\"").expect("B7");
            let end = at + xml[at..].find("/>").expect("an empty cell") + 2;
            let old = xml[at..end].to_owned();
            let new = format!(
                "{}><f t=\"shared\" ref=\"B7:B8\" si=\"4294967295\">1+1</f><v>2</v></c>",
                &old[..old.len() - 2]
            );
            xml.replacen(&old, &new, 1)
        });
        let list = read(&c, &shared).expect("read");
        assert_eq!(list.total_investment, Some(Decimal::from(2)));
        // Without its saved result, it is named as any formula without one.
        let unsaved = patched(&shared, SURVEY_XML, |xml| {
            xml.replacen("1+1</f><v>2</v>", "1+1</f>", 1)
        });
        let err = read(&c, &unsaved).expect_err("refused");
        let SurveyError::Cells(errors) = err else {
            panic!("cell errors: {err:?}")
        };
        assert_eq!(
            errors,
            [CellError {
                cell: "B7".into(),
                problem: CellProblem::FormulaWithoutResult
            }]
        );
    }

    #[test]
    fn a_list_of_only_separators_is_an_empty_set_error_not_a_requirement() {
        let c = catalog();
        let row = TABLE
            + 1
            + c.find_factor("policy.regional_assessments")
                .expect("factor")
                .index() as u32;
        let mut cells = cells(&c, None);
        cells
            .iter_mut()
            .find(|x| x.row == row && x.col == C_REQUIRED)
            .expect("cell")
            .value = CellValue::Text("，、 ;".into());
        let err = read(&c, &workbook(&c, &cells).expect("write")).expect_err("refused");
        let SurveyError::Cells(errors) = err else {
            panic!("cell errors: {err:?}")
        };
        assert_eq!(
            errors,
            [CellError {
                cell: cell_name(row, C_REQUIRED),
                problem: CellProblem::Value(ValueError::EmptySet)
            }]
        );
    }

    #[test]
    fn a_thousand_bad_rows_give_a_message_of_fifty_lines_and_a_count() {
        let c = catalog();
        let mut cells = cells(&c, None);
        let first = TABLE + 1 + c.factors().len() as u32 + 2;
        for row in first..first + 200 {
            cells.push(Cell {
                row,
                col: C_ID,
                value: CellValue::Text(format!("bogus.{row}")),
                input: true,
                choices: None,
            });
        }
        let err = read(&c, &workbook(&c, &cells).expect("write")).expect_err("refused");
        let SurveyError::Cells(errors) = &err else {
            panic!("cell errors: {err:?}")
        };
        assert_eq!(errors.len(), 200);
        let text = err.text(Lang::Zh);
        assert_eq!(text.lines().count(), 1 + MAX_LISTED_ERRORS + 1, "{text}");
        assert!(text.ends_with("另有 150 个单元格有问题"), "{text}");
        assert!(text.starts_with("有 200 个单元格无法读取"), "{text}");
    }
}
