//! Planning: what it would take for a zone to win a project, and which reserves would win the
//! most of the projects in the pipeline.
//!
//! A change brings one item of one zone up to the investor's requirement: more land, a shorter
//! approval time, a completed assessment, a known value where there was none. Since the score is
//! a sum over items, each change adds a fixed gain, so the shortest list of changes to a score is
//! the largest gains first; and a zone qualifies exactly when every failed must-have is changed.
//! Pure: no egui, no files, no clock.

pub mod pipeline;
pub mod texts;

use rust_decimal::Decimal;

use crate::model::value::members_text;
use crate::model::{Catalog, Entry, FactorIdx, Importance, Kind, Lang, Value, YesNo, ZoneProfile, number};
use crate::scoring::{Exact, ItemResult, Prepared, Scorer, Status, ZoneResult};
use texts::TEXTS;

/// The score a plan aims for once the zone qualifies, unless the officer says otherwise.
pub const DEFAULT_TARGET: Decimal = Decimal::from_parts(90, 0, 0, false, 0);

/// One inventory change: the factor brought to `target`, the value the investor requires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub factor: FactorIdx,
    /// The value the factor takes after the change: the requirement (for a set, the members
    /// the zone must add to what it holds).
    pub target: Value,
    /// What the zone's inventory holds now; `None` when unknown, so the change is to verify.
    pub offered: Option<Value>,
    /// Points added to the score (0–100 scale), exact.
    pub gain: Exact,
    /// A must-have: the zone cannot qualify without it.
    pub must: bool,
    /// The zone's plan for it is overdue (its date has passed): to deliver, not to bring
    /// forward.
    pub overdue: bool,
    /// The day of the amount the zone plans that would meet the requirement (time-phased
    /// capacity): the change is to bring that plan forward, or, overdue, to deliver it.
    pub planned_by: Option<jiff::civil::Date>,
}

impl Change {
    /// The change is to find out, not to build: the inventory has no value.
    pub fn is_verify(&self) -> bool {
        self.offered.is_none()
    }
}

/// What it would take for one zone to win one checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub score: Exact,
    pub qualified: bool,
    /// The failed must-haves, largest gain first: the shortest list that qualifies the zone.
    pub to_qualify: Vec<Change>,
    /// The score once `to_qualify` is done.
    pub score_qualified: Exact,
    /// The further changes, largest gain first, that lift the qualified zone to `target`.
    pub to_target: Vec<Change>,
    pub target: Decimal,
    /// The score once every change of the plan is done.
    pub score_after: Exact,
}

impl Plan {
    /// Every change of the plan, the qualifying ones first.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.to_qualify.iter().chain(&self.to_target)
    }

    /// Nothing to do: qualified and at or above the target already.
    pub fn is_empty(&self) -> bool {
        self.to_qualify.is_empty() && self.to_target.is_empty()
    }
}

/// The shortest list of changes that qualifies the zone, then the shortest that lifts it to
/// `target` (0–100). Ties in gain go in catalog order.
pub fn what_it_takes(scorer: &Scorer, profile: &ZoneProfile, result: &ZoneResult, target: Decimal) -> Plan {
    plan_for(scorer.requirements(), profile, result, target)
}

/// [`what_it_takes`] from the prepared requirements a ranking was scored with.
pub fn plan_for(
    requirements: &[Prepared],
    profile: &ZoneProfile,
    result: &ZoneResult,
    target: Decimal,
) -> Plan {
    let total: u128 = requirements
        .iter()
        .map(|p| u128::from(p.importance.weight_units()))
        .sum();
    let points = |weighted: &Exact| {
        if total == 0 {
            Exact::ZERO
        } else {
            weighted.mul_int(100).div_int(total)
        }
    };
    let mut open: Vec<(Exact, Change)> = result
        .items
        .iter()
        .filter(|i| i.status != Status::Met)
        .filter_map(|i| {
            let cost = i.shortfall();
            let change = change(requirements, profile, i, points(&cost))?;
            Some((cost, change))
        })
        .collect();
    // Largest gain first; catalog order on ties (the sort is stable).
    open.sort_by(|(a, _), (b, _)| b.cmp(a));

    let mut weighted = result.weighted().clone();
    let (musts, others): (Vec<_>, Vec<_>) = open.into_iter().partition(|(_, c)| c.must);
    let to_qualify: Vec<Change> = musts
        .into_iter()
        .map(|(cost, c)| {
            weighted = weighted.add(&cost);
            c
        })
        .collect();
    let score_qualified = points(&weighted);
    // Reached when 100·Σwᵢsᵢ ≥ target·Σwᵢ, compared exactly without division.
    let goal = Exact::from_decimal(target).mul_int(total);
    let reached = |w: &Exact| w.mul_int(100) >= goal;
    let mut to_target = Vec::new();
    for (cost, c) in others {
        if reached(&weighted) {
            break;
        }
        weighted = weighted.add(&cost);
        to_target.push(c);
    }
    Plan {
        score: result.score.clone(),
        qualified: result.qualified,
        to_qualify,
        score_qualified,
        to_target,
        target,
        score_after: points(&weighted),
    }
}

