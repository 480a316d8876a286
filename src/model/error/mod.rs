//! The error every parser in the model returns, as data: where in the text (line, column, and
//! the field and factor being read) and what is wrong ([`Problem`]). Each renders itself in
//! Chinese and in English through [`Localize`]; `Display` is the English rendering.
//!
//! Whatever the catalog names (factors, units, levels, members) travels with the error as
//! [`Named`], its id and its names, resolved from the catalog when the error is made: the
//! Chinese rendering shows names only, the English one the name with the id beside it, since
//! English readers edit the files. RON syntax errors are told in words ("缺少逗号", "a comma is
//! missing"), never in the parser's own terms.

mod catalog;

pub use catalog::{CatalogProblem, IdFlaw, IdKind};

use super::parse::FileKind;
use super::text::{Lang, Localize, Text, join_list};
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

/// Something of the catalog a message names: its id, which files use, and its names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Named {
    pub id: String,
    /// Boxed, so that errors carrying names stay small to return.
    pub name: Box<Text>,
}

impl Named {
    pub fn new(id: impl Into<String>, name: Text) -> Self {
        Named {
            id: id.into(),
            name: Box::new(name),
        }
    }

    /// The name alone (`亩`, `mu`); the id when the catalog gives no name.
    pub fn name(&self, lang: Lang) -> &str {
        match self.name.get(lang) {
            "" => &self.id,
            name => name,
        }
    }

    /// How a message names it: `可供工业用地面积` in Chinese, `Available industrial land
    /// (`land.industrial_area`)` in English.
    pub fn label(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("“{}”", self.name(lang)),
            Lang::En if self.name.en.trim().is_empty() || self.name.en == self.id => {
                format!("`{}`", self.id)
            }
            Lang::En => format!("{} (`{}`)", self.name.en, self.id),
        }
    }

    /// How a "did you mean" hint offers it: the name in Chinese (files accept it where the
    /// hint is for a value), the id to type and the name in English.
    pub fn hint(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("是否指“{}”？", self.name(lang)),
            Lang::En if self.name.en.trim().is_empty() || self.name.en == self.id => {
                format!("did you mean `{}`?", self.id)
            }
            // A name that starts with its code (`C30 Manufacture of …`) says both already.
            Lang::En if self.name.en.starts_with(&self.id) => format!("did you mean {}?", self.name.en),
            Lang::En => format!("did you mean `{}` ({})?", self.id, self.name.en),
        }
    }
}

/// A hint appended to a message: "；是否指“…”？" / "; did you mean `…`?".
pub(super) fn hint(suggestion: Option<&Named>, lang: Lang) -> String {
    suggestion.map_or_else(String::new, |s| match lang {
        Lang::Zh => format!("；{}", s.hint(lang)),
        Lang::En => format!("; {}", s.hint(lang)),
    })
}

/// A keyword of the file formats: a field name (`as_of`) or a variant (`Must`). The Chinese
/// rendering says what it is in words (数据日期), the English one shows it as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key(pub String);

impl Key {
    pub fn new(key: impl Into<String>) -> Self {
        Key(key.into())
    }

