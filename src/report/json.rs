//! The ranking as JSON: the stable contract for scripts. An object with `checklist` (the
//! project name) and `ranking`, the zones in rank order, each with its items. Field names and
//! codes never change with the language; only the texts (`required`, `offered`, `gap`) do.
//!
//! Written as a stream ([`JsonWriter`]): zones go out a chunk at a time, each chunk turned into
//! text on every core, so a nation-scale ranking never sits in memory as one JSON tree. Keys
//! are in alphabetical order, as they always were.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use super::ranking::{ItemRow, RankingReport, ZoneRow};
use crate::model::number;
use crate::scoring::Exact;

/// A decimal as a JSON number rounded to `dp` places.
pub(crate) fn num(d: Decimal, dp: u32) -> Value {
    number::fixed(d, dp)
        .parse::<f64>()
        .map_or(Value::Null, Value::from)
}

/// An exact value as a JSON number rounded half up to `dp` places, as it is shown.
pub(crate) fn exact(e: &Exact, dp: u32) -> Value {
    e.fixed(dp).parse::<f64>().map_or(Value::Null, Value::from)
}

/// A number as it is shown, for the derived serializers.
fn shown(e: &Exact, dp: u32) -> Option<f64> {
    e.fixed(dp).parse().ok()
}

/// One zone of the contract; fields in alphabetical order.
#[derive(Serialize)]
struct ZoneJson<'a> {
    categories: Vec<CategoryJson<'a>>,
    completeness: u64,
    failed_must_haves: Vec<&'a str>,
    items: Vec<ItemJson<'a>>,
    met: usize,
    name: &'a str,
    partial: usize,
    qualified: bool,
    rank: usize,
    score: Option<f64>,
    tier: Option<&'a str>,
    unknown: usize,
    unmet: usize,
    zone: &'a str,
}

/// One category of a zone's profile; fields in alphabetical order.
#[derive(Serialize)]
struct CategoryJson<'a> {
    id: &'a str,
    items: usize,
    /// Shown like the zone's score; `None` when the checklist asks nothing of the category.
    score: Option<f64>,
    unknown: usize,
}

/// One item of the contract; fields in alphabetical order.
#[derive(Serialize)]
struct ItemJson<'a> {
    as_of: Option<String>,
    credit: Option<f64>,
    factor: &'a str,
    /// `current`, `due` or `stale`; `None` when the zone has no value.
    freshness: Option<&'static str>,
    gap: Option<&'a str>,
    illustrative: bool,
    importance: &'static str,
    name: &'a str,
    offered: Option<&'a str>,
    /// The department that must keep the figure current (责任单位), when one is named.
    owner: Option<&'a str>,
    required: &'a str,
    source: Option<&'a str>,
    status: &'static str,
}

impl<'a> ItemJson<'a> {
    fn of(i: &'a ItemRow) -> Self {
        ItemJson {
            as_of: i.texts.as_of.map(|d| d.to_string()),
            credit: shown(&i.credit, 4),
            factor: &i.factor_id,
            freshness: i.texts.freshness.map(|f| f.code()),
            gap: i.texts.gap.as_deref(),
            illustrative: i.texts.illustrative,
            importance: i.importance.code(),
            name: &i.texts.factor,
            offered: i.texts.offered.as_deref(),
            owner: i.texts.owner.as_deref(),
            required: &i.texts.required,
            source: i.texts.source.as_deref(),
            status: i.texts.status.code(),
        }
    }
}

impl<'a> ZoneJson<'a> {
    fn of(z: &'a ZoneRow) -> Self {
        ZoneJson {
            categories: z
                .categories
                .iter()
                .map(|c| CategoryJson {
                    id: &c.id,
                    items: c.items,
                    score: c.score.as_ref().and_then(|s| shown(s, 1)),
                    unknown: c.unknown,
                })
                .collect(),
            completeness: number::fixed(z.completeness, 0).parse::<u64>().unwrap_or(0),
            failed_must_haves: z.failed_must.iter().map(|(id, _)| id.as_str()).collect(),
            items: z.items.iter().map(ItemJson::of).collect(),
            met: z.counts.met,
            name: &z.name,
            partial: z.counts.partial,
            qualified: z.qualified,
            rank: z.rank,
            score: shown(&z.score, 1),
            tier: z.tier.as_ref().map(|(id, _)| id.as_str()),
            unknown: z.counts.unknown,
            unmet: z.counts.unmet,
            zone: &z.id,
        }
    }
}

/// Writes the ranking JSON to `out` a chunk of zones at a time, pretty-printed.
pub struct JsonWriter<W: Write> {
    out: W,
    zones: usize,
}

