//! What was being read when a problem came up ([`Trace`]), and the helpers every visitor reads
//! its fields with, so that each error carries its line, fields and typed problem. Knows no
//! format: which fields a file has is the other submodules' business.

use std::cell::RefCell;

use jiff::civil::Date;
use serde::Deserialize;
use serde::de::{self, MapAccess};

use crate::model::error::{Expected, Key, ParseError, Problem, Step};
use crate::model::text::{Lang, Localize, Text};
use crate::model::value;

/// Serde carries errors up as text; the parser keeps the typed problem and the fields it came
/// up in beside them, here, and [`Trace::finish`] joins them with RON's position at the top.
#[derive(Default)]
pub(super) struct Trace {
    /// A problem the parser found itself (not RON), carried up as the error that is a
    /// `Message`.
    problem: RefCell<Option<Problem>>,
    /// The fields the error passed through, innermost first.
    pub(super) context: RefCell<Vec<Step>>,
    /// What the innermost of them takes, for a value of the wrong kind.
    expected: RefCell<Option<Expected>>,
}

impl Trace {
    /// Records a problem found while reading; returns the error that carries it up.
    pub(super) fn fail<E: de::Error>(&self, problem: Problem) -> E {
        let message = problem.text(Lang::En);
        self.context.borrow_mut().clear();
        self.expected.replace(None);
        self.problem.replace(Some(problem));
        E::custom(message)
    }

    /// Records a problem found in the field `step`; returns the error that carries it up.
    pub(super) fn fail_in<E: de::Error>(&self, step: Step, problem: Problem) -> E {
        let err = self.fail(problem);
        self.context.borrow_mut().push(step);
        err
    }

    /// Passes a result through; on an error, notes the field it came up in and what that
    /// field takes.
    pub(super) fn within<T, E>(
        &self,
        step: Step,
        expected: impl FnOnce() -> Expected,
        r: Result<T, E>,
    ) -> Result<T, E> {
        if r.is_err() {
            self.context.borrow_mut().push(step);
            self.expect(expected);
        }
        r
    }

    /// Notes what was being read when an error came up, unless something inside said.
    pub(super) fn expect(&self, expected: impl FnOnce() -> Expected) {
        let mut slot = self.expected.borrow_mut();
        if slot.is_none() {
            *slot = Some(expected());
        }
    }

    /// The error RON returned, with the problem and the fields recorded on its way up.
    pub(super) fn finish(&self, text: &str, e: &ron::error::SpannedError) -> ParseError {
        let mut context = self.context.take();
        context.reverse();
        let ours = self
            .problem
            .take()
            .filter(|_| matches!(e.code, ron::Error::Message(_)));
        match ours {
            Some(problem) => ParseError {
                line: e.span.start.line,
                column: e.span.start.col,
                context,
                problem,
            },
            None => ParseError::from_ron(text, e, context, self.expected.take()),
        }
    }
}

pub(super) fn field_step(name: &str) -> Step {
    Step::Field(Key::new(name))
}

/// Reads a field's value, noting the field and what it takes in any error.
pub(super) fn field<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    trace: &Trace,
    map: &mut A,
    name: &str,
    expected: Expected,
) -> Result<T, A::Error> {
    trace.within(field_step(name), || expected, map.next_value::<T>())
}

/// Reads a date field written as `"2023-12-31"`.
pub(super) fn date_field<'de, A: MapAccess<'de>>(
    trace: &Trace,
    map: &mut A,
    name: &str,
) -> Result<Date, A::Error> {
    let text: String = field(trace, map, name, Expected::Date)?;
    value::parse_date(&text).map_err(|e| trace.fail_in(field_step(name), e.into()))
}

/// Free text whose length is bounded.
pub(super) trait Bounded {
    /// Its length in characters (of the longer language for a pair of names).
    fn length(&self) -> usize;
}

impl Bounded for String {
    fn length(&self) -> usize {
        self.chars().count()
    }
}

impl Bounded for Text {
    fn length(&self) -> usize {
        self.zh.chars().count().max(self.en.chars().count())
    }
}

/// Reads a text field of at most `limit` characters.
pub(super) fn text_field<'de, T: Deserialize<'de> + Bounded, A: MapAccess<'de>>(
    trace: &Trace,
    map: &mut A,
    name: &str,
    expected: Expected,
    limit: usize,
) -> Result<T, A::Error> {
    let v: T = field(trace, map, name, expected)?;
    let chars = v.length();
    if chars > limit {
        return Err(trace.fail_in(field_step(name), Problem::TooLong { limit, chars }));
    }
    Ok(v)
}

/// Sets a field once; a second occurrence is an error.
pub(super) fn set_once<T, E: de::Error>(
    trace: &Trace,
    slot: &mut Option<T>,
    name: &str,
    value: T,
) -> Result<(), E> {
    if slot.replace(value).is_some() {
        Err(trace.fail(Problem::DuplicateField {
            field: Key::new(name),
        }))
    } else {
        Ok(())
    }
}

pub(super) fn required<T, E: de::Error>(trace: &Trace, slot: Option<T>, name: &str) -> Result<T, E> {
    slot.ok_or_else(|| {
        trace.fail(Problem::MissingField {
            field: Key::new(name),
        })
    })
}
