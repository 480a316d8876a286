//! An investor's message, as it arrives (a WeChat message, an e-mail, a Word file), read into
//! a draft checklist: the project's header (investor, project, industry, investment, planned
//! intensity and tax per mu, planned start) and an item per requirement stated, each traced to
//! the words it came from; then every phrase that looked like a requirement and was not
//! understood, with the reason. Nothing is guessed: an amount in a unit SiteMatch does not
//! convert (千伏安 is not MW), with no time base (用水量2000吨) or in another currency is an
//! item for the officer to confirm, with no amount. Driven by the catalog: each factor's
//! names, aliases and keywords, its units and their spellings, and the catalog's `inquiry`
//! words; a factor added there is drafted with no code change. Pure: text and the day in.

mod dates;
mod docx;
mod header;
mod lexicon;
mod read;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::model::value::{self, YesNo};
use crate::model::{Catalog, Checklist, FactorIdx, Importance, Kind, Lang, Requirement, Text, Value};

pub use docx::{DocxError, docx_text};

/// The most characters of a message read: a letter is a few thousand; 10 MB of text is not a
/// message, and is refused with that said rather than read for minutes.
pub const MAX_CHARS: usize = 200_000;

/// A header field an item may stand for (a confirm item for money in another currency).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    TotalInvestment,
}

impl Field {
    /// The stable code of the JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Field::TotalInvestment => "total_investment",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::TotalInvestment, Lang::Zh) => "总投资",
            (Field::TotalInvestment, Lang::En) => "Total investment",
        }
    }
}

/// A span of the message, in characters: `[start, end)`.
pub type Span = (usize, usize);

/// One requirement drafted from the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftItem {
    /// The factor it asks of; `None` for a header field's confirm item (money in dollars).
    pub factor: Option<FactorIdx>,
    pub field: Option<Field>,
    /// The requirement; `None` for a confirm item, or a factor scored against the header
    /// (the industry, the planned intensity).
    pub required: Option<Value>,
    pub importance: Importance,
    /// The words it came from.
    pub span: Span,
    pub text: String,
    /// Why the officer must decide (no amount drafted), if so.
    pub confirm: Option<Text>,
    /// What else the words said (`一期150亩`, a range, `约`).
    pub notes: Vec<Text>,
}

impl DraftItem {
    /// The factor or header field it is for, as a reader sees it.
    pub fn name(&self, catalog: &Catalog, lang: Lang) -> String {
        match (self.factor, self.field) {
            (Some(f), _) => catalog.factor(f).name.get(lang).to_owned(),
            (None, Some(field)) => field.label(lang).to_owned(),
            (None, None) => String::new(),
        }
    }

    /// Its requirement as a reader sees it (`≥ 300 亩`, `七通一平`); `None` for an item to
    /// confirm or one scored against the header.
    pub fn required_text(&self, catalog: &Catalog, lang: Lang) -> Option<String> {
        let (value, f) = (self.required.as_ref()?, catalog.factor(self.factor?));
        let sign = match f.kind {
            Kind::AtLeast(_) => "≥ ",
            Kind::AtMost(_) => "≤ ",
            _ => "",
        };
        Some(format!("{sign}{}", value.text(catalog, f, lang)))
    }
}

/// A phrase that looked like a requirement and was not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    pub span: Span,
    pub text: String,
    pub reason: Text,
}

/// The planned start as read, with how it was read (`6月前` → the month's last day).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Start {
    pub date: Date,
    pub span: Span,
    pub how: Text,
}

/// The checklist header as drafted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub investor: String,
    pub project: String,
    /// Industry divisions (members of the catalog's industry vocabulary), best first.
    pub industry: Vec<u16>,
    /// In 万元.
    pub total_investment: Option<Decimal>,
    /// In 万元/亩.
    pub planned_intensity: Option<Decimal>,
    pub planned_tax_per_mu: Option<Decimal>,
    pub planned_start: Option<Start>,
    /// The words each header value came from, for the officer to see.
    pub spans: Vec<Span>,
}