    /// What the keyword means, in Chinese, when it is one of the formats' own.
    pub fn word_zh(&self) -> Option<&'static str> {
        Some(match self.0.as_str() {
            "name" => "名称",
            "region" => "所在地区",
            "contact" => "联系方式",
            "contact_en" => "英文联系方式",
            "as_of" => "数据日期",
            "factors" => "要素",
            "value" => "数值",
            "source" => "来源",
            "illustrative" => "示例值标记",
            "investor" => "投资方",
            "project" => "项目名称",
            "industry" => "行业",
            "total_investment" => "总投资",
            "planned_intensity" => "计划投资强度",
            "planned_tax_per_mu" => "计划亩均税收",
            "items" => "要素需求",
            "required" => "要求",
            "importance" => "重要程度",
            "note" => "备注",
            "zh" => "中文名称",
            "en" => "英文名称",
            "Must" => "必须",
            "High" => "高",
            "Medium" => "中",
            "Low" => "低",
            "NotNeeded" => "不需要",
            "Yes" => "是",
            "No" => "否",
            "Planned" => "计划",
            "units" => "单位",
            "categories" => "类别",
            "vocabularies" => "词表",
            "tiers" => "就绪等级",
            "default_tolerance" => "默认容差",
            "industry_vocabulary" => "行业词表",
            "tolerance" => "容差",
            "max" => "上限",
            "id" => "编号",
            "kind" => "类型",
            "unit" => "单位",
            "also" => "其他单位",
            "scale" => "换算系数",
            "dimension" => "量纲",
            "members" => "成员",
            "category" => "类别",
            "default_from" => "需求来源",
            "met" => "须满足",
            "known" => "须已知",
            "planned_within_months" => "计划期限（月）",
            "show_ids" => "显示编号",
            "pipeline" => "项目进度",
            "location" => "位置",
            "lat" => "纬度",
            "lon" => "经度",
            "stage" => "阶段",
            "reached" => "各阶段日期",
            "officer" => "责任人",
            "zone" => "落地开发区",
            "start_deadline" => "约定开工时间",
            "planned_start" => "计划开工时间",
            "planned" => "计划值",
            "by" => "计划日期",
            "Lead" => "线索",
            "Negotiating" => "在谈",
            "Signed" => "签约",
            "LandSupplied" => "供地",
            "Started" => "开工",
            "Producing" => "投产",
            "Shelved" => "搁置",
            _ => return None,
        })
    }

    /// `数据日期` / `` `as_of` ``: the field as running text names it.
    pub fn text(&self, lang: Lang) -> String {
        match (lang, self.word_zh()) {
            (Lang::Zh, Some(word)) => word.to_owned(),
            _ => format!("`{}`", self.0),
        }
    }

    /// `as_of（数据日期）` / `` `as_of` ``: the keyword as one may write it, with its meaning.
    pub fn choice(&self, lang: Lang) -> String {
        match (lang, self.word_zh()) {
            (Lang::Zh, Some(word)) => format!("{}（{word}）", self.0),
            (Lang::Zh, None) => self.0.clone(),
            (Lang::En, _) => format!("`{}`", self.0),
        }
    }
}

fn choices(keys: &[Key], lang: Lang, last: &str) -> String {
    let items: Vec<String> = keys.iter().map(|k| k.choice(lang)).collect();
    join_list(&items, lang, lang.pick("或", last))
}

/// One level of what was being read: a field, or the entry of a factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Field(Key),
    Factor(Named),
}

/// The fields a problem is in, as running text: "可新增供电容量的来源" / "Spare power capacity
/// (`power.capacity`): `source`". The `factors` / `items` map is left out before a factor.
fn context_text(steps: &[Step], lang: Lang) -> String {
    let parts: Vec<String> = steps
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            let map = matches!(s, Step::Field(Key(k)) if k == "factors" || k == "items");
            !(map && matches!(steps.get(i + 1), Some(Step::Factor(_))))
        })
        .map(|(_, s)| match s {
            Step::Field(key) => key.text(lang),
            Step::Factor(named) => match lang {
                Lang::Zh => named.name(lang).to_owned(),
                Lang::En => named.label(lang),
            },
        })
        .collect();
    parts.join(lang.pick("的", ": "))
}

