//! Any bytes read as a checklist: the parser never panics, and whatever it accepts writes back
//! to text that reads back to the same checklist.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitematch::model::{parse_checklist, write_checklist};
use sitematch_fuzz::catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(checklist) = parse_checklist(text, catalog()) {
        let written = write_checklist(&checklist, catalog()).expect("a parsed checklist writes");
        let back = parse_checklist(&written, catalog()).expect("written text parses");
        assert_eq!(back, checklist, "round trip changed the checklist:\n{written}");
    }
});
