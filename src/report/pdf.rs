//! The PDF renderer: lays out a [`ReportModel`] with Typst, used as a library, and the template
//! in `assets/report.typ` (or one a zone supplies), embedding subsets of the bundled fonts.
//! Pure: model and template in, PDF bytes out; nothing is read from or written to disk.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use super::model::ReportModel;
use crate::assets;
use crate::model::{Lang, Localize};

/// A rendered report.
#[derive(Clone, Debug)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    /// The number of pages Typst laid out.
    pub pages: usize,
}

/// Why a report could not be rendered.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The template (the bundled one or a zone's own) has errors; Typst's diagnostics.
    Template(Vec<Diagnostic>),
    /// The laid-out report could not be written as PDF; Typst's diagnostics.
    Pdf(Vec<Diagnostic>),
    /// The report's data could not be handed to the template (the serializer's words).
    Data(String),
}

/// One of Typst's diagnostics: its message (Typst speaks English) and where in the template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line and column in the template, when the diagnostic points into it.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl Diagnostic {
    fn text(&self, lang: Lang) -> String {
        match (self.position, lang) {
            (Some((line, column)), Lang::Zh) => format!("第 {line} 行第 {column} 列：{}", self.message),
            (Some((line, column)), Lang::En) => format!("line {line}, column {column}: {}", self.message),
            (None, _) => self.message.clone(),
        }
    }
}

impl Localize for RenderError {
    fn text(&self, lang: Lang) -> String {
        let list = |d: &[Diagnostic]| d.iter().map(|d| d.text(lang)).collect::<Vec<_>>().join("; ");
        match (self, lang) {
            (RenderError::Template(d), Lang::Zh) => {
                format!("报告模板有错误，无法排版（排版引擎 Typst 的提示：{}）", list(d))
            }
            (RenderError::Template(d), Lang::En) => format!("the report could not be laid out: {}", list(d)),
            (RenderError::Pdf(d), Lang::Zh) => format!("无法生成 PDF（排版引擎 Typst 的提示：{}）", list(d)),
            (RenderError::Pdf(d), Lang::En) => format!("the report could not be written as PDF: {}", list(d)),
            (RenderError::Data(detail), Lang::Zh) => format!("无法把报告数据交给模板（{detail}）"),
            (RenderError::Data(detail), Lang::En) => {
                format!("the report's data could not be handed to the template: {detail}")
            }
        }
    }
}

crate::english_display!(RenderError);

/// The fonts, parsed once per process.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = [assets::FONT_SC, assets::FONT_SYMBOLS]
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

fn file_id(path: &str) -> Result<FileId, RenderError> {
    let vpath = VirtualPath::new(path).map_err(|e| RenderError::Data(format!("{path}: {e:?}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The world Typst compiles in: the template as the main file and the model as `report.json`.
struct ReportWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::Other(Some(
                "a report template can only read report.json".into(),
            )))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}

/// Typst's diagnostics, each with its place in the template where it has one.
fn describe(world: Option<&ReportWorld>, diagnostics: &[SourceDiagnostic]) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .map(|d| {
            let position = world.and_then(|w| {
                let in_main = d.span.id() == Some(w.main.id());
                let range = w.range(d.span).filter(|_| in_main)?;
                let (line, column) = w.main.lines().byte_to_line_column(range.start)?;
                Some((line + 1, column + 1))
            });
            Diagnostic {
                position,
                message: d.message.to_string(),
            }
        })
        .collect()
}

/// Lays out the report with a template (the bundled one when `None`).
pub fn layout(model: &ReportModel, template: Option<&str>) -> Result<PagedDocument, RenderError> {
    let data = serde_json::to_vec(model).map_err(|e| RenderError::Data(e.to_string()))?;
    let date = |s: &str| {
        let mut parts = s.split('-').filter_map(|p| p.parse::<u32>().ok());
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        Datetime::from_ymd(
            i32::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    };
    let world = ReportWorld {
        main: Source::new(
            file_id("/report.typ")?,
            template.unwrap_or(assets::REPORT_TEMPLATE).to_owned(),
        ),
        data_id: file_id("/report.json")?,
        data: Bytes::new(data),
        today: date(&model.cover.date),
    };
    typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| RenderError::Template(describe(Some(&world), errors.as_slice())))
}

/// Renders the report as PDF bytes.
pub fn render(model: &ReportModel, template: Option<&str>) -> Result<Pdf, RenderError> {
    to_pdf(&layout(model, template)?, model)
}

/// Writes a laid-out report as PDF bytes.
pub fn to_pdf(document: &PagedDocument, model: &ReportModel) -> Result<Pdf, RenderError> {
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(format!(
            "sitematch:{}:{}",
            model.cover.project, model.cover.date
        )),
        creator: typst::foundations::Smart::Custom(Some("SiteMatch".to_owned())),
        ..Default::default()
    };
    let bytes = typst_pdf::pdf(document, &options)
        .map_err(|errors| RenderError::Pdf(describe(None, errors.as_slice())))?;
    Ok(Pdf {
        bytes,
        pages: document.pages().len(),
    })
}

/// One page rendered for a preview: RGBA pixels, premultiplied alpha.
#[derive(Clone, Debug)]
pub struct PageImage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// Renders laid-out pages as images, `pixels_per_point` pixels per typographic point (A4 is
/// 595 × 842 points), for a preview on screen.
pub fn page_images(document: &PagedDocument, pixels_per_point: f32) -> Vec<PageImage> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(pixels_per_point)),
        render_bleed: false,
    };
    document
        .pages()
        .iter()
        .map(|page| {
            let pixmap = typst_render::render(page, &options);
            PageImage {
                width: pixmap.width(),
                height: pixmap.height(),
                rgba: pixmap.data().to_vec(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_render_error_reads_in_chinese_and_in_english() {
        let c = crate::model::Catalog::builtin().expect("catalog");
        let diagnostics = vec![Diagnostic {
            position: Some((12, 5)),
            message: "unknown variable: colour".into(),
        }];
        for e in [
            RenderError::Template(diagnostics.clone()),
            RenderError::Pdf(diagnostics),
            RenderError::Data("key must be a string".into()),
        ] {
            let name = match &e {
                RenderError::Template(_) => "Template",
                RenderError::Pdf(_) => "Pdf",
                RenderError::Data(_) => "Data",
            };
            crate::model::error::testing::assert_renders(name, &e, &c);
        }
    }
}
