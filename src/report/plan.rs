//! Plans as text and JSON for the command line: what it would take for one zone to win one
//! checklist, and reserve planning across pending projects. Pure.

use serde_json::{Value, json};

use super::json::{exact, num};
use super::texts::TEXTS;

use crate::model::{Catalog, Checklist, Lang, ZoneProfile, number};
use crate::plan::pipeline::{Pipeline, shortfall_text, step_text};
use crate::plan::{Change, Plan, change_text, plan_lines};
use crate::scoring::Exact;

fn zone_title(zone: &ZoneProfile, lang: Lang) -> String {
    format!("{} ({})", zone.name.get(lang), zone.id)
}

fn score(e: &Exact) -> String {
    e.fixed(1)
}

fn qualified_word(q: bool, lang: Lang) -> &'static str {
    let t = TEXTS.get(lang);
    if q { t.plan_qualified } else { t.plan_not_qualified }
}

/// What it would take, as lines:
///
/// ```text
/// 原平经济技术开发区 (yuanping) · 自动化光伏新能源基地
/// 现在 60.3 分，不合格
/// 达标所需（2 项，达标后 80.1 分）
///   1. 产业准入：准入 C38 电气机械和器材制造业：达标必需，+9.7 分
/// 提升至 90 分（1 项，完成后 91.0 分）
///   3. …
/// ```
pub fn plan_table(
    catalog: &Catalog,
    zone: &ZoneProfile,
    checklist: &Checklist,
    plan: &Plan,
    lang: Lang,
) -> String {
    let t = TEXTS.get(lang);
    let mut out = format!("{} · {}\n", zone_title(zone, lang), checklist.project);
    out += &(t.plan_now)(&score(&plan.score), qualified_word(plan.qualified, lang));
    if plan.is_empty() {
        out += t.plan_nothing;
        return out;
    }
    let lines = plan_lines(catalog, plan, lang);
    let (first, rest) = lines.split_at(plan.to_qualify.len());
    if !first.is_empty() {
        out += &(t.plan_to_qualify)(first.len(), &score(&plan.score_qualified));
    }
    for (i, line) in first.iter().enumerate() {
        out += &format!("  {}. {line}\n", i + 1);
    }
    if !rest.is_empty() {
        let target = number::plain(plan.target);
        out += &(t.plan_to_target)(&target, rest.len(), &score(&plan.score_after));
    }
    for (i, line) in rest.iter().enumerate() {
        out += &format!("  {}. {line}\n", first.len() + i + 1);
    }
    out
}

fn change_json(catalog: &Catalog, c: &Change, lang: Lang) -> Value {
    json!({
        "factor": catalog.factor(c.factor).id,
        "change": change_text(catalog, c, lang),
        "verify": c.is_verify(),
        "must": c.must,
        "gain": exact(&c.gain, 1),
    })
}

/// What it would take, as JSON: `zone`, `project`, `score`, `qualified`, `target`,
/// `to_qualify` and `to_target` (each change with `factor`, `change`, `verify`, `must`, `gain`),
/// `score_qualified`, `score_after`.
pub fn plan_json(
    catalog: &Catalog,
    zone: &ZoneProfile,
    checklist: &Checklist,
    plan: &Plan,
    lang: Lang,
) -> Value {
    let changes = |cs: &[Change]| {
        cs.iter()
            .map(|c| change_json(catalog, c, lang))
            .collect::<Vec<_>>()
    };
    json!({
        "zone": zone.id,
        "project": checklist.project,
        "score": exact(&plan.score, 1),
        "qualified": plan.qualified,
        "target": num(plan.target, 1),
        "to_qualify": changes(&plan.to_qualify),
        "score_qualified": exact(&plan.score_qualified, 1),
        "to_target": changes(&plan.to_target),
        "score_after": exact(&plan.score_after, 1),
    })
}

/// Reserve planning as lines: the projects, the shortfalls that block them, the ladder.
pub fn pipeline_table(catalog: &Catalog, zone: &ZoneProfile, p: &Pipeline, lang: Lang) -> String {
    let t = TEXTS.get(lang);
    let n = p.projects.len();
    let mut out = (t.pipeline_heading)(&zone_title(zone, lang), n, p.qualified_now());
    out += t.pipeline_projects;
    for project in &p.projects {
        let mark = if project.qualified { "✔" } else { "✘" };
        out += &format!("  {:>5}  {mark} {}\n", score(&project.score), project.name);
    }
    if !p.shortfalls.is_empty() {
        out += t.pipeline_shortfalls;
        for s in &p.shortfalls {
            out += &format!("  {}\n", shortfall_text(catalog, s, lang));
        }
        out += t.pipeline_ladder;
        for (i, step) in p.steps.iter().enumerate() {
            out += &format!("  {}. {}\n", i + 1, step_text(catalog, step, n, lang));
        }
    }
    out
}

/// Reserve planning as JSON: `zone`, `projects` (`name`, `score`, `qualified`, `to_qualify`),
/// `shortfalls` (`factor`, `blocks`, `change`), `steps` (`changes`, `qualified`: the projects by
/// name).
pub fn pipeline_json(catalog: &Catalog, zone: &ZoneProfile, p: &Pipeline, lang: Lang) -> Value {
    let projects: Vec<Value> = p
        .projects
        .iter()
        .map(|project| {
            json!({
                "name": project.name,
                "score": exact(&project.score, 1),
                "qualified": project.qualified,
                "to_qualify": project.to_qualify.iter().map(|c| change_json(catalog, c, lang)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let shortfalls: Vec<Value> = p
        .shortfalls
        .iter()
        .map(|s| {
            json!({
                "factor": catalog.factor(s.factor).id,
                "blocks": s.blocks,
                "change": change_text(catalog, &s.change, lang),
            })
        })
        .collect();
    let steps: Vec<Value> = p
        .steps
        .iter()
        .map(|s| {
            json!({
                "changes": s.changes.iter().map(|c| json!({
                    "factor": catalog.factor(c.factor).id,
                    "change": change_text(catalog, c, lang),
                })).collect::<Vec<_>>(),
                "qualified": s.qualified.iter().map(|i| p.projects[*i].name.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "zone": zone.id,
        "projects": projects,
        "qualified_now": p.qualified_now(),
        "shortfalls": shortfalls,
        "steps": steps,
    })
}
