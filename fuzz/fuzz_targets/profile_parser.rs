//! Any bytes read as a zone profile: the parser never panics, and whatever it accepts writes
//! back to text that reads back to the same profile.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitematch::model::{parse_profile, write_profile};
use sitematch_fuzz::catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(profile) = parse_profile(text, "fuzz", catalog()) {
        let written = write_profile(&profile, catalog()).expect("a parsed profile writes");
        let back = parse_profile(&written, "fuzz", catalog()).expect("written text parses");
        assert_eq!(back, profile, "round trip changed the profile:\n{written}");
    }
});
