//! The error every parser in the model returns, as data: where in the text (line, column, and
//! the field and factor being read) and what is wrong ([`Problem`]). Each renders itself in
//! Chinese and in English through [`Localize`]; `Display` is the English rendering.
//!
//! Whatever the catalog names (factors, units, levels, members) travels with the error as
//! [`Named`], its id and its names, resolved from the catalog when the error is made: the
//! Chinese rendering shows names only, the English one the name with the id beside it, since
//! English readers edit the files. RON syntax errors are told in words ("缺少逗号", "a comma is
//! missing"), never in the parser's own terms.
//!
//! This file holds [`ParseError`] and [`Problem`]; beside it, `names` holds what messages name,
//! `expected` what a field takes, `syntax` the RON reader's own errors, `catalog` the catalog's.

mod catalog;
mod expected;
mod names;
mod syntax;

pub use catalog::{CatalogProblem, IdFlaw, IdKind};
pub use expected::Expected;
use expected::file_kind_text;
pub use names::{Key, Named, Step};
use names::{choices, context_text, hint};
pub use syntax::{Bracket, Syntax, Token};

use super::parse::FileKind;
use super::text::{Lang, Localize};
use super::value::ValueError;

/// A problem in a piece of RON text, with the 1-based line and column it was found at and the
/// fields it was found in (outermost first).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    /// The fields and the factor being read when the problem came up, outermost first.
    pub context: Vec<Step>,
    #[source]
    pub problem: Problem,
}

impl ParseError {
    /// A problem at a place, outside any field.
    pub fn new(line: usize, column: usize, problem: Problem) -> Self {
        ParseError {
            line,
            column,
            context: Vec::new(),
            problem,
        }
    }

    /// An error at the first occurrence of `needle` in `text` (the start when it is absent):
    /// used for checks made after parsing, which know the id they are about but not its place.
    pub fn at(text: &str, needle: &str, problem: Problem) -> Self {
        let offset = text.find(needle).unwrap_or(0);
        let (line, column) = line_column(text, offset);
        ParseError::new(line, column, problem)
    }

    /// What is wrong, with the fields it is in, without the position: "可新增供电容量的来源：
    /// 应为带引号的文字" / "Spare power capacity (`power.capacity`): `source`: …".
    pub fn message(&self, lang: Lang) -> String {
        let context = context_text(&self.context, lang);
        let problem = self.problem.text(lang);
        match (context.is_empty(), lang) {
            (true, _) => problem,
            (false, Lang::Zh) => format!("{context}：{problem}"),
            (false, Lang::En) => format!("{context}: {problem}"),
        }
    }
}

