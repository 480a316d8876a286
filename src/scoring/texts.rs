//! The words of scored items: an item's status, what was required and offered, the gap and
//! where the figures come from ([`explain`](super::explain) puts them together).

use jiff::civil::Date;

use crate::model::Bilingual;

/// The scoring's words.
pub struct Texts {
    // Statuses (`Status::label`)
    pub met: &'static str,
    pub partial: &'static str,
    pub unmet: &'static str,
    pub to_verify: &'static str,
    // Requirements and offers
    /// A yes / no factor required.
    pub required: &'static str,
    /// A level requirement, `七通一平及以上`.
    pub level_or_higher: fn(&str) -> String,
    /// Between what a zone offers now and what it plans.
    pub then_planned: &'static str,
    /// A planned amount, `计划 2026-06-30 达 50 兆瓦` (the day, the amount).
    pub planned_amount: fn(Date, &str) -> String,
    /// An entry's own source and its plan's (own, plan).
    pub sources: fn(&str, &str) -> String,
    /// The source of the plan alone.
    pub plan_source: fn(&str) -> String,
    /// Some members of a long set and how many it holds, `… 等共 7 项`.
    pub members_in_all: fn(&str, usize) -> String,
    // Gaps
    /// How far an amount is over an `AtMost` limit, `超出 12 公里`.
    pub over: fn(&str) -> String,
    /// How far an amount is short of an `AtLeast` requirement, `差 77 亩`.
    pub short: fn(&str) -> String,
    pub planned_for: fn(Date) -> String,
    pub overdue: fn(Date) -> String,
    pub not_available: &'static str,
    /// Short now (the shortfall) and met as planned by a day.
    pub short_until_planned: fn(&str, Date) -> String,
    /// Met as planned by a day (the first) before the project starts (the second).
    pub ready_before_start: fn(Date, Date) -> String,
    /// Short now (the shortfall) and the plan that would meet it overdue since a day.
    pub short_plan_overdue: fn(&str, Date) -> String,
    /// Levels short, and the level the zone has.
    pub levels_short: fn(u16, &str) -> String,
    /// The required members a zone lacks.
    pub missing: fn(&str) -> String,
    pub no_data: &'static str,
    // The first place's firmness (`stability`)
    /// No single change of importance considered swaps the top two.
    pub first_place_firm: &'static str,
    /// The change that would: the factor, its importance now and after, the zone that would
    /// pass, the zone passed.
    pub first_place_close: fn(&str, &str, &str, &str, &str) -> String,
}

const ZH: Texts = Texts {
    met: "满足",
    partial: "部分满足",
    unmet: "不满足",
    to_verify: "待核实",
    required: "需要",
    level_or_higher: |level| format!("{level}及以上"),
    then_planned: "；",
    planned_amount: |by, amount| format!("计划 {by} 达 {amount}"),
    sources: |own, plan| format!("{own}；计划：{plan}"),
    plan_source: |plan| format!("计划：{plan}"),
    members_in_all: |list, all| format!("{list} 等共 {all} 项"),
    over: |a| format!("超出 {a}"),
    short: |a| format!("差 {a}"),
    planned_for: |date| format!("计划 {date} 具备"),
    overdue: |date| format!("逾期：计划 {date}"),
    not_available: "不具备",
    short_until_planned: |now, by| format!("现{now}，计划 {by} 达到"),
    ready_before_start: |by, start| format!("计划 {by} 达到，早于项目开工 {start}"),
    short_plan_overdue: |now, by| format!("{now}；逾期：计划 {by}"),
    levels_short: |n, has| match n {
        1 => format!("低一级（现为{has}）"),
        n => format!("低 {n} 级（现为{has}）"),
    },
    missing: |list| format!("缺：{list}"),
    no_data: "无数据，待核实",
    first_place_firm: "第一名稳定：单独调整任一要素的重要性（含调高有要求的“不需要”项）都不改变前两名次序。",
    first_place_close: |factor, from, to, behind, ahead| {
        format!("第一名不稳：若把“{factor}”的重要性由“{from}”改为“{to}”，{behind}（第二名）将超过{ahead}。")
    },
};

const EN: Texts = Texts {
    met: "met",
    partial: "partial",
    unmet: "unmet",
    to_verify: "to verify",
    required: "required",
    level_or_higher: |level| format!("{level} or higher"),
    then_planned: "; ",
    planned_amount: |by, amount| format!("{amount} planned by {by}"),
    sources: |own, plan| format!("{own}; plan: {plan}"),
    plan_source: |plan| format!("plan: {plan}"),
    members_in_all: |list, all| format!("{list} ({all} in all)"),
    over: |a| format!("{a} over"),
    short: |a| format!("short {a}"),
    planned_for: |date| format!("planned for {date}"),
    overdue: |date| format!("overdue: due {date}"),
    not_available: "not available",
    short_until_planned: |now, by| format!("{now} now; met as planned by {by}"),
    ready_before_start: |by, start| format!("met as planned by {by}, before the project starts on {start}"),
    short_plan_overdue: |now, by| format!("{now}; overdue: due {by}"),
    levels_short: |n, has| match n {
        1 => format!("one level short (has {has})"),
        n => format!("{n} levels short (has {has})"),
    },
    missing: |list| format!("missing: {list}"),
    no_data: "no data: to verify",
    first_place_firm: "First place is firm: no single change of importance (raising a not-needed factor too) alters the top two.",
    first_place_close: |factor, from, to, behind, ahead| {
        format!(
            "First place is close: making \"{factor}\" {} instead of {} would put {behind} ahead of \
             {ahead}.",
            to.to_lowercase(),
            from.to_lowercase()
        )
    },
};

/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn levels_short_says_one_level_in_words() {
        let (zh, en) = (TEXTS.get(Lang::Zh), TEXTS.get(Lang::En));
        assert_eq!((zh.levels_short)(1, "五通一平"), "低一级（现为五通一平）");
        assert_eq!((zh.levels_short)(2, "五通一平"), "低 2 级（现为五通一平）");
        assert_eq!((en.levels_short)(1, "5-in-1"), "one level short (has 5-in-1)");
        assert_eq!((en.levels_short)(2, "5-in-1"), "2 levels short (has 5-in-1)");
    }

    #[test]
    fn a_plan_source_follows_the_entry_source() {
        let (zh, en) = (TEXTS.get(Lang::Zh), TEXTS.get(Lang::En));
        assert_eq!((zh.sources)("管委会", "十四五规划"), "管委会；计划：十四五规划");
        assert_eq!(
            (en.sources)("Committee", "Five-year plan"),
            "Committee; plan: Five-year plan"
        );
        assert_eq!((en.plan_source)("Five-year plan"), "plan: Five-year plan");
    }
}
