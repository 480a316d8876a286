//! The printed match report as data: cover, the top of the ranking (and a line for the zones
//! left out), a section for each detailed zone (items by category, failed must-haves, what it
//! would take to qualify), an appendix with the rules and data caveats, and where the sections
//! start pages; or, for the leadership, the one-page brief. Built from a ranking with no I/O;
//! the PDF renderer feeds it, as JSON, to the layout template in `assets/report.typ`, and the
//! Word writer lays the same model out as a document. [`ReportModel::texts`] lists every text
//! that comes from data, with the field it is in, so that a character no font has is named
//! before anything is written.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use super::texts::TEXTS;
use crate::model::{Checklist, Freshness, Lang, ZoneIdx, ZoneProfile, number};
use crate::scoring::explain::item_texts;
use crate::scoring::{Ranking, Scorer, Status, ZoneResult};

/// The languages a report is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportLang {
    #[default]
    Zh,
    En,
    /// Chinese with English beside it.
    Both,
}

impl ReportLang {
    /// The language the report reads first.
    pub fn primary(self) -> Lang {
        match self {
            ReportLang::En => Lang::En,
            _ => Lang::Zh,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ReportLang::Zh => "zh",
            ReportLang::En => "en",
            ReportLang::Both => "both",
        }
    }
}

/// A text in both languages; the template shows one or both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Bi {
    pub zh: String,
    pub en: String,
}

impl Bi {
    /// The text in each language, from a function of the language (a texts table's entry).
    pub(crate) fn of(f: impl Fn(Lang) -> String) -> Bi {
        Bi {
            zh: f(Lang::Zh),
            en: f(Lang::En),
        }
    }

    /// The text in `lang`.
    pub(crate) fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    #[cfg(test)]
    fn same(s: &str) -> Bi {
        Bi {
            zh: s.to_owned(),
            en: s.to_owned(),
        }
    }
}

/// What the officer chose for the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    pub lang: ReportLang,
    /// How many of the top-ranked zones get a detailed section (when none are picked).
    pub top: usize,
    /// The zones to detail, by position among the profiles; overrides `top` when not empty.
    pub picked: Vec<ZoneIdx>,
    /// The officer and office preparing the report.
    pub prepared_by: String,
    /// The report date; also decides which figures are past their update period (stale) or
    /// near its end (due).
    pub date: Date,
    /// How many zones the ranking table lists; the rest are counted in one line (the Excel
    /// ranking lists them all). Detailed zones below this are listed too.
    pub ranking_rows: usize,
    /// The one-page brief for the leadership instead of the full report: the top
    /// [`BRIEF_ZONES`] zones (or the first picked), their decisive gaps and what it would take.
    pub brief: bool,
}

/// How many zones the ranking table lists by default.
pub const DEFAULT_RANKING_ROWS: usize = 20;
/// How many zones the one-page brief presents.
pub const BRIEF_ZONES: usize = 3;
/// How many changes of "what it would take" the brief names for a zone.
const BRIEF_CHANGES: usize = 3;

