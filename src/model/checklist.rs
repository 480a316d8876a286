//! An investor's requirement checklist: the project, and for each factor it asks about the
//! required value, how much it matters and a note.

use rust_decimal::Decimal;

use super::catalog::{Catalog, FactorIdx, Kind, PlanField};
use super::importance::Importance;
use super::pipeline::Pipeline;
use super::value::{Quantity, Value};

/// What the investor asks of one factor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    pub importance: Importance,
    /// The required value; `None` while not stated (the item is then not scored), or when the
    /// factor takes its requirement from the checklist header (`default_from`).
    pub required: Option<Value>,
    pub note: String,
}

impl Requirement {
    /// A requirement at the factor's default importance with no value stated yet.
    pub fn unstated(importance: Importance) -> Self {
        Requirement {
            importance,
            required: None,
            note: String::new(),
        }
    }
}

/// An investor's checklist, checked against one catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checklist {
    pub investor: String,
    pub project: String,
    /// The project's industry division: a member of the catalog's industry vocabulary.
    pub industry: Option<u16>,
    /// Total investment in 万元.
    pub total_investment: Option<Decimal>,
    /// Planned investment intensity in 万元/亩 (against the zone's floor, factor 29).
    pub planned_intensity: Option<Decimal>,
    /// Planned tax per mu in 万元/亩 (against the zone's floor, factor 30).
    pub planned_tax_per_mu: Option<Decimal>,
    /// Where the project stands in the officer's pipeline (empty when not recorded).
    pub pipeline: Pipeline,
    items: Vec<Option<Requirement>>,
}

impl Checklist {
    /// A checklist that asks for nothing yet.
    pub fn new(catalog: &Catalog) -> Self {
        Checklist {
            investor: String::new(),
            project: String::new(),
            industry: None,
            total_investment: None,
            planned_intensity: None,
            planned_tax_per_mu: None,
            pipeline: Pipeline::default(),
            items: vec![None; catalog.len()],
        }
    }

    /// The full survey: every factor of the catalog at its default importance, no values yet.
    pub fn template(catalog: &Catalog) -> Self {
        let mut c = Checklist::new(catalog);
        for (idx, factor) in catalog.factors() {
            c.set_item(idx, Some(Requirement::unstated(factor.importance)));
        }
        c
    }

    /// The item for a factor, if the checklist has one.
    pub fn item(&self, factor: FactorIdx) -> Option<&Requirement> {
        self.items.get(factor.index()).and_then(Option::as_ref)
    }

    /// The item for a factor, to edit.
    pub fn item_mut(&mut self, factor: FactorIdx) -> Option<&mut Requirement> {
        self.items.get_mut(factor.index()).and_then(Option::as_mut)
    }

    /// Sets or removes the item for a factor.
    pub fn set_item(&mut self, factor: FactorIdx, item: Option<Requirement>) {
        if let Some(slot) = self.items.get_mut(factor.index()) {
            *slot = item;
        }
    }

    /// The items in catalog order.
    pub fn items(&self) -> impl Iterator<Item = (FactorIdx, &Requirement)> {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((FactorIdx::from_index(i)?, r.as_ref()?)))
    }

    /// The value a factor is scored against: the item's own, or the header field the catalog
    /// names for it (the industry, the planned intensity or tax per mu).
    pub fn required_value(&self, catalog: &Catalog, factor: FactorIdx) -> Option<Value> {
        let item = self.item(factor)?;
        if let Some(value) = &item.required {
            return Some(value.clone());
        }
        let f = catalog.factor(factor);
        match (f.default_from?, &f.kind) {
            (PlanField::Industry, Kind::Set(_)) => self.industry.map(|i| Value::set(vec![i])),
            (PlanField::PlannedIntensity, kind) => plan_quantity(catalog, kind, self.planned_intensity),
            (PlanField::PlannedTaxPerMu, kind) => plan_quantity(catalog, kind, self.planned_tax_per_mu),
            _ => None,
        }
    }

    /// Must-haves that cannot be scored: a factor whose requirement comes from the header
    /// (the industry, the planned intensity or tax per mu) with nothing in the header and no
    /// requirement of its own. Each is an error of the checklist, never a silent drop (the
    /// scoring rules' edge cases), with the header field that would give it.
    pub fn unscorable_musts(&self, catalog: &Catalog) -> Vec<(FactorIdx, PlanField)> {
        self.items()
            .filter(|(_, r)| r.importance == super::Importance::Must)
            .filter_map(|(f, _)| {
                let field = catalog.factor(f).default_from?;
                self.required_value(catalog, f).is_none().then_some((f, field))
            })
            .collect()
    }

    /// The items that are scored: requested and with a value to score against.
    pub fn scored_items(&self, catalog: &Catalog) -> impl Iterator<Item = (FactorIdx, &Requirement, Value)> {
        self.items().filter_map(|(f, r)| {
            if r.importance.is_requested() {
                Some((f, r, self.required_value(catalog, f)?))
            } else {
                None
            }
        })
    }
}

fn plan_quantity(catalog: &Catalog, kind: &Kind, amount: Option<Decimal>) -> Option<Value> {
    let measure = kind.measure()?;
    Quantity::new(catalog, measure, amount?, measure.unit)
        .ok()
        .map(Value::Amount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn header_fields_supply_the_plan_and_industry_requirements() {
        let catalog = Catalog::builtin().expect("catalog");
        let mut c = Checklist::template(&catalog);
        let industry = catalog.find_factor("policy.industry").expect("factor");
        let intensity = catalog
            .find_factor("standard.investment_intensity")
            .expect("factor");
        let land = catalog.find_factor("land.industrial_area").expect("factor");
        assert_eq!(c.required_value(&catalog, industry), None);
        assert_eq!(
            c.scored_items(&catalog).count(),
            0,
            "a blank template scores nothing"
        );

        c.industry = catalog.industries().find("C38");
        c.planned_intensity = Some(dec!(300));
        assert_eq!(
            c.required_value(&catalog, industry),
            Some(Value::set(c.industry.into_iter().collect()))
        );
        let Some(Value::Amount(q)) = c.required_value(&catalog, intensity) else {
            panic!("a quantity")
        };
        assert_eq!(q.canonical(), dec!(300));
        assert_eq!(c.required_value(&catalog, land), None);
        assert_eq!(c.scored_items(&catalog).count(), 2);
    }
}
