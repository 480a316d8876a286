//! Readiness tiers: which certified-site style tier a zone's inventory puts it in on a day,
//! from the catalog's tier definitions, and what keeps it from the tier above. Pure.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{Status, status_of};
use crate::model::{Catalog, FactorIdx, Tier, Value, YesNo, ZoneProfile};

/// A zone's tier and what stands between it and the next one up.
#[derive(Clone, Debug, PartialEq)]
pub struct Readiness<'a> {
    /// The tier, from [`Catalog::tiers`].
    pub tier: &'a Tier,
    /// The factors that keep the zone out of the tier above; empty in the top tier.
    pub missing_for_next: Vec<FactorIdx>,
}

/// The first tier whose conditions the zone meets on `today`; `None` when the catalog defines
/// no tiers.
pub fn readiness<'a>(catalog: &'a Catalog, profile: &ZoneProfile, today: Date) -> Option<Readiness<'a>> {
    let tiers = catalog.tiers();
    let tier = tiers
        .iter()
        .position(|t| missing(catalog, t, profile, today).is_empty())
        // The last tier has no conditions, so `position` finds it; this is for an empty list.
        .unwrap_or(tiers.len().checked_sub(1)?);
    let missing_for_next = match tier.checked_sub(1) {
        Some(above) => missing(catalog, &tiers[above], profile, today),
        None => Vec::new(),
    };
    Some(Readiness {
        tier: &tiers[tier],
        missing_for_next,
    })
}

