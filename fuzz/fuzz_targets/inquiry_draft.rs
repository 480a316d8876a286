//! Any bytes read as an investor's message (text, or a Word file when they are a zip): the
//! drafter never panics; every span it gives lies in the text and is the text it quotes;
//! every amount it drafts writes to the checklist file's text and reads back to itself; and
//! the checklist its first decisions make writes and reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitematch::inquiry::{draft, message_text};
use sitematch::model::value::parse_quantity;
use sitematch::model::write::value_file_text;
use sitematch::model::{Value, parse_checklist, write_checklist};
use sitematch_fuzz::catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = message_text(data) else {
        return;
    };
    let today = jiff::civil::date(2026, 12, 7);
    let Ok(d) = draft(&text, catalog(), today) else {
        return;
    };
    let chars: Vec<char> = d.text.chars().collect();
    let spans = d
        .items
        .iter()
        .map(|i| (i.span, &i.text))
        .chain(d.unread.iter().map(|u| (u.span, &u.text)));
    for ((start, end), quoted) in spans {
        assert!(start <= end && end <= chars.len(), "span {start}..{end} outside {} chars", chars.len());
        assert_eq!(&chars[start..end].iter().collect::<String>(), quoted);
    }
    for span in &d.header.spans {
        assert!(span.0 <= span.1 && span.1 <= chars.len());
    }
    for item in &d.items {
        if let (Some(Value::Amount(q)), Some(f)) = (&item.required, item.factor) {
            let factor = catalog().factor(f);
            let measure = factor.kind.measure().expect("an amount is a quantity factor's");
            let written = value_file_text(&Value::Amount(q.clone()), factor, catalog());
            let back = parse_quantity(catalog(), measure, &written).expect("a drafted amount reads back");
            assert_eq!(&back, q, "{written}");
        }
    }
    let decisions = d.initial_decisions();
    if let Ok(list) = d.checklist(catalog(), &decisions) {
        let written = write_checklist(&list, catalog()).expect("a drafted checklist writes");
        let back = parse_checklist(&written, catalog()).expect("a drafted checklist reads back");
        assert_eq!(back, list, "{written}");
    }
});
