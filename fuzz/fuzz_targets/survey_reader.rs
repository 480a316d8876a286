//! Any bytes read as a filled survey workbook: the reader never panics, and whatever checklist
//! it accepts writes to a checklist file that reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitematch::model::{parse_checklist, write_checklist};
use sitematch_fuzz::catalog;

fuzz_target!(|data: &[u8]| {
    if let Ok(checklist) = sitematch::survey::read(catalog(), data) {
        let written = write_checklist(&checklist, catalog()).expect("an imported checklist writes");
        let back = parse_checklist(&written, catalog()).expect("written text parses");
        assert_eq!(back, checklist, "round trip changed the checklist:\n{written}");
    }
});
