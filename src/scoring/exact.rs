//! Exact non-negative rationals: the credits and scores of the scoring rules (README § Scoring).
//!
//! A credit such as 1/3 has no finite decimal, so scores are kept as fractions and compared by
//! value: two zones whose scores are mathematically equal compare equal whatever the order
//! their credits were added in. The common case is two `u128`s; anything that would overflow
//! them is carried on in big integers instead, so no input panics and nothing is rounded.
//! Rounding happens only to show a value ([`Exact::round_half_up`]). Pure.

use std::cmp::Ordering;
use std::fmt;

use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};
use rust_decimal::Decimal;

/// An exact non-negative rational number, numerator over a positive denominator, not
/// necessarily in lowest terms: equality and order are by value.
#[derive(Clone)]
pub struct Exact(Repr);

#[derive(Clone)]
enum Repr {
    /// `num / den`, `den > 0`.
    Small { num: u128, den: u128 },
    /// `num / den`, `den > 0`, for what overflows `u128`.
    Big(Box<(BigUint, BigUint)>),
}

/// `10^n` for `n` in 0..=38, every power of ten a `u128` holds.
pub(crate) const POW10: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// `10^n` when it fits a `u128`.
pub(crate) fn pow10(n: u32) -> Option<u128> {
    POW10.get(n as usize).copied()
}

impl Exact {
    pub const ZERO: Exact = Exact(Repr::Small { num: 0, den: 1 });
    pub const ONE: Exact = Exact(Repr::Small { num: 1, den: 1 });
    pub const HALF: Exact = Exact(Repr::Small { num: 1, den: 2 });

    /// `num / den`. A zero denominator cannot come out of the scoring rules; it is read as 0
    /// rather than panicking.
    pub fn ratio(num: u128, den: u128) -> Exact {
        if den == 0 {
            Exact::ZERO
        } else {
            Exact(Repr::Small { num, den })
        }
    }

    /// A whole number.
    pub fn int(n: u128) -> Exact {
        Exact::ratio(n, 1)
    }

    /// `num / den` in big integers, kept small when both fit.
    pub fn big(num: BigUint, den: BigUint) -> Exact {
        if den.is_zero() {
            return Exact::ZERO;
        }
        match (num.to_u128(), den.to_u128()) {
            (Some(num), Some(den)) => Exact::ratio(num, den),
            _ => Exact(Repr::Big(Box::new((num, den)))),
        }
    }

    /// The exact value of a decimal; negative decimals read as 0 (no score or credit is
    /// negative).
    pub fn from_decimal(d: Decimal) -> Exact {
        if d.is_sign_negative() {
            return Exact::ZERO;
        }
        let num = d.mantissa().unsigned_abs();
        match pow10(d.scale()) {
            Some(den) => Exact::ratio(num, den),
            None => Exact::big(BigUint::from(num), BigUint::from(10u8).pow(d.scale())),
        }
    }

    /// Numerator and denominator when both fit `u128`.
    pub fn small(&self) -> Option<(u128, u128)> {
        match &self.0 {
            Repr::Small { num, den } => Some((*num, *den)),
            Repr::Big(_) => None,
        }
    }

    fn parts(&self) -> (BigUint, BigUint) {
        match &self.0 {
            Repr::Small { num, den } => (BigUint::from(*num), BigUint::from(*den)),
            Repr::Big(b) => (b.0.clone(), b.1.clone()),
        }
    }

    pub fn is_zero(&self) -> bool {
        match &self.0 {
            Repr::Small { num, .. } => *num == 0,
            Repr::Big(b) => b.0.is_zero(),
        }
    }

