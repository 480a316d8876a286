//! The requirements of a checklist prepared once for fast comparison ([`Prepared`]), and the
//! scoring rules (README § Scoring) that credit one offer against one of them, exactly.
//! One item at a time: no weighted sums, no ranking, no text. Pure.

use jiff::civil::Date;
use num_bigint::BigUint;
use num_traits::Zero;
use rust_decimal::Decimal;

use super::exact::pow10;
use super::offer::Offer;
use super::{Exact, Gap, Status};
use crate::model::{Catalog, Entry, FactorIdx, Importance, Kind, Value, YesNo};

/// A requirement prepared once per checklist for fast comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub factor: FactorIdx,
    pub importance: Importance,
    /// The value the factor is scored against (the item's, or one from the checklist header).
    pub required: Value,
    pub(super) rule: Rule,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Rule {
    AtLeast(Band),
    AtMost(Band),
    /// Yes required; a plan dated before `today` (the day of the ranking) is overdue.
    YesNo {
        today: Date,
    },
    Level(u16),
    Set {
        members: Vec<u16>,
        /// The members as bits, when every member id is below 128 (the index holds sets so).
        mask: Option<u128>,
    },
}

/// A quantity requirement r with tolerance t as integers: r = `rm`·10^−`rs`,
/// t = `tm`·10^−`ts`. At the scale `rs + ts` the requirement, the edge of the partial band
/// ((1 − t)·r below for `AtLeast`, (1 + t)·r above for `AtMost`) and the band t·r are all
/// whole numbers, so a credit (x − edge) / band or (edge − x) / band is a fraction of integers.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Band {
    r: Decimal,
    rm: u128,
    rs: u32,
    tm: u128,
    ts: u32,
    /// (requirement, edge, band) at scale `rs + ts`, when they fit `u128`.
    pub(super) ints: Option<(u128, u128, u128)>,
    /// When a planned amount counts (time-phased capacity).
    when: When,
}

/// The days a plan is judged against: the day of the ranking, and the investor's own planned
/// start (the checklist's `pipeline.planned_start`), when given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct When {
    pub(super) today: Date,
    pub(super) start: Option<Date>,
}

pub(super) fn rule(catalog: &Catalog, factor: FactorIdx, required: &Value, when: When) -> Option<Rule> {
    let f = catalog.factor(factor);
    Some(match (&f.kind, required) {
        (Kind::AtLeast(m), Value::Amount(q)) => {
            Rule::AtLeast(Band::new(q.canonical(), m.tolerance, false, when))
        }
        (Kind::AtMost(m), Value::Amount(q)) => {
            Rule::AtMost(Band::new(q.canonical(), m.tolerance, true, when))
        }
        (Kind::YesNo, Value::YesNo(YesNo::Yes)) => Rule::YesNo { today: when.today },
        (Kind::Level(_), Value::Level(l)) => Rule::Level(*l),
        (Kind::Set(_), Value::Set(members)) if !members.is_empty() => Rule::Set {
            mask: members
                .iter()
                .try_fold(0u128, |m, i| (*i < 128).then(|| m | (1u128 << i))),
            members: members.clone(),
        },
        _ => return None,
    })
}

impl Band {
    /// The band of requirement `r` with tolerance `t`, above it (`AtMost`) or below.
    fn new(r: Decimal, t: Decimal, above: bool, when: When) -> Band {
        let (rm, rs) = (r.mantissa().unsigned_abs(), r.scale());
        let (tm, ts) = (t.mantissa().unsigned_abs(), t.scale());
        let ints = (|| {
            let one = pow10(ts)?;
            let req = rm.checked_mul(one)?;
            let edge = if above {
                one.checked_add(tm)?
            } else {
                one.checked_sub(tm)?
            };
            Some((req, edge.checked_mul(rm)?, tm.checked_mul(rm)?))
        })();
        Band {
            r,
            rm,
            rs,
            tm,
            ts,
            ints,
            when,
        }
    }

    /// A credit of ½ over this band's own denominator (times ten), so that the weighted sum
    /// stays one integer over the checklist's common denominator.
    fn half(&self) -> Exact {
        match self.ints {
            Some((_, _, band)) if band > 0 => match (band.checked_mul(5), band.checked_mul(10)) {
                (Some(num), Some(den)) => Exact::ratio(num, den),
                _ => Exact::HALF,
            },
            _ => Exact::HALF,
        }
    }
}

/// How a quantity compares with its band.
enum Banded<N> {
    Met,
    Unmet,
    /// Partial credit `num / den`.
    Partial(N, N),
}

/// Compares an amount (`xm`·10^−`xs`) with a band in `u128`; `None` when a number overflows.
fn banded_small(b: &Band, above: bool, xm: u128, xs: u32) -> Option<Banded<u128>> {
    let (req, edge, band) = b.ints?;
    let scale = b.rs + b.ts;
    let common = scale.max(xs);
    let up = pow10(common - scale)?;
    let x = xm.checked_mul(pow10(common - xs)?)?;
    let (req, edge, band) = (req.checked_mul(up)?, edge.checked_mul(up)?, band.checked_mul(up)?);
    Some(if above {
        if x <= req {
            Banded::Met
        } else if req == 0 || x >= edge {
            Banded::Unmet
        } else {
            Banded::Partial(edge - x, band)
        }
    } else if x >= req {
        Banded::Met
    } else if x <= edge {
        Banded::Unmet
    } else {
        Banded::Partial(x - edge, band)
    })
}

