//! Where a pending project stands in the officer's pipeline: its stage (线索 lead … 投产
//! producing, or 搁置 shelved), the day each stage was reached, the officer responsible, the
//! zone it is heading to, the start deadline agreed at signing and the investor's own planned
//! start. County and city assessments score officers on exactly this (signings, the start rate
//! of signed projects, deadlines kept). Pure: dates in, days and warnings out.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::text::Lang;
use super::texts::TEXTS;

/// A project's stage, in the order projects move through them; `Shelved` stands aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Lead,
    Negotiating,
    Signed,
    LandSupplied,
    Started,
    Producing,
    Shelved,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Lead,
        Stage::Negotiating,
        Stage::Signed,
        Stage::LandSupplied,
        Stage::Started,
        Stage::Producing,
        Stage::Shelved,
    ];

    /// The word a checklist file writes (`Signed`).
    pub fn variant(self) -> &'static str {
        match self {
            Stage::Lead => "Lead",
            Stage::Negotiating => "Negotiating",
            Stage::Signed => "Signed",
            Stage::LandSupplied => "LandSupplied",
            Stage::Started => "Started",
            Stage::Producing => "Producing",
            Stage::Shelved => "Shelved",
        }
    }

    /// The stable code of the JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Stage::Lead => "lead",
            Stage::Negotiating => "negotiating",
            Stage::Signed => "signed",
            Stage::LandSupplied => "land_supplied",
            Stage::Started => "started",
            Stage::Producing => "producing",
            Stage::Shelved => "shelved",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let t = TEXTS.get(lang);
        match self {
            Stage::Lead => t.lead,
            Stage::Negotiating => t.negotiating,
            Stage::Signed => t.signed,
            Stage::LandSupplied => t.land_supplied,
            Stage::Started => t.started,
            Stage::Producing => t.producing,
            Stage::Shelved => t.shelved,
        }
    }

    /// Signed and not yet started: the stages a start deadline runs in.
    pub fn awaits_start(self) -> bool {
        matches!(self, Stage::Signed | Stage::LandSupplied)
    }
}

/// A project's place in the pipeline, as its checklist records it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pipeline {
    pub stage: Option<Stage>,
    /// The day each stage was reached.
    pub reached: BTreeMap<Stage, Date>,
    /// The officer responsible (责任人).
    pub officer: String,
    /// The zone (profile id) the project is heading to.
    pub zone: Option<String>,
    /// The start of construction agreed at signing (约定开工时间).
    pub start_deadline: Option<Date>,
    /// When the investor plans to start: capacity a zone has planned for before then counts as
    /// there (see the scoring of planned values).
    pub planned_start: Option<Date>,
}

/// How many days before a start deadline a signed project is flagged.
pub const DEADLINE_WARNING_DAYS: i32 = 30;

/// How a signed project stands against its start deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deadline {
    /// Not signed yet, already started, shelved, or no deadline agreed.
    None,
    /// Signed, the deadline this many days away (more than the warning period).
    OnTrack(i32),
    /// Signed, the deadline within the warning period: this many days left (0 = today).
    DueSoon(i32),
    /// Signed and not started this many days after the deadline.
    Overdue(i32),
}

impl Pipeline {
    /// Whether the checklist records anything of the pipeline.
    pub fn is_empty(&self) -> bool {
        *self == Pipeline::default()
    }

    /// How many days the project has been in its stage on `today`, when the day it was reached
    /// is known.
    pub fn days_in_stage(&self, today: Date) -> Option<i32> {
        let since = self.reached.get(&self.stage?)?;
        days_between(*since, today)
    }