impl ReportOptions {
    pub fn new(date: Date) -> Self {
        ReportOptions {
            lang: ReportLang::Zh,
            top: 5,
            picked: Vec::new(),
            prepared_by: String::new(),
            date,
            ranking_rows: DEFAULT_RANKING_ROWS,
            brief: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cover {
    pub project: String,
    pub investor: String,
    pub industry: Option<Bi>,
    pub total_investment: Option<Bi>,
    pub date: String,
    pub prepared_by: String,
    pub scored_items: usize,
    pub must_haves: usize,
    pub zones_scored: usize,
    /// The same, and the qualified count, grouped as printed (`10,000`).
    pub zones_scored_text: String,
    pub zones_qualified_text: String,
    pub zones_qualified: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryRow {
    pub rank: usize,
    pub zone: String,
    pub name: Bi,
    /// One decimal, as printed.
    pub score: String,
    /// 0–1, for the bar.
    pub bar: f64,
    pub qualified: bool,
    pub met: usize,
    pub partial: usize,
    pub unmet: usize,
    pub unknown: usize,
    /// Whole percent.
    pub completeness: String,
    /// Whether the zone has a detailed section.
    pub detailed: bool,
    /// The zone's readiness tier on the report date.
    pub tier: Option<Bi>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemLine {
    /// `met`, `partial`, `unmet`, `unknown`.
    pub status: &'static str,
    pub mark: &'static str,
    pub status_label: Bi,
    pub factor: Bi,
    pub importance: Bi,
    pub must: bool,
    pub required: Bi,
    pub offered: Option<Bi>,
    pub gap: Option<Bi>,
    /// The number of the item's source in its section's source list (1-based).
    pub source_ref: Option<usize>,
    pub as_of: String,
    pub illustrative: bool,
    /// Past its update period on the report date (`freshness` is `stale`); kept for the
    /// templates written before `freshness`.
    pub stale: bool,
    /// `current`, `due` or `stale` on the report date; `null` when the zone has no value.
    pub freshness: Option<Freshness>,
    /// The department that must keep the figure current (责任单位), when one is named.
    pub owner: Option<String>,
}

/// A department that owns figures of a section, with the factors it owns there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OwnerLine {
    pub owner: String,
    pub factors: Vec<Bi>,
    /// Of those factors' figures, how many are due and how many stale on the report date.
    pub due: usize,
    pub stale: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryBlock {
    pub name: Bi,
    pub items: Vec<ItemLine>,
}

/// One category of a zone's profile: its name and score as shown (`None`: not requested).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProfileBar {
    pub name: Bi,
    pub score: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ZoneSection {
    pub rank: usize,
    pub zone: String,
    pub name: Bi,
    pub region: Bi,
    pub contact: Bi,
    pub score: String,
    pub qualified: bool,
    pub failed_must: Vec<Bi>,
    /// Each failed must-have with its gap ("能耗指标：差 30,000 吨标煤/年"), for the brief.
    pub decisive: Vec<Bi>,
    pub met: usize,
    pub partial: usize,
    pub unmet: usize,
    pub unknown: usize,
    pub completeness: String,
    pub categories: Vec<CategoryBlock>,
    /// The category profile (DOMAIN §4), every catalog category in order: the strip in the
    /// zone's section and the grouped chart of the zones detailed.
    pub profile: Vec<ProfileBar>,
    /// The sources the items cite, numbered in order of first use.
    pub sources: Vec<String>,
    /// The owners of the items' figures, in order of first item; items with no owner named
    /// are left out.
    pub owners: Vec<OwnerLine>,
    /// Items whose figure is due or stale and that name no owner: (due, stale).
    #[serde(skip)]
    pub unowned: (usize, usize),
    /// What it would take: the changes that qualify the zone, then those that lift it to the
    /// target score, largest gain first (`可供工业用地面积 +215 亩：达标必需，+9.7 分`); every
    /// change of the plan (in the brief, the first few).
    pub to_close: Vec<Bi>,
    /// How many changes it takes to qualify (the first of `to_close`).
    pub to_qualify: usize,
    /// The score the plan aims for once qualified.
    pub target: String,
    /// The zone's readiness tier on the report date.
    pub tier: Option<Bi>,
    /// Start the section on a new page (decided by [`plan_pages`]).
    pub new_page: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Appendix {
    /// Items across the detailed sections.
    pub detailed_items: usize,
    pub unknown: usize,
    pub illustrative: usize,
    pub stale: usize,
    /// Items near the end of their update period.
    pub due: usize,
    /// Zones ranked that have no detailed section.
    pub not_detailed: usize,
    /// The scoring rules, a paragraph each.
    pub rules: Vec<Bi>,
    /// The data caveats, a paragraph each.
    pub caveats: Vec<Bi>,
}

/// The scoring rules as the appendix prints them (the contract of the domain reference, §4).
fn rules() -> Vec<Bi> {
    // Both tables hold the same number of rules: the field is an array of fixed length.
    (0..TEXTS.get(Lang::Zh).rules.len())
        .map(|i| Bi::of(|l| TEXTS.get(l).rules[i].to_owned()))
        .collect()
}

/// The data caveats of a report's detailed items: the counts, then, zone by zone, the owners
/// of the figures that are due or stale.
fn caveats(a: &Appendix, sections: &[ZoneSection]) -> Vec<Bi> {
    let mut out = vec![Bi::of(|l| {
        (TEXTS.get(l).caveat_items)(a.detailed_items, a.unknown, a.illustrative, a.stale, a.due)
    })];
    for s in sections {
        if let Some(line) = owners_to_act(s) {
            out.push(line);
        }
    }
    if a.not_detailed > 0 {
        let n = number::grouped(a.not_detailed.into());
        out.push(Bi::of(|l| (TEXTS.get(l).caveat_not_detailed)(&n)));
    }
    out.push(Bi::of(|l| TEXTS.get(l).caveat_exact.to_owned()));
    out
}

/// The owners who must confirm or update a section's due and stale figures, with how many
/// each: `侯马经济开发区：……——侯马市自然资源局 5 项，未指定责任单位 2 项`. `None` when every
/// figure is current.
fn owners_to_act(s: &ZoneSection) -> Option<Bi> {
    let (unowned_due, unowned_stale) = s.unowned;
    let to_act = s.owners.iter().map(|o| o.due + o.stale).sum::<usize>() + unowned_due + unowned_stale;
    if to_act == 0 {
        return None;
    }
    Some(Bi::of(|l| {
        let t = TEXTS.get(l);
        let mut parts: Vec<String> = s
            .owners
            .iter()
            .filter(|o| o.due + o.stale > 0)
            .map(|o| (t.owner_count)(&o.owner, o.due + o.stale))
            .collect();
        if unowned_due + unowned_stale > 0 {
            parts.push((t.no_owner_count)(unowned_due + unowned_stale));
        }
        (t.caveat_owners)(s.name.get(l), &parts.join(t.counts_separator))
    }))
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportModel {
    pub lang: ReportLang,
    /// The one-page brief: the template prints the cover lines and the sections in brief.
    pub brief: bool,
    pub cover: Cover,
    /// The top of the ranking, and any detailed zone below it.
    pub summary: Vec<SummaryRow>,
    /// Zones ranked but not listed in the summary (they are in the Excel ranking).
    pub summary_rest: usize,
    /// The same, grouped as printed (`9,980`).
    pub summary_rest_text: String,
    /// Whether one change of one item's importance would swap the top two (none with fewer
    /// than two zones).
    pub first_place: Option<FirstPlace>,
    pub sections: Vec<ZoneSection>,
    pub appendix: Appendix,
    /// The page count the page plan expects (the PDF's own count is authoritative).
    pub planned_pages: usize,
}

/// How firm the first place is, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FirstPlace {
    /// One change of one item's importance would put the second ahead.
    pub close: bool,
    pub text: Bi,
}

impl ReportModel {
    /// Builds the report of a ranking. `profiles` is the slice it was scored on.
    pub fn build<P: AsRef<ZoneProfile>>(
        scorer: &Scorer,
        checklist: &Checklist,
        ranking: &Ranking,
        profiles: &[P],
        options: &ReportOptions,
    ) -> ReportModel {
        let catalog = scorer.catalog();
        let profile = |z: ZoneIdx| profiles.get(z.index()).map(AsRef::as_ref);
        let top = if options.brief { BRIEF_ZONES } else { options.top };
        let mut detailed: Vec<ZoneIdx> = if options.picked.is_empty() {
            ranking.zones.iter().take(top).map(|z| z.zone).collect()
        } else {
            // Picked zones, in rank order.
            ranking
                .zones
                .iter()
                .filter(|z| options.picked.contains(&z.zone))
                .map(|z| z.zone)
                .collect()
        };
        if options.brief {
            detailed.truncate(BRIEF_ZONES);
        }
        let rows = if options.brief { 0 } else { options.ranking_rows };
        let summary: Vec<SummaryRow> = ranking
            .zones
            .iter()
            .enumerate()
            .filter(|(i, z)| *i < rows || (!options.brief && detailed.contains(&z.zone)))
            .filter_map(|(i, z)| {
                let p = profile(z.zone)?;
                Some(SummaryRow {
                    rank: i + 1,
                    zone: p.id.clone(),
                    name: Bi::of(|l| p.name.get(l).to_owned()),
                    score: z.score.fixed(1),
                    bar: z.score.to_f64() / 100.0,
                    qualified: z.qualified,
                    met: z.counts.met,
                    partial: z.counts.partial,
                    unmet: z.counts.unmet,
                    unknown: z.counts.unknown,
                    completeness: number::fixed(z.completeness, 0),
                    detailed: detailed.contains(&z.zone),
                    tier: tier_name(catalog, p, options.date),
                })
            })
            .collect();
        let mut sections: Vec<ZoneSection> = ranking
            .zones
            .iter()
            .enumerate()
            .filter(|(_, z)| detailed.contains(&z.zone))
            .filter_map(|(i, z)| Some(section(scorer, i + 1, z, profile(z.zone)?, options)))
            .collect();
        let zones_scored = ranking.zones.len();
        let lines = || {
            sections
                .iter()
                .flat_map(|s| s.categories.iter().flat_map(|c| c.items.iter()))
        };
        let mut appendix = Appendix {
            detailed_items: lines().count(),
            unknown: lines().filter(|l| l.status == Status::Unknown.code()).count(),
            illustrative: lines().filter(|l| l.illustrative).count(),
            stale: lines().filter(|l| l.freshness == Some(Freshness::Stale)).count(),
            due: lines().filter(|l| l.freshness == Some(Freshness::Due)).count(),
            not_detailed: zones_scored.saturating_sub(sections.len()),
            rules: rules(),
            caveats: Vec::new(),
        };
        appendix.caveats = caveats(&appendix, &sections);
        let planned_pages = plan_pages(&mut sections, options.lang, summary.len());
        let must_haves = scorer
            .requirements()
            .iter()
            .filter(|r| r.importance == crate::model::Importance::Must)
            .count();
        ReportModel {
            lang: options.lang,
            brief: options.brief,
            cover: Cover {
                project: checklist.project.clone(),
                investor: checklist.investor.clone(),
                industry: checklist
                    .industry
                    .map(|i| Bi::of(|l| catalog.industries().label(i, l))),
                total_investment: checklist.total_investment.map(investment_text),
                date: options.date.to_string(),
                prepared_by: options.prepared_by.trim().to_owned(),
                scored_items: scorer.requirements().len(),
                must_haves,
                zones_scored,
                zones_scored_text: number::grouped(zones_scored.into()),
                zones_qualified_text: number::grouped(
                    ranking.zones.iter().filter(|z| z.qualified).count().into(),
                ),
                zones_qualified: ranking.zones.iter().filter(|z| z.qualified).count(),
            },
            first_place: crate::scoring::stability::first_place(
                scorer.requirements(),
                scorer.dormant(),
                &ranking.zones,
                profiles,
            )
            .map(|finding| FirstPlace {
                close: finding.is_some(),
                text: Bi::of(|l| {
                    crate::scoring::stability::first_place_text(catalog, finding.as_ref(), profiles, l)
                }),
            }),
            summary_rest: zones_scored.saturating_sub(summary.len()),
            summary_rest_text: number::grouped(zones_scored.saturating_sub(summary.len()).into()),
            summary,
            sections,
            appendix,
            planned_pages,
        }
    }
}

/// Where a text of the report comes from, so that a refusal names it for the officer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Investor,
    Project,
    PreparedBy,
    Industry,
    /// A zone's name; the zone by its id (the profile's file stem).
    ZoneName(String),
    Region(String),
    Contact(String),
    /// A source a zone's figures cite.
    Source(String),
    /// The owner of some of a zone's figures.
    Owner(String),
    /// The required, offered or gap text of a zone's item.
    Item {
        zone: String,
        factor: String,
    },
    /// A line of what it would take.
    Plan(String),
}

impl crate::model::Localize for Field {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Field::Investor, Lang::Zh) => "投资方".into(),
            (Field::Investor, Lang::En) => "the investor".into(),
            (Field::Project, Lang::Zh) => "项目名称".into(),
            (Field::Project, Lang::En) => "the project name".into(),
            (Field::PreparedBy, Lang::Zh) => "编制人".into(),
            (Field::PreparedBy, Lang::En) => "prepared by".into(),
            (Field::Industry, Lang::Zh) => "行业".into(),
            (Field::Industry, Lang::En) => "the industry".into(),
            (Field::ZoneName(z), Lang::Zh) => format!("开发区 {z} 的名称"),
            (Field::ZoneName(z), Lang::En) => format!("the name of zone {z}"),
            (Field::Region(z), Lang::Zh) => format!("开发区 {z} 的所在地区"),
            (Field::Region(z), Lang::En) => format!("the region of zone {z}"),
            (Field::Contact(z), Lang::Zh) => format!("开发区 {z} 的联系方式"),
            (Field::Contact(z), Lang::En) => format!("the contact of zone {z}"),
            (Field::Source(z), Lang::Zh) => format!("开发区 {z} 的数据来源"),
            (Field::Source(z), Lang::En) => format!("a source of zone {z}"),
            (Field::Owner(z), Lang::Zh) => format!("开发区 {z} 的责任单位"),
            (Field::Owner(z), Lang::En) => format!("an owner of zone {z}'s figures"),
            (Field::Item { zone, factor }, Lang::Zh) => format!("开发区 {zone} 的“{factor}”"),
            (Field::Item { zone, factor }, Lang::En) => format!("“{factor}” of zone {zone}"),
            (Field::Plan(z), Lang::Zh) => format!("开发区 {z} 的“达标所需”"),
            (Field::Plan(z), Lang::En) => format!("what it would take for zone {z}"),
        }
    }
}

impl ReportModel {
    /// Every text of the report that comes from data (not from the template), with its field:
    /// what a font must cover for the report to print whole. Both languages of each pair.
    pub fn texts(&self) -> Vec<(Field, &str)> {
        let mut out: Vec<(Field, &str)> = Vec::new();
        let c = &self.cover;
        out.push((Field::Investor, &c.investor));
        out.push((Field::Project, &c.project));
        out.push((Field::PreparedBy, &c.prepared_by));
        if let Some(i) = &c.industry {
            out.push((Field::Industry, &i.zh));
            out.push((Field::Industry, &i.en));
        }
        for r in &self.summary {
            out.push((Field::ZoneName(r.zone.clone()), &r.name.zh));
            out.push((Field::ZoneName(r.zone.clone()), &r.name.en));
        }
        for s in &self.sections {
            let z = || s.zone.clone();
            for (field, b) in [
                (Field::ZoneName(z()), &s.name),
                (Field::Region(z()), &s.region),
                (Field::Contact(z()), &s.contact),
            ] {
                out.push((field.clone(), &b.zh));
                out.push((field, &b.en));
            }
            for source in &s.sources {
                out.push((Field::Source(z()), source));
            }
            for o in &s.owners {
                out.push((Field::Owner(z()), &o.owner));
            }
            for item in s.categories.iter().flat_map(|c| c.items.iter()) {
                let field = Field::Item {
                    zone: z(),
                    factor: item.factor.zh.clone(),
                };
                for b in [Some(&item.required), item.offered.as_ref(), item.gap.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    out.push((field.clone(), &b.zh));
                    out.push((field.clone(), &b.en));
                }
            }
            for b in &s.to_close {
                out.push((Field::Plan(z()), &b.zh));
                out.push((Field::Plan(z()), &b.en));
            }
        }
        out
    }
}

/// `400,000 万元` / `4,000 million yuan`, exactly.
fn investment_text(wan: Decimal) -> Bi {
    Bi::of(|l| (TEXTS.get(l).investment)(wan))
}

fn section(
    scorer: &Scorer,
    rank: usize,
    z: &ZoneResult,
    p: &ZoneProfile,
    options: &ReportOptions,
) -> ZoneSection {
    let today = options.date;
    let catalog = scorer.catalog();
    let mut decisive: Vec<Bi> = Vec::new();
    let mut categories: Vec<CategoryBlock> = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    let mut owners: Vec<OwnerLine> = Vec::new();
    let mut unowned = (0, 0);
    for item in &z.items {
        let Some(req) = scorer.requirement_of(item) else {
            continue;
        };
        let factor = catalog.factor(item.factor);
        let [zh, en] = [Lang::Zh, Lang::En].map(|l| item_texts(catalog, req, item, p, l, today));
        let pair = |a: &str, b: &str| Bi {
            zh: a.to_owned(),
            en: b.to_owned(),
        };
        let line = ItemLine {
            status: item.status.code(),
            mark: item.status.mark(),
            status_label: Bi::of(|l| item.status.label(l).to_owned()),
            factor: pair(&zh.factor, &en.factor),
            importance: pair(zh.importance, en.importance),
            must: item.importance == crate::model::Importance::Must,
            required: pair(&zh.required, &en.required),
            offered: zh
                .offered
                .as_deref()
                .zip(en.offered.as_deref())
                .map(|(a, b)| pair(a, b)),
            gap: zh.gap.as_deref().zip(en.gap.as_deref()).map(|(a, b)| pair(a, b)),
            source_ref: zh
                .source
                .as_ref()
                .map(|s| match sources.iter().position(|x| x == s) {
                    Some(i) => i + 1,
                    None => {
                        sources.push(s.clone());
                        sources.len()
                    }
                }),
            as_of: zh.as_of.map(|d| d.to_string()).unwrap_or_default(),
            illustrative: zh.illustrative,
            stale: zh.stale,
            freshness: zh.freshness,
            owner: zh.owner.clone(),
        };
        note_owner(&mut owners, &mut unowned, &line);
        if line.must && item.status != Status::Met {
            decisive.push(Bi::of(|l| {
                let gap = match &line.gap {
                    Some(gap) => gap.get(l),
                    None => line.status_label.get(l),
                };
                format!("{}{}{gap}", line.factor.get(l), TEXTS.get(l).gap_separator)
            }));
        }
        let name = Bi::of(|l| catalog.category(factor.category).name.get(l).to_owned());
        match categories.last_mut() {
            Some(block) if block.name == name => block.items.push(line),
            _ => categories.push(CategoryBlock {
                name,
                items: vec![line],
            }),
        }
    }
    let plan = crate::plan::what_it_takes(scorer, p, z, crate::plan::DEFAULT_TARGET);
    let [zh, en] = [Lang::Zh, Lang::En].map(|l| crate::plan::plan_lines(catalog, &plan, l));
    let keep = if options.brief {
        plan.to_qualify.len().max(BRIEF_CHANGES).min(zh.len())
    } else {
        zh.len()
    };
    let to_close: Vec<Bi> = zh
        .into_iter()
        .zip(en)
        .take(keep)
        .map(|(zh, en)| Bi { zh, en })
        .collect();
    ZoneSection {
        rank,
        zone: p.id.clone(),
        name: Bi::of(|l| p.name.get(l).to_owned()),
        region: Bi::of(|l| p.region.get(l).to_owned()),
        contact: Bi::of(|l| p.contact(l).to_owned()),
        score: z.score.fixed(1),
        qualified: z.qualified,
        failed_must: z
            .failed_must
            .iter()
            .map(|f| Bi::of(|l| catalog.factor(*f).name.get(l).to_owned()))
            .collect(),
        decisive,
        met: z.counts.met,
        partial: z.counts.partial,
        unmet: z.counts.unmet,
        unknown: z.counts.unknown,
        completeness: number::fixed(z.completeness, 0),
        categories,
        profile: crate::scoring::category::profile(catalog, z)
            .into_iter()
            .map(|c| ProfileBar {
                name: Bi::of(|l| catalog.category(c.category).name.get(l).to_owned()),
                score: c.score.map(|s| s.fixed(1)),
            })
            .collect(),
        sources,
        owners,
        unowned,
        to_close,
        to_qualify: plan.to_qualify.len(),
        target: number::plain(plan.target),
        tier: tier_name(catalog, p, today),
        new_page: false,
    }
}

/// Adds an item to its owner's line (or, with no owner named, to the count of due and stale
/// figures nobody owns).
fn note_owner(owners: &mut Vec<OwnerLine>, unowned: &mut (usize, usize), line: &ItemLine) {
    let due = usize::from(line.freshness == Some(Freshness::Due));
    let stale = usize::from(line.freshness == Some(Freshness::Stale));
    let Some(owner) = &line.owner else {
        unowned.0 += due;
        unowned.1 += stale;
        return;
    };
    let at = match owners.iter().position(|o| &o.owner == owner) {
        Some(i) => i,
        None => {
            owners.push(OwnerLine {
                owner: owner.clone(),
                factors: Vec::new(),
                due: 0,
                stale: 0,
            });
            owners.len() - 1
        }
    };
    let o = &mut owners[at];
    o.factors.push(line.factor.clone());
    o.due += due;
    o.stale += stale;
}

/// The zone's readiness tier on `date`, in both languages.
fn tier_name(catalog: &crate::model::Catalog, p: &ZoneProfile, date: Date) -> Option<Bi> {
    let tier = crate::scoring::tier::readiness(catalog, p, date)?.tier;
    Some(Bi::of(|l| tier.name.get(l).to_owned()))
}

// ---------------------------------------------------------------------------------------------
// Page plan

/// Lines of body text an A4 page holds between the running header and footer.
pub const PAGE_LINES: usize = 44;
/// A section needs this many lines left on a page to start there: its heading, its summary,
/// the table header and the first rows. With fewer it starts on the next page.
pub const SECTION_START_LINES: usize = 12;
/// Lines the cover takes before the summary table.
const COVER_LINES: usize = 16;

/// Lines a section takes, by the same measure as [`PAGE_LINES`].
pub fn section_lines(s: &ZoneSection, lang: ReportLang) -> usize {
    let per_item = if lang == ReportLang::Both { 2 } else { 1 };
    let items: usize = s.categories.iter().map(|c| 1 + c.items.len() * per_item).sum();
    let to_close = if s.to_close.is_empty() {
        0
    } else {
        2 + s.to_close.len()
    };
    // Sources are small print, about two to a line; so are the owners with their factors.
    let sources = if s.sources.is_empty() {
        0
    } else {
        1 + s.sources.len().div_ceil(2)
    };
    let owners = if s.owners.is_empty() {
        0
    } else {
        s.owners.len().div_ceil(2) * per_item
    };
    5 + 1 + items + to_close + sources + owners
}

/// Decides which sections start a new page so that none starts with fewer than
/// [`SECTION_START_LINES`] left on its page, and returns the number of pages planned.
pub fn plan_pages(sections: &mut [ZoneSection], lang: ReportLang, summary_rows: usize) -> usize {
    let rows_per = if lang == ReportLang::Both { 2 } else { 1 };
    // The cover and summary fill the first page(s); sections begin on a fresh page.
    let front = COVER_LINES + 2 + summary_rows * rows_per;
    let mut pages = front.div_ceil(PAGE_LINES).max(1);
    let mut used = PAGE_LINES; // the front matter's last page counts as full
    for s in sections.iter_mut() {
        let left = PAGE_LINES - used;
        s.new_page = left < SECTION_START_LINES;
        if s.new_page {
            pages += 1;
            used = 0;
        }
        let mut lines = section_lines(s, lang);
        while used + lines > PAGE_LINES {
            lines -= PAGE_LINES - used;
            pages += 1;
            used = 0;
        }
        used += lines + 2;
        used = used.min(PAGE_LINES);
    }
    // The appendix.
    if PAGE_LINES - used < 14 {
        pages += 1;
    }
    pages
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