/// A message read into a draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The message as read (a .docx's paragraphs joined by line breaks); spans index it.
    pub text: String,
    pub header: Header,
    pub items: Vec<DraftItem>,
    pub unread: Vec<Unread>,
}

/// Why a message is not read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InquiryError {
    /// Longer than [`MAX_CHARS`] characters.
    TooLong { chars: usize },
    /// Not text: bytes that are not UTF-8 (or NUL bytes), i.e. a binary file.
    NotText,
    /// Nothing in it.
    Empty,
}

impl crate::model::Localize for InquiryError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (InquiryError::TooLong { chars }, Lang::Zh) => {
                format!("来信过长（{chars} 字，最多 {MAX_CHARS} 字）：请只粘贴投资方的需求部分")
            }
            (InquiryError::TooLong { chars }, Lang::En) => format!(
                "the message is too long ({chars} characters, at most {MAX_CHARS}): paste only the investor's requirements"
            ),
            (InquiryError::NotText, Lang::Zh) => {
                "这不是文字：文件含有二进制内容（不是 UTF-8 文本），请另存为 .txt 或 .docx".into()
            }
            (InquiryError::NotText, Lang::En) => {
                "this is not text: the file holds binary content (not UTF-8); save it as .txt or .docx".into()
            }
            (InquiryError::Empty, Lang::Zh) => "来信是空的".into(),
            (InquiryError::Empty, Lang::En) => "the message is empty".into(),
        }
    }
}

crate::english_display!(InquiryError);

/// Why a file given as a message is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageError {
    Text(InquiryError),
    Docx(DocxError),
}

impl crate::model::Localize for MessageError {
    fn text(&self, lang: Lang) -> String {
        match self {
            MessageError::Text(e) => e.text(lang),
            MessageError::Docx(e) => e.text(lang),
        }
    }
}

crate::english_display!(MessageError);

/// A message from a file's bytes, by what they hold, not by the file's name: a Word document
/// (.docx, a zip archive) is read for its paragraphs and tables, an old Word file is refused
/// with how to save it, anything else must be UTF-8 text.
pub fn message_text(bytes: &[u8]) -> Result<String, MessageError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&crate::xlsx_in::OLE2) {
        return docx_text(bytes).map_err(MessageError::Docx);
    }
    text_of(bytes).map_err(MessageError::Text)
}

/// Reads bytes as a message: UTF-8 text (a byte-order mark dropped), refused when binary.
pub fn text_of(bytes: &[u8]) -> Result<String, InquiryError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| InquiryError::NotText)?;
    if text.contains('\0') {
        return Err(InquiryError::NotText);
    }
    Ok(text.to_owned())
}

/// Drafts a checklist from a message, `today` the day relative dates are read against
/// (今年, 明年, within 6 months).
pub fn draft(text: &str, catalog: &Catalog, today: Date) -> Result<Draft, InquiryError> {
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        return Err(InquiryError::TooLong { chars });
    }
    if text.trim().is_empty() {
        return Err(InquiryError::Empty);
    }
    Ok(read::read(text, catalog, today))
}

/// What the officer decided about one drafted item: taken or not, and for a confirm item the
/// figure they typed (read as the form reads it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decision {
    pub take: bool,
    pub figure: String,
}

impl Decision {
    /// The decision a draft starts with: items ticked, confirm items not.
    pub fn initial(item: &DraftItem) -> Self {
        Decision {
            take: item.confirm.is_none(),
            figure: String::new(),
        }
    }
}

/// Why an officer's figure for a confirm item cannot be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureError {
    pub item: usize,
    pub message: Text,
}

impl Draft {
    /// The decisions a draft starts with, one per item.
    pub fn initial_decisions(&self) -> Vec<Decision> {
        self.items.iter().map(Decision::initial).collect()
    }

