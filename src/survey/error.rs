//! What reading a filled survey can report, as data: the workbook itself or its cells, one
//! error each, rendered in Chinese and in English. Reads nothing itself.

use super::layout::{NEEDED, SHEET};
use crate::model::text::join_list;
use crate::model::{Importance, Lang, Localize, Named, ValueError};

/// Cell errors listed in a message; the rest are counted.
pub const MAX_LISTED_ERRORS: usize = 50;

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
