//! The history of the zone in the editor as its panel shows it: not kept yet (a zone never
//! saved), being read, read, or why it could not be. No egui and no files: the app reads the
//! history on a worker when the editor opens a zone, and again after each save.

use crate::io::FileError;
use crate::model::history::{Change, Record};

/// The zone's history of changes, as far as the editor knows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum FigureHistory {
    /// A new zone: nothing is recorded until it is saved.
    #[default]
    NotSaved,
    Reading,
    Read(Vec<Record>),
    /// The history file could not be read (the error names the file and the line).
    Failed(FileError),
}

impl FigureHistory {
    /// What a read gave.
    pub fn from_read(result: Result<Vec<Record>, FileError>) -> Self {
        match result {
            Ok(records) => FigureHistory::Read(records),
            Err(e) => FigureHistory::Failed(e),
        }
    }

    /// The records read, oldest first; none while reading or when the read failed.
    pub fn records(&self) -> &[Record] {
        match self {
            FigureHistory::Read(records) => records,
            _ => &[],
        }
    }

    /// Every change, newest first, each with its record.
    pub fn newest(&self) -> impl Iterator<Item = (&Record, &Change)> {
        self.records()
            .iter()
            .rev()
            .flat_map(|r| r.changes.iter().map(move |c| (r, c)))
    }

    /// The saves that changed one figure (a factor id), newest first, each with its changes
    /// of that figure.
    pub fn of_factor<'a>(&'a self, key: &'a str) -> impl Iterator<Item = (&'a Record, Vec<&'a Change>)> {
        self.records().iter().rev().filter_map(move |r| {
            let changes: Vec<&Change> = r.changes.iter().filter(|c| c.key == key).collect();
            (!changes.is_empty()).then_some((r, changes))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::history::{Field, How, When};

    fn record(minute: u8, keys: &[&str]) -> Record {
        Record {
            when: When::parse(&format!("2026-12-07T21:{minute:02}:00+08:00")).expect("time"),
            who: String::new(),
            how: How::Editor,
            zone: "houma".into(),
            changes: keys
                .iter()
                .map(|k| Change {
                    key: (*k).to_owned(),
                    field: Field::Value,
                    old: None,
                    new: Some(format!("{minute}")),
                })
                .collect(),
        }
    }

    #[test]
    fn changes_come_newest_first_and_by_figure() {
        let h = FigureHistory::Read(vec![
            record(1, &["power.capacity", "land.price"]),
            record(2, &["power.capacity"]),
        ]);
        let power: Vec<Vec<&str>> = h
            .of_factor("power.capacity")
            .map(|(_, changes)| changes.iter().filter_map(|c| c.new.as_deref()).collect())
            .collect();
        assert_eq!(power, [["2"], ["1"]]);
        assert_eq!(h.of_factor("land.price").count(), 1);
        assert_eq!(h.newest().count(), 3);
        assert!(FigureHistory::Reading.records().is_empty());
        assert_eq!(FigureHistory::default(), FigureHistory::NotSaved);
    }
}
