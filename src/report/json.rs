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

/// One item of the contract; fields in alphabetical order.
#[derive(Serialize)]
struct ItemJson<'a> {
    as_of: Option<String>,
    credit: Option<f64>,
    factor: &'a str,
    gap: Option<&'a str>,
    illustrative: bool,
    importance: &'static str,
    name: &'a str,
    offered: Option<&'a str>,
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
            gap: i.texts.gap.as_deref(),
            illustrative: i.texts.illustrative,
            importance: i.importance.code(),
            name: &i.texts.factor,
            offered: i.texts.offered.as_deref(),
            required: &i.texts.required,
            source: i.texts.source.as_deref(),
            status: i.texts.status.code(),
        }
    }
}

impl<'a> ZoneJson<'a> {
    fn of(z: &'a ZoneRow) -> Self {
        ZoneJson {
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