/// The change that brings one item to its requirement.
fn change(
    requirements: &[Prepared],
    profile: &ZoneProfile,
    item: &ItemResult,
    gain: Exact,
) -> Option<Change> {
    let required = &requirements.iter().find(|p| p.factor == item.factor)?.required;
    let offered = profile.entry(item.factor).map(|e| e.value.clone());
    let target = match (required, &offered) {
        // Only the members the zone lacks.
        (Value::Set(req), Some(Value::Set(held))) => Value::Set(
            req.iter()
                .copied()
                .filter(|m| held.binary_search(m).is_err())
                .collect(),
        ),
        _ => required.clone(),
    };
    Some(Change {
        factor: item.factor,
        target,
        offered,
        gain,
        must: item.importance == Importance::Must,
        overdue: matches!(
            item.gap,
            crate::scoring::Gap::Overdue(_) | crate::scoring::Gap::PlanOverdue { .. }
        ),
        planned_by: match item.gap {
            crate::scoring::Gap::PlannedAmount { by, .. } | crate::scoring::Gap::PlanOverdue { by, .. } => {
                Some(by)
            }
            _ => None,
        },
    })
}

/// The profile as it would be with the changes done: each changed factor takes its target
/// (a set gains the target's members), marked illustrative with `source` saying why.
pub fn apply<'a>(
    profile: &ZoneProfile,
    changes: impl IntoIterator<Item = &'a Change>,
    source: &str,
) -> ZoneProfile {
    let mut out = profile.clone();
    for c in changes {
        let value = match (&c.target, profile.entry(c.factor).map(|e| &e.value)) {
            (Value::Set(add), Some(Value::Set(held))) => {
                Value::set(held.iter().chain(add).copied().collect())
            }
            (target, _) => target.clone(),
        };
        out.set_entry(
            c.factor,
            Some(Entry {
                value,
                source: source.to_owned(),
                as_of: profile.as_of,
                illustrative: true,
                planned: None,
                owner: None,
            }),
        );
    }
    out
}

/// Of two targets for the same factor, the one that satisfies both: the larger amount for
/// `AtLeast`, the smaller for `AtMost`, the higher level, the union of set members.
pub fn strictest(catalog: &Catalog, factor: FactorIdx, a: &Value, b: &Value) -> Value {
    match (&catalog.factor(factor).kind, a, b) {
        (Kind::AtLeast(_), Value::Amount(x), Value::Amount(y)) => {
            if y.canonical() > x.canonical() { b } else { a }.clone()
        }
        (Kind::AtMost(_), Value::Amount(x), Value::Amount(y)) => {
            if y.canonical() < x.canonical() { b } else { a }.clone()
        }
        (Kind::Level(_), Value::Level(x), Value::Level(y)) => Value::Level(*x.max(y)),
        (Kind::Set(_), Value::Set(x), Value::Set(y)) => Value::set(x.iter().chain(y).copied().collect()),
        _ => a.clone(),
    }
}

/// The change in words, without its gain: `可供工业用地面积 +77 亩`, `Approval time −14
/// working days`, `已完成区域评估：完成 地震安全性评价`, `能耗指标：待核实（要求 ≥ 50,000 吨标煤/年）`.
pub fn change_text(catalog: &Catalog, change: &Change, lang: Lang) -> String {
    let factor = catalog.factor(change.factor);
    let name = factor.name.get(lang);
    let t = TEXTS.get(lang);
    // The amount to add or take off, in the factor's unit at its display precision (rounded
    // up, so the change shown always suffices).
    let amount = |d: Decimal| match factor.kind.measure() {
        Some(m) => catalog.amount_text(d, m.unit, lang),
        None => number::grouped(d),
    };
    let Some(offered) = &change.offered else {
        if factor.kind == Kind::YesNo {
            return (t.verify_available)(name);
        }
        let required = crate::scoring::explain::required_text(catalog, factor, &change.target, lang);
        return (t.verify_required)(name, &required);
    };
    // A quantity the zone already plans for: bring the plan forward, or deliver it when overdue.
    let plan = |what: String| match (change.planned_by, change.overdue) {
        (Some(by), true) => (t.deliver_overdue_plan)(&what, by),
        (Some(by), false) => (t.bring_plan_forward)(&what, by),
        (None, _) => what,
    };
    match (&factor.kind, &change.target, offered) {
        (Kind::AtLeast(_), Value::Amount(t), Value::Amount(x)) => plan(format!(
            "{name} +{}",
            amount(t.canonical().saturating_sub(x.canonical()))
        )),
        (Kind::AtMost(_), Value::Amount(t), Value::Amount(x)) => plan(format!(
            "{name} −{}",
            amount(x.canonical().saturating_sub(t.canonical()))
        )),
        (Kind::YesNo, _, Value::YesNo(YesNo::Planned(date))) if change.overdue => {
            (t.deliver_overdue)(name, *date)
        }
        (Kind::YesNo, _, Value::YesNo(YesNo::Planned(date))) => (t.bring_forward)(name, *date),
        (Kind::YesNo, _, _) => (t.provide)(name),
        (Kind::Level(_), target, _) => (t.raise_to)(name, &target.text(catalog, factor, lang)),
        (Kind::Set(v), Value::Set(add), _) => {
            let list = members_text(catalog, *v, add, lang);
            match factor.default_from {
                Some(_) => (t.admit)(name, &list),
                None => (t.complete)(name, &list),
            }
        }
        _ => name.to_owned(),
    }
}

/// The gain in words: `+2.4 分` / `+2.4 points`.
pub fn gain_text(gain: &Exact, lang: Lang) -> String {
    (TEXTS.get(lang).gain)(&gain.fixed(1))
}

/// The plan as lines a reader follows: `可供工业用地面积 +77 亩：达标必需，+6.5 分`.
pub fn plan_lines(catalog: &Catalog, plan: &Plan, lang: Lang) -> Vec<String> {
    plan.changes()
        .map(|c| {
            let what = change_text(catalog, c, lang);
            let gain = gain_text(&c.gain, lang);
            let t = TEXTS.get(lang);
            if c.must {
                (t.needed_to_qualify)(&what, &gain)
            } else {
                (t.with_gain)(&what, &gain)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
