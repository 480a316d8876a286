//! Structurally valid workbooks of both layouts the inventory import reads, with arbitrary and
//! plausible cells: a province's wide table (a header row of factor names and aliases with
//! units, sometimes under a title row, merged cells up to the sheet's far corner, a zone column,
//! sometimes a date and a source column, and rows of numbers with 万/亿 and unit words, yes/no
//! words, planned dates, levels, sets joined by 、, formulas with and without results, errors,
//! date formats, long texts and cells far away) and SiteMatch's own update workbook (its column
//! titles in Chinese or English, rows of the sample zones' figures with the labels as exported
//! or changed, and input cells filled). The import never panics and stays in bounded memory
//! (run with `-rss_limit_mb=512 -malloc_limit_mb=512`); every zone it proposes, all figures
//! accepted, writes to a profile file that reads back the same, a new zone's id is a file
//! stem no other zone has, and reading the same workbook again over the profiles so changed
//! proposes none of those figures again.
//!
//! The workbook is zipped here from its XML parts (stored, or deflated one time in 16); one
//! input in 64 is instead the update workbook written by SiteMatch's own writer, some labels
//! changed, with input cells put into its sheet. Both are chosen by a hash of the whole input.
#![no_main]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{Cursor, Read as _, Write as _};
use std::sync::OnceLock;

use arbitrary::{Result, Unstructured};
use jiff::civil::Date;
use libfuzzer_sys::fuzz_target;
use sitematch::import::{self, Judgement, Options, Target};
use sitematch::model::parse::check_profile_id;
use sitematch::model::{FactorIdx, Kind, Lang, ZoneProfile, parse_profile, write_profile};
use sitematch::report::inventory_sheet::{self, Column, Filter};
use sitematch::xlsx_in::cell_name;
use sitematch_fuzz::catalog;

/// One input in this many is the update workbook as SiteMatch writes it.
const WRITER_EVERY: u64 = 64;
/// One workbook in this many made here is deflated (the others are stored).
const DEFLATE_EVERY: u64 = 16;
/// Excel's last row and column (0-based), and its longest text.
const LAST_ROW: u32 = 1_048_575;
const LAST_COL: u16 = 16_383;
const LONGEST: usize = 32_767;
/// Rows of zones or figures, factor columns, and cells put anywhere, at most.
const ROWS: usize = 12;
const FACTORS: usize = 10;
const STRAYS: usize = 8;

/// The day every import is made on.
fn today() -> Date {
    Date::constant(2026, 12, 8)
}

/// Cell formats in styles.xml: 0 General, 1 a date (built-in 14), 2 a custom date, 3 a
/// duration (built-in 46), 4 two decimals (built-in 2), 5 text (built-in 49).
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;
const STYLE_COUNT: u32 = 6;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

/// Text as XML character data: markup escaped, and characters XML cannot hold written as
/// Excel writes them (`_x0001_`).
fn escape(out: &mut String, s: &str) {
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(ch),
            c if u32::from(c) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "_x{:04X}_", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

/// `<t>` with the text, keeping its spaces.
fn t(out: &mut String, s: &str) {
    out.push_str(r#"<t xml:space="preserve">"#);
    escape(out, s);
    out.push_str("</t>");
}

/// What every input shares: the sample zones, the update workbook's rows of them in either
/// language, and the words tables use.
struct Base {
    zones: Vec<ZoneProfile>,
    /// The update workbook's rows, Chinese and English.
    rows: [Vec<inventory_sheet::Row>; 2],
    /// Factor headers: names and aliases in either language.
    headers: Vec<(FactorIdx, String)>,
    /// Unit words of each factor (empty for a factor that has none).
    units: Vec<Vec<String>>,
    /// Every word a cell may plausibly hold: level and member names, unit words, answers.
    words: Vec<String>,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let c = catalog();
        let zones: Vec<ZoneProfile> = sitematch::assets::sample_profiles()
            .map(|(id, text)| parse_profile(text, id, c).expect("a sample zone"))
            .collect();
        let rows = [Lang::Zh, Lang::En]
            .map(|lang| inventory_sheet::rows(c, &zones, &Filter::default(), today(), lang));
        let mut headers: Vec<(FactorIdx, String)> =
            c.factor_names().map(|(n, f)| (f, n.to_owned())).collect();
        let mut units = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for (f, factor) in c.factors() {
            headers.push((f, factor.name.zh.clone()));
            headers.push((f, factor.name.en.clone()));
            headers.extend(factor.aliases.iter().map(|a| (f, a.clone())));
            let mut us = Vec::new();
            if let Some(m) = factor.kind.measure() {
                for u in &m.units {
                    let unit = c.unit(*u);
                    us.extend([unit.id.clone(), unit.name.zh.clone(), unit.name.en.clone()]);
                }
            }
            words.extend(us.iter().cloned());
            units.push(us);
            match &factor.kind {
                Kind::Level(levels) => {
                    for l in levels {
                        words.extend([l.id.clone(), l.name.zh.clone(), l.name.en.clone()]);
                    }
                }
                Kind::Set(v) => {
                    for m in &c.vocabulary(*v).members {
                        words.extend([m.id.clone(), m.name.zh.clone(), m.name.en.clone()]);
                        words.extend(m.keywords.iter().cloned());
                    }
                }
                _ => {}
            }
            words.push(factor.id.clone());
        }
        headers.sort();
        headers.dedup();
        words.extend(
            [
                "是",
                "否",
                "有",
                "无",
                "未知",
                "不详",
                "计划",
                "Planned",
                "yes",
                "no",
                "Yes",
                "No",
                "unknown",
                "",
                " ",
                "0",
                "-1",
                "1e3",
                "约100",
                "100-200",
                ">50",
                "万",
                "亿",
                "合计",
                "注：数据截至2024年底",
                "2025年6月底前建成",
                "2025年6月前",
                "2024年底",
                "2024-06-30",
                "2024/6/30",
                "计划2026年",
            ]
            .map(str::to_owned),
        );
        words.sort();
        words.dedup();
        Base {
            zones,
            rows,
            headers,
            units,
            words,
        }
    })
}