impl Localize for ParseError {
    fn text(&self, lang: Lang) -> String {
        let (line, column, message) = (self.line, self.column, self.message(lang));
        match lang {
            Lang::Zh => format!("第 {line} 行第 {column} 列：{message}"),
            Lang::En => format!("line {line}, column {column}: {message}"),
        }
    }
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Chinese text runs into Chinese but leaves a space before Latin letters, digits and
/// brackets: "应为 true 或 false", "应为数字".
fn spaced(text: &str) -> String {
    match text.chars().next() {
        Some(c) if c.is_ascii() => format!(" {text}"),
        _ => text.to_owned(),
    }
}

/// Everything the model's parsers report, each with the data its message needs.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The RON text itself is broken.
    Syntax(#[source] Syntax),
    /// A value of another kind than the field takes.
    WrongType {
        expected: Expected,
    },
    /// The file is of another kind (a checklist where a profile belongs); `found` is the name it
    /// starts with.
    WrongFileKind {
        expected: FileKind,
        found: String,
    },
    UnknownField {
        given: String,
        allowed: Vec<Key>,
    },
    MissingField {
        field: Key,
    },
    DuplicateField {
        field: Key,
    },
    /// A choice that is not one of the allowed ones (`importance: Critical`).
    UnknownVariant {
        given: String,
        allowed: Vec<Key>,
    },
    /// Brackets nested deeper than the limit.
    TooDeep {
        limit: usize,
    },
    /// A must-have whose requirement comes from a header field that is empty.
    MustNeedsHeader {
        factor: Named,
        field: super::catalog::PlanField,
    },
    /// Free text longer than its field takes (both in characters).
    TooLong {
        limit: usize,
        chars: usize,
    },
    /// A number written in another base than ten (`0x10`, `0o20`, `0b1`); `given` as written.
    NotDecimal {
        given: String,
    },
    /// A file stem that cannot be a zone id.
    BadZoneId {
        id: String,
    },
    UnknownFactor {
        given: String,
        suggestion: Option<Named>,
    },
    DuplicateFactor {
        factor: Named,
    },
    /// A key of a profile's `owners` that is no factor id, factor group or category.
    UnknownOwnerKey {
        given: String,
    },
    /// A profile whose name is empty in both languages.
    EmptyName,
    /// A history record's time that is not a date and time with its offset.
    BadTime {
        given: String,
    },
    /// A profile entry with neither a source nor the illustrative mark.
    NoSource,
    /// A yes/no factor required as `No` or `Planned`.
    RequiredNotYes,
    /// A `planned` amount on a factor that is not a quantity.
    PlannedNotQuantity,
    /// A checklist's industry that is not a division code.
    UnknownIndustry {
        given: String,
        suggestion: Option<Named>,
    },
    /// A value that cannot be taken (number, unit, level, member, date …).
    Value(#[source] Box<ValueError>),
    /// A catalog that does not hold together.
    Catalog(#[source] Box<CatalogProblem>),
}

impl From<ValueError> for Problem {
    fn from(e: ValueError) -> Self {
        Problem::Value(Box::new(e))
    }
}

impl From<CatalogProblem> for Problem {
    fn from(e: CatalogProblem) -> Self {
        Problem::Catalog(Box::new(e))
    }
}

impl Localize for Problem {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::Syntax(s), _) => s.text(lang),
            (Problem::WrongType { expected }, Lang::Zh) => format!("应为{}", spaced(&expected.text(lang))),
            (Problem::WrongType { expected }, Lang::En) => format!("expected {}", expected.text(lang)),
            (Problem::WrongFileKind { expected, found }, _) => {
                let found_kind = match found.as_str() {
                    super::parse::PROFILE_NAME => Some(FileKind::Profile),
                    super::parse::CHECKLIST_NAME => Some(FileKind::Checklist),
                    "Catalog" => Some(FileKind::Catalog),
                    _ => None,
                };
                let wanted = file_kind_text(*expected, lang, false);
                let start = match expected {
                    FileKind::Profile => super::parse::PROFILE_NAME,
                    FileKind::Checklist => super::parse::CHECKLIST_NAME,
                    FileKind::Catalog => "Catalog",
                };
                match (found_kind, lang) {
                    (Some(k), Lang::Zh) => format!(
                        "这是{}，不是{wanted}（{wanted}以 {start}( 开头）",
                        file_kind_text(k, lang, false)
                    ),
                    (Some(k), Lang::En) => format!(
                        "this is {}, not {wanted} ({wanted} starts with `{start}(`)",
                        file_kind_text(k, lang, false)
                    ),
                    (None, Lang::Zh) => {
                        format!("文件以 {found}( 开头，但此处需要{wanted}（以 {start}( 开头）")
                    }
                    (None, Lang::En) => {
                        format!("the file starts with `{found}(` but {wanted} starts with `{start}(`")
                    }
                }
            }
            (Problem::UnknownField { given, allowed }, Lang::Zh) => {
                format!(
                    "无法识别的字段“{given}”（可用字段：{}）",
                    choices(allowed, lang, "")
                )
            }
            (Problem::UnknownField { given, allowed }, Lang::En) => {
                format!(
                    "unknown field `{given}` (fields: {})",
                    choices(allowed, lang, "and")
                )
            }
            (Problem::MissingField { field }, Lang::Zh) => format!("缺少字段 {}", field.choice(lang)),
            (Problem::MissingField { field }, Lang::En) => format!("the field `{}` is missing", field.0),
            (Problem::DuplicateField { field }, Lang::Zh) => {
                format!("字段 {}出现了两次", field.choice(lang))
            }
            (Problem::DuplicateField { field }, Lang::En) => format!("the field `{}` appears twice", field.0),
            (Problem::UnknownVariant { given, allowed }, Lang::Zh) => {
                format!("“{given}”不是可选的写法，可写：{}", choices(allowed, lang, ""))
            }
            (Problem::UnknownVariant { given, allowed }, Lang::En) => {
                format!("`{given}` is not one of {}", choices(allowed, lang, "or"))
            }
            (Problem::TooDeep { limit }, Lang::Zh) => format!("括号嵌套超过 {limit} 层"),
            (Problem::TooDeep { limit }, Lang::En) => format!("brackets nest deeper than {limit} levels"),
            (Problem::MustNeedsHeader { factor, field }, Lang::Zh) => {
                let header = field.label(Lang::Zh);
                format!(
                    "必须项“{}”的要求取自表头的“{header}”，但表头未填写；请填写{header}，或为此项写明要求",
                    factor.name(lang)
                )
            }
            (Problem::MustNeedsHeader { factor, field }, Lang::En) => format!(
                "the must-have {} takes its requirement from the header's {}, which is empty; fill it in, or give the item its own requirement",
                factor.label(lang),
                field.label(Lang::En)
            ),
            (Problem::TooLong { limit, chars }, Lang::Zh) => {
                format!("文字过长（{chars} 个字），此项最多 {limit} 个字")
            }
            (Problem::TooLong { limit, chars }, Lang::En) => {
                format!("the text is too long ({chars} characters); this field takes at most {limit}")
            }
            (Problem::NotDecimal { given }, Lang::Zh) => {
                format!("{given} 不是十进制数：数量只能用十进制书写（如 16）")
            }
            (Problem::NotDecimal { given }, Lang::En) => {
                format!("{given} is not a decimal number: write quantities in base ten (for example 16)")
            }
            (Problem::BadZoneId { id }, Lang::Zh) => {
                format!("“{id}”不能作为开发区编号：文件名只能使用字母、数字、- 和 _（如 houma.ron）")
            }
            (Problem::BadZoneId { id }, Lang::En) => format!(
                "`{id}` cannot be a zone id: name the file with letters, digits, `-` and `_` only \
                 (for example `houma.ron`)"
            ),
            (Problem::UnknownFactor { given, suggestion }, Lang::Zh) => {
                format!("“{given}”不是要素目录中的要素{}", hint(suggestion.as_ref(), lang))
            }
            (Problem::UnknownFactor { given, suggestion }, Lang::En) => {
                format!(
                    "`{given}` is not a factor of the catalog{}",
                    hint(suggestion.as_ref(), lang)
                )
            }
            (Problem::DuplicateFactor { factor }, Lang::Zh) => {
                format!("{}出现了两次，每个要素只写一条", factor.label(lang))
            }
            (Problem::UnknownOwnerKey { given }, Lang::Zh) => {
                format!("责任单位表中的“{given}”不是要素目录中的要素编号、要素组或类别编号")
            }
            (Problem::UnknownOwnerKey { given }, Lang::En) => format!(
                "`{given}` in `owners` is not a factor id, a factor group (such as `power`) or a category (such as `utilities`)"
            ),
            (Problem::DuplicateFactor { factor }, Lang::En) => {
                format!("{} appears twice; keep one entry per factor", factor.label(lang))
            }
            (Problem::EmptyName, Lang::Zh) => "开发区名称为空，请填写中文或英文名称".into(),
            (Problem::EmptyName, Lang::En) => {
                "`name` is empty; give the zone's name in Chinese or English".into()
            }
            (Problem::BadTime { given }, Lang::Zh) => {
                format!("“{given}”不是带时区的日期时间，应写成 2026-12-07T21:08:47+08:00")
            }
            (Problem::BadTime { given }, Lang::En) => {
                format!("`{given}` is not a date and time with its offset, such as 2026-12-07T21:08:47+08:00")
            }
            (Problem::NoSource, Lang::Zh) => {
                "未注明来源：请写明数据出处（source），或标记为示例值（illustrative: true）".into()
            }
            (Problem::NoSource, Lang::En) => {
                "no `source`: say where the figure comes from, or mark it `illustrative: true`".into()
            }
            (Problem::RequiredNotYes, Lang::Zh) => "是否类要素只能要求 Yes（是）".into(),
            (Problem::PlannedNotQuantity, Lang::Zh) => {
                "计划值（planned）只用于数量类要素；是否类要素的计划请写 Planned(\"2026-06-30\")".into()
            }
            (Problem::PlannedNotQuantity, Lang::En) => {
                "`planned` is for quantities only; plan a yes/no factor as `Planned(\"2026-06-30\")`".into()
            }
            (Problem::RequiredNotYes, Lang::En) => "a yes/no factor can only be required as `Yes`".into(),
            (Problem::UnknownIndustry { given, suggestion }, Lang::Zh) => format!(
                "“{given}”不是国民经济行业分类（GB/T 4754）的大类代码，应写如 C38{}",
                hint(suggestion.as_ref(), lang)
            ),
            (Problem::UnknownIndustry { given, suggestion }, Lang::En) => format!(
                "`{given}` is not a GB/T 4754 division code such as `C38`{}",
                hint(suggestion.as_ref(), lang)
            ),
            (Problem::Value(e), _) => e.text(lang),
            (Problem::Catalog(e), _) => e.text(lang),
        }
    }
}
crate::english_display!(ParseError, Problem, Syntax, Expected);

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
