//! The words of a plan: each change a zone would make, its gain, and the steps and
//! shortfalls of the reserve ladder.

use jiff::civil::Date;

use crate::model::Bilingual;

/// The plan's words. `name` is a factor's name, `what` a change already in words.
pub struct Texts {
    // Changes with no offer to start from
    pub verify_available: fn(name: &str) -> String,
    /// The factor and the requirement in words.
    pub verify_required: fn(name: &str, required: &str) -> String,
    // A quantity the zone already plans for
    pub deliver_overdue_plan: fn(what: &str, by: Date) -> String,
    pub bring_plan_forward: fn(what: &str, by: Date) -> String,
    // Yes / no, level and set changes
    pub deliver_overdue: fn(name: &str, by: Date) -> String,
    pub bring_forward: fn(name: &str, by: Date) -> String,
    pub provide: fn(name: &str) -> String,
    pub raise_to: fn(name: &str, level: &str) -> String,
    /// Industries to admit (a set the zone's catalog fills by default).
    pub admit: fn(name: &str, list: &str) -> String,
    pub complete: fn(name: &str, list: &str) -> String,
    // Gains and plan lines
    /// A gain in points, `+2.4 分`.
    pub gain: fn(&str) -> String,
    pub needed_to_qualify: fn(what: &str, gain: &str) -> String,
    pub with_gain: fn(what: &str, gain: &str) -> String,
    // Reserve ladder
    /// Between the changes of one step (set members are kept apart by the list separator).
    pub change_separator: &'static str,
    /// A step and how many of the projects qualify after it.
    pub step: fn(changes: &str, qualified: usize, projects: usize) -> String,
    /// A shortfall and how many projects it blocks.
    pub blocks: fn(change: &str, projects: usize) -> String,
}

const ZH: Texts = Texts {
    verify_available: |name| format!("{name}：待核实是否具备"),
    verify_required: |name, required| format!("{name}：待核实（要求 {required}）"),
    deliver_overdue_plan: |what, by| format!("{what}（计划 {by} 已逾期，需落实）"),
    bring_plan_forward: |what, by| format!("{what}（由计划 {by} 提前到位）"),
    deliver_overdue: |name, by| format!("{name}：计划 {by} 已逾期，需落实"),
    bring_forward: |name, by| format!("{name}：由计划 {by} 提前到位"),
    provide: |name| format!("{name}：落实"),
    raise_to: |name, level| format!("{name}：提升至{level}"),
    admit: |name, list| format!("{name}：准入 {list}"),
    complete: |name, list| format!("{name}：完成 {list}"),
    gain: |g| format!("+{g} 分"),
    needed_to_qualify: |what, gain| format!("{what}：达标必需，{gain}"),
    with_gain: |what, gain| format!("{what}：{gain}"),
    change_separator: "；",
    step: |changes, n, projects| format!("{changes}：{projects} 个项目中 {n} 个合格"),
    blocks: |change, n| format!("{change}：卡住 {n} 个项目"),
};

const EN: Texts = Texts {
    verify_available: |name| format!("{name}: verify it is available"),
    verify_required: |name, required| format!("{name}: verify (required {required})"),
    deliver_overdue_plan: |what, by| format!("{what} (planned for {by}, overdue: deliver it)"),
    bring_plan_forward: |what, by| format!("{what} (bring forward from {by})"),
    deliver_overdue: |name, by| format!("{name}: planned for {by}, overdue: deliver it"),
    bring_forward: |name, by| format!("{name}: bring forward from {by}"),
    provide: |name| format!("{name}: provide"),
    raise_to: |name, level| format!("{name}: raise to {level}"),
    admit: |name, list| format!("{name}: admit {list}"),
    complete: |name, list| format!("{name}: complete {list}"),
    gain: |g| format!("+{g} points"),
    needed_to_qualify: |what, gain| format!("{what}: needed to qualify, {gain}"),
    with_gain: |what, gain| format!("{what}: {gain}"),
    change_separator: "; ",
    step: |changes, n, projects| match n {
        1 => format!("{changes}: 1 of {projects} projects qualifies"),
        n => format!("{changes}: {n} of {projects} projects qualify"),
    },
    blocks: |change, n| match n {
        1 => format!("{change}: blocks 1 project"),
        n => format!("{change}: blocks {n} projects"),
    },
};

/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn english_counts_projects_in_the_singular_and_plural_and_chinese_does_not() {
        let (zh, en) = (TEXTS.get(Lang::Zh), TEXTS.get(Lang::En));
        assert_eq!(
            (zh.step)("用地 +300 亩", 1, 6),
            "用地 +300 亩：6 个项目中 1 个合格"
        );
        assert_eq!(
            (en.step)("Land +300 mu", 1, 6),
            "Land +300 mu: 1 of 6 projects qualifies"
        );
        assert_eq!(
            (en.step)("Land +300 mu", 4, 6),
            "Land +300 mu: 4 of 6 projects qualify"
        );
        assert_eq!((zh.blocks)("用地 +300 亩", 1), "用地 +300 亩：卡住 1 个项目");
        assert_eq!((en.blocks)("Land +300 mu", 1), "Land +300 mu: blocks 1 project");
        assert_eq!((en.blocks)("Land +300 mu", 3), "Land +300 mu: blocks 3 projects");
    }

    #[test]
    fn a_plan_already_made_is_brought_forward_or_delivered() {
        let by = jiff::civil::date(2026, 6, 30);
        let (zh, en) = (TEXTS.get(Lang::Zh), TEXTS.get(Lang::En));
        assert_eq!(
            (zh.bring_plan_forward)("供电 +20 兆瓦", by),
            "供电 +20 兆瓦（由计划 2026-06-30 提前到位）"
        );
        assert_eq!(
            (en.deliver_overdue_plan)("Power +20 MW", by),
            "Power +20 MW (planned for 2026-06-30, overdue: deliver it)"
        );
        assert_eq!(
            (zh.needed_to_qualify)("供电 +20 兆瓦", &(zh.gain)("6.5")),
            "供电 +20 兆瓦：达标必需，+6.5 分"
        );
    }
}
