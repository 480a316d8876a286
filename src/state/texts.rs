//! The words of the editing state: the checklist's header fields, what an edit changed (for
//! undo and redo), and a value as a picker button shows it. The drafts' errors render their
//! own words through `Localize`.

use crate::model::Bilingual;

/// The editing state's words.
pub struct Texts {
    // Checklist header amounts (`AmountField`)
    pub total_investment: &'static str,
    pub planned_intensity: &'static str,
    pub planned_tax_per_mu: &'static str,
    /// The unit of the total investment.
    pub wan_yuan: &'static str,
    /// The unit of the amounts per mu.
    pub wan_yuan_per_mu: &'static str,
    /// A checklist with neither a file nor a project name.
    pub untitled_checklist: &'static str,
    // What an edit changed
    /// A header or meta field changed, `修改 投资方`.
    pub change_field: fn(&str) -> String,
    pub investor: &'static str,
    pub project_name: &'static str,
    pub industry: &'static str,
    pub planned_start: &'static str,
    pub zone_id: &'static str,
    pub zone_name: &'static str,
    pub region: &'static str,
    pub contact: &'static str,
    pub profile_date: &'static str,
    /// A factor's requirement or value changed (the factor's name).
    pub change_factor: fn(&str) -> String,
    pub change_importance: fn(&str) -> String,
    pub change_note: fn(&str) -> String,
    pub change_source: fn(&str) -> String,
    pub change_date: fn(&str) -> String,
    pub change_illustrative: fn(&str) -> String,
    /// A factor's own owner changed (the factor's name).
    pub change_owner: fn(&str) -> String,
    /// The profile's default owners (after `change_field`).
    pub default_owners: &'static str,
    // The keys default owners are given for
    /// A category, by its name.
    pub owner_key_category: fn(&str) -> String,
    /// A group of factors: its key, its first factor's name, how many it holds.
    pub owner_key_group: fn(&str, &str, usize) -> String,
    /// A factor, by its name.
    pub owner_key_factor: fn(&str) -> String,
    // A value in a picker button
    pub none_chosen: &'static str,
    /// The first two members of a long set and how many it holds.
    pub first_members: fn(&str, usize) -> String,
}

const ZH: Texts = Texts {
    total_investment: "总投资",
    planned_intensity: "计划投资强度",
    planned_tax_per_mu: "计划亩均税收",
    wan_yuan: "万元",
    wan_yuan_per_mu: "万元/亩",
    untitled_checklist: "未命名需求表",
    change_field: |what| format!("修改 {what}"),
    investor: "投资方",
    project_name: "项目名称",
    industry: "行业",
    planned_start: "计划开工时间",
    zone_id: "编号",
    zone_name: "名称",
    region: "所在地区",
    contact: "联系方式",
    profile_date: "资料日期",
    change_factor: |name| format!("修改 {name}"),
    change_importance: |name| format!("修改 {name} 的重要性"),
    change_note: |name| format!("修改 {name} 的备注"),
    change_source: |name| format!("修改 {name} 的来源"),
    change_date: |name| format!("修改 {name} 的日期"),
    change_illustrative: |name| format!("修改 {name} 的示例值标记"),
    change_owner: |name| format!("修改 {name} 的责任单位"),
    default_owners: "默认责任单位",
    owner_key_category: |name| format!("类别：{name}"),
    owner_key_group: |key, first, n| format!("要素组 {key}：{first}等 {n} 项"),
    owner_key_factor: |name| format!("要素：{name}"),
    none_chosen: "（未选择）",
    first_members: |shown, all| format!("{shown} 等 {all} 项"),
};

const EN: Texts = Texts {
    total_investment: "Total investment",
    planned_intensity: "Planned investment intensity",
    planned_tax_per_mu: "Planned tax per mu",
    wan_yuan: "× 10,000 yuan",
    wan_yuan_per_mu: "× 10,000 yuan/mu",
    untitled_checklist: "Untitled checklist",
    change_field: |what| format!("change {what}"),
    investor: "the investor",
    project_name: "the project name",
    industry: "the industry",
    planned_start: "the planned start",
    zone_id: "the id",
    zone_name: "the name",
    region: "the region",
    contact: "the contact",
    profile_date: "the date",
    change_factor: |name| format!("change {name}"),
    change_importance: |name| format!("change the importance of {name}"),
    change_note: |name| format!("change the note on {name}"),
    change_source: |name| format!("change the source of {name}"),
    change_date: |name| format!("change the date of {name}"),
    change_illustrative: |name| format!("change the illustrative mark of {name}"),
    change_owner: |name| format!("change the owner of {name}"),
    default_owners: "the default owners",
    owner_key_category: |name| format!("category: {name}"),
    owner_key_group: |key, first, n| format!("group {key}: {first} and {} more", n.saturating_sub(1)),
    owner_key_factor: |name| format!("factor: {name}"),
    none_chosen: "(none chosen)",
    first_members: |shown, all| format!("{shown} and {} more", all.saturating_sub(2)),
};

/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn a_long_set_shows_two_members_and_how_many_more() {
        assert_eq!((TEXTS.get(Lang::Zh).first_members)("甲、乙", 5), "甲、乙 等 5 项");
        assert_eq!((TEXTS.get(Lang::En).first_members)("a, b", 5), "a, b and 3 more");
    }

    #[test]
    fn an_edit_names_the_field_it_changed() {
        let (zh, en) = (TEXTS.get(Lang::Zh), TEXTS.get(Lang::En));
        assert_eq!((zh.change_field)(zh.investor), "修改 投资方");
        assert_eq!((en.change_field)(en.investor), "change the investor");
        assert_eq!(
            (en.change_illustrative)("Land"),
            "change the illustrative mark of Land"
        );
    }
}
