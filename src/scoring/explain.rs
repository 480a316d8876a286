//! Words for scored items: what was required, what the zone offers, the gap in the factor's
//! units, and where the zone's figure comes from. Built only for the items a reader sees, so
//! the scoring loop never formats text. Pure.

use jiff::civil::Date;

use super::texts::TEXTS;
use super::{Gap, ItemResult, Prepared, Status};
use crate::model::number;
use crate::model::value::members_text;
use crate::model::{Catalog, Entry, Factor, Freshness, Kind, Lang, PlannedAmount, Value, ZoneProfile};

/// Everything a reader needs to know about one item of one zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemTexts {
    pub factor: String,
    pub importance: &'static str,
    pub status: Status,
    /// `≥ 515 亩`, `需要`, `七通一平及以上`, `C38 电气机械和器材制造业`.
    pub required: String,
    /// What the zone offers; `None` when unknown.
    pub offered: Option<String>,
    /// What stands between the item and being met; `None` when met.
    pub gap: Option<String>,
    pub source: Option<String>,
    pub as_of: Option<Date>,
    /// The zone's value is illustrative, not from a source.
    pub illustrative: bool,
    /// Where the zone's figure stands on `today`; `None` when unknown.
    pub freshness: Option<Freshness>,
    /// The figure is past its update period on `today` (`freshness` is stale): kept for the
    /// report data's `stale` field, which users' templates read.
    pub stale: bool,
    /// The department that must keep the figure current, when one is named.
    pub owner: Option<String>,
}

/// Explains one scored item of one zone.
pub fn item_texts(
    catalog: &Catalog,
    requirement: &Prepared,
    item: &ItemResult,
    profile: &ZoneProfile,
    lang: Lang,
    today: Date,
) -> ItemTexts {
    let factor = catalog.factor(item.factor);
    let entry = profile.entry(item.factor);
    let freshness = entry.map(|e| e.freshness(factor, today));
    ItemTexts {
        factor: factor.name.get(lang).to_owned(),
        importance: item.importance.label(lang),
        status: item.status,
        required: required_text(catalog, factor, &requirement.required, lang),
        offered: entry.map(|e| entry_offered_text(catalog, factor, &requirement.required, e, lang)),
        gap: gap_text(
            catalog,
            factor,
            &requirement.required,
            entry.map(|e| &e.value),
            item.gap,
            lang,
        ),
        source: entry.and_then(|e| source_text(e, lang)),
        as_of: entry.map(|e| e.as_of),
        illustrative: entry.is_some_and(|e| e.illustrative),
        freshness,
        stale: freshness == Some(Freshness::Stale),
        owner: profile.owner(catalog, item.factor).map(|o| o.to_string()),
    }
}

/// The must-haves a zone fails, by name: `产业准入、能耗指标`.
pub fn failed_must_names(catalog: &Catalog, zone: &crate::scoring::ZoneResult, lang: Lang) -> String {
    let names: Vec<&str> = zone
        .failed_must
        .iter()
        .map(|f| catalog.factor(*f).name.get(lang))
        .collect();
    names.join(lang.list_separator())
}

/// The requirement in words: `≥ 515 亩`, `≤ 30 km`, `需要`, `七通一平及以上`, a member list.
pub fn required_text(catalog: &Catalog, factor: &Factor, required: &Value, lang: Lang) -> String {
    match (&factor.kind, required) {
        (Kind::AtLeast(_), Value::Amount(q)) => format!("≥ {}", q.text(catalog, lang)),
        (Kind::AtMost(_), Value::Amount(q)) => format!("≤ {}", q.text(catalog, lang)),
        (Kind::YesNo, _) => TEXTS.get(lang).required.to_owned(),
        (Kind::Level(_), Value::Level(_)) => {
            (TEXTS.get(lang).level_or_higher)(&required.text(catalog, factor, lang))
        }
        _ => required.text(catalog, factor, lang),
    }
}

/// What an entry offers in words, its planned amount included: `30 兆瓦；计划 2026-06-30 达 50 兆瓦`.
pub fn entry_offered_text(
    catalog: &Catalog,
    factor: &Factor,
    required: &Value,
    entry: &Entry,
    lang: Lang,
) -> String {
    let now = offered_text(catalog, factor, required, &entry.value, lang);
    match &entry.planned {
        Some(p) => format!(
            "{now}{}{}",
            TEXTS.get(lang).then_planned,
            planned_text(catalog, p, lang)
        ),
        None => now,
    }
}

/// A planned amount in words: `计划 2026-06-30 达 50 兆瓦` / `50 MW planned by 2026-06-30`.
pub fn planned_text(catalog: &Catalog, planned: &PlannedAmount, lang: Lang) -> String {
    let amount = planned.amount.text(catalog, lang);
    (TEXTS.get(lang).planned_amount)(planned.by, &amount)
}