/// What a field should hold, for a value of the wrong kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `(zh: "…", en: "…")`.
    Names,
    /// Text in quotes.
    Text,
    /// A date in quotes.
    Date,
    /// `true` or `false`.
    Bool,
    /// A plain number.
    Number,
    /// `{ "factor.id": ( … ), … }`.
    FactorMap,
    /// A factor id in quotes (a key of the factor map).
    FactorId,
    /// A profile entry `(value: …, source: "…")`.
    Entry,
    /// A checklist item `(required: …, importance: …)`.
    Item,
    /// A quantity of a factor, in one of its units (its own unit first).
    Quantity { units: Vec<Named> },
    /// `Yes`, `No` or `Planned("…")`.
    YesNo,
    /// One of a factor's levels, lowest first.
    Level { levels: Vec<Named> },
    /// A list of members of a vocabulary.
    Members { vocabulary: Named, example: Named },
    /// `Must`, `High`, `Medium`, `Low` or `NotNeeded`.
    Importance,
    /// A pipeline stage, `Lead` … `Producing` or `Shelved`.
    Stage,
    /// `{ Signed: "2026-09-01", … }`: the day each stage was reached.
    StageDates,
    /// `(stage: Signed, reached: { … }, officer: "…", zone: "…", start_deadline: "…")`.
    Pipeline,
    /// `(lat: 35.62, lon: 111.37)`.
    Location,
    /// `(value: "50 MW", by: "2026-06-30", source: "…")`: a quantity planned for a date.
    Planned,
    /// A whole file of this kind.
    File(FileKind),
}

impl Localize for Expected {
    fn text(&self, lang: Lang) -> String {
        let names =
            |list: &[Named]| -> Vec<String> { list.iter().map(|n| n.name(lang).to_owned()).collect() };
        let ids = |list: &[Named]| -> Vec<String> { list.iter().map(|n| n.id.clone()).collect() };
        match (self, lang) {
            (Expected::Names, Lang::Zh) => "中英文名称，如 (zh: \"…\", en: \"…\")".into(),
            (Expected::Names, Lang::En) => "a pair of names such as (zh: \"…\", en: \"…\")".into(),
            (Expected::Text, Lang::Zh) => "带引号的文字，如 \"…\"".into(),
            (Expected::Text, Lang::En) => "text in quotes, such as \"…\"".into(),
            (Expected::Date, Lang::Zh) => "带引号的日期，如 \"2023-12-31\"".into(),
            (Expected::Date, Lang::En) => "a date in quotes, such as \"2023-12-31\"".into(),
            (Expected::Bool, Lang::Zh) => "true 或 false".into(),
            (Expected::Bool, Lang::En) => "true or false".into(),
            (Expected::Number, Lang::Zh) => "数字，如 400000".into(),
            (Expected::Number, Lang::En) => "a number such as 400000".into(),
            (Expected::FactorMap, Lang::Zh) => "以要素编号为键的花括号映射 { \"…\": ( … ), … }".into(),
            (Expected::FactorMap, Lang::En) => {
                "a map from factor ids to entries: { \"land.industrial_area\": ( … ), … }".into()
            }
            (Expected::FactorId, Lang::Zh) => "带引号的要素编号".into(),
            (Expected::FactorId, Lang::En) => "a factor id in quotes, such as \"power.capacity\"".into(),
            (Expected::Entry, Lang::Zh) => "一条数据，如 (value: …, source: \"…\")".into(),
            (Expected::Entry, Lang::En) => "an entry such as (value: …, source: \"…\")".into(),
            (Expected::Item, Lang::Zh) => "一项需求，如 (required: …, importance: Must)".into(),
            (Expected::Item, Lang::En) => "an item such as (required: …, importance: Must)".into(),
            (Expected::Quantity { units }, Lang::Zh) => format!(
                "数量，如 \"100 {}\"（可用单位：{}）",
                units.first().map_or("", |u| u.name(lang)),
                join_list(&names(units), lang, "")
            ),
            (Expected::Quantity { units }, Lang::En) => format!(
                "a quantity such as \"100 {}\" (units: {})",
                units.first().map_or("", |u| u.id.as_str()),
                join_list(&ids(units), lang, "or")
            ),
            (Expected::YesNo, Lang::Zh) => "Yes（是）、No（否）或 Planned(\"2025-06-30\")（计划）".into(),
            (Expected::YesNo, Lang::En) => "Yes, No or Planned(\"2025-06-30\")".into(),
            (Expected::Level { levels }, Lang::Zh) => {
                format!("以下等级之一：{}", join_list(&names(levels), lang, ""))
            }
            (Expected::Level { levels }, Lang::En) => {
                let quoted: Vec<String> = levels.iter().map(|l| format!("\"{}\"", l.id)).collect();
                format!("one of the levels {}", join_list(&quoted, lang, "or"))
            }
            (Expected::Members { vocabulary, example }, Lang::Zh) => {
                format!("{}的列表，如 [\"{}\"]", vocabulary.name(lang), example.name(lang))
            }
            (Expected::Members { vocabulary, example }, Lang::En) => format!(
                "a list of {} such as [\"{}\"]",
                vocabulary.name(lang).to_lowercase(),
                example.id
            ),
            (Expected::Importance, _) => {
                let keys: Vec<Key> = ["Must", "High", "Medium", "Low", "NotNeeded"]
                    .into_iter()
                    .map(Key::new)
                    .collect();
                choices(&keys, lang, "or")
            }
            (Expected::Stage, _) => {
                let keys: Vec<Key> = crate::model::pipeline::Stage::ALL
                    .into_iter()
                    .map(|s| Key::new(s.variant()))
                    .collect();
                choices(&keys, lang, "or")
            }
            (Expected::StageDates, Lang::Zh) => "各阶段的日期，如 { Signed: \"2026-09-01\" }".into(),
            (Expected::StageDates, Lang::En) => {
                "the day of each stage, such as { Signed: \"2026-09-01\" }".into()
            }
            (Expected::Pipeline, Lang::Zh) => {
                "项目进度，如 (stage: Signed, reached: { Signed: \"2026-09-01\" })".into()
            }
            (Expected::Pipeline, Lang::En) => {
                "the project's progress, such as (stage: Signed, reached: { Signed: \"2026-09-01\" })".into()
            }
            (Expected::Location, Lang::Zh) => "经纬度，如 (lat: 35.62, lon: 111.37)".into(),
            (Expected::Location, Lang::En) => {
                "a latitude and longitude such as (lat: 35.62, lon: 111.37)".into()
            }
            (Expected::Planned, Lang::Zh) => {
                "计划值，如 (value: \"50 MW\", by: \"2026-06-30\", source: \"…\")".into()
            }
            (Expected::Planned, Lang::En) => {
                "a planned amount such as (value: \"50 MW\", by: \"2026-06-30\", source: \"…\")".into()
            }
            (Expected::File(kind), _) => file_kind_text(*kind, lang, true),
        }
    }
}