/// A text: arbitrary, one character many times (up to Excel's longest), or words of a table.
fn text(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=5)? {
        0 | 1 => u.arbitrary::<String>()?.chars().take(LONGEST).collect(),
        2 => {
            let ch: char = u.arbitrary()?;
            let n = u.int_in_range(0..=LONGEST)?;
            std::iter::repeat_n(ch, n).collect()
        }
        3 => format!(" {} ", u.choose(&base().words)?),
        4 => {
            let n = u.int_in_range(1..=4)?;
            let mut s = String::new();
            for i in 0..n {
                if i > 0 {
                    s.push_str(u.choose(&[",", "，", "、", ";", " ", "/"])?);
                }
                s.push_str(u.choose(&base().words)?);
            }
            s
        }
        _ => u.choose(&base().words)?.clone(),
    })
}

/// What a number cell holds: a number as Excel or Rust writes it, or text that only looks like
/// one (or does not).
fn number(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=6)? {
        0 => format!("{}", u.arbitrary::<f64>()?),
        1 => format!("{:E}", u.arbitrary::<f64>()?),
        2 => u.int_in_range(-100_000i64..=100_000)?.to_string(),
        3 => {
            let n = u.int_in_range(1..=40)?;
            let mut s = String::new();
            for _ in 0..n {
                s.push(char::from(b'0' + u.int_in_range(0..=9)?));
            }
            if u.arbitrary()? {
                s.insert(u.int_in_range(0..=s.len())?, '.');
            }
            s
        }
        4 => format!(
            "{}E{}",
            u.int_in_range(-99i32..=99)?,
            u.int_in_range(-400i32..=400)?
        ),
        5 => (*u.choose(&[
            "NaN",
            "inf",
            "-inf",
            "1e309",
            "1E-400",
            "-0",
            " 5",
            "",
            ".",
            "+1",
            "1,000",
            "4.9E-324",
            "1.7976931348623157E+308",
            "0.1",
            "13.4",
            "1677",
        ])?)
        .to_owned(),
        _ => {
            let s: String = u.arbitrary()?;
            s.chars().take(64).collect()
        }
    })
}

/// A day as a table writes it, or not quite.
fn date_text(u: &mut Unstructured) -> Result<String> {
    let (y, m, d) = (
        u.int_in_range(2015..=2030)?,
        u.int_in_range(1..=12)?,
        u.int_in_range(1..=31)?,
    );
    Ok(match u.int_in_range(0..=9)? {
        0 | 1 => format!("{y:04}-{m:02}-{d:02}"),
        2 => format!("{y}年{m}月{d}日"),
        3 => format!("{y}年{m}月"),
        4 => format!("{y}年底"),
        5 => format!("{y}/{m}/{d}"),
        6 => format!("{y}.{m:02}.{d:02}"),
        7 => format!("{y}年{m}月底前"),
        8 => (*u.choose(&[
            "0000-01-01",
            "9999-12-31",
            "-0001-01-01",
            "2024-02-30",
            "2024年13月",
            "2024",
            "20240630",
            "上半年",
        ])?)
        .to_owned(),
        _ => text(u)?,
    })
}

