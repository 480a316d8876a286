//! The PDF renderer: lays out a [`ReportModel`] with Typst, used as a library, and the template
//! in `assets/report.typ` (or one a zone supplies), embedding subsets of the bundled fonts.
//! Pure: model and template in, PDF bytes out; nothing is read from or written to disk.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use super::model::ReportModel;
use crate::assets;

/// A rendered report.
#[derive(Clone, Debug)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    /// The number of pages Typst laid out.
    pub pages: usize,
}

/// Why a report could not be rendered; the template's diagnostics in words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the report could not be laid out: {0}")]
pub struct RenderError(pub String);

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
    let vpath = VirtualPath::new(path).map_err(|e| RenderError(format!("{path}: {e:?}")))?;
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

fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Lays out the report with a template (the bundled one when `None`).
pub fn layout(model: &ReportModel, template: Option<&str>) -> Result<PagedDocument, RenderError> {
    let data = serde_json::to_vec(model).map_err(|e| RenderError(e.to_string()))?;
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
        .map_err(|errors| RenderError(describe(errors.as_slice())))
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
    let bytes =
        typst_pdf::pdf(document, &options).map_err(|errors| RenderError(describe(errors.as_slice())))?;
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