/// `开发区档案` / `a zone profile`, with how such a file starts when `example` is set.
fn file_kind_text(kind: FileKind, lang: Lang, example: bool) -> String {
    let (zh, en, start) = match kind {
        FileKind::Profile => (
            "开发区档案",
            "a zone profile",
            "ZoneProfile(name: …, as_of: …, factors: { … })",
        ),
        FileKind::Checklist => (
            "投资需求清单",
            "a checklist",
            "Checklist(project: …, items: { … })",
        ),
        FileKind::Catalog => ("要素目录", "a catalog", "Catalog(units: …, factors: …)"),
    };
    match (lang, example) {
        (Lang::Zh, true) => format!("{zh}：{start}"),
        (Lang::En, true) => format!("{en}: {start}"),
        (_, false) => lang.pick(zh, en).to_owned(),
    }
}

/// Chinese text runs into Chinese but leaves a space before Latin letters, digits and
/// brackets: "应为 true 或 false", "应为数字".
fn spaced(text: &str) -> String {
    match text.chars().next() {
        Some(c) if c.is_ascii() => format!(" {text}"),
        _ => text.to_owned(),
    }
}

/// A bracket a RON text opens and must close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bracket {
    Paren,
    Square,
    Brace,
}

impl Bracket {
    fn closing(self) -> char {
        match self {
            Bracket::Paren => ')',
            Bracket::Square => ']',
            Bracket::Brace => '}',
        }
    }
}

/// A kind of token the RON text should have had at a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    String,
    Bool,
    Integer,
    Number,
    Char,
    List,
    Map,
    Struct,
    Name,
    Unit,
    Option,
    Bytes,
}

