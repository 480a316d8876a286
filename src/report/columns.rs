//! The columns of the ranking and item exports, listed once: each column's key, its titles in
//! Chinese and English, its width in the workbook and how its cell is taken from a row. The CSV
//! files, the Excel workbook and the terminal table all lay out these lists, each in its own
//! way ([`Cell`] says what a cell holds; the writer says how it looks). The lists are built at
//! run time, so columns the catalog defines (its categories, say) can be pushed onto them.
//! No writing here, and no file.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::ranking::{ItemRow, ZoneRow};
use crate::model::{Category, Lang, Text};
use crate::scoring::Exact;

/// What one cell holds; each writer decides how it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    /// A whole number: a rank, a count.
    Count(usize),
    /// A score, shown to one place (a number with a one-place format in the workbook).
    Score(&'a Exact),
    /// A credit between 0 and 1, shown to four places.
    Credit(&'a Exact),
    /// A percentage, shown whole (with `%` in the terminal table).
    Percent(Decimal),
    /// Text from a zone's data or a checklist: the CSV guards it against being taken as a
    /// formula ([`super::csv::text_cell`]).
    Text(Cow<'a, str>),
    /// An id, a date or a word of the catalog, written as it is.
    Plain(Cow<'a, str>),
    /// A zone's name. The terminal table, which leaves the id column out to save width, shows
    /// the id after it: `侯马经济开发区 (houma)`.
    Zone { name: &'a str, id: &'a str },
    /// A value with a code for programs and a label for people: the CSV writes the code, the
    /// workbook and the terminal table the label.
    Coded { code: Cow<'a, str>, label: Cow<'a, str> },
    /// Whether the zone qualifies: `true`/`false` in the CSV, words in the others.
    Qualified(bool),
    /// A mark set on some rows: `true`/`false` in the CSV, a word or nothing in the workbook.
    Flag(bool),
}

impl Cell<'_> {
    /// True for numbers, which the terminal table aligns right.
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Cell::Count(_) | Cell::Score(_) | Cell::Credit(_) | Cell::Percent(_)
        )
    }
}

/// How a ranking column takes its cell from a zone's row.
pub type ZoneCell = Box<dyn for<'a> Fn(&'a ZoneRow) -> Cell<'a> + Send + Sync>;
/// How an item column takes its cell from a zone's row and one of its items.
pub type ItemCell = Box<dyn for<'a> Fn(&'a ZoneRow, &'a ItemRow) -> Cell<'a> + Send + Sync>;

/// One column of an export table.
pub struct Column<Get> {
    /// A stable name: the CSV's header in English, read by programs.
    pub key: Cow<'static, str>,
    /// The title in the workbook, and in the CSV in Chinese.
    pub title: Text,
    /// The width in the workbook, in Excel's units (about one digit; a Chinese character
    /// takes two).
    pub width: f64,
    /// Whether the CSV file carries the column.
    pub csv: bool,
    /// The title in the terminal table, which shows the column only when it has one.
    pub table: Option<Text>,
    /// Whether the text wraps in the workbook, so the row's height follows it.
    pub wraps: bool,
    /// The cell of a row.
    pub cell: Get,
}

/// A column of the ranking: one row per zone.
pub type ZoneColumn = Column<ZoneCell>;
/// A column of the items table: one row per item of every zone.
pub type ItemColumn = Column<ItemCell>;

impl<Get> Column<Get> {
    /// The title in the CSV: Chinese, or the key for English.
    pub fn csv_title(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => self.title.get(lang),
            Lang::En => &self.key,
        }
    }

    /// Leaves the column out of the CSV.
    fn not_in_csv(mut self) -> Self {
        self.csv = false;
        self
    }

    /// Shows the column in the terminal table, titled `zh`/`en`.
    fn in_table(mut self, zh: &str, en: &str) -> Self {
        self.table = Some(Text::new(zh, en));
        self
    }

    /// Fits the workbook row's height to the column's text.
    fn wrapping(mut self) -> Self {
        self.wraps = true;
        self
    }
}

fn column<Get>(key: &'static str, zh: &str, en: &str, width: f64, cell: Get) -> Column<Get> {
    Column {
        key: Cow::Borrowed(key),
        title: Text::new(zh, en),
        width,
        csv: true,
        table: None,
        wraps: false,
        cell,
    }
}

fn zone(
    key: &'static str,
    zh: &str,
    en: &str,
    width: f64,
    cell: impl for<'a> Fn(&'a ZoneRow) -> Cell<'a> + Send + Sync + 'static,
) -> ZoneColumn {
    column(key, zh, en, width, Box::new(cell))
}

fn item(
    key: &'static str,
    zh: &str,
    en: &str,
    width: f64,
    cell: impl for<'a> Fn(&'a ZoneRow, &'a ItemRow) -> Cell<'a> + Send + Sync + 'static,
) -> ItemColumn {
    column(key, zh, en, width, Box::new(cell))
}

fn text(s: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(s))
}

fn plain(s: &str) -> Cell<'_> {
    Cell::Plain(Cow::Borrowed(s))
}

/// The columns of the ranking, in order, with names in `lang`; after them, one per category
/// of the catalog (`categories`), the zone's score in it (the category profile; empty when
/// the checklist asks nothing of the category).
pub fn ranking(lang: Lang, categories: &[Category]) -> Vec<ZoneColumn> {
    let mut columns = fixed_ranking(lang);
    columns.extend(categories.iter().enumerate().map(|(k, c)| {
        let cell: ZoneCell =
            Box::new(
                move |z: &ZoneRow| match z.categories.get(k).and_then(|c| c.score.as_ref()) {
                    Some(score) => Cell::Score(score),
                    None => Cell::Plain(Cow::Borrowed("")),
                },
            );
        Column {
            key: Cow::Owned(format!("category_{}", c.id)),
            title: Text::new(format!("{}得分", c.name.zh), format!("{} score", c.name.en)),
            width: 10.0,
            csv: true,
            table: None,
            wraps: true,
            cell,
        }
    }));
    columns
}