/// A plausible figure of `f`, in words.
fn figure_text(u: &mut Unstructured, f: FactorIdx) -> Result<String> {
    let c = catalog();
    let factor = c.factor(f);
    let b = base();
    Ok(match &factor.kind {
        Kind::AtLeast(_) | Kind::AtMost(_) => {
            let n = if u.arbitrary()? {
                u.int_in_range(0..=100_000u32)?.to_string()
            } else {
                number(u)?
            };
            let scale = *u.choose(&["", "", "", "万", "亿", "千"])?;
            let unit = match b.units.get(f.index()) {
                Some(us) if !us.is_empty() && u.arbitrary()? => u.choose(us)?.clone(),
                _ => String::new(),
            };
            let space = *u.choose(&["", "", " "])?;
            format!("{n}{space}{scale}{unit}")
        }
        Kind::YesNo => match u.int_in_range(0..=4)? {
            0 => (*u.choose(&["是", "否", "未知", "有", "无", "yes", "No", "计划", "已建成"])?).to_owned(),
            1 => format!("{}前建成", date_text(u)?),
            2 => date_text(u)?,
            _ => (*u.choose(&["是", "否"])?).to_owned(),
        },
        Kind::Level(levels) => {
            let l = u.choose(levels)?;
            (*u.choose(&[&l.name.zh, &l.name.en, &l.id])?).clone()
        }
        Kind::Set(v) => {
            let members = &c.vocabulary(*v).members;
            let n = u.int_in_range(0..=4)?;
            let sep = *u.choose(&["、", "、", "，", ",", ";", " "])?;
            let mut s = String::new();
            for i in 0..n {
                if i > 0 {
                    s.push_str(sep);
                }
                let m = u.choose(members)?;
                s.push_str(u.choose(&[&m.name.zh, &m.name.en, &m.id])?);
            }
            if n == 0 {
                s.push_str(u.choose(&["无", "未知", ""])?);
            }
            s
        }
    })
}

/// The workbook being made: its shared strings and sheets.
#[derive(Default)]
struct Book {
    strings: String,
    string_count: u32,
    sheets: Vec<Sheet>,
}

#[derive(Default)]
struct Sheet {
    name: String,
    hidden: bool,
    cells: BTreeMap<(u32, u16), String>,
    merges: Vec<String>,
}

impl Book {
    fn shared(&mut self, s: &str) -> u32 {
        self.strings.push_str("<si>");
        t(&mut self.strings, s);
        self.strings.push_str("</si>");
        self.string_count += 1;
        self.string_count - 1
    }

