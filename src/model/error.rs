//! The error every parser in the model returns: where in the text, and what is wrong in words.

use std::fmt;

/// A problem in a piece of RON text, with the 1-based line and column it was found at.
/// The message names the field and says what is wrong in words a zone officer can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ParseError {
    pub fn new(line: usize, column: usize, message: impl Into<String>) -> Self {
        ParseError {
            line,
            column,
            message: message.into(),
        }
    }

    /// An error at the first occurrence of `needle` in `text` (the start when it is absent):
    /// used for checks made after parsing, which know the id they are about but not its place.
    pub fn at(text: &str, needle: &str, message: impl Into<String>) -> Self {
        let offset = text.find(needle).unwrap_or(0);
        let (line, column) = line_column(text, offset);
        ParseError::new(line, column, message)
    }
}

impl From<ron::error::SpannedError> for ParseError {
    fn from(e: ron::error::SpannedError) -> Self {
        ParseError::new(e.span.start.line, e.span.start.col, e.code.to_string())
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ParseError {}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_line_and_column() {
        let text = "a\nbc 亩x\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (2, 1));
        let x = text.find('x').unwrap_or_default();
        assert_eq!(line_column(text, x), (2, 5));
        assert_eq!(ParseError::at(text, "亩", "m").column, 4);
    }
}
