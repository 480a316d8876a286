//! The weighted sum in integers: one common denominator for a checklist's credits, so that
//! Σ wᵢsᵢ of a zone is one integer over it, whatever the order of the items. Sums credits;
//! never computes one. Pure.

use super::exact::{self, pow10};
use super::rule::{Prepared, Rule};
use super::{Exact, ItemResult, Status};

/// The weighted sum in integers: every credit of a requirement is a fraction over that
/// requirement's own denominator (its band at its scale, 2 for halves, the number of required
/// members for a set), so Σ wᵢsᵢ is one integer over their least common multiple.
#[derive(Clone, Debug)]
pub(super) struct CommonDenominator {
    /// The least common multiple of every requirement's denominator.
    lcm: u128,
    /// Per requirement: its denominator, and wᵢ · lcm / denominator.
    per_req: Vec<(u128, u128)>,
}

impl CommonDenominator {
    /// Σ wᵢsᵢ of `items` as one integer over `lcm`·10^k; `None` when a credit is not over its
    /// requirement's denominator (times a power of ten) or a number would overflow.
    pub(super) fn sum(&self, items: &[ItemResult]) -> Option<Exact> {
        let mut met: u128 = 0;
        let mut partial: u128 = 0;
        // Powers of ten beyond `lcm` in the denominator of `partial`.
        let mut k: u32 = 0;
        for i in items {
            match i.status {
                Status::Met => met += u128::from(i.importance.weight_units()),
                Status::Partial => {
                    let (num, den) = i.credit.small()?;
                    let &(base, mult) = self.per_req.get(i.req.index())?;
                    let e = if den == base {
                        0
                    } else {
                        power_of_ten(den.checked_div(base)?).filter(|_| den % base == 0)?
                    };
                    if e > k {
                        partial = partial.checked_mul(pow10(e - k)?)?;
                        k = e;
                    }
                    let term = num.checked_mul(mult)?.checked_mul(pow10(k - e)?)?;
                    partial = partial.checked_add(term)?;
                }
                Status::Unmet | Status::Unknown => {}
            }
        }
        let den = self.lcm.checked_mul(pow10(k)?)?;
        let num = met.checked_mul(den)?.checked_add(partial)?;
        // The score is 100·num / (Σw·den): keep it small only if that fits too.
        num.checked_mul(100)?;
        Some(Exact::ratio(num, den))
    }
}

/// `e` when `n` = 10^e.
fn power_of_ten(n: u128) -> Option<u32> {
    exact::POW10
        .iter()
        .position(|p| *p == n)
        .and_then(|e| u32::try_from(e).ok())
}

/// The common denominator of a checklist's credits, when it and Σw·100 times it fit `u128`.
pub(super) fn common_denominator(items: &[Prepared], total_weight: u32) -> Option<CommonDenominator> {
    fn gcd(mut a: u128, mut b: u128) -> u128 {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    }
    let dens: Vec<u128> = items
        .iter()
        .map(|p| match &p.rule {
            Rule::AtLeast(b) | Rule::AtMost(b) => b.ints.map(|(_, _, band)| band).filter(|d| *d > 0),
            Rule::YesNo { .. } | Rule::Level(_) => Some(2),
            Rule::Set { members, .. } => u128::try_from(members.len()).ok().filter(|d| *d > 0),
        })
        .collect::<Option<_>>()?;
    let mut lcm: u128 = 1;
    for d in &dens {
        lcm = (lcm / gcd(lcm, *d)).checked_mul(*d)?;
    }
    lcm.checked_mul(u128::from(total_weight))?.checked_mul(100)?;
    let per_req = dens
        .iter()
        .zip(items)
        .map(|(d, p)| {
            Some((
                *d,
                (lcm / d).checked_mul(u128::from(p.importance.weight_units()))?,
            ))
        })
        .collect::<Option<_>>()?;
    Some(CommonDenominator { lcm, per_req })
}
