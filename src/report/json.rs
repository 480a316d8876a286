//! The ranking as JSON: the stable contract for scripts. An object with `checklist` (the
//! project name) and `ranking`, the zones in rank order, each with its items. Field names and
//! codes never change with the language; only the texts (`required`, `offered`, `gap`) do.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::ranking::RankingReport;
use crate::model::number;

/// A decimal as a JSON number rounded to `dp` places.
pub(crate) fn num(d: Decimal, dp: u32) -> Value {
    number::fixed(d, dp)
        .parse::<f64>()
        .map_or(Value::Null, Value::from)
}

/// The JSON value of a ranking.
pub fn to_value(report: &RankingReport) -> Value {
    let ranking: Vec<Value> = report
        .zones
        .iter()
        .map(|z| {
            let items: Vec<Value> = z
                .items
                .iter()
                .map(|i| {
                    json!({
                        "factor": i.factor_id,
                        "name": i.texts.factor,
                        "status": i.texts.status.code(),
                        "credit": num(i.credit, 4),
                        "required": i.texts.required,
                        "offered": i.texts.offered,
                        "gap": i.texts.gap,
                        "importance": i.importance.code(),
                        "source": i.texts.source,
                        "as_of": i.texts.as_of.map(|d| d.to_string()),
                        "illustrative": i.texts.illustrative,
                    })
                })
                .collect();
            json!({
                "rank": z.rank,
                "zone": z.id,
                "name": z.name,
                "score": num(z.score, 1),
                "qualified": z.qualified,
                "failed_must_haves": z.failed_must.iter().map(|(id, _)| id).collect::<Vec<_>>(),
                "met": z.counts.met,
                "partial": z.counts.partial,
                "unmet": z.counts.unmet,
                "unknown": z.counts.unknown,
                "completeness": number::fixed(z.completeness, 0).parse::<u64>().unwrap_or(0),
                "tier": z.tier.as_ref().map(|(id, _)| id.clone()),
                "items": items,
            })
        })
        .collect();
    json!({
        "checklist": report.project,
        "investor": report.investor,
        "lang": report.lang.code(),
        "ranking": ranking,
    })
}

/// The ranking as pretty-printed JSON text.
pub fn render(report: &RankingReport) -> String {
    serde_json::to_string_pretty(&to_value(report)).unwrap_or_else(|_| String::from("{}"))
}
