//! Where each cell of the survey is: the sheet names, the header rows, the factor table's
//! columns, and [`cells`], the layout the writer lays out and the reader reads back by.
//! Knows nothing of xlsx bytes: no writing, no reading.

use rust_decimal::Decimal;

use crate::model::{Catalog, Checklist, Importance, Kind, Lang, Value, number};

/// The survey sheet's name; errors name cells on it.
pub const SHEET: &str = "要素调查表";
/// The hidden sheet holding the industry list for the drop-down.
pub(super) const LISTS: &str = "Lists";

/// Header fields: row (0-based) and label. Values go in column B.
pub(super) const INVESTOR: u32 = 3;
pub(super) const PROJECT: u32 = 4;
pub(super) const INDUSTRY: u32 = 5;
pub(super) const INVESTMENT: u32 = 6;
pub(super) const INTENSITY: u32 = 7;
pub(super) const TAX: u32 = 8;
/// The investor's planned start (计划开工时间): capacity a zone plans before it counts as met.
pub(super) const START: u32 = 9;
/// The factor table's header row; factors follow, one per row.
pub(super) const TABLE: u32 = 10;

/// Columns of the factor table.
const C_NO: u16 = 0;
const C_CATEGORY: u16 = 1;
const C_FACTOR: u16 = 2;
pub(super) const C_ID: u16 = 3;
pub(super) const C_REQUIRED: u16 = 4;
pub(super) const C_UNIT: u16 = 5;
pub(super) const C_IMPORTANCE: u16 = 6;
pub(super) const C_NOTE: u16 = 7;
const C_HELP: u16 = 8;

/// What the yes/no drop-down offers for "required".
pub(super) const NEEDED: &str = "需要";

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

pub use crate::xlsx_in::cell_name;

fn importance_label(i: Importance) -> String {
    i.label(Lang::Zh).to_owned()
}

pub(super) fn industry_label(catalog: &Catalog, member: u16) -> String {
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
