//! Why an Excel workbook could not be made, in the reader's language: rust_xlsxwriter's own
//! errors are English, and the officer reads Chinese. The cases an officer can act on (a disk
//! full or unwritable, a temporary folder missing, a text or drop-down past Excel's limits)
//! get words of their own; the rest say that the workbook could not be made, with the
//! writer's words after them for whoever reads the log.

use rust_xlsxwriter::XlsxError;

use crate::model::{Lang, Localize};

/// An Excel workbook that could not be made.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WorkbookError(#[from] pub XlsxError);

impl Localize for WorkbookError {
    fn text(&self, lang: Lang) -> String {
        match (&self.0, lang) {
            (XlsxError::IoError(e) | XlsxError::TempFileError(_, e), Lang::Zh) => {
                format!("无法写出 Excel 工作簿：磁盘已满、无写入权限或临时文件夹不可用（{e}）")
            }
            (XlsxError::IoError(e) | XlsxError::TempFileError(_, e), Lang::En) => format!(
                "the Excel workbook could not be written: the disk is full, not writable, or the \
                 temporary folder is unavailable ({e})"
            ),
            (XlsxError::MaxStringLengthExceeded, Lang::Zh) => {
                "无法生成 Excel 工作簿：有一段文字超过了单元格的上限（32 767 个字符）".to_owned()
            }
            (XlsxError::MaxStringLengthExceeded, Lang::En) => {
                "the Excel workbook could not be made: a text is longer than a cell holds (32,767 \
                 characters)"
                    .to_owned()
            }
            (XlsxError::DataValidationError(why), Lang::Zh) => format!(
                "无法生成 Excel 工作簿：下拉列表超出了 Excel 的限制（选项合计不超过 255 个字符；\
                 请缩短目录中的名称）。详情：{why}"
            ),
            (XlsxError::DataValidationError(why), Lang::En) => format!(
                "the Excel workbook could not be made: a drop-down list is past Excel's limit \
                 (255 characters for all its choices; shorten the catalog's names). Details: {why}"
            ),
            (XlsxError::RowColumnLimitError, Lang::Zh) => {
                "无法生成 Excel 工作簿：行数超过了 Excel 的上限（1 048 576 行）".to_owned()
            }
            (XlsxError::RowColumnLimitError, Lang::En) => {
                "the Excel workbook could not be made: more rows than Excel holds (1,048,576)".to_owned()
            }
            (e, Lang::Zh) => format!("无法生成 Excel 工作簿（程序内部错误：{e}）"),
            (e, Lang::En) => format!("the Excel workbook could not be made (internal error: {e})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_writer_error_reads_in_chinese() {
        let errors = [
            XlsxError::IoError(std::io::Error::other("No space left on device")),
            XlsxError::MaxStringLengthExceeded,
            XlsxError::DataValidationError("list too long".into()),
            XlsxError::RowColumnLimitError,
            XlsxError::ParameterError("bad".into()),
        ];
        for e in errors {
            let zh = WorkbookError(e).text(Lang::Zh);
            assert!(zh.starts_with("无法"), "{zh}");
            assert!(
                zh.chars()
                    .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                    .count()
                    >= 8,
                "{zh}"
            );
        }
    }
}