    /// The checklist the officer's decisions make: the header, and each item taken with a
    /// value (its own, or the figure typed for a confirm item), its note quoting the words it
    /// came from (`摘自来信：用电负荷约3万千伏安`).
    pub fn checklist(
        &self,
        catalog: &Catalog,
        decisions: &[Decision],
    ) -> Result<Checklist, Vec<FigureError>> {
        let mut c = Checklist::new(catalog);
        c.investor = clip(&self.header.investor, crate::model::parse::MAX_NAME_CHARS);
        c.project = clip(&self.header.project, crate::model::parse::MAX_NAME_CHARS);
        c.industry = self.header.industry.first().copied();
        c.total_investment = self.header.total_investment;
        c.planned_intensity = self.header.planned_intensity;
        c.planned_tax_per_mu = self.header.planned_tax_per_mu;
        c.pipeline.planned_start = self.header.planned_start.as_ref().map(|s| s.date);
        let mut errors = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            let decision = decisions
                .get(i)
                .cloned()
                .unwrap_or_else(|| Decision::initial(item));
            if !decision.take {
                continue;
            }
            let figure = decision.figure.trim();
            match (item.factor, item.field) {
                (Some(factor), _) => {
                    let f = catalog.factor(factor);
                    let required = if figure.is_empty() {
                        item.required.clone()
                    } else {
                        match figure_value(catalog, f, figure) {
                            Ok(v) => Some(v),
                            Err(message) => {
                                errors.push(FigureError { item: i, message });
                                continue;
                            }
                        }
                    };
                    if required.is_none() && item.confirm.is_some() {
                        // A confirm item taken without a figure: the officer must give one.
                        errors.push(FigureError {
                            item: i,
                            message: Text::new("请填写确认后的数值", "enter the confirmed figure"),
                        });
                        continue;
                    }
                    let note = clip(
                        &format!("摘自来信：{}", item.text),
                        crate::model::parse::MAX_NOTE_CHARS,
                    );
                    c.set_item(
                        factor,
                        Some(Requirement {
                            importance: item.importance,
                            required,
                            note,
                        }),
                    );
                }
                (None, Some(Field::TotalInvestment)) if !figure.is_empty() => {
                    match crate::model::amount::read_field(figure, &Text::new("万元", "× 10,000 yuan")) {
                        Ok(amount) => c.total_investment = amount,
                        Err(e) => errors.push(FigureError {
                            item: i,
                            message: Text::new(
                                crate::model::Localize::text(&e, Lang::Zh),
                                crate::model::Localize::text(&e, Lang::En),
                            ),
                        }),
                    }
                }
                _ => {}
            }
        }
        if errors.is_empty() { Ok(c) } else { Err(errors) }
    }
}

/// At most `max` characters of a text, with no control characters (a checklist's names and
/// notes are one line of print).
fn clip(text: &str, max: usize) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect::<String>()
        .trim()
        .to_owned()
}

/// A figure the officer typed for a factor, read as the checklist form reads it.
fn figure_value(catalog: &Catalog, f: &crate::model::Factor, figure: &str) -> Result<Value, Text> {
    let localized = |e: &dyn crate::model::Localize| Text::new(e.text(Lang::Zh), e.text(Lang::En));
    match &f.kind {
        Kind::AtLeast(m) | Kind::AtMost(m) => {
            let (amount, unit) =
                crate::model::amount::read_amount(figure, m.unit_words(Some(m.unit)), m.unit)
                    .map_err(|e| localized(&e))?;
            crate::model::Quantity::new(catalog, m, amount, unit)
                .map(Value::Amount)
                .map_err(|e| localized(&e))
        }
        Kind::YesNo => Ok(Value::YesNo(YesNo::Yes)),
        Kind::Level(_) => value::parse_level(f, figure)
            .map(Value::Level)
            .map_err(|e| localized(&e)),
        Kind::Set(v) => {
            let names: Vec<&str> = figure
                .split(['、', ',', '，', ';', '；'])
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            value::parse_members(catalog, *v, &names)
                .map(Value::set)
                .map_err(|e| localized(&e))
        }
    }
}

#[cfg(test)]
mod tests;