    /// `self + other`, exact.
    pub fn add(&self, other: &Exact) -> Exact {
        if let (Some((a, b)), Some((c, d))) = (self.small(), other.small()) {
            let sum = if b == d {
                a.checked_add(c).map(|n| (n, b))
            } else {
                a.checked_mul(d)
                    .zip(c.checked_mul(b))
                    .and_then(|(x, y)| x.checked_add(y))
                    .zip(b.checked_mul(d))
            };
            if let Some((num, den)) = sum {
                return Exact::ratio(num, den);
            }
        }
        let ((a, b), (c, d)) = (self.parts(), other.parts());
        Exact::big(a * &d + c * &b, b * d)
    }

    /// `self − other`, exact; 0 when `other` is larger.
    pub fn sub(&self, other: &Exact) -> Exact {
        if *other >= *self {
            return Exact::ZERO;
        }
        if let (Some((a, b)), Some((c, d))) = (self.small(), other.small()) {
            let diff = if b == d {
                Some((a - c, b))
            } else {
                a.checked_mul(d)
                    .zip(c.checked_mul(b))
                    .map(|(x, y)| x - y)
                    .zip(b.checked_mul(d))
            };
            if let Some((num, den)) = diff {
                return Exact::ratio(num, den);
            }
        }
        let ((a, b), (c, d)) = (self.parts(), other.parts());
        Exact::big(a * &d - c * &b, b * d)
    }

    /// `self · k`, exact.
    pub fn mul_int(&self, k: u128) -> Exact {
        if let Some((num, den)) = self.small()
            && let Some(n) = num.checked_mul(k)
        {
            return Exact::ratio(n, den);
        }
        let (num, den) = self.parts();
        Exact::big(num * BigUint::from(k), den)
    }

    /// `self · other`, exact.
    pub fn mul(&self, other: &Exact) -> Exact {
        if let (Some((a, b)), Some((c, d))) = (self.small(), other.small())
            && let (Some(num), Some(den)) = (a.checked_mul(c), b.checked_mul(d))
        {
            return Exact::ratio(num, den);
        }
        let ((a, b), (c, d)) = (self.parts(), other.parts());
        Exact::big(a * c, b * d)
    }

    /// `self / k` for `k > 0`, exact; 0 for `k = 0`.
    pub fn div_int(&self, k: u128) -> Exact {
        if k == 0 {
            return Exact::ZERO;
        }
        if let Some((num, den)) = self.small()
            && let Some(d) = den.checked_mul(k)
        {
            return Exact::ratio(num, d);
        }
        let (num, den) = self.parts();
        Exact::big(num, den * BigUint::from(k))
    }

    /// The value rounded half up to `dp` decimal places (6.25 → 6.3 at one place), from the
    /// exact fraction: floor((2·num·10^dp + den) / (2·den)).
    pub fn round_half_up(&self, dp: u32) -> Decimal {
        let dp = dp.min(28);
        let rounded = self.small().and_then(|(num, den)| {
            let twice = num.checked_mul(2)?.checked_mul(pow10(dp)?)?;
            let den2 = den.checked_mul(2)?;
            Some(twice.checked_add(den)? / den2)
        });
        let q = match rounded {
            Some(q) => q,
            None => {
                let (num, den) = self.parts();
                let q = (num * 2u8 * BigUint::from(10u8).pow(dp) + &den) / (den * 2u8);
                q.to_u128().unwrap_or(u128::MAX)
            }
        };
        i128::try_from(q)
            .ok()
            .and_then(|q| Decimal::try_from_i128_with_scale(q, dp).ok())
            .unwrap_or(Decimal::MAX)
    }

    /// Rounded half up to `dp` places and shown with them all (`92.3`, `100.0`).
    pub fn fixed(&self, dp: u32) -> String {
        let mut d = self.round_half_up(dp);
        d.rescale(dp);
        d.to_string()
    }