impl Localize for Token {
    fn text(&self, lang: Lang) -> String {
        let (zh, en) = match self {
            Token::String => ("带引号的文字", "text in quotes"),
            Token::Bool => ("true 或 false", "true or false"),
            Token::Integer => ("整数", "a whole number"),
            Token::Number => ("数字", "a number"),
            Token::Char => ("单引号中的一个字符", "a character in single quotes"),
            Token::List => ("方括号列表 [ … ]", "a list in square brackets [ … ]"),
            Token::Map => ("花括号映射 { … }", "a map in braces { … }"),
            Token::Struct => ("圆括号 ( … )", "parentheses ( … )"),
            Token::Name => (
                "名称（不带引号的字段名或选项）",
                "a name (a field or choice, without quotes)",
            ),
            Token::Unit => ("()", "()"),
            Token::Option => ("Some(…) 或 None", "Some(…) or None"),
            Token::Bytes => ("字节串", "a byte string"),
        };
        lang.pick(zh, en).to_owned()
    }
}

/// What is wrong with the RON text itself, in words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Syntax {
    MissingComma,
    MissingColon,
    /// A bracket is not closed where it should be.
    Unclosed(Bracket),
    /// Something else was written where this belongs.
    Expected(Token),
    UnterminatedString,
    UnclosedComment,
    /// The text ends in the middle of something.
    UnexpectedEnd,
    /// Text after the end of the content.
    TrailingText,
    UnexpectedChar(char),
    BadEscape,
    NumberOutOfRange,
    BadDigit {
        digit: char,
        base: u8,
    },
    MisplacedUnderscore,
    NotUtf8,
    BadName(String),
    UnknownExtension(String),
    /// What the RON reader said, for the rare case none of the above fits.
    Other(String),
}