/// The conditions of `tier` the zone does not meet, by factor in catalog order.
pub fn missing(catalog: &Catalog, tier: &Tier, profile: &ZoneProfile, today: Date) -> Vec<FactorIdx> {
    let horizon = today
        .checked_add(i64::from(tier.planned_within_months).months())
        .unwrap_or(today);
    let mut out: Vec<FactorIdx> = tier
        .met
        .iter()
        .filter(|(f, required)| {
            let Some(entry) = profile.entry(*f) else {
                return true;
            };
            // A plan counts within the tier's horizon, never once its date has passed.
            let plan_counts = |date: Date| tier.planned_within_months > 0 && date <= horizon && date >= today;
            match (&entry.value, required) {
                (Value::YesNo(YesNo::Planned(date)), Value::YesNo(_)) => !plan_counts(*date),
                // An amount planned within the horizon counts as the amount: scored as for an
                // investor starting the day after the horizon, for whom such a plan is met.
                _ => {
                    let start = horizon.tomorrow().ok().filter(|_| tier.planned_within_months > 0);
                    status_of(catalog, *f, required, entry, today, start) != Some(Status::Met)
                }
            }
        })
        .map(|(f, _)| *f)
        .chain(tier.known.iter().copied().filter(|f| profile.entry(*f).is_none()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;
    use crate::model::parse_profile;

    fn catalog() -> Catalog {
        Catalog::builtin().expect("catalog")
    }

    fn profile(c: &Catalog, factors: &str) -> ZoneProfile {
        let text =
            format!(r#"ZoneProfile(name: (zh: "测试区"), as_of: "2026-06-30", factors: {{ {factors} }})"#);
        parse_profile(&text, "t", c).expect("profile")
    }

    const READY: &str = r#"
        "land.industrial_area": (value: "500 mu", source: "s"),
        "land.standard_land": (value: Yes, source: "s"),
        "land.servicing_level": (value: "seven", source: "s"),
        "power.capacity": (value: "50 MW", source: "s"),
        "water.supply": (value: "5000 t_per_d", source: "s"),
        "water.sewage": (value: "3000 t_per_d", source: "s"),
        "policy.regional_assessments": (value: ["environment", "energy"], source: "s"),
        "quota.energy": (value: "10000 tce_per_a", source: "s"),
        "service.approval_days": (value: "60 working_days", source: "s"),
    "#;

    fn today() -> Date {
        Date::new(2026, 11, 29).expect("date")
    }

    #[test]
    fn the_catalog_defines_three_tiers_best_first() {
        let c = catalog();
        let ids: Vec<&str> = c.tiers().iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["ready_now", "ready_6_months", "in_preparation"]);
    }

    #[test]
    fn a_zone_with_everything_is_ready_now() {
        let c = catalog();
        let r = readiness(&c, &profile(&c, READY), today()).expect("tiers");
        assert_eq!(r.tier.id, "ready_now");
        assert_eq!(r.missing_for_next, vec![]);
    }

    #[test]
    fn standard_land_planned_soon_is_ready_within_six_months() {
        let c = catalog();
        let soon = READY.replace(
            r#""land.standard_land": (value: Yes, source: "s")"#,
            r#""land.standard_land": (value: Planned("2027-03-31"), source: "s")"#,
        );
        let r = readiness(&c, &profile(&c, &soon), today()).expect("tiers");
        assert_eq!(r.tier.id, "ready_6_months");
        assert_eq!(
            r.missing_for_next,
            vec![c.find_factor("land.standard_land").expect("f")]
        );

        let late = READY.replace(
            r#""land.standard_land": (value: Yes, source: "s")"#,
            r#""land.standard_land": (value: Planned("2028-01-31"), source: "s")"#,
        );
        assert_eq!(
            readiness(&c, &profile(&c, &late), today())
                .expect("tiers")
                .tier
                .id,
            "in_preparation"
        );

        // A plan whose date has passed is overdue: it counts in no tier.
        let overdue = READY.replace(
            r#""land.standard_land": (value: Yes, source: "s")"#,
            r#""land.standard_land": (value: Planned("2026-11-28"), source: "s")"#,
        );
        assert_eq!(
            readiness(&c, &profile(&c, &overdue), today())
                .expect("tiers")
                .tier
                .id,
            "in_preparation"
        );
    }

    /// 20 mu today and 500 mu planned: ready within six months when the plan is due within
    /// them, in preparation when later or overdue, and never ready now.
    #[test]
    fn land_planned_within_the_horizon_is_ready_within_six_months() {
        let c = catalog();
        let land = c.find_factor("land.industrial_area").expect("f");
        let tier_with_plan = |by: &str| {
            let text = READY.replace(
                r#"(value: "500 mu", source: "s")"#,
                &format!(r#"(value: "20 mu", planned: (value: "500 mu", by: "{by}"), source: "s")"#),
            );
            let r = readiness(&c, &profile(&c, &text), today()).expect("tiers");
            (r.tier.id.clone(), r.missing_for_next)
        };
        // 2027-05-29 is the horizon: six months after 2026-11-29.
        assert_eq!(
            tier_with_plan("2027-05-29"),
            ("ready_6_months".into(), vec![land])
        );
        assert_eq!(tier_with_plan("2026-11-29").0, "ready_6_months");
        assert_eq!(tier_with_plan("2027-05-30").0, "in_preparation");
        assert_eq!(tier_with_plan("2026-11-28").0, "in_preparation");
    }

    #[test]
    fn unknown_values_and_small_land_keep_a_zone_in_preparation() {
        let c = catalog();
        let r = readiness(&c, &profile(&c, ""), today()).expect("tiers");
        assert_eq!(r.tier.id, "in_preparation");
        assert!(
            r.missing_for_next
                .contains(&c.find_factor("land.industrial_area").expect("f"))
        );
        let small = READY.replace("500 mu", "20 mu");
        assert_eq!(
            readiness(&c, &profile(&c, &small), today())
                .expect("tiers")
                .tier
                .id,
            "in_preparation"
        );
    }

    #[test]
    fn a_catalog_with_a_bad_tier_is_refused_with_the_tier_named() {
        let text = crate::model::catalog::BUILTIN
            .replace(r#""land.standard_land": "yes""#, r#""land.standard_lnd": "yes""#);
        let e = Catalog::parse(&text).expect_err("refused").to_string();
        assert!(e.contains("tier Ready now (`ready_now`)"), "{e}");
        assert!(e.contains("did you mean `land.standard_land`"), "{e}");
    }
}
