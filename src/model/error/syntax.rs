//! What is wrong with the RON text itself ([`Syntax`]), and the RON reader's errors turned
//! into a [`Problem`] told in words, never in the reader's own terms. Touches no problem the
//! parsers find themselves.

use super::{Expected, Key, ParseError, Problem, Step, spaced};
use crate::model::parse::{self, FileKind};
use crate::model::text::{Lang, Localize};

/// A bracket a RON text opens and must close.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bracket {
    Paren,
    Square,
    Brace,
}

impl Bracket {
    fn closing(self) -> char {
        match self {
            Bracket::Paren => ')',
            Bracket::Square => ']',
            Bracket::Brace => '}',
        }
    }
}

/// A kind of token the RON text should have had at a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    String,
    Bool,
    Integer,
    Number,
    Char,
    List,
    Map,
    Struct,
    Name,
    Unit,
    Option,
    Bytes,
}

impl Localize for Token {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Token::String, Lang::Zh) => "带引号的文字",
            (Token::String, Lang::En) => "text in quotes",
            (Token::Bool, Lang::Zh) => "true 或 false",
            (Token::Bool, Lang::En) => "true or false",
            (Token::Integer, Lang::Zh) => "整数",
            (Token::Integer, Lang::En) => "a whole number",
            (Token::Number, Lang::Zh) => "数字",
            (Token::Number, Lang::En) => "a number",
            (Token::Char, Lang::Zh) => "单引号中的一个字符",
            (Token::Char, Lang::En) => "a character in single quotes",
            (Token::List, Lang::Zh) => "方括号列表 [ … ]",
            (Token::List, Lang::En) => "a list in square brackets [ … ]",
            (Token::Map, Lang::Zh) => "花括号映射 { … }",
            (Token::Map, Lang::En) => "a map in braces { … }",
            (Token::Struct, Lang::Zh) => "圆括号 ( … )",
            (Token::Struct, Lang::En) => "parentheses ( … )",
            (Token::Name, Lang::Zh) => "名称（不带引号的字段名或选项）",
            (Token::Name, Lang::En) => "a name (a field or choice, without quotes)",
            (Token::Unit, _) => "()",
            (Token::Option, Lang::Zh) => "Some(…) 或 None",
            (Token::Option, Lang::En) => "Some(…) or None",
            (Token::Bytes, Lang::Zh) => "字节串",
            (Token::Bytes, Lang::En) => "a byte string",
        }
        .to_owned()
    }
}

/// What is wrong with the RON text itself, in words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Syntax {
    MissingComma,
    MissingColon,
    /// A bracket is not closed where it should be.
    Unclosed(Bracket),
    /// Something else was written where this belongs.
    Expected(Token),
    UnterminatedString,
    UnclosedComment,
    /// The text ends in the middle of something.
    UnexpectedEnd,
    /// Text after the end of the content.
    TrailingText,
    UnexpectedChar(char),
    BadEscape,
    NumberOutOfRange,
    BadDigit {
        digit: char,
        base: u8,
    },
    MisplacedUnderscore,
    NotUtf8,
    BadName(String),
    UnknownExtension(String),
    /// What the RON reader said, for the rare case none of the above fits.
    Other(String),
}