    /// The nearest `f64`, for drawing only (bars). Never feed it back into a calculation.
    pub fn to_f64(&self) -> f64 {
        match &self.0 {
            Repr::Small { num, den } => *num as f64 / *den as f64,
            Repr::Big(b) => {
                // Shift both down to 64 significant bits so neither overflows an f64.
                let shift = b.0.bits().max(b.1.bits()).saturating_sub(64);
                let n = (&b.0 >> shift).to_f64().unwrap_or(0.0);
                let d = (&b.1 >> shift).to_f64().unwrap_or(1.0);
                if d == 0.0 { 0.0 } else { n / d }
            }
        }
    }
}

/// `a · b` as a 256-bit number `(high, low)`.
fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    const LOW: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & LOW);
    let (b1, b0) = (b >> 64, b & LOW);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    let mid = (p00 >> 64) + (p01 & LOW) + (p10 & LOW);
    let low = (p00 & LOW) | (mid << 64);
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (high, low)
}

impl Ord for Exact {
    fn cmp(&self, other: &Exact) -> Ordering {
        match (&self.0, &other.0) {
            (Repr::Small { num: a, den: b }, Repr::Small { num: c, den: d }) => {
                if b == d {
                    a.cmp(c)
                } else {
                    wide_mul(*a, *d).cmp(&wide_mul(*c, *b))
                }
            }
            _ => {
                let ((a, b), (c, d)) = (self.parts(), other.parts());
                (a * d).cmp(&(c * b))
            }
        }
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Exact) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Exact {
    fn eq(&self, other: &Exact) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Exact {}

impl fmt::Debug for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small { num, den } => write!(f, "{num}/{den}"),
            Repr::Big(b) => write!(f, "{}/{}", b.0, b.1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn thirds_add_up_to_exactly_one() {
        let third = Exact::ratio(1, 3);
        let sum = third.add(&third).add(&third);
        assert_eq!(sum, Exact::ONE);
        assert_eq!(Exact::ratio(2, 3).mul_int(3), Exact::int(2));
        assert!(Exact::ratio(1, 3) < Exact::ratio(34, 100));
    }

    #[test]
    fn rounds_half_up_from_the_exact_value() {
        assert_eq!(Exact::ratio(25, 4).round_half_up(1), dec!(6.3));
        assert_eq!(Exact::ratio(25, 4).fixed(1), "6.3");
        assert_eq!(Exact::ratio(2, 3).round_half_up(4), dec!(0.6667));
        assert_eq!(Exact::int(100).fixed(1), "100.0");
        assert_eq!(Exact::ratio(1249, 200).fixed(1), "6.2");
    }

    #[test]
    fn overflowing_values_carry_on_in_big_integers() {
        let huge = Exact::ratio(u128::MAX, 3);
        let sum = huge.add(&huge);
        assert!(sum.small().is_none());
        assert_eq!(sum, Exact::ratio(u128::MAX, 3).mul_int(2));
        assert_eq!(sum.sub(&huge), huge);
        // Different denominators whose product overflows still compare exactly.
        let a = Exact::ratio(u128::MAX - 1, u128::MAX);
        let b = Exact::ratio(u128::MAX - 2, u128::MAX - 1);
        assert!(a > b);
        assert!(Exact::ratio(u128::MAX / 7, u128::MAX / 3) < Exact::HALF);
        assert_eq!(
            Exact::big(BigUint::from(7u8) << 200usize, BigUint::from(2u8) << 200usize).fixed(1),
            "3.5"
        );
    }

    #[test]
    fn decimals_convert_exactly() {
        assert_eq!(Exact::from_decimal(dec!(6.25)), Exact::ratio(25, 4));
        assert_eq!(Exact::from_decimal(dec!(90)), Exact::int(90));
        assert_eq!(Exact::from_decimal(dec!(-1)), Exact::ZERO);
    }

    #[test]
    fn the_wide_product_is_exact() {
        let (hi, lo) = wide_mul(u128::MAX, u128::MAX);
        // (2^128 − 1)² = 2^256 − 2^129 + 1.
        assert_eq!((hi, lo), (u128::MAX - 1, 1));
    }
}
