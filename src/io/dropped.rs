//! What a file or folder dropped on the window holds, told from its content, not its name:
//! a checklist or a zone profile (RON), an investor's survey or an inventory workbook (Excel),
//! an investor's message (text or Word), a folder of profiles or of checklists. Anything
//! else is named and refused with the reason.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use super::{FileError, read_message};
use crate::inquiry::{self, MessageError};
use crate::model::parse::{FileKind, sniff};
use crate::model::{Lang, Localize};

/// How many `.ron` files of a folder are looked at to tell what it holds.
const FOLDER_SAMPLE: usize = 50;

/// What was dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dropped {
    Checklist(PathBuf),
    Profile(PathBuf),
    /// An investor's filled survey workbook.
    Survey(PathBuf),
    /// A province's table or a filled update workbook.
    InventoryWorkbook(PathBuf),
    /// An investor's message, with its text as read.
    Inquiry {
        path: PathBuf,
        text: String,
    },
    ProfilesFolder(PathBuf),
    ChecklistsFolder(PathBuf),
    Refused {
        path: PathBuf,
        why: Refusal,
    },
}

/// Why a dropped file is not opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not one of the files SiteMatch opens.
    Unknown,
    /// A catalog: SiteMatch uses its own.
    Catalog,
    /// An Excel 97–2003 or Word 97–2003 file.
    OldOffice,
    /// A folder with neither profiles nor checklists.
    EmptyFolder,
    File(FileError),
    Message(MessageError),
}

impl Localize for Dropped {
    fn text(&self, lang: Lang) -> String {
        match self {
            Dropped::Refused { path, why } => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                match (why, lang) {
                    (Refusal::Unknown, Lang::Zh) => format!(
                        "“{name}”不是 SiteMatch 能打开的文件：可拖入需求表或开发区资料（.ron）、调查表或要素表（.xlsx）、投资方来信（.txt、.docx），或它们所在的文件夹"
                    ),
                    (Refusal::Unknown, Lang::En) => format!(
                        "“{name}” is not a file SiteMatch opens: drop a checklist or zone profile (.ron), a survey or inventory workbook (.xlsx), an investor's message (.txt, .docx), or a folder of them"
                    ),
                    (Refusal::Catalog, Lang::Zh) => {
                        format!("“{name}”是要素目录文件，软件使用自带的目录，未打开")
                    }
                    (Refusal::Catalog, Lang::En) => {
                        format!("“{name}” is a factor catalog; SiteMatch uses its own, so it was not opened")
                    }
                    (Refusal::OldOffice, Lang::Zh) => format!(
                        "“{name}”是旧版 Office 文件（.xls / .doc）：请在 WPS 或 Office 中另存为 .xlsx / .docx 后再拖入"
                    ),
                    (Refusal::OldOffice, Lang::En) => format!(
                        "“{name}” is an old Office file (.xls / .doc): save it as .xlsx / .docx in WPS or Office, then drop it again"
                    ),
                    (Refusal::EmptyFolder, Lang::Zh) => {
                        format!("文件夹“{name}”中没有开发区资料或需求表（.ron）")
                    }
                    (Refusal::EmptyFolder, Lang::En) => {
                        format!("the folder “{name}” holds no zone profiles or checklists (.ron)")
                    }
                    (Refusal::File(e), _) => e.text(lang),
                    (Refusal::Message(e), Lang::Zh) => format!("{name}：{}", e.text(lang)),
                    (Refusal::Message(e), Lang::En) => format!("{name}: {}", e.text(lang)),
                }
            }
            _ => String::new(),
        }
    }
}

/// Tells what `path` holds, reading as little of it as that takes (a folder's first
/// [`FOLDER_SAMPLE`] `.ron` files; a workbook's list of sheets).
pub fn classify(path: &Path) -> Dropped {
    let refused = |why| Dropped::Refused {
        path: path.to_owned(),
        why,
    };
    if path.is_dir() {
        return classify_folder(path);
    }
    let bytes = match read_message(path) {
        Ok(b) => b,
        Err(e) => return refused(Refusal::File(e)),
    };
    if bytes.starts_with(&crate::xlsx_in::OLE2) {
        return refused(Refusal::OldOffice);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match zip_holds(&bytes) {
            Some(Zipped::Word) => match inquiry::message_text(&bytes) {
                Ok(text) => Dropped::Inquiry {
                    path: path.to_owned(),
                    text,
                },
                Err(e) => refused(Refusal::Message(e)),
            },
            Some(Zipped::Survey) => Dropped::Survey(path.to_owned()),
            Some(Zipped::Workbook) => Dropped::InventoryWorkbook(path.to_owned()),
            None => refused(Refusal::Unknown),
        };
    }
    let Ok(text) = inquiry::text_of(&bytes) else {
        return refused(Refusal::Unknown);
    };
    match sniff(&text) {
        Some(FileKind::Checklist) => Dropped::Checklist(path.to_owned()),
        Some(FileKind::Profile) => Dropped::Profile(path.to_owned()),
        Some(FileKind::Catalog) => refused(Refusal::Catalog),
        None if text.trim().is_empty() => {
            refused(Refusal::Message(MessageError::Text(inquiry::InquiryError::Empty)))
        }
        None => Dropped::Inquiry {
            path: path.to_owned(),
            text,
        },
    }
}

enum Zipped {
    Word,
    Survey,
    Workbook,
}

/// What a zip archive is, from its parts: a Word document, the survey (its sheet named as
/// SiteMatch writes it), or another workbook.
fn zip_holds(bytes: &[u8]) -> Option<Zipped> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    if zip.index_for_name("word/document.xml").is_some() {
        return Some(Zipped::Word);
    }
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .ok()?
        .take(1 << 20)
        .read_to_string(&mut workbook)
        .ok()?;
    if workbook.contains(&format!("name=\"{}\"", crate::survey::SHEET)) {
        Some(Zipped::Survey)
    } else {
        Some(Zipped::Workbook)
    }
}

fn classify_folder(dir: &Path) -> Dropped {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Dropped::Refused {
            path: dir.to_owned(),
            why: Refusal::EmptyFolder,
        };
    };
    let (mut profiles, mut checklists) = (0, 0);
    let rons = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")) && p.is_file())
        .take(FOLDER_SAMPLE);
    for path in rons {
        let Ok(bytes) = super::read_bytes(&path) else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        match sniff(text) {
            Some(FileKind::Profile) => profiles += 1,
            Some(FileKind::Checklist) => checklists += 1,
            _ => {}
        }
    }
    if profiles == 0 && checklists == 0 {
        Dropped::Refused {
            path: dir.to_owned(),
            why: Refusal::EmptyFolder,
        }
    } else if profiles >= checklists {
        Dropped::ProfilesFolder(dir.to_owned())
    } else {
        Dropped::ChecklistsFolder(dir.to_owned())
    }
}