    /// A text cell's XML, inline or shared (or a number when it reads as one and the input
    /// says so).
    fn text_cell(&mut self, u: &mut Unstructured, r: &str, s: &str) -> Result<String> {
        Ok(match u.int_in_range(0..=5)? {
            0 | 1 => {
                let mut body = String::new();
                t(&mut body, s);
                format!(r#"<c r="{r}" t="inlineStr"><is>{body}</is></c>"#)
            }
            2 if s.trim().parse::<f64>().is_ok() => {
                let mut v = String::new();
                escape(&mut v, s.trim());
                format!(r#"<c r="{r}"><v>{v}</v></c>"#)
            }
            _ => format!(r#"<c r="{r}" t="s"><v>{}</v></c>"#, self.shared(s)),
        })
    }

    /// Any cell at all: every type, style and formula.
    fn any_cell(&mut self, u: &mut Unstructured, r: &str) -> Result<String> {
        let style = match u.int_in_range(0..=6)? {
            0..=3 => String::new(),
            4 | 5 => format!(r#" s="{}""#, u.int_in_range(0..=STYLE_COUNT - 1)?),
            _ => format!(r#" s="{}""#, u.arbitrary::<u32>()?),
        };
        let mut body = String::new();
        let kind = match u.int_in_range(0..=10)? {
            0 | 1 => {
                let s = text(u)?;
                return self.text_cell(u, r, &s);
            }
            2 => {
                // A shared string the table does not have.
                let v = match u.int_in_range(0..=2)? {
                    0 => self.string_count.to_string(),
                    1 => u.arbitrary::<u32>()?.to_string(),
                    _ => number(u)?,
                };
                body.push_str("<v>");
                escape(&mut body, &v);
                body.push_str("</v>");
                r#" t="s""#
            }
            3 | 4 => {
                body.push_str("<v>");
                escape(&mut body, &number(u)?);
                body.push_str("</v>");
                if u.arbitrary()? { r#" t="n""# } else { "" }
            }
            5 => {
                let v = *u.choose(&["0", "1", "true", "FALSE", "", "2"])?;
                let _ = write!(body, "<v>{v}</v>");
                r#" t="b""#
            }
            6 => {
                let v = *u.choose(&["#DIV/0!", "#N/A", "#NAME?", "#REF!", "#VALUE!", "#SPILL!", "oops"])?;
                let _ = write!(body, "<v>{v}</v>");
                r#" t="e""#
            }
            7 | 8 => {
                // A formula, with or without its saved result.
                body.push_str("<f>");
                escape(&mut body, u.choose(&["SUM(A1:A9)", "1/0", "B7*2", "\"是\"", ""])?);
                body.push_str("</f>");
                match u.int_in_range(0..=4)? {
                    0 => "",
                    1 => {
                        body.push_str("<v>");
                        escape(&mut body, &number(u)?);
                        body.push_str("</v>");
                        ""
                    }
                    2 => {
                        body.push_str("<v>");
                        escape(&mut body, &text(u)?);
                        body.push_str("</v>");
                        r#" t="str""#
                    }
                    3 => {
                        let _ = write!(body, "<v>{}</v>", u.int_in_range(0..=1)?);
                        r#" t="b""#
                    }
                    _ => {
                        body.push_str("<v>#DIV/0!</v>");
                        r#" t="e""#
                    }
                }
            }
            9 => {
                // A day count in a date or duration format, as Excel keeps a date.
                let v = match u.int_in_range(0..=2)? {
                    0 => u.int_in_range(-10i32..=2_958_466)?.to_string(),
                    1 => u.int_in_range(42_000i32..=48_000)?.to_string(),
                    _ => format!("{}", u.int_in_range(0..=100_000)? as f64 / 7.0),
                };
                let s = u.int_in_range(1..=3)?;
                return Ok(format!(r#"<c r="{r}" s="{s}"><v>{v}</v></c>"#));
            }
            _ => {
                // An ISO 8601 date (strict Open XML).
                let v = if u.arbitrary()? {
                    format!(
                        "{:04}-{:02}-{:02}T00:00:00",
                        u.int_in_range(1900..=9999)?,
                        u.int_in_range(1..=12)?,
                        u.int_in_range(1..=31)?
                    )
                } else {
                    text(u)?
                };
                body.push_str("<v>");
                escape(&mut body, &v);
                body.push_str("</v>");
                r#" t="d""#
            }
        };
        Ok(if body.is_empty() {
            format!(r#"<c r="{r}"{style}{kind}/>"#)
        } else {
            format!(r#"<c r="{r}"{style}{kind}>{body}</c>"#)
        })
    }

    /// A cell that holds `s` mostly, or anything one time in `1 / odds`.
    fn cell(&mut self, u: &mut Unstructured, r: &str, s: &str, odds: u8) -> Result<String> {
        if u.ratio(1, odds)? {
            self.any_cell(u, r)
        } else {
            self.text_cell(u, r, s)
        }
    }
}

/// A unit after a header: in brackets of either width, after a slash, or none.
fn header_unit(u: &mut Unstructured, f: FactorIdx) -> Result<String> {
    let units = &base().units[f.index()];
    let unit = if !units.is_empty() && u.ratio(3, 4)? {
        format!("{}{}", u.choose(&["", "", "万", "亿"])?, u.choose(units)?)
    } else if u.ratio(1, 4)? {
        text(u)?
    } else {
        return Ok(String::new());
    };
    Ok(match u.int_in_range(0..=3)? {
        0 => format!("（{unit}）"),
        1 => format!("({unit})"),
        2 => format!("/{unit}"),
        _ => format!(" {unit}"),
    })
}

/// Cells anywhere on a sheet, and merged ranges (to the sheet's far corner too).
fn strays(u: &mut Unstructured, book: &mut Book, sheet: &mut Sheet, rows: u32, cols: u16) -> Result<()> {
    for _ in 0..u.int_in_range(0..=STRAYS)? {
        let (r, c) = if u.ratio(1, 3)? {
            (u.int_in_range(0..=LAST_ROW)?, u.int_in_range(0..=LAST_COL)?)
        } else {
            (u.int_in_range(0..=rows + 4)?, u.int_in_range(0..=cols + 2)?)
        };
        let xml = book.any_cell(u, &cell_name(r, c))?;
        sheet.cells.insert((r, c), xml);
    }
    for _ in 0..u.int_in_range(0..=3)? {
        let (r0, c0) = (u.int_in_range(0..=rows + 1)?, u.int_in_range(0..=cols)?);
        let (r1, c1) = match u.int_in_range(0..=3)? {
            0 => (LAST_ROW, LAST_COL),
            1 => (u.int_in_range(r0..=LAST_ROW)?, u.int_in_range(c0..=LAST_COL)?),
            _ => (u.int_in_range(r0..=rows + 2)?, u.int_in_range(c0..=cols + 1)?),
        };
        sheet
            .merges
            .push(format!("{}:{}", cell_name(r0, c0), cell_name(r1, c1)));
    }
    Ok(())
}

/// A zone's name in a province's table: a sample zone's (either language), a new one, a total
/// or a note, or anything.
fn zone_name(u: &mut Unstructured) -> Result<String> {
    let b = base();
    Ok(match u.int_in_range(0..=5)? {
        0 | 1 => {
            let z = u.choose(&b.zones)?;
            if u.arbitrary()? {
                z.name.zh.clone()
            } else {
                z.name.en.clone()
            }
        }
        2 => (*u.choose(&[
            "甲开发区",
            "乙开发区",
            "侯马经济开发区",
            "示范园区",
            "Zone 7",
            "合计",
            "注：数据截至2024年底",
            "Zone",
            "ZONE",
            "!!",
        ])?)
        .to_owned(),
        3 => format!("{}开发区", u.choose(&["甲", "乙", "丙", "一", "二"])?),
        _ => text(u)?,
    })
}

/// A zone's id in a table: a sample's (in another case too), a new one, a bad one, anything.
fn zone_id(u: &mut Unstructured) -> Result<String> {
    let b = base();
    Ok(match u.int_in_range(0..=5)? {
        0 | 1 => u.choose(&b.zones)?.id.clone(),
        2 => u.choose(&b.zones)?.id.to_uppercase(),
        3 => (*u.choose(&[
            "new-zone", "New-Zone", "z_1", "a b", "侯马", "zone", "zone-2", "ZONE",
        ])?)
        .to_owned(),
        _ => text(u)?,
    })
}

/// Column roles of a province's table other than factors.
const NAME_HEADERS: &[&str] = &[
    "开发区名称",
    "开发区",
    "园区名称",
    "开发区（园区）名称",
    "Zone name",
    "名称",
];
const ID_HEADERS: &[&str] = &["编号", "开发区编号", "Zone ID", "代码"];
const DATE_HEADERS: &[&str] = &["数据日期", "截止日期", "数据截至日期", "As of", "日期"];
const SOURCE_HEADERS: &[&str] = &["数据来源", "来源", "Source"];
const OTHER_HEADERS: &[&str] = &["序号", "所在地区", "地市", "备注", "No."];

/// What a column of a wide table holds.
#[derive(Clone, Copy)]
enum Role {
    Name,
    Id,
    Date,
    Source,
    Other,
    Factor(FactorIdx),
}

/// A province's wide table.
fn wide(u: &mut Unstructured, book: &mut Book, name: &str) -> Result<Sheet> {
    let b = base();
    let mut sheet = Sheet {
        name: name.to_owned(),
        ..Sheet::default()
    };
    let mut roles: Vec<(Role, String)> = Vec::new();
    let mut headers = |u: &mut Unstructured, list: &[&str], role: Role, odds: u8| -> Result<()> {
        if u.ratio(odds, 4)? {
            roles.push((role, (*u.choose(list)?).to_owned()));
        }
        Ok(())
    };
    headers(u, OTHER_HEADERS, Role::Other, 1)?;
    headers(u, NAME_HEADERS, Role::Name, 3)?;
    headers(u, ID_HEADERS, Role::Id, 2)?;
    headers(u, DATE_HEADERS, Role::Date, 2)?;
    headers(u, SOURCE_HEADERS, Role::Source, 1)?;
    for _ in 0..u.int_in_range(1..=FACTORS)? {
        let (f, h) = u.choose(&b.headers)?;
        let h = if u.ratio(1, 16)? {
            text(u)?
        } else {
            format!("{h}{}", header_unit(u, *f)?)
        };
        roles.push((Role::Factor(*f), h));
    }
    // Columns in any order.
    for i in (1..roles.len()).rev() {
        let j = u.int_in_range(0..=i)?;
        roles.swap(i, j);
    }
    let cols = u16::try_from(roles.len()).unwrap_or(u16::MAX);
    let mut header = 0;
    if u.ratio(1, 2)? {
        // A title, merged over the header's width, or to the sheet's far corner.
        let title = format!("{}年全省开发区要素保障情况表", u.int_in_range(2020..=2026)?);
        let xml = book.text_cell(u, "A1", &title)?;
        sheet.cells.insert((0, 0), xml);
        let right = if u.ratio(1, 8)? {
            LAST_COL
        } else {
            cols.saturating_sub(1)
        };
        sheet.merges.push(format!("A1:{}", cell_name(0, right)));
        header = u.int_in_range(1..=3)?;
    }
    for (c, (_, h)) in roles.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        let r = cell_name(header, c);
        let xml = book.cell(u, &r, h, 32)?;
        sheet.cells.insert((header, c), xml);
    }
    let rows = u32::try_from(u.int_in_range(0..=ROWS)?).unwrap_or(0);
    for r in header + 1..=header + rows {
        for (c, (role, _)) in roles.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            if u.ratio(1, 8)? {
                continue;
            }
            let s = match role {
                Role::Name => zone_name(u)?,
                Role::Id => zone_id(u)?,
                Role::Date => {
                    if u.ratio(1, 4)? {
                        // A day count in a date format.
                        let v = u.int_in_range(40_000..=48_000)?;
                        sheet.cells.insert(
                            (r, c),
                            format!(r#"<c r="{}" s="1"><v>{v}</v></c>"#, cell_name(r, c)),
                        );
                        continue;
                    }
                    date_text(u)?
                }
                Role::Source => text(u)?,
                Role::Other => number(u)?,
                Role::Factor(f) => figure_text(u, *f)?,
            };
            let xml = book.cell(u, &cell_name(r, c), &s, 8)?;
            sheet.cells.insert((r, c), xml);
        }
    }
    strays(u, book, &mut sheet, header + rows, cols)?;
    Ok(sheet)
}

/// The update workbook's sheet: its titles in `lang` (sometimes under a title row), rows of the
/// sample zones' figures with their labels as exported or changed, and the inputs filled.
fn long(u: &mut Unstructured, book: &mut Book, name: &str) -> Result<Sheet> {
    let b = base();
    let lang = if u.arbitrary()? { Lang::Zh } else { Lang::En };
    let exported = &b.rows[usize::from(lang == Lang::En)];
    let mut sheet = Sheet {
        name: name.to_owned(),
        ..Sheet::default()
    };
    // Where each column is: as written, or moved about.
    let mut at: Vec<u16> = Column::ALL.iter().map(|c| c.index()).collect();
    if u.ratio(1, 8)? {
        for i in (1..at.len()).rev() {
            let j = u.int_in_range(0..=i)?;
            at.swap(i, j);
        }
    }
    let header = if u.ratio(1, 8)? {
        let xml = book.text_cell(u, "A1", "填报表")?;
        sheet.cells.insert((0, 0), xml);
        u.int_in_range(1..=2)?
    } else {
        0
    };
    for (col, c) in Column::ALL.iter().zip(&at) {
        // The three the reader needs are always there.
        let needed = matches!(col, Column::Zone | Column::FactorId | Column::NewValue);
        if !needed && u.ratio(1, 16)? {
            continue;
        }
        let xml = book.cell(u, &cell_name(header, *c), col.title(lang), 64)?;
        sheet.cells.insert((header, *c), xml);
    }
    let rows = u32::try_from(u.int_in_range(1..=ROWS)?).unwrap_or(1);
    for r in header + 1..=header + rows {
        let row = u.choose(exported)?;
        for (col, c) in Column::ALL.iter().zip(&at) {
            let place = cell_name(r, *c);
            let s = if !col.is_input() {
                // The label as exported, mostly; sometimes another.
                match u.int_in_range(0..=15)? {
                    0 => text(u)?,
                    1 if *col == Column::Zone => zone_id(u)?,
                    1 if *col == Column::FactorId => u.choose(exported)?.label(Column::FactorId).to_owned(),
                    _ => row.label(*col).to_owned(),
                }
            } else {
                if u.ratio(1, 2)? {
                    continue;
                }
                match col {
                    Column::NewValue => match u.int_in_range(0..=6)? {
                        0 => TEXTS_PLANNED[usize::from(lang == Lang::En)].to_owned(),
                        1 => text(u)?,
                        _ => figure_text(u, row.factor)?,
                    },
                    Column::NewPlanned => figure_text(u, row.factor)?,
                    Column::NewPlannedBy | Column::NewAsOf => {
                        if u.ratio(1, 4)? {
                            let v = u.int_in_range(40_000..=48_000)?;
                            sheet
                                .cells
                                .insert((r, *c), format!(r#"<c r="{place}" s="1"><v>{v}</v></c>"#));
                            continue;
                        }
                        date_text(u)?
                    }
                    _ => text(u)?,
                }
            };
            if s.is_empty() {
                continue;
            }
            let xml = book.cell(u, &place, &s, 16)?;
            sheet.cells.insert((r, *c), xml);
        }
    }
    let cols = u16::try_from(Column::ALL.len()).unwrap_or(0);
    strays(u, book, &mut sheet, header + rows, cols)?;
    Ok(sheet)
}

/// The planned answer in the update workbook's words, Chinese and English.
const TEXTS_PLANNED: [&str; 2] = ["计划", "Planned"];

/// A sheet's XML: its cells row by row, and its merged ranges.
fn sheet_xml(sheet: &Sheet) -> String {
    let mut out = String::with_capacity(16 << 10);
    out.push_str(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>"#,
    );
    let mut row = None;
    for ((r, _), xml) in &sheet.cells {
        if row != Some(*r) {
            if row.is_some() {
                out.push_str("</row>");
            }
            let _ = write!(out, r#"<row r="{}">"#, r + 1);
            row = Some(*r);
        }
        out.push_str(xml);
    }
    if row.is_some() {
        out.push_str("</row>");
    }
    out.push_str("</sheetData>");
    if !sheet.merges.is_empty() {
        let _ = write!(out, r#"<mergeCells count="{}">"#, sheet.merges.len());
        for m in &sheet.merges {
            let _ = write!(out, r#"<mergeCell ref="{m}"/>"#);
        }
        out.push_str("</mergeCells>");
    }
    out.push_str("</worksheet>");
    out
}

/// The workbook zipped, stored or deflated.
fn zipped(book: &Book, deflate: bool) -> Vec<u8> {
    let n = book.sheets.len();
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#,
    );
    let mut sheets = String::new();
    for (i, s) in book.sheets.iter().enumerate() {
        let k = i + 1;
        let _ = write!(
            types,
            r#"<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        );
        let _ = write!(
            rels,
            r#"<Relationship Id="rId{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{k}.xml"/>"#,
            k + 2
        );
        let mut name = String::new();
        escape(&mut name, &s.name);
        let state = if s.hidden { r#" state="hidden""# } else { "" };
        let _ = write!(
            sheets,
            r#"<sheet name="{name}" sheetId="{k}"{state} r:id="rId{}"/>"#,
            k + 2
        );
    }
    types.push_str("</Types>");
    rels.push_str("</Relationships>");
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>"#
    );
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{1}</sst>"#,
        book.string_count, book.strings
    );
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(deflate.then_some(1));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), types.into_bytes()),
        ("_rels/.rels".into(), RELS.as_bytes().to_vec()),
        ("xl/workbook.xml".into(), workbook.into_bytes()),
        ("xl/_rels/workbook.xml.rels".into(), rels.into_bytes()),
        ("xl/styles.xml".into(), STYLES.as_bytes().to_vec()),
        ("xl/sharedStrings.xml".into(), strings.into_bytes()),
    ];
    for (i, s) in book.sheets.iter().enumerate() {
        parts.push((
            format!("xl/worksheets/sheet{}.xml", i + 1),
            sheet_xml(s).into_bytes(),
        ));
    }
    debug_assert_eq!(parts.len(), 6 + n);
    for (name, bytes) in parts {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(&bytes).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// The workbook made here: one or two sheets, wide or long, maybe a hidden one.
fn direct(u: &mut Unstructured, deflate: bool) -> Result<Vec<u8>> {
    let mut book = Book::default();
    let sheets = if u.ratio(1, 6)? { 2 } else { 1 };
    for i in 0..sheets {
        let name = match u.int_in_range(0..=3)? {
            0 => format!("Sheet{}", i + 1),
            1 => "全省开发区".to_owned(),
            2 => "填报表".to_owned(),
            _ => format!("表{i}"),
        };
        let mut sheet = if u.arbitrary()? {
            wide(u, &mut book, &name)?
        } else {
            long(u, &mut book, &name)?
        };
        sheet.hidden = u.ratio(1, 16)?;
        book.sheets.push(sheet);
    }
    Ok(zipped(&book, deflate))
}

/// The update workbook written by SiteMatch's writer, some labels changed, with input cells
/// put into its sheet's XML.
fn written(u: &mut Unstructured) -> Result<Option<Vec<u8>>> {
    let b = base();
    let lang = if u.arbitrary()? { Lang::Zh } else { Lang::En };
    let mut rows = b.rows[usize::from(lang == Lang::En)].clone();
    for _ in 0..u.int_in_range(0..=4)? {
        let i = u.choose_index(rows.len())?;
        let j = u.choose_index(inventory_sheet::LABELS)?;
        rows[i].labels[j] = text(u)?;
    }
    let Ok(bytes) = inventory_sheet::write::workbook(&rows, lang) else {
        return Ok(None);
    };
    // The inputs a department fills: (row, column, text).
    let mut fills: BTreeMap<(u32, u16), String> = BTreeMap::new();
    for _ in 0..u.int_in_range(1..=ROWS)? {
        let i = u.choose_index(rows.len())?;
        let r = u32::try_from(i + 1).unwrap_or(1);
        for col in Column::ALL.into_iter().filter(|c| c.is_input()) {
            if u.ratio(1, 2)? {
                continue;
            }
            let s = match col {
                Column::NewValue | Column::NewPlanned => figure_text(u, rows[i].factor)?,
                Column::NewPlannedBy | Column::NewAsOf => date_text(u)?,
                _ => text(u)?,
            };
            fills.insert((r, col.index()), s);
        }
    }
    Ok(Some(fill(&bytes, &fills)))
}

/// The written workbook with the cells at `fills` replaced by inline texts.
fn fill(bytes: &[u8], fills: &BTreeMap<(u32, u16), String>) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the writer's zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        let name = part.name().map_or_else(|_| format!("#{i}"), |n| n.into_owned());
        let mut data = Vec::new();
        part.read_to_end(&mut data).expect("a part unpacks");
        if name == "xl/worksheets/sheet1.xml" {
            let mut xml = String::from_utf8(data).expect("UTF-8");
            for ((r, c), s) in fills {
                let at = format!(r#"<c r="{}""#, cell_name(*r, *c));
                let Some(start) = xml.find(&at) else { continue };
                let rest = &xml[start..];
                let end = match (rest.find("/>"), rest.find('>')) {
                    // A blank cell, `<c r="O2" s="3"/>`.
                    (Some(e), Some(g)) if e + 1 == g => start + e + 2,
                    _ => match rest.find("</c>") {
                        Some(e) => start + e + 4,
                        None => continue,
                    },
                };
                let mut cell = format!(r#"<c r="{}" t="inlineStr"><is>"#, cell_name(*r, *c));
                t(&mut cell, s);
                cell.push_str("</is></c>");
                xml.replace_range(start..end, &cell);
            }
            data = xml.into_bytes();
        }
        out.start_file(name, options).expect("zip entry");
        out.write_all(&data).expect("zip write");
    }
    out.finish().expect("zip").into_inner()
}

/// The import's day, when given: a plausible one, or any day `--as-of` takes (the years a
/// profile's dates may have).
fn as_of(u: &mut Unstructured) -> Result<Option<Date>> {
    Ok(match u.int_in_range(0..=7)? {
        0 => None,
        1 => {
            let (first, last) = sitematch::model::value::DATE_YEARS;
            let y = u.int_in_range(first..=last)?;
            Date::new(y, u.int_in_range(1..=12)?, u.int_in_range(1..=31)?).ok()
        }
        _ => Date::new(
            u.int_in_range(2020..=2026)?,
            u.int_in_range(1..=12)?,
            u.int_in_range(1..=28)?,
        )
        .ok(),
    })
}

/// FNV-1a of the input: which way it is made.
fn hash(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Where to save each workbook made, if anywhere: `INVENTORY_IMPORT_SAVE=finding.xlsx` with an
/// input that failed gives the workbook to keep as a test fixture.
fn save_to() -> Option<&'static str> {
    static SAVE: OnceLock<Option<String>> = OnceLock::new();
    SAVE.get_or_init(|| std::env::var("INVENTORY_IMPORT_SAVE").ok())
        .as_deref()
}

fuzz_target!(|data: &[u8]| {
    let c = catalog();
    let zones = &base().zones;
    let h = hash(data);
    let mut u = Unstructured::new(data);
    let Ok(as_of) = as_of(&mut u) else { return };
    let made = if h % WRITER_EVERY == 0 {
        written(&mut u).ok().flatten()
    } else {
        direct(&mut u, (h >> 8) % DEFLATE_EVERY == 0).ok()
    };
    let Some(bytes) = made else { return };
    if let Some(path) = save_to() {
        std::fs::write(path, &bytes).expect("save the workbook");
    }
    let options = Options {
        file: "表.xlsx".into(),
        as_of,
        today: today(),
    };
    let Ok(set) = import::read(c, zones, &bytes, &options) else {
        return;
    };
    // Every change accepted: each profile writes and reads back the same.
    let mut after = zones.clone();
    let mut applied: Vec<(String, FactorIdx)> = Vec::new();
    for z in &set.zones {
        let base = match &z.target {
            Target::Existing(i) => {
                let p = zones.get(i.index()).expect("an existing zone is one given");
                assert_eq!(p.id, z.id, "the zone changed is the one named");
                Some(p)
            }
            Target::New(p) => {
                assert!(
                    check_profile_id(&p.id).is_ok(),
                    "a new zone's id is a file stem: {:?}",
                    p.id
                );
                assert_eq!(p.id, z.id, "the new zone is the one named");
                None
            }
        };
        let profile = z.apply(c, base, |_| true);
        let text = write_profile(&profile, c).expect("an imported profile writes");
        let back = parse_profile(&text, &profile.id, c)
            .unwrap_or_else(|e| panic!("an imported profile reads back: {e:?}\n{text}"));
        assert_eq!(back, profile, "round trip changed the profile:\n{text}");
        applied.extend(
            z.figures
                .iter()
                .filter(|f| f.judgement.acceptable())
                .map(|f| (z.id.clone(), f.factor)),
        );
        match &z.target {
            Target::Existing(i) => after[i.index()] = profile,
            Target::New(_) => after.push(profile),
        }
    }
    let mut ids: Vec<String> = after.iter().map(|p| p.id.to_lowercase()).collect();
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "a new zone's id is no other zone's, in any case");
    if applied.is_empty() {
        return;
    }
    // The same workbook again, over what it changed: none of those figures changes again.
    let again = import::read(c, &after, &bytes, &options).expect("a workbook read once reads again");
    for z in &again.zones {
        for f in &z.figures {
            if f.judgement == Judgement::Change && applied.contains(&(z.id.clone(), f.factor)) {
                panic!(
                    "{} {} changes again at {}: {:?} → {:?}",
                    z.id,
                    c.factor(f.factor).id,
                    f.cell,
                    f.old,
                    f.new
                );
            }
        }
    }
});