/// [`banded_small`] in big integers, for numbers `u128` cannot hold.
fn banded_big(b: &Band, above: bool, xm: u128, xs: u32) -> Banded<BigUint> {
    let ten = |n: u32| BigUint::from(10u8).pow(n);
    let common = (b.rs + b.ts).max(xs);
    let x = BigUint::from(xm) * ten(common - xs);
    let (rm, tm) = (BigUint::from(b.rm), BigUint::from(b.tm));
    // At scale `common`: r·10^common = rm·10^(common − rs), t·r likewise with both scales.
    let req = &rm * ten(common - b.rs);
    let band = &tm * &rm * ten(common - b.rs - b.ts);
    if above {
        let edge = &req + &band;
        if x <= req {
            Banded::Met
        } else if req.is_zero() || x >= edge {
            Banded::Unmet
        } else {
            Banded::Partial(edge - x, band)
        }
    } else {
        let edge = if band > req { BigUint::ZERO } else { &req - &band };
        if x >= req {
            Banded::Met
        } else if x <= edge {
            Banded::Unmet
        } else {
            Banded::Partial(x - edge, band)
        }
    }
}

/// The status, credit and gap of one offer against a prepared rule (the scoring rules,
/// README § Scoring), exact.
pub(super) fn credit(rule: &Rule, offered: Offer) -> (Status, Exact, Gap) {
    let met = (Status::Met, Exact::ONE, Gap::None);
    match (rule, offered) {
        (_, Offer::Unknown) => (Status::Unknown, Exact::ZERO, Gap::Unknown),
        (Rule::AtLeast(b) | Rule::AtMost(b), Offer::Amount { mantissa, scale }) => {
            let above = matches!(rule, Rule::AtMost(_));
            let credit = match banded_small(b, above, mantissa, scale) {
                Some(Banded::Met) => return met,
                Some(Banded::Unmet) => None,
                Some(Banded::Partial(num, den)) => Some(Exact::ratio(num, den)),
                None => match banded_big(b, above, mantissa, scale) {
                    Banded::Met => return met,
                    Banded::Unmet => None,
                    Banded::Partial(num, den) => Some(Exact::big(num, den)),
                },
            };
            // The gap only for what falls short: x is below r for `AtLeast`, above for `AtMost`.
            let x = i128::try_from(mantissa)
                .ok()
                .and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok())
                .unwrap_or(Decimal::MAX);
            let gap = if above {
                Gap::Over(x.checked_sub(b.r).unwrap_or(x))
            } else {
                Gap::Short(b.r.checked_sub(x).unwrap_or(b.r))
            };
            match credit {
                Some(s) => (Status::Partial, s, gap),
                None => (Status::Unmet, Exact::ZERO, gap),
            }
        }
        (Rule::AtLeast(b) | Rule::AtMost(b), Offer::Phased { now, planned, by }) => {
            let amount = |(mantissa, scale)| Offer::Amount { mantissa, scale };
            let today = credit(rule, amount(now));
            if today.0 == Status::Met || credit(rule, amount(planned)).0 != Status::Met {
                // Met already, or the plan would not meet it either: today's amount decides.
                return today;
            }
            let short = match today.2 {
                Gap::Short(a) | Gap::Over(a) => a,
                _ => Decimal::ZERO,
            };
            if by < b.when.today {
                (today.0, today.1, Gap::PlanOverdue { by, short })
            } else if let Some(start) = b.when.start.filter(|s| *s > by) {
                (Status::Met, Exact::ONE, Gap::ReadyBeforeStart { by, start })
            } else {
                let half = b.half();
                let credit = if today.1 > half { today.1 } else { half };
                (Status::Partial, credit, Gap::PlannedAmount { by, short })
            }
        }
        (Rule::YesNo { today }, Offer::YesNo(answer)) => match answer {
            YesNo::Yes => met,
            YesNo::Planned(date) if date < *today => (Status::Unmet, Exact::ZERO, Gap::Overdue(date)),
            YesNo::Planned(date) => (Status::Partial, Exact::HALF, Gap::Planned(date)),
            YesNo::No => (Status::Unmet, Exact::ZERO, Gap::No),
        },
        (Rule::Level(required), Offer::Level(offered)) => {
            if offered >= *required {
                met
            } else if required - offered == 1 {
                (Status::Partial, Exact::HALF, Gap::LevelsShort(1))
            } else {
                (Status::Unmet, Exact::ZERO, Gap::LevelsShort(required - offered))
            }
        }
        (Rule::Set { members, mask }, held) => {
            let have = match (held, mask) {
                (Offer::Mask(h), Some(m)) => (h & m).count_ones() as usize,
                (Offer::Set(h), _) => members.iter().filter(|m| h.binary_search(m).is_ok()).count(),
                // A set offer of another form cannot be built; treat it as unknown.
                _ => return (Status::Unknown, Exact::ZERO, Gap::Unknown),
            };
            let missing = members.len() - have;
            let gap = Gap::Missing(u16::try_from(missing).unwrap_or(u16::MAX));
            if missing == 0 {
                met
            } else if have == 0 {
                (Status::Unmet, Exact::ZERO, gap)
            } else {
                (
                    Status::Partial,
                    Exact::ratio(have as u128, members.len() as u128),
                    gap,
                )
            }
        }
        // A value of another kind cannot come out of the parsers; treat it as unknown.
        _ => (Status::Unknown, Exact::ZERO, Gap::Unknown),
    }
}

/// The status of one profile entry against a requirement, as a checklist requiring it would
/// score it on `today` for an investor starting on `start` (for readiness tiers).
pub(crate) fn status_of(
    catalog: &Catalog,
    factor: FactorIdx,
    required: &Value,
    offered: &Entry,
    today: Date,
    start: Option<Date>,
) -> Option<Status> {
    let when = When { today, start };
    rule(catalog, factor, required, when).map(|r| credit(&r, Offer::of_entry(offered)).0)
}
