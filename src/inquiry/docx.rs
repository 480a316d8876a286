//! The text of an investor's Word file (.docx): its paragraphs, and its tables a row per line
//! with cells between tabs, joined by line breaks, as the drafter reads it. The file comes
//! from outside: what it unpacks to is checked before anything is read, and the text is
//! bounded. Pure: bytes in.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::model::{Lang, Localize};
use crate::xlsx_in::{self, Limits, Refused};

/// What a .docx may unpack to: a letter is kilobytes; a document of 64 MiB is not a letter.
const LIMITS: Limits = Limits {
    part: 64 << 20,
    total: 256 << 20,
    parts: 2_000,
};

/// Why a Word file is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    /// Not a .docx: an old Word file (.doc), text, or another kind of file.
    NotDocx { old_word: bool },
    /// A zip archive that does not unpack, or has no document part.
    Damaged { detail: String },
    /// A part that unpacks past the limit (a zip bomb).
    TooLarge { part: String, limit: u64 },
}

impl Localize for DocxError {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (DocxError::NotDocx { old_word: true }, Lang::Zh) => {
                "这是旧版 Word 文件（.doc）：请在 Word 或 WPS 中另存为 .docx 再打开".into()
            }
            (DocxError::NotDocx { old_word: true }, Lang::En) => {
                "this is an old Word file (.doc): save it as .docx in Word or WPS, then open it".into()
            }
            (DocxError::NotDocx { old_word: false }, Lang::Zh) => "这不是 Word 文档（.docx）".into(),
            (DocxError::NotDocx { old_word: false }, Lang::En) => {
                "this is not a Word document (.docx)".into()
            }
            (DocxError::Damaged { detail }, Lang::Zh) => format!("Word 文档已损坏，无法读取（{detail}）"),
            (DocxError::Damaged { detail }, Lang::En) => format!("the Word document is damaged ({detail})"),
            (DocxError::TooLarge { part, limit }, Lang::Zh) => format!(
                "Word 文档中的“{part}”解压后超过 {} MB，已拒绝读取（可能是恶意文件）",
                limit >> 20
            ),
            (DocxError::TooLarge { part, limit }, Lang::En) => format!(
                "`{part}` in the Word document unpacks to more than {} MB; refused (it may be hostile)",
                limit >> 20
            ),
        }
    }
}

crate::english_display!(DocxError);

/// The document's text: paragraphs a line each, a table's rows a line each with a tab between
/// cells, tabs and line breaks as written. Stops at [`super::MAX_CHARS`] and one more
/// character, so that the drafter refuses a text too long with that said.
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    xlsx_in::check(bytes, &LIMITS).map_err(|e| match e {
        Refused::OldExcel => DocxError::NotDocx { old_word: true },
        Refused::Text | Refused::NotAWorkbook { .. } => DocxError::NotDocx { old_word: false },
        Refused::Damaged { detail } => DocxError::Damaged { detail },
        Refused::Unpacks { part, limit } => DocxError::TooLarge { part, limit },
    })?;
    let damaged = |e: &dyn std::fmt::Display| DocxError::Damaged {
        detail: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|_| DocxError::NotDocx { old_word: false })?
        .take(LIMITS.part)
        .read_to_string(&mut xml)
        .map_err(|e| damaged(&e))?;
    text_of_xml(&xml).map_err(|e| damaged(&e))
}

/// The text as it is gathered, bounded.
struct Out {
    text: String,
    chars: usize,
    limit: usize,
}

impl Out {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if self.chars >= self.limit {
                return;
            }
            self.text.push(c);
            self.chars += 1;
        }
    }

    fn trim_spaces(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
            self.chars = self.chars.saturating_sub(1);
        }
    }

    fn full(&self) -> bool {
        self.chars >= self.limit
    }
}

fn text_of_xml(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = Out {
        text: String::new(),
        chars: 0,
        limit: super::MAX_CHARS + 1,
    };
    let mut in_text = false;
    let mut cell_in_row = 0usize;
    let mut depth_table = 0usize;
    loop {
        match reader.read_event()? {
            Event::Start(e) => match e.local_name().into_inner() {
                "t" => in_text = true,
                "tbl" => depth_table += 1,
                "tr" => cell_in_row = 0,
                "tc" => {
                    if cell_in_row > 0 {
                        out.trim_spaces();
                        out.push("\t");
                    }
                    cell_in_row += 1;
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                "tab" => out.push("\t"),
                "br" | "cr" => out.push("\n"),
                _ => {}
            },
            Event::Text(t) if in_text => out.push(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                // &amp; &lt; and character references inside a run's text.
                let resolved = match r.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                if let Some(c) = resolved {
                    out.push(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                // A paragraph ends a line, except inside a table cell, where the row does.
                "p" if depth_table == 0 => out.push("\n"),
                "p" => out.push(" "),
                "tr" => {
                    out.trim_spaces();
                    out.push("\n");
                }
                "tbl" => depth_table = depth_table.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        if out.full() {
            break;
        }
    }
    Ok(out.text.trim_end().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docx(body: &str) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", opts).expect("part");
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        std::io::Write::write_all(&mut zip, xml.as_bytes()).expect("write");
        zip.finish().expect("finish");
        buf.into_inner()
    }

    #[test]
    fn paragraphs_and_tables_become_lines() {
        let body = r#"<w:p><w:r><w:t>王主任您好：</w:t></w:r></w:p><w:p><w:r><w:t>需用地</w:t></w:r><w:r><w:t xml:space="preserve">300亩 &amp; 厂房</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>用电负荷</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>20MW</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        let text = docx_text(&docx(body)).expect("read");
        assert_eq!(text, "王主任您好：\n需用地300亩 & 厂房\n用电负荷\t20MW");
    }

    #[test]
    fn not_a_docx_is_named() {
        assert_eq!(
            docx_text(b"plain text"),
            Err(DocxError::NotDocx { old_word: false })
        );
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(docx_text(&ole), Err(DocxError::NotDocx { old_word: true }));
    }
}