/// The ranking's own columns, the same for every catalog.
fn fixed_ranking(lang: Lang) -> Vec<ZoneColumn> {
    vec![
        zone("rank", "排名", "Rank", 5.0, |z| Cell::Count(z.rank)).in_table("排名", "Rank"),
        zone("zone", "开发区编号", "Zone id", 10.0, |z| plain(&z.id)).wrapping(),
        zone("name", "开发区", "Zone", 26.0, |z| Cell::Zone {
            name: &z.name,
            id: &z.id,
        })
        .in_table("开发区", "Zone")
        .wrapping(),
        zone("score", "得分", "Score", 6.0, |z| Cell::Score(&z.score)).in_table("得分", "Score"),
        zone("qualified", "合格", "Qualified", 6.0, |z| {
            Cell::Qualified(z.qualified)
        })
        .in_table("资格", "Qualified"),
        zone("met", "满足", "Met", 5.0, |z| Cell::Count(z.counts.met)).in_table("✔", "✔"),
        zone("partial", "部分满足", "Partial", 6.0, |z| {
            Cell::Count(z.counts.partial)
        })
        .in_table("△", "△"),
        zone("unmet", "不满足", "Unmet", 6.0, |z| {
            Cell::Count(z.counts.unmet)
        })
        .in_table("✘", "✘"),
        zone("unknown", "待核实", "Unknown", 6.0, |z| {
            Cell::Count(z.counts.unknown)
        })
        .in_table("?", "?"),
        zone("completeness", "完整度(%)", "Completeness (%)", 8.0, |z| {
            Cell::Percent(z.completeness)
        })
        .in_table("完整度", "Data"),
        zone(
            "failed_must_haves",
            "未满足的必须项",
            "Must-haves not met",
            22.0,
            move |z| Cell::Coded {
                code: Cow::Owned(
                    z.failed_must
                        .iter()
                        .map(|(id, _)| id.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                label: Cow::Owned(
                    z.failed_must
                        .iter()
                        .map(|(_, name)| name.as_str())
                        .collect::<Vec<_>>()
                        .join(lang.list_separator()),
                ),
            },
        )
        .wrapping(),
        zone("largest_gap", "最大差距", "Largest gap", 32.0, |z| {
            text(z.largest_gap.as_deref().unwrap_or_default())
        })
        .in_table("最大差距", "Largest gap")
        .wrapping(),
        zone("readiness", "就绪等级", "Readiness", 12.0, |z| {
            plain(z.tier.as_ref().map_or("", |(_, name)| name.as_str()))
        })
        .not_in_csv()
        .wrapping(),
    ]
}

/// The columns of the items table, in order, with names in `lang`.
pub fn items(lang: Lang) -> Vec<ItemColumn> {
    vec![
        item("rank", "排名", "Rank", 5.0, |z, _| Cell::Count(z.rank)),
        item("zone", "开发区编号", "Zone id", 10.0, |z, _| plain(&z.id)).wrapping(),
        item("name", "开发区", "Zone", 20.0, |z, _| text(&z.name)).wrapping(),
        item("factor", "要素编号", "Factor id", 18.0, |_, i| {
            plain(&i.factor_id)
        })
        .wrapping(),
        item("factor_name", "要素", "Factor", 18.0, |_, i| {
            plain(&i.texts.factor)
        })
        .wrapping(),
        item("importance", "重要性", "Importance", 7.0, |_, i| Cell::Coded {
            code: Cow::Borrowed(i.importance.code()),
            label: Cow::Borrowed(i.texts.importance),
        }),
        item("status", "状态", "Status", 10.0, move |_, i| Cell::Coded {
            code: Cow::Borrowed(i.texts.status.code()),
            label: Cow::Owned(format!(
                "{} {}",
                i.texts.status.mark(),
                i.texts.status.label(lang)
            )),
        }),
        item("credit", "得分系数", "Credit", 7.0, |_, i| {
            Cell::Credit(&i.credit)
        }),
        item("required", "要求", "Required", 18.0, |_, i| {
            text(&i.texts.required)
        })
        .wrapping(),
        item("offered", "现有", "Offered", 18.0, |_, i| {
            text(i.texts.offered.as_deref().unwrap_or_default())
        })
        .wrapping(),
        item("gap", "差距", "Gap", 18.0, |_, i| {
            text(i.texts.gap.as_deref().unwrap_or_default())
        })
        .wrapping(),
        item("source", "来源", "Source", 30.0, |_, i| {
            text(i.texts.source.as_deref().unwrap_or_default())
        })
        .wrapping(),
        item("as_of", "数据日期", "As of", 10.0, |_, i| {
            Cell::Plain(Cow::Owned(
                i.texts.as_of.map(|d| d.to_string()).unwrap_or_default(),
            ))
        }),
        item("illustrative", "示例值", "Illustrative", 6.0, |_, i| {
            Cell::Flag(i.texts.illustrative)
        }),
        // Added after the columns scripts already read by position.
        item(
            "freshness",
            "数据时效",
            "Freshness",
            8.0,
            move |_, i| match i.texts.freshness {
                Some(f) => Cell::Coded {
                    code: Cow::Borrowed(f.code()),
                    label: Cow::Borrowed(f.label(lang)),
                },
                None => plain(""),
            },
        ),
        item("owner", "责任单位", "Owner", 20.0, |_, i| {
            text(i.texts.owner.as_deref().unwrap_or_default())
        })
        .wrapping(),
    ]
}
