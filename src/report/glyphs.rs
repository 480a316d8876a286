//! Which characters the report's fonts can print: the bundled faces, and any extra faces (the
//! system's CJK fonts, read by `io::fonts`) for characters beyond them. A report whose data has a
//! character no face covers is refused before anything is laid out, naming the character and the
//! field; the window checks the names it shows the same way. Pure: font bytes in, answers out.

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use super::model::Field;
use crate::assets;
use crate::model::{Lang, Localize};

/// The faces a report is laid out with, and their index for Typst.
pub struct FontSet {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontSet")
            .field("faces", &self.fonts.len())
            .finish()
    }
}

fn bundled_faces() -> Vec<Font> {
    [assets::FONT_SC, assets::FONT_SC_BOLD, assets::FONT_SYMBOLS]
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
}

/// A character that is a format or spacing mark rather than something drawn.
fn needs_no_glyph(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}')
        || ('\u{E0100}'..='\u{E01EF}').contains(&c)
}

impl FontSet {
    /// The bundled faces alone, parsed once per process.
    pub fn bundled() -> &'static FontSet {
        static SET: OnceLock<FontSet> = OnceLock::new();
        SET.get_or_init(|| FontSet::of(bundled_faces()))
    }

    fn of(fonts: Vec<Font>) -> FontSet {
        FontSet {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// The bundled faces and, after them, those of `files` (font files or collections) that
    /// cover a character the bundled ones lack; other faces and unreadable files are left out.
    pub fn with_extra(files: Vec<Vec<u8>>) -> FontSet {
        let bundled = FontSet::bundled();
        let mut fonts = bundled.fonts.clone();
        for data in files {
            for face in Font::iter(Bytes::new(data)) {
                let adds = face
                    .info()
                    .coverage
                    .iter()
                    .filter_map(char::from_u32)
                    .any(|c| !bundled.covers(c));
                if adds {
                    fonts.push(face);
                }
            }
        }
        FontSet::of(fonts)
    }

    /// The number of faces.
    pub fn len(&self) -> usize {
        self.fonts.len()
    }

    /// Whether there is no face at all.
    pub fn is_empty(&self) -> bool {
        self.fonts.is_empty()
    }

    /// Whether some face draws `c` (or `c` needs no glyph).
    pub fn covers(&self, c: char) -> bool {
        needs_no_glyph(c)
            || self
                .fonts
                .iter()
                .any(|f| f.info().coverage.contains(u32::from(c)))
    }

    /// The characters of `texts` no face draws, each once, with the first field it is in.
    pub fn missing<'a>(&self, texts: impl IntoIterator<Item = (Field, &'a str)>) -> Vec<MissingGlyph> {
        let mut out: Vec<MissingGlyph> = Vec::new();
        for (field, text) in texts {
            for c in text.chars() {
                if !self.covers(c) && !out.iter().any(|m| m.ch == c) {
                    out.push(MissingGlyph {
                        ch: c,
                        field: field.clone(),
                    });
                }
            }
        }
        out
    }
}

/// A character in the report's data that no font can print, and the field it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingGlyph {
    pub ch: char,
    pub field: Field,
}

impl Localize for MissingGlyph {
    fn text(&self, lang: Lang) -> String {
        let code = format!("U+{:04X}", u32::from(self.ch));
        match lang {
            Lang::Zh => format!("{}中的“{}”（{code}）", self.field.text(lang), self.ch),
            Lang::En => format!("“{}” ({code}) in {}", self.ch, self.field.text(lang)),
        }
    }
}

/// The refusal for characters no font has, in `lang`: each character with its field, and what
/// to do.
pub fn missing_text(missing: &[MissingGlyph], lang: Lang) -> String {
    let list = missing
        .iter()
        .map(|m| m.text(lang))
        .collect::<Vec<_>>()
        .join(super::texts::TEXTS.get(lang).glyph_separator);
    (super::texts::TEXTS.get(lang).missing_glyphs)(&list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_faces_cover_cjk_unified_and_extension_a() {
        let set = FontSet::bundled();
        // CJK Unified Ideographs to Unicode 11 (U+9FEF) and Extension A to Unicode 12.
        let missing: Vec<char> = ('\u{4E00}'..='\u{9FEF}')
            .chain('\u{3400}'..='\u{4DB5}')
            .filter(|c| !set.covers(*c))
            .collect();
        assert!(missing.is_empty(), "not covered: {missing:?}");
        for c in "华堃喆昇珺犇科技浉河区✔✘△?·—“”（）ABC abc 123".chars() {
            assert!(set.covers(c), "{c}");
        }
    }

    #[test]
    fn a_character_no_face_has_is_named_once_with_its_first_field() {
        let set = FontSet::bundled();
        // U+2A6D6 (Extension B) and U+E000 (private use) are in no bundled face.
        let texts = [
            (Field::Investor, "华堃喆昇珺犇科技"),
            (Field::ZoneName("xinyang".into()), "浉河\u{2A6D6}区"),
            (Field::Source("xinyang".into()), "\u{2A6D6}\u{E000}"),
        ];
        let missing = set.missing(texts);
        assert_eq!(
            missing,
            [
                MissingGlyph {
                    ch: '\u{2A6D6}',
                    field: Field::ZoneName("xinyang".into())
                },
                MissingGlyph {
                    ch: '\u{E000}',
                    field: Field::Source("xinyang".into())
                },
            ]
        );
        let zh = missing_text(&missing, Lang::Zh);
        assert!(
            zh.contains("开发区 xinyang 的名称中的“\u{2A6D6}”（U+2A6D6）"),
            "{zh}"
        );
        let en = missing_text(&missing, Lang::En);
        assert!(
            en.contains("“\u{2A6D6}” (U+2A6D6) in the name of zone xinyang"),
            "{en}"
        );
    }

    #[test]
    fn an_extra_face_counts_only_when_it_adds_characters() {
        // The bundled Bold face adds nothing the bundled set lacks.
        let set = FontSet::with_extra(vec![assets::FONT_SC_BOLD.to_vec(), b"not a font".to_vec()]);
        assert_eq!(set.len(), FontSet::bundled().len());
    }
}