impl<W: Write> JsonWriter<W> {
    /// Writes the opening of the object: the report's own fields, then `"ranking": [`.
    pub fn start(mut out: W, report: &RankingReport) -> io::Result<Self> {
        let text = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| String::from("\"\""));
        write!(
            out,
            "{{\n  \"checklist\": {},\n  \"investor\": {},\n  \"lang\": {},\n  \"ranking\": [",
            text(&report.project),
            text(&report.investor),
            text(report.lang.code())
        )?;
        Ok(JsonWriter { out, zones: 0 })
    }

    /// Writes zones, in rank order after those written before; each is turned into text on
    /// every core when there are many.
    pub fn zones(&mut self, rows: &[ZoneRow]) -> io::Result<()> {
        use rayon::prelude::*;
        let one = |z: &ZoneRow| -> Vec<u8> {
            let body = serde_json::to_vec_pretty(&ZoneJson::of(z)).unwrap_or_default();
            // The object sits at depth 2: indent each of its lines by four spaces (a JSON
            // string never holds a raw line break, so lines are safe to indent).
            let mut out = Vec::with_capacity(body.len() + body.len() / 8);
            out.extend_from_slice(b"    ");
            for &b in &body {
                out.push(b);
                if b == b'\n' {
                    out.extend_from_slice(b"    ");
                }
            }
            out
        };
        let texts: Vec<Vec<u8>> = if rows.len() < 64 {
            rows.iter().map(one).collect()
        } else {
            rows.par_iter().map(one).collect()
        };
        for text in texts {
            self.out.write_all(if self.zones == 0 { b"\n" } else { b",\n" })?;
            self.out.write_all(&text)?;
            self.zones += 1;
        }
        Ok(())
    }

    /// Closes the list and the object; returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        if self.zones == 0 {
            self.out.write_all(b"]\n}\n")?;
        } else {
            self.out.write_all(b"\n  ]\n}\n")?;
        }
        Ok(self.out)
    }
}

/// The JSON value of a ranking.
pub fn to_value(report: &RankingReport) -> Value {
    serde_json::from_str(&render(report)).unwrap_or(Value::Null)
}

/// The ranking as pretty-printed JSON text (ending in a line break).
pub fn render(report: &RankingReport) -> String {
    let write = || -> io::Result<Vec<u8>> {
        let mut w = JsonWriter::start(Vec::new(), report)?;
        w.zones(&report.zones)?;
        w.finish()
    };
    write()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| String::from("{}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each item carries `freshness` (a code, `null` with no value) and `owner` (the owner in
    /// force, `null` when none is named); the codes and names do not change with the language.
    #[test]
    fn items_carry_their_freshness_code_and_owner() {
        use crate::report::test_support::ranking_on;
        let day = jiff::civil::Date::new(2025, 12, 15).expect("date");
        for lang in crate::model::Lang::ALL {
            let v = to_value(&ranking_on("pv_base", lang, day));
            let items = |zone: &str| {
                v["ranking"]
                    .as_array()
                    .expect("a list")
                    .iter()
                    .find(|z| z["zone"] == zone)
                    .expect("the zone")["items"]
                    .as_array()
                    .expect("items")
                    .clone()
            };
            let item = |zone: &str, factor: &str| {
                items(zone)
                    .into_iter()
                    .find(|i| i["factor"] == factor)
                    .unwrap_or_else(|| panic!("{zone} {factor}"))
            };
            let servicing = item("houma", "land.servicing_level");
            assert_eq!(servicing["freshness"], "due");
            assert_eq!(servicing["owner"], "侯马市自然资源局");
            assert_eq!(item("houma", "land.industrial_area")["freshness"], "stale");
            assert_eq!(
                item("houma", "service.approval_days")["owner"],
                "侯马经济开发区行政审批局"
            );
            let all: Vec<Value> = ["houma", "xiangfen", "yuanping", "linyi", "shuozhou"]
                .iter()
                .flat_map(|z| items(z))
                .collect();
            let unknown = all
                .iter()
                .find(|i| i["status"] == "unknown")
                .expect("an item with no value");
            assert_eq!(unknown["freshness"], Value::Null, "{unknown}");
            assert!(unknown.as_object().expect("an object").contains_key("owner"));
            assert!(
                all.iter().any(|i| i["owner"] == Value::Null),
                "some figure names no owner"
            );
            for i in &all {
                assert!(
                    matches!(i["freshness"].as_str(), Some("current" | "due" | "stale") | None),
                    "{i}"
                );
            }
        }
    }

    #[test]
    fn an_empty_ranking_is_an_empty_list() {
        let report = RankingReport {
            lang: crate::model::Lang::En,
            project: "p \"q\"".into(),
            investor: String::new(),
            industry: None,
            scored: 0,
            unstated: 0,
            zones: Vec::new(),
            first_place: None,
            categories: Vec::new(),
        };
        let text = render(&report);
        let v: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(v["checklist"], "p \"q\"");
        assert_eq!(v["ranking"], Value::Array(vec![]));
        // The same layout serde_json gives a whole tree.
        assert_eq!(
            text,
            format!("{}\n", serde_json::to_string_pretty(&v).expect("pretty"))
        );
    }
}