impl Localize for Syntax {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Syntax::MissingComma, Lang::Zh) => "缺少逗号".into(),
            (Syntax::MissingComma, Lang::En) => "a comma is missing".into(),
            (Syntax::MissingColon, Lang::Zh) => "缺少冒号".into(),
            (Syntax::MissingColon, Lang::En) => "a colon is missing".into(),
            (Syntax::Unclosed(b), Lang::Zh) => format!("缺少右括号“{}”", b.closing()),
            (Syntax::Unclosed(b), Lang::En) => format!("a closing `{}` is missing", b.closing()),
            (Syntax::Expected(t), Lang::Zh) => format!("此处应为{}", spaced(&t.text(lang))),
            (Syntax::Expected(t), Lang::En) => format!("expected {} here", t.text(lang)),
            (Syntax::UnterminatedString, Lang::Zh) => "字符串没有结束（缺少右引号）".into(),
            (Syntax::UnterminatedString, Lang::En) => {
                "a string is not closed (a closing quote is missing)".into()
            }
            (Syntax::UnclosedComment, Lang::Zh) => "注释没有结束（缺少 */）".into(),
            (Syntax::UnclosedComment, Lang::En) => "a comment is not closed (`*/` is missing)".into(),
            (Syntax::UnexpectedEnd, Lang::Zh) => "文件在此处意外结束，可能缺少右括号或引号".into(),
            (Syntax::UnexpectedEnd, Lang::En) => {
                "the file ends too early; a closing bracket or quote may be missing".into()
            }
            (Syntax::TrailingText, Lang::Zh) => "内容结束后还有多余的文字".into(),
            (Syntax::TrailingText, Lang::En) => "there is more text after the end of the content".into(),
            (Syntax::UnexpectedChar(c), Lang::Zh) => format!("无法识别的字符“{c}”"),
            (Syntax::UnexpectedChar(c), Lang::En) => format!("unexpected character `{c}`"),
            (Syntax::BadEscape, Lang::Zh) => "字符串中的转义写法（\\ 开头）无效".into(),
            (Syntax::BadEscape, Lang::En) => "an escape (starting with \\) in a string is not valid".into(),
            (Syntax::NumberOutOfRange, Lang::Zh) => "数字超出范围".into(),
            (Syntax::NumberOutOfRange, Lang::En) => "the number is out of range".into(),
            (Syntax::BadDigit { digit, .. }, Lang::Zh) => format!("数字中有无效字符“{digit}”"),
            (Syntax::BadDigit { digit, base }, Lang::En) => {
                format!("`{digit}` is not a digit in base {base}")
            }
            (Syntax::MisplacedUnderscore, Lang::Zh) => "数字中的下划线位置不对".into(),
            (Syntax::MisplacedUnderscore, Lang::En) => "an underscore is misplaced in a number".into(),
            (Syntax::NotUtf8, Lang::Zh) => "文本不是 UTF-8 编码".into(),
            (Syntax::NotUtf8, Lang::En) => "the text is not UTF-8".into(),
            (Syntax::BadName(n), Lang::Zh) => format!("“{n}”不是有效的名称"),
            (Syntax::BadName(n), Lang::En) => format!("`{n}` is not a valid name"),
            (Syntax::UnknownExtension(n), Lang::Zh) => format!("未知的 RON 扩展“{n}”"),
            (Syntax::UnknownExtension(n), Lang::En) => format!("unknown RON extension `{n}`"),
            (Syntax::Other(m), Lang::Zh) => format!("无法读取此处的内容（{m}）"),
            (Syntax::Other(m), Lang::En) => format!("cannot be read here: {m}"),
        }
    }
}

impl ParseError {
    /// The RON reader's error, told in words. `context` holds the fields being read when it
    /// came up, outermost first, and `expected` what the innermost of them takes, when known.
    pub(crate) fn from_ron(
        text: &str,
        e: &ron::error::SpannedError,
        context: Vec<Step>,
        expected: Option<Expected>,
    ) -> Self {
        let (line, column) = (e.span.start.line, e.span.start.col);
        let problem = ron_problem(&e.code, expected);
        // A text that stops in the middle of something says so, whatever the reader expected
        // next.
        let problem = match problem {
            Problem::Syntax(
                Syntax::MissingComma | Syntax::MissingColon | Syntax::Unclosed(_) | Syntax::Expected(_),
            )
            | Problem::WrongType { .. }
                if rest_is_blank(text, e.span.end.line, e.span.end.col) =>
            {
                Problem::Syntax(Syntax::UnexpectedEnd)
            }
            other => other,
        };
        ParseError {
            line,
            column,
            context,
            problem,
        }
    }
}

/// Whether nothing but white space follows a 1-based line and column (in characters).
pub(super) fn rest_is_blank(text: &str, line: usize, column: usize) -> bool {
    let mut lines = text.split('\n').skip(line.saturating_sub(1));
    let Some(this) = lines.next() else {
        return true;
    };
    this.chars()
        .skip(column.saturating_sub(1))
        .all(char::is_whitespace)
        && lines.all(|l| l.trim().is_empty())
}

/// Keys of a RON reader's list of expected names.
fn keys(names: &[&str]) -> Vec<Key> {
    names.iter().map(|n| Key::new(*n)).collect()
}

