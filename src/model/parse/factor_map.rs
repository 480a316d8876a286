//! The `{ "factor.id": ( … ), … }` map shared by profiles and checklists: unknown and repeated
//! factor ids are refused here, and each item is read by the format that owns it.

use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::trace::Trace;
use crate::model::catalog::{Catalog, Factor, FactorIdx};
use crate::model::error::{Expected, Problem, Step};

/// What a factor map holds for each factor: a profile entry or a checklist item.
pub(super) trait MapItem: Sized {
    /// What an entry of the map takes, for messages.
    const EXPECTED: Expected;

    fn read<'de, A: MapAccess<'de>>(
        catalog: &Catalog,
        factor: &Factor,
        trace: &Trace,
        map: &mut A,
    ) -> Result<Self, A::Error>;
}

/// Reads a map from factor ids to items, refusing unknown and repeated ids. Errors inside an
/// item note its factor.
pub(super) struct FactorMapSeed<'a, T> {
    catalog: &'a Catalog,
    trace: &'a Trace,
    item: std::marker::PhantomData<T>,
}

impl<'a, T> FactorMapSeed<'a, T> {
    pub(super) fn new(catalog: &'a Catalog, trace: &'a Trace) -> Self {
        FactorMapSeed {
            catalog,
            trace,
            item: std::marker::PhantomData,
        }
    }
}

impl<'de, T: MapItem> DeserializeSeed<'de> for FactorMapSeed<'_, T> {
    type Value = Vec<(FactorIdx, T)>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: MapItem> Visitor<'de> for FactorMapSeed<'_, T> {
    type Value = Vec<(FactorIdx, T)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map from factor ids to entries: { \"land.industrial_area\": ( … ), … }")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let t = self.trace;
        let mut seen = HashSet::new();
        let mut items = Vec::new();
        loop {
            let key = map.next_key::<String>();
            if key.is_err() {
                t.expect(|| Expected::FactorId);
            }
            let Some(id) = key? else { break };
            let Some(idx) = self.catalog.find_factor(&id) else {
                let suggestion = self
                    .catalog
                    .suggest_factor(&id)
                    .and_then(|s| self.catalog.find_factor(s))
                    .map(|f| self.catalog.factor(f).named());
                return Err(t.fail(Problem::UnknownFactor {
                    given: id,
                    suggestion,
                }));
            };
            let factor = self.catalog.factor(idx);
            if !seen.insert(idx) {
                return Err(t.fail(Problem::DuplicateFactor {
                    factor: factor.named(),
                }));
            }
            let item = t.within(
                Step::Factor(factor.named()),
                || T::EXPECTED,
                T::read(self.catalog, factor, t, &mut map),
            )?;
            items.push((idx, item));
        }
        Ok(items)
    }
}