impl Localize for Syntax {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Syntax::MissingComma, Lang::Zh) => "缺少逗号".into(),
            (Syntax::MissingComma, Lang::En) => "a comma is missing".into(),
            (Syntax::MissingColon, Lang::Zh) => "缺少冒号".into(),
            (Syntax::MissingColon, Lang::En) => "a colon is missing".into(),
            (Syntax::Unclosed(b), Lang::Zh) => format!("缺少右括号“{}”", b.closing()),
            (Syntax::Unclosed(b), Lang::En) => format!("a closing `{}` is missing", b.closing()),
            (Syntax::Expected(t), Lang::Zh) => format!("此处应为{}", spaced(&t.text(lang))),
            (Syntax::Expected(t), Lang::En) => format!("expected {} here", t.text(lang)),
            (Syntax::UnterminatedString, Lang::Zh) => "字符串没有结束（缺少右引号）".into(),
            (Syntax::UnterminatedString, Lang::En) => {
                "a string is not closed (a closing quote is missing)".into()
            }
            (Syntax::UnclosedComment, Lang::Zh) => "注释没有结束（缺少 */）".into(),
            (Syntax::UnclosedComment, Lang::En) => "a comment is not closed (`*/` is missing)".into(),
            (Syntax::UnexpectedEnd, Lang::Zh) => "文件在此处意外结束，可能缺少右括号或引号".into(),
            (Syntax::UnexpectedEnd, Lang::En) => {
                "the file ends too early; a closing bracket or quote may be missing".into()
            }
            (Syntax::TrailingText, Lang::Zh) => "内容结束后还有多余的文字".into(),
            (Syntax::TrailingText, Lang::En) => "there is more text after the end of the content".into(),
            (Syntax::UnexpectedChar(c), Lang::Zh) => format!("无法识别的字符“{c}”"),
            (Syntax::UnexpectedChar(c), Lang::En) => format!("unexpected character `{c}`"),
            (Syntax::BadEscape, Lang::Zh) => "字符串中的转义写法（\\ 开头）无效".into(),
            (Syntax::BadEscape, Lang::En) => "an escape (starting with \\) in a string is not valid".into(),
            (Syntax::NumberOutOfRange, Lang::Zh) => "数字超出范围".into(),
            (Syntax::NumberOutOfRange, Lang::En) => "the number is out of range".into(),
            (Syntax::BadDigit { digit, .. }, Lang::Zh) => format!("数字中有无效字符“{digit}”"),
            (Syntax::BadDigit { digit, base }, Lang::En) => {
                format!("`{digit}` is not a digit in base {base}")
            }
            (Syntax::MisplacedUnderscore, Lang::Zh) => "数字中的下划线位置不对".into(),
            (Syntax::MisplacedUnderscore, Lang::En) => "an underscore is misplaced in a number".into(),
            (Syntax::NotUtf8, Lang::Zh) => "文本不是 UTF-8 编码".into(),
            (Syntax::NotUtf8, Lang::En) => "the text is not UTF-8".into(),
            (Syntax::BadName(n), Lang::Zh) => format!("“{n}”不是有效的名称"),
            (Syntax::BadName(n), Lang::En) => format!("`{n}` is not a valid name"),
            (Syntax::UnknownExtension(n), Lang::Zh) => format!("未知的 RON 扩展“{n}”"),
            (Syntax::UnknownExtension(n), Lang::En) => format!("unknown RON extension `{n}`"),
            (Syntax::Other(m), Lang::Zh) => format!("无法读取此处的内容（{m}）"),
            (Syntax::Other(m), Lang::En) => format!("cannot be read here: {m}"),
        }
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
    /// A profile whose name is empty in both languages.
    EmptyName,
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
            (Problem::DuplicateFactor { factor }, Lang::En) => {
                format!("{} appears twice; keep one entry per factor", factor.label(lang))
            }
            (Problem::EmptyName, Lang::Zh) => "开发区名称为空，请填写中文或英文名称".into(),
            (Problem::EmptyName, Lang::En) => {
                "`name` is empty; give the zone's name in Chinese or English".into()
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

impl ParseError {
    /// The RON reader's error, told in words. `context` holds the fields being read when it
    /// came up, outermost first, and `expected` what the innermost of them takes, when known.
    pub(crate) fn from_ron(
        text: &str,
        e: &ron::error::SpannedError,
        context: Vec<Step>,
        expected: Option<Expected>,
    ) -> Self {
        let (line, column) = (e.span.start.line, e.span.start.col);
        let problem = ron_problem(&e.code, expected);
        // A text that stops in the middle of something says so, whatever the reader expected
        // next.
        let problem = match problem {
            Problem::Syntax(
                Syntax::MissingComma | Syntax::MissingColon | Syntax::Unclosed(_) | Syntax::Expected(_),
            )
            | Problem::WrongType { .. }
                if rest_is_blank(text, e.span.end.line, e.span.end.col) =>
            {
                Problem::Syntax(Syntax::UnexpectedEnd)
            }
            other => other,
        };
        ParseError {
            line,
            column,
            context,
            problem,
        }
    }
}

/// Whether nothing but white space follows a 1-based line and column (in characters).
fn rest_is_blank(text: &str, line: usize, column: usize) -> bool {
    let mut lines = text.split('\n').skip(line.saturating_sub(1));
    let Some(this) = lines.next() else {
        return true;
    };
    this.chars()
        .skip(column.saturating_sub(1))
        .all(char::is_whitespace)
        && lines.all(|l| l.trim().is_empty())
}

/// Keys of a RON reader's list of expected names.
fn keys(names: &[&str]) -> Vec<Key> {
    names.iter().map(|n| Key::new(*n)).collect()
}

/// A RON reader's error code in words. A code saying another kind of token was expected is a
/// value of the wrong kind where the field is known (`expected`), else a syntax error.
pub(crate) fn ron_problem(code: &ron::Error, expected: Option<Expected>) -> Problem {
    use ron::Error as R;
    let token = |t: Token| match expected.clone() {
        Some(expected) => Problem::WrongType { expected },
        None => Problem::Syntax(Syntax::Expected(t)),
    };
    match code {
        R::ExpectedComma => Problem::Syntax(Syntax::MissingComma),
        R::ExpectedMapColon => Problem::Syntax(Syntax::MissingColon),
        R::ExpectedArrayEnd => Problem::Syntax(Syntax::Unclosed(Bracket::Square)),
        R::ExpectedMapEnd => Problem::Syntax(Syntax::Unclosed(Bracket::Brace)),
        R::ExpectedStructLikeEnd | R::ExpectedOptionEnd | R::ExpectedAttributeEnd => {
            Problem::Syntax(Syntax::Unclosed(Bracket::Paren))
        }
        R::ExpectedStringEnd => Problem::Syntax(Syntax::UnterminatedString),
        R::UnclosedBlockComment | R::UnclosedLineComment => Problem::Syntax(Syntax::UnclosedComment),
        R::Eof => Problem::Syntax(Syntax::UnexpectedEnd),
        R::TrailingCharacters => Problem::Syntax(Syntax::TrailingText),
        R::UnexpectedChar(c) => Problem::Syntax(Syntax::UnexpectedChar(*c)),
        R::InvalidEscape(_) => Problem::Syntax(Syntax::BadEscape),
        R::IntegerOutOfBounds => Problem::Syntax(Syntax::NumberOutOfRange),
        R::InvalidIntegerDigit { digit, base } => Problem::Syntax(Syntax::BadDigit {
            digit: *digit,
            base: *base,
        }),
        R::FloatUnderscore | R::UnderscoreAtBeginning => Problem::Syntax(Syntax::MisplacedUnderscore),
        R::Utf8Error(_) => Problem::Syntax(Syntax::NotUtf8),
        R::InvalidIdentifier(n) | R::SuggestRawIdentifier(n) => Problem::Syntax(Syntax::BadName(n.clone())),
        R::NoSuchExtension(n) => Problem::Syntax(Syntax::UnknownExtension(n.clone())),
        R::ExceededRecursionLimit => Problem::TooDeep {
            limit: super::parse::NESTING_LIMIT,
        },
        R::ExpectedArray => token(Token::List),
        R::ExpectedMap => token(Token::Map),
        R::ExpectedStructLike | R::ExpectedNamedStructLike(_) | R::ExpectedAttribute => token(Token::Struct),
        R::ExpectedBoolean => token(Token::Bool),
        R::ExpectedInteger => token(Token::Integer),
        R::ExpectedFloat => token(Token::Number),
        R::ExpectedChar => token(Token::Char),
        R::ExpectedString => token(Token::String),
        R::ExpectedByteString | R::ExpectedByteLiteral => token(Token::Bytes),
        R::ExpectedIdentifier | R::ExpectedStructName(_) => token(Token::Name),
        R::ExpectedUnit => token(Token::Unit),
        R::ExpectedOption => token(Token::Option),
        R::InvalidValueForType { expected: what, .. } => match expected {
            Some(expected) => Problem::WrongType { expected },
            None => Problem::Syntax(Syntax::Other(format!("expected {what}"))),
        },
        R::ExpectedDifferentStructName { expected, found } => {
            let expected = match *expected {
                super::parse::CHECKLIST_NAME => Some(FileKind::Checklist),
                super::parse::PROFILE_NAME => Some(FileKind::Profile),
                "Catalog" => Some(FileKind::Catalog),
                _ => None,
            };
            match expected {
                Some(expected) => Problem::WrongFileKind {
                    expected,
                    found: found.clone(),
                },
                None => token(Token::Struct),
            }
        }
        R::NoSuchStructField { expected, found, .. } => Problem::UnknownField {
            given: found.clone(),
            allowed: keys(expected),
        },
        R::MissingStructField { field, .. } => Problem::MissingField {
            field: Key::new(*field),
        },
        R::DuplicateStructField { field, .. } => Problem::DuplicateField {
            field: Key::new(*field),
        },
        R::NoSuchEnumVariant { expected, found, .. } => Problem::UnknownVariant {
            given: found.clone(),
            allowed: keys(expected),
        },
        other => Problem::Syntax(Syntax::Other(other.to_string())),
    }
}

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
