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
    NotAWorkbook {
        detail: String,
    },
    /// A workbook without the survey sheet.
    NoSurveySheet,
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
                std::iter::once(head)
                    .chain(cells.iter().map(|c| c.text(lang)))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
    }
}

crate::english_display!(CellError, CellProblem, SurveyError);

/// Reads a filled survey back into a checklist. Every unreadable cell is one error.
pub fn read(catalog: &Catalog, bytes: &[u8]) -> Result<Checklist, SurveyError> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| SurveyError::NotAWorkbook {
        detail: e.to_string(),
    })?;
    let range = book
        .worksheet_range(SHEET)
        .map_err(|_| SurveyError::NoSurveySheet)?;
    let get = |row: u32, col: u16| -> CellValue {
        match range.get_value((row, u32::from(col))) {
            None | Some(Data::Empty) => CellValue::Empty,
            Some(Data::String(s)) if s.trim().is_empty() => CellValue::Empty,
            Some(Data::String(s)) => CellValue::Text(s.trim().to_owned()),
            Some(Data::Float(f)) => CellValue::Number(*f),
            Some(Data::Int(i)) => CellValue::Number(*i as f64),
            Some(other) => CellValue::Text(other.to_string()),
        }
    };
    let mut errors: Vec<CellError> = Vec::new();
    let mut fail = |row: u32, col: u16, problem: CellProblem| {
        errors.push(CellError {
            cell: cell_name(row, col),
            problem,
        });
    };
    let text_of = |v: &CellValue| match v {
        CellValue::Empty => String::new(),
        CellValue::Text(s) => s.clone(),
        CellValue::Number(n) => float_text(*n),
    };
    let mut list = Checklist::new(catalog);
    list.investor = text_of(&get(INVESTOR, 1));
    list.project = text_of(&get(PROJECT, 1));
    match get(INDUSTRY, 1) {
        CellValue::Empty => {}
        v => {
            let t = text_of(&v);
            let code = t.split_whitespace().next().unwrap_or("");
            match catalog.industries().find(code) {
                Some(m) => list.industry = Some(m),
                None => fail(INDUSTRY, 1, CellProblem::UnknownIndustry { given: t }),
            }
        }
    }
    for (row, slot) in [
        (INVESTMENT, &mut list.total_investment),
        (INTENSITY, &mut list.planned_intensity),
        (TAX, &mut list.planned_tax_per_mu),
    ] {
        match decimal_of(&get(row, 1)) {
            Ok(d) => *slot = d,
            Err(e) => fail(row, 1, CellProblem::Value(e)),
        }
    }
    let mut seen: Vec<FactorIdx> = Vec::new();
    let last = range.end().map_or(TABLE, |(r, _)| r);
    for row in TABLE + 1..=last {
        let id = text_of(&get(row, C_ID));
        if id.is_empty() {
            continue;
        }
        let Some(f) = catalog.find_factor(&id) else {
            fail(row, C_ID, CellProblem::UnknownFactor { given: id });
            continue;
        };
        if seen.contains(&f) {
            fail(
                row,
                C_ID,
                CellProblem::DuplicateFactor {
                    factor: catalog.factor(f).named(),
                },
            );
            continue;
        }
        seen.push(f);
        let factor = catalog.factor(f);
        let importance_text = text_of(&get(row, C_IMPORTANCE));
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
            fail(row, C_IMPORTANCE, problem);
            continue;
        };
        let cell = get(row, C_REQUIRED);
        let required: Result<Option<Value>, CellProblem> = match (&factor.kind, factor.default_from, &cell) {
            (_, Some(_), _) | (_, None, CellValue::Empty) => Ok(None),
            (Kind::AtLeast(m) | Kind::AtMost(m), None, v) => {
                let unit = text_of(&get(row, C_UNIT));
                let amount = match v {
                    CellValue::Number(n) => float_text(*n),
                    other => text_of(other),
                };
                parse_quantity(catalog, m, &format!("{amount} {unit}"))
                    .map(|q| Some(Value::Amount(q)))
                    .map_err(CellProblem::Value)
            }
            (Kind::YesNo, None, v) => match text_of(v).as_str() {
                NEEDED | "yes" | "Yes" | "是" => Ok(Some(Value::YesNo(YesNo::Yes))),
                other => Err(CellProblem::NotAYesNo {
                    given: other.to_owned(),
                }),
            },
            (Kind::Level(_), None, v) => parse_level(factor, &text_of(v))
                .map(|l| Some(Value::Level(l)))
                .map_err(CellProblem::Value),
            (Kind::Set(vi), None, v) => {
                let vocab = catalog.vocabulary(*vi);
                let t = text_of(v);
                let mut members = Vec::new();
                let mut bad = Vec::new();
                for part in t
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
                if bad.is_empty() {
                    Ok(Some(Value::set(members)))
                } else {
                    Err(CellProblem::NotMembers {
                        vocabulary: vocab.named(),
                        given: bad,
                    })
                }
            }
        };
        match required {
            Ok(required) => {
                let note = text_of(&get(row, C_NOTE));
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
            Err(problem) => fail(row, C_REQUIRED, problem),
        }
    }
    if errors.is_empty() {
        Ok(list)
    } else {
        Err(SurveyError::Cells(errors))
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
    let text = match v {
        CellValue::Empty => return Ok(None),
        CellValue::Number(n) => float_text(*n),
        CellValue::Text(s) => s.clone(),
    };
    match number::parse_decimal(&text) {
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
            cells,
        ] {
            let name = match &e {
                SurveyError::NotAWorkbook { .. } => "NotAWorkbook",
                SurveyError::NoSurveySheet => "NoSurveySheet",
                SurveyError::Cells(_) => "Cells",
            };
            assert_renders(name, &e, &c);
        }
    }

    #[test]
    fn a_file_that_is_not_a_workbook_is_refused_in_words() {
        let c = catalog();
        let err = read(&c, b"not a zip").expect_err("refused");
        assert!(matches!(err, SurveyError::NotAWorkbook { .. }));
    }
}