/// Where an entry's figures come from: its source, and the plan's when it has its own.
pub fn source_text(entry: &Entry, lang: Lang) -> Option<String> {
    let own = Some(entry.source.trim()).filter(|s| !s.is_empty());
    let plan = entry
        .planned
        .as_ref()
        .map(|p| p.source.trim())
        .filter(|s| !s.is_empty() && Some(*s) != own);
    match (own, plan) {
        (Some(own), Some(plan)) => Some((TEXTS.get(lang).sources)(own, plan)),
        (None, Some(plan)) => Some((TEXTS.get(lang).plan_source)(plan)),
        (own, None) => own.map(str::to_owned),
    }
}

/// What the zone offers in words. A set names the required members it holds first and counts
/// the rest (`C38 电气机械和器材制造业 等共 7 项`), since a zone may admit dozens of industries.
pub fn offered_text(
    catalog: &Catalog,
    factor: &Factor,
    required: &Value,
    offered: &Value,
    lang: Lang,
) -> String {
    const SHOWN: usize = 3;
    let (Kind::Set(v), Value::Set(req), Value::Set(held)) = (&factor.kind, required, offered) else {
        return offered.text(catalog, factor, lang);
    };
    if held.len() <= SHOWN {
        return offered.text(catalog, factor, lang);
    }
    let mut shown: Vec<u16> = held
        .iter()
        .copied()
        .filter(|m| req.binary_search(m).is_ok())
        .collect();
    if shown.is_empty() {
        shown = held.iter().copied().take(SHOWN).collect();
    }
    let list = members_text(catalog, *v, &shown, lang);
    (TEXTS.get(lang).members_in_all)(&list, held.len())
}

/// An amount in the factor's own unit, rounded up to the unit's display precision: `77 亩`.
fn amount_text(catalog: &Catalog, factor: &Factor, amount: rust_decimal::Decimal, lang: Lang) -> String {
    match factor.kind.measure() {
        Some(m) => catalog.amount_text(amount, m.unit, lang),
        None => number::grouped(amount),
    }
}

/// How far a quantity falls short of its requirement: `差 77 亩` / `short 77 mu` below an
/// `AtLeast`, `超出 12 公里` / `12 km over` above an `AtMost`.
fn shortfall_text(catalog: &Catalog, factor: &Factor, amount: rust_decimal::Decimal, lang: Lang) -> String {
    let a = amount_text(catalog, factor, amount, lang);
    let t = TEXTS.get(lang);
    match &factor.kind {
        Kind::AtMost(_) => (t.over)(&a),
        _ => (t.short)(&a),
    }
}

/// The gap in words: `差 77 亩` / `short 77 mu`, `超出 12 公里` / `12 km over`,
/// `缺：地震安全性评价` / `missing: Seismic safety`; `None` when met.
pub fn gap_text(
    catalog: &Catalog,
    factor: &Factor,
    required: &Value,
    offered: Option<&Value>,
    gap: Gap,
    lang: Lang,
) -> Option<String> {
    let t = TEXTS.get(lang);
    Some(match gap {
        Gap::None => return None,
        Gap::Short(a) | Gap::Over(a) => shortfall_text(catalog, factor, a, lang),
        Gap::Planned(date) => (t.planned_for)(date),
        Gap::Overdue(date) => (t.overdue)(date),
        Gap::No => t.not_available.to_owned(),
        Gap::PlannedAmount { by, short } => {
            (t.short_until_planned)(&shortfall_text(catalog, factor, short, lang), by)
        }
        Gap::ReadyBeforeStart { by, start } => (t.ready_before_start)(by, start),
        Gap::PlanOverdue { by, short } => {
            (t.short_plan_overdue)(&shortfall_text(catalog, factor, short, lang), by)
        }
        Gap::LevelsShort(n) => {
            let has = offered.map_or_else(String::new, |v| v.text(catalog, factor, lang));
            (t.levels_short)(n, &has)
        }
        Gap::Missing(_) => {
            let (Kind::Set(v), Value::Set(req)) = (&factor.kind, required) else {
                return None;
            };
            let held: &[u16] = match offered {
                Some(Value::Set(h)) => h,
                _ => &[],
            };
            let missing: Vec<u16> = req
                .iter()
                .copied()
                .filter(|m| held.binary_search(m).is_err())
                .collect();
            let list = members_text(catalog, *v, &missing, lang);
            (t.missing)(&list)
        }
        Gap::Unknown => t.no_data.to_owned(),
    })
}
