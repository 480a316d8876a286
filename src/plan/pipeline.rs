//! Reserve planning across the pipeline: one zone against the checklists of every pending
//! project. Which shortfalls block the most projects, and which reserves, added step by step,
//! qualify how many of them ("+300 亩 and +20 兆瓦: 4 of 6 projects qualify"). Pure.

use super::{Change, DEFAULT_TARGET, apply, change_text, strictest, what_it_takes};
use jiff::civil::Date;

use crate::model::{Catalog, Checklist, FactorIdx, Lang, ZoneIdx, ZoneProfile};
use crate::scoring::{Exact, Scorer};

/// One pending project as the zone stands today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    /// The project's name from its checklist.
    pub name: String,
    pub score: Exact,
    pub qualified: bool,
    /// The failed must-haves that keep the zone from qualifying for it.
    pub to_qualify: Vec<Change>,
}

/// One factor that keeps the zone from qualifying for some projects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortfall {
    pub factor: FactorIdx,
    /// How many projects it blocks (among others, perhaps).
    pub blocks: usize,
    /// The change that clears it for every one of them: the strictest requirement.
    pub change: Change,
}

/// One step of the reserve ladder: the reserves so far and what they win.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Every change made up to this step, merged by factor, in catalog order.
    pub changes: Vec<Change>,
    /// Projects the zone qualifies for once the changes are made (those qualified already
    /// included), by position in the pipeline.
    pub qualified: Vec<usize>,
}

/// The pipeline as seen from one zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pipeline {
    pub projects: Vec<Project>,
    /// Shortfalls, the one blocking most projects first (catalog order on ties).
    pub shortfalls: Vec<Shortfall>,
    /// The reserve ladder: each step qualifies at least one more project, cheapest first.
    pub steps: Vec<Step>,
}

impl Pipeline {
    /// How many projects the zone qualifies for today.
    pub fn qualified_now(&self) -> usize {
        self.projects.iter().filter(|p| p.qualified).count()
    }
}

/// Where the changes of a plan say they come from when applied to a profile.
const PLANNED: &str = "reserve plan";

/// Plans the zone's reserves for the pending projects.
///
/// The ladder is greedy: each step adds the project whose missing must-haves add or tighten the
/// fewest reserves on top of the previous step (pipeline order on ties); then every project is
/// rescored against the zone with all reserves so far, since one reserve often wins several.
pub fn pipeline(catalog: &Catalog, profile: &ZoneProfile, checklists: &[Checklist], today: Date) -> Pipeline {
    let scorers: Vec<Scorer> = checklists
        .iter()
        .map(|c| Scorer::new(catalog, c, today))
        .collect();
    let projects: Vec<Project> = scorers
        .iter()
        .zip(checklists)
        .map(|(scorer, checklist)| {
            let result = scorer.score_zone(ZoneIdx::default(), profile);
            let plan = what_it_takes(scorer, profile, &result, DEFAULT_TARGET);
            Project {
                name: checklist.project.clone(),
                score: result.score,
                qualified: result.qualified,
                to_qualify: plan.to_qualify,
            }
        })
        .collect();

    let mut shortfalls: Vec<Shortfall> = Vec::new();
    for change in projects.iter().flat_map(|p| &p.to_qualify) {
        match shortfalls.iter_mut().find(|s| s.factor == change.factor) {
            Some(s) => {
                s.blocks += 1;
                s.change.target = strictest(catalog, change.factor, &s.change.target, &change.target);
            }
            None => shortfalls.push(Shortfall {
                factor: change.factor,
                blocks: 1,
                change: change.clone(),
            }),
        }
    }
    shortfalls.sort_by(|a, b| b.blocks.cmp(&a.blocks).then(a.factor.cmp(&b.factor)));

    let qualified_with = |changes: &[Change]| -> Vec<usize> {
        let changed = apply(profile, changes, PLANNED);
        scorers
            .iter()
            .enumerate()
            .filter(|(_, s)| s.score_zone(ZoneIdx::default(), &changed).qualified)
            .map(|(i, _)| i)
            .collect()
    };
    let mut steps: Vec<Step> = Vec::new();
    let mut package: Vec<Change> = Vec::new();
    let mut qualified: Vec<usize> = (0..projects.len()).filter(|i| projects[*i].qualified).collect();
    while qualified.len() < projects.len() {
        let Some((_, next)) = (0..projects.len())
            .filter(|i| !qualified.contains(i))
            .map(|i| (added_reserves(catalog, &package, &projects[i].to_qualify), i))
            .min()
        else {
            break;
        };
        package = merge(catalog, &package, &projects[next].to_qualify);
        let now = qualified_with(&package);
        if now.len() <= qualified.len() {
            // Cannot happen: the merged reserves meet every must-have of `next`. Stop rather
            // than loop if a catalog ever makes it so.
            break;
        }
        qualified = now;
        steps.push(Step {
            changes: package.clone(),
            qualified: qualified.clone(),
        });
    }
    Pipeline {
        projects,
        shortfalls,
        steps,
    }
}

/// How many reserves `more` adds to `package` or makes stricter.
fn added_reserves(catalog: &Catalog, package: &[Change], more: &[Change]) -> usize {
    more.iter()
        .filter(|c| match package.iter().find(|p| p.factor == c.factor) {
            Some(p) => strictest(catalog, c.factor, &p.target, &c.target) != p.target,
            None => true,
        })
        .count()
}

/// The package with `more` added, one change per factor at the strictest target, in catalog
/// order.
fn merge(catalog: &Catalog, package: &[Change], more: &[Change]) -> Vec<Change> {
    let mut out = package.to_vec();
    for c in more {
        match out.iter_mut().find(|p| p.factor == c.factor) {
            Some(p) => p.target = strictest(catalog, c.factor, &p.target, &c.target),
            None => out.push(c.clone()),
        }
    }
    out.sort_by_key(|c| c.factor);
    out
}

/// A step in words: `可供工业用地面积 +300 亩；新能源(绿电)指标 +20 兆瓦：6 个项目中 4 个合格`.
pub fn step_text(catalog: &Catalog, step: &Step, projects: usize, lang: Lang) -> String {
    let changes: Vec<String> = step
        .changes
        .iter()
        .map(|c| change_text(catalog, c, lang))
        .collect();
    // Set members are listed with the list separator; changes are kept apart by a stronger one.
    let t = super::texts::TEXTS.get(lang);
    (t.step)(&changes.join(t.change_separator), step.qualified.len(), projects)
}

/// A shortfall in words: `可供工业用地面积 +300 亩：卡住 3 个项目`.
pub fn shortfall_text(catalog: &Catalog, s: &Shortfall, lang: Lang) -> String {
    let change = change_text(catalog, &s.change, lang);
    (super::texts::TEXTS.get(lang).blocks)(&change, s.blocks)
}