    /// How the project stands against its start deadline on `today`.
    pub fn deadline(&self, today: Date) -> Deadline {
        let (Some(stage), Some(deadline)) = (self.stage, self.start_deadline) else {
            return Deadline::None;
        };
        if !stage.awaits_start() {
            return Deadline::None;
        }
        match days_between(today, deadline) {
            Some(left) if left < 0 => Deadline::Overdue(-left),
            Some(left) if left <= DEADLINE_WARNING_DAYS => Deadline::DueSoon(left),
            Some(left) => Deadline::OnTrack(left),
            None => Deadline::None,
        }
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> Option<i32> {
    from.until((jiff::Unit::Day, to)).ok().map(|span| span.get_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).expect("date")
    }

    fn signed(deadline: Date) -> Pipeline {
        Pipeline {
            stage: Some(Stage::Signed),
            reached: [(Stage::Signed, date(2026, 9, 1))].into(),
            start_deadline: Some(deadline),
            ..Pipeline::default()
        }
    }

    #[test]
    fn days_in_stage_count_from_the_day_it_was_reached() {
        let p = signed(date(2027, 1, 1));
        assert_eq!(p.days_in_stage(date(2026, 11, 29)), Some(89));
        assert_eq!(Pipeline::default().days_in_stage(date(2026, 11, 29)), None);
    }

    #[test]
    fn a_signed_project_is_flagged_within_thirty_days_and_after_its_deadline() {
        let today = date(2026, 11, 29);
        assert_eq!(signed(date(2027, 1, 31)).deadline(today), Deadline::OnTrack(63));
        assert_eq!(signed(date(2026, 12, 29)).deadline(today), Deadline::DueSoon(30));
        assert_eq!(signed(date(2026, 11, 29)).deadline(today), Deadline::DueSoon(0));
        assert_eq!(signed(date(2026, 11, 28)).deadline(today), Deadline::Overdue(1));
        assert_eq!(signed(date(2026, 9, 30)).deadline(today), Deadline::Overdue(60));
    }

    fn catalog() -> crate::model::Catalog {
        crate::model::Catalog::builtin().expect("catalog")
    }

    /// A checklist's pipeline reads, writes and reads back the same; a checklist without one
    /// writes none.
    #[test]
    fn a_checklist_carries_its_pipeline_through_a_save() {
        let c = catalog();
        let text = r#"Checklist(
            project: "光伏组件",
            pipeline: (
                stage: Signed,
                reached: { Lead: "2026-03-01", Negotiating: "2026-05-10", Signed: "2026-09-01" },
                officer: "王主任",
                zone: "houma",
                start_deadline: "2027-03-31",
                planned_start: "2027-04-30",
            ),
            items: {},
        )"#;
        let list = crate::model::parse_checklist(text, &c).expect("parses");
        let p = &list.pipeline;
        assert_eq!(p.stage, Some(Stage::Signed));
        assert_eq!(p.reached.get(&Stage::Signed), Some(&date(2026, 9, 1)));
        assert_eq!(p.reached.len(), 3);
        assert_eq!((p.officer.as_str(), p.zone.as_deref()), ("王主任", Some("houma")));
        assert_eq!(p.start_deadline, Some(date(2027, 3, 31)));
        assert_eq!(p.planned_start, Some(date(2027, 4, 30)));
        let written = crate::model::write_checklist(&list, &c).expect("writes");
        assert!(written.contains("stage: Signed"), "{written}");
        assert_eq!(
            crate::model::parse_checklist(&written, &c).expect("reads back"),
            list
        );

        let plain =
            crate::model::parse_checklist(r#"Checklist(project: "p", items: {})"#, &c).expect("parses");
        assert!(plain.pipeline.is_empty());
        let written = crate::model::write_checklist(&plain, &c).expect("writes");
        assert!(!written.contains("pipeline"), "{written}");
    }

    /// A stage that is none, or a stage's day that is no day, is an error naming the field.
    #[test]
    fn a_bad_stage_or_stage_date_is_named() {
        use crate::model::Localize;
        let c = catalog();
        let err = crate::model::parse_checklist(
            "Checklist(project: \"p\",\n pipeline: (stage: Singed), items: {})",
            &c,
        )
        .expect_err("no such stage");
        let zh = err.text(Lang::Zh);
        assert!(zh.contains("项目进度") && zh.contains("Signed（签约）"), "{zh}");
        assert_eq!(err.line, 2);
        let err = crate::model::parse_checklist(
            r#"Checklist(project: "p", pipeline: (reached: { Signed: "2026-02-30" }), items: {})"#,
            &c,
        )
        .expect_err("no such day");
        let zh = err.text(Lang::Zh);
        assert!(zh.contains("日历上没有 2026-02-30 这一天"), "{zh}");
        assert!(zh.contains("签约"), "the stage is named: {zh}");
        let en = err.text(Lang::En);
        assert!(en.contains("`Signed`") && en.contains("`reached`"), "{en}");
    }

    #[test]
    fn only_signed_projects_not_yet_started_have_a_running_deadline() {
        let today = date(2026, 11, 29);
        for stage in [
            Stage::Lead,
            Stage::Negotiating,
            Stage::Started,
            Stage::Producing,
            Stage::Shelved,
        ] {
            let mut p = signed(date(2026, 10, 1));
            p.stage = Some(stage);
            assert_eq!(p.deadline(today), Deadline::None, "{stage:?}");
        }
        let mut p = signed(date(2026, 10, 1));
        p.stage = Some(Stage::LandSupplied);
        assert_eq!(p.deadline(today), Deadline::Overdue(59));
    }
}
