//! The words of the data model a reader sees outside an error message: importance levels,
//! pipeline stages, checklist header fields, yes / no answers and the separators of running
//! text. The model's errors render their own words through `Localize`.

use jiff::civil::Date;

use super::text::Bilingual;

/// The data model's words.
pub struct Texts {
    // Importance levels (`Importance::label`)
    pub must: &'static str,
    pub high: &'static str,
    pub medium: &'static str,
    pub low: &'static str,
    pub not_needed: &'static str,
    // Pipeline stages (`Stage::label`)
    pub lead: &'static str,
    pub negotiating: &'static str,
    pub signed: &'static str,
    pub land_supplied: &'static str,
    pub started: &'static str,
    pub producing: &'static str,
    pub shelved: &'static str,
    // Checklist header fields a requirement can come from (`PlanField::label`)
    pub industry: &'static str,
    pub planned_intensity: &'static str,
    pub planned_tax_per_mu: &'static str,
    // Values (`value::yes_no_text`, `value::members_text`)
    pub yes: &'static str,
    pub no: &'static str,
    /// A yes-to-come, `计划 2025-03-31`.
    pub planned: fn(Date) -> String,
    /// An empty set.
    pub none: &'static str,
    /// Between the items of a list in running text.
    pub list_separator: &'static str,
}

const ZH: Texts = Texts {
    must: "必须",
    high: "高",
    medium: "中",
    low: "低",
    not_needed: "不需要",
    lead: "线索",
    negotiating: "在谈",
    signed: "签约",
    land_supplied: "供地",
    started: "开工",
    producing: "投产",
    shelved: "搁置",
    industry: "行业",
    planned_intensity: "计划投资强度",
    planned_tax_per_mu: "计划亩均税收",
    yes: "是",
    no: "否",
    planned: |date| format!("计划 {date}"),
    none: "无",
    list_separator: "、",
};

const EN: Texts = Texts {
    must: "Must-have",
    high: "High",
    medium: "Medium",
    low: "Low",
    not_needed: "Not needed",
    lead: "lead",
    negotiating: "negotiating",
    signed: "signed",
    land_supplied: "land supplied",
    started: "started",
    producing: "producing",
    shelved: "shelved",
    industry: "industry",
    planned_intensity: "planned investment intensity",
    planned_tax_per_mu: "planned tax per mu",
    yes: "Yes",
    no: "No",
    planned: |date| format!("Planned for {date}"),
    none: "none",
    list_separator: ", ",
};

/// The words in both languages.
pub static TEXTS: Bilingual<Texts> = Bilingual { zh: ZH, en: EN };