/// A RON reader's error code in words. A code saying another kind of token was expected is a
/// value of the wrong kind where the field is known (`expected`), else a syntax error.
fn ron_problem(code: &ron::Error, expected: Option<Expected>) -> Problem {
    use ron::Error as R;
    let token = |t: Token| match expected.clone() {
        Some(expected) => Problem::WrongType { expected },
        None => Problem::Syntax(Syntax::Expected(t)),
    };
    match code {
        R::ExpectedComma => Problem::Syntax(Syntax::MissingComma),
        R::ExpectedMapColon => Problem::Syntax(Syntax::MissingColon),
        R::ExpectedArrayEnd => Problem::Syntax(Syntax::Unclosed(Bracket::Square)),
        R::ExpectedMapEnd => Problem::Syntax(Syntax::Unclosed(Bracket::Brace)),
        R::ExpectedStructLikeEnd | R::ExpectedOptionEnd | R::ExpectedAttributeEnd => {
            Problem::Syntax(Syntax::Unclosed(Bracket::Paren))
        }
        R::ExpectedStringEnd => Problem::Syntax(Syntax::UnterminatedString),
        R::UnclosedBlockComment | R::UnclosedLineComment => Problem::Syntax(Syntax::UnclosedComment),
        R::Eof => Problem::Syntax(Syntax::UnexpectedEnd),
        R::TrailingCharacters => Problem::Syntax(Syntax::TrailingText),
        R::UnexpectedChar(c) => Problem::Syntax(Syntax::UnexpectedChar(*c)),
        R::InvalidEscape(_) => Problem::Syntax(Syntax::BadEscape),
        R::IntegerOutOfBounds => Problem::Syntax(Syntax::NumberOutOfRange),
        R::InvalidIntegerDigit { digit, base } => Problem::Syntax(Syntax::BadDigit {
            digit: *digit,
            base: *base,
        }),
        R::FloatUnderscore | R::UnderscoreAtBeginning => Problem::Syntax(Syntax::MisplacedUnderscore),
        R::Utf8Error(_) => Problem::Syntax(Syntax::NotUtf8),
        R::InvalidIdentifier(n) | R::SuggestRawIdentifier(n) => Problem::Syntax(Syntax::BadName(n.clone())),
        R::NoSuchExtension(n) => Problem::Syntax(Syntax::UnknownExtension(n.clone())),
        R::ExceededRecursionLimit => Problem::TooDeep {
            limit: parse::NESTING_LIMIT,
        },
        R::ExpectedArray => token(Token::List),
        R::ExpectedMap => token(Token::Map),
        R::ExpectedStructLike | R::ExpectedNamedStructLike(_) | R::ExpectedAttribute => token(Token::Struct),
        R::ExpectedBoolean => token(Token::Bool),
        R::ExpectedInteger => token(Token::Integer),
        R::ExpectedFloat => token(Token::Number),
        R::ExpectedChar => token(Token::Char),
        R::ExpectedString => token(Token::String),
        R::ExpectedByteString | R::ExpectedByteLiteral => token(Token::Bytes),
        R::ExpectedIdentifier | R::ExpectedStructName(_) => token(Token::Name),
        R::ExpectedUnit => token(Token::Unit),
        R::ExpectedOption => token(Token::Option),
        R::InvalidValueForType { expected: what, .. } => match expected {
            Some(expected) => Problem::WrongType { expected },
            None => Problem::Syntax(Syntax::Other(format!("expected {what}"))),
        },
        R::ExpectedDifferentStructName { expected, found } => {
            let expected = match *expected {
                parse::CHECKLIST_NAME => Some(FileKind::Checklist),
                parse::PROFILE_NAME => Some(FileKind::Profile),
                "Catalog" => Some(FileKind::Catalog),
                _ => None,
            };
            match expected {
                Some(expected) => Problem::WrongFileKind {
                    expected,
                    found: found.clone(),
                },
                None => token(Token::Struct),
            }
        }
        R::NoSuchStructField { expected, found, .. } => Problem::UnknownField {
            given: found.clone(),
            allowed: keys(expected),
        },
        R::MissingStructField { field, .. } => Problem::MissingField {
            field: Key::new(*field),
        },
        R::DuplicateStructField { field, .. } => Problem::DuplicateField {
            field: Key::new(*field),
        },
        R::NoSuchEnumVariant { expected, found, .. } => Problem::UnknownVariant {
            given: found.clone(),
            allowed: keys(expected),
        },
        other => Problem::Syntax(Syntax::Other(other.to_string())),
    }
}
