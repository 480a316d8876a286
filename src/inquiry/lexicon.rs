//! The words a message is read with, made once from the catalog: each factor's names,
//! aliases, keywords and time-base keywords, each level's and each set member's names and
//! keywords, the `inquiry` markers; and every way a unit, a foreign unit or a currency is
//! written after a number. Matching is on folded characters ([`fold_char`]), the longest word
//! wins, and a word of ASCII letters matches only as a whole word.

use std::collections::HashMap;

use crate::model::catalog::InquiryWords;
use crate::model::tokens::fold_char;
use crate::model::{Catalog, FactorIdx, Kind, UnitIdx};

/// What a word in the message means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    /// A factor named; `time` the unit its amounts take where the keyword carries the time
    /// base (`日用水量` → 吨/日).
    /// `named` when the word is the factor's name or an alias (specific enough that naming it
    /// with no amount asks for it), not one of its running-text keywords.
    Factor {
        factor: FactorIdx,
        time: Option<UnitIdx>,
        named: bool,
    },
    /// A level of a `Level` factor (七通一平, 110kV).
    Level {
        factor: FactorIdx,
        level: u16,
    },
    /// A member of a `Set` factor's vocabulary (环评).
    Member {
        factor: FactorIdx,
        member: u16,
    },
    Marker(Marker),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Marker {
    Must,
    Lower,
    AtLeast,
    AtMost,
    About,
    Negation,
    /// A word that asks for something (需要, need).
    Need,
    Phase,
    Output,
    Investment,
    Start,
    Project,
    /// A noun that names the project (项目, plant).
    ProjectNoun,
    /// A denominator word (每日, 每亩), by its index in the catalog's `per` list.
    Per(usize),
}

/// What a unit word after a number names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UnitTarget {
    /// A unit of the catalog; `exp` the power of ten the word multiplies by (万亩: 4);
    /// `partial` when the word is only the unit's numerator (吨 of 吨/日).
    Unit {
        unit: UnitIdx,
        exp: i32,
        partial: bool,
    },
    /// A unit the catalog lists as not converted (千伏安), by index.
    Foreign(usize),
    /// A currency other than yuan, by index.
    Currency(usize),
    /// Yuan; `exp` the power of ten to 万元 (元: −4, 亿元: 4).
    Yuan(i32),
    Percent,
}

type Entry<T> = (Vec<char>, T);

/// The words of one catalog, ready to match.
pub(super) struct Lexicon {
    words: HashMap<char, Vec<Entry<Word>>>,
    units: HashMap<char, Vec<Entry<Vec<UnitTarget>>>>,
    /// Industry words: each member of the industry vocabulary by name and keyword.
    industries: HashMap<char, Vec<Entry<u16>>>,
    /// Upper-case ASCII industry keywords (IT, EV, PV), matched on the text as written.
    industries_exact: Vec<(Vec<char>, u16)>,
    /// Words written before a number that make it money in a currency (`$`, `USD`, `RMB`).
    pub(super) currency_prefixes: Vec<Entry<Option<usize>>>,
}

fn folded(word: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in word.trim().chars().map(fold_char) {
        // Runs of spaces in a word match runs of spaces in the text; one is kept.
        if c.is_whitespace() {
            if out.last().is_some_and(|l| *l != ' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn insert<T>(map: &mut HashMap<char, Vec<Entry<T>>>, word: Vec<char>, value: T) {
    if let Some(&first) = word.first() {
        map.entry(first).or_default().push((word, value));
    }
}

fn sort<T>(map: &mut HashMap<char, Vec<Entry<T>>>) {
    for list in map.values_mut() {
        list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    }
}

impl Lexicon {
    pub(super) fn new(catalog: &Catalog) -> Self {
        let mut words: HashMap<char, Vec<Entry<Word>>> = HashMap::new();
        let inquiry = catalog.inquiry();
        let industry = catalog.industry_vocabulary();
        for (idx, f) in catalog.factors() {
            // Time-base keywords first: where one is also a plain keyword, its time base wins.
            for (keyword, unit) in &f.keyword_units {
                insert(
                    &mut words,
                    folded(keyword),
                    Word::Factor {
                        factor: idx,
                        time: Some(*unit),
                        named: false,
                    },
                );
            }
            let named = Word::Factor {
                factor: idx,
                time: None,
                named: true,
            };
            for name in [&f.name.zh, &f.name.en].into_iter().chain(&f.aliases) {
                insert(&mut words, folded(name), named);
            }
            let keyword = Word::Factor {
                factor: idx,
                time: None,
                named: false,
            };
            for name in &f.keywords {
                insert(&mut words, folded(name), keyword);
            }
            match &f.kind {
                Kind::Level(levels) => {
                    for (i, level) in levels.iter().enumerate() {
                        let Ok(level_idx) = u16::try_from(i) else { continue };
                        let word = Word::Level {
                            factor: idx,
                            level: level_idx,
                        };
                        for name in [&level.name.zh, &level.name.en]
                            .into_iter()
                            .chain(&level.keywords)
                        {
                            insert(&mut words, folded(name), word);
                        }
                    }
                }
                Kind::Set(v) if *v != industry => {
                    for (i, m) in catalog.vocabulary(*v).members.iter().enumerate() {
                        let Ok(member) = u16::try_from(i) else { continue };
                        let word = Word::Member { factor: idx, member };
                        for name in [&m.name.zh, &m.name.en].into_iter().chain(&m.keywords) {
                            insert(&mut words, folded(name), word);
                        }
                    }
                }
                _ => {}
            }
        }
        add_markers(&mut words, inquiry);
        // A factor's word wins over a marker spelled the same (`投资强度` over `投资`): markers
        // were added last and the sort is stable, so among equal lengths the factor comes first.
        sort(&mut words);

        let mut units: HashMap<Vec<char>, Vec<UnitTarget>> = HashMap::new();
        let mut add_unit = |word: &str, target: UnitTarget| {
            for variant in spellings(word) {
                let list = units.entry(variant).or_default();
                if !list.contains(&target) {
                    list.push(target);
                }
            }
        };
        for (_, f) in catalog.factors() {
            if let Some(m) = f.kind.measure() {
                for w in m.unit_words(None) {
                    add_unit(
                        w.word(),
                        UnitTarget::Unit {
                            unit: w.unit(),
                            exp: w.exp(),
                            partial: w.is_partial(),
                        },
                    );
                }
            }
        }
        for (i, u) in inquiry.foreign_units.iter().enumerate() {
            for w in &u.words {
                add_unit(w, UnitTarget::Foreign(i));
            }
        }
        for (i, u) in inquiry.currencies.iter().enumerate() {
            for w in &u.words {
                add_unit(w, UnitTarget::Currency(i));
            }
        }
        for (w, exp) in YUAN {
            add_unit(w, UnitTarget::Yuan(*exp));
        }
        for w in ["%", "％", "percent", "个百分点", "成"] {
            add_unit(w, UnitTarget::Percent);
        }
        let mut unit_map: HashMap<char, Vec<Entry<Vec<UnitTarget>>>> = HashMap::new();
        for (word, targets) in units {
            insert(&mut unit_map, word, targets);
        }
        sort(&mut unit_map);

        let mut industries: HashMap<char, Vec<Entry<u16>>> = HashMap::new();
        let mut industries_exact = Vec::new();
        for (i, m) in catalog.industries().members.iter().enumerate() {
            let Ok(member) = u16::try_from(i) else { continue };
            for name in std::iter::once(&m.name.zh).chain(&m.keywords) {
                let upper =
                    name.len() <= 5 && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                if upper {
                    industries_exact.push((name.chars().collect(), member));
                } else {
                    insert(&mut industries, folded(name), member);
                }
            }
        }
        sort(&mut industries);

        let mut currency_prefixes: Vec<Entry<Option<usize>>> = Vec::new();
        for (i, u) in inquiry.currencies.iter().enumerate() {
            for w in &u.words {
                let f = folded(w);
                // Symbols and codes come before the number (`$50 million`, `USD 20m`).
                if f.iter().all(|c| !('\u{4e00}'..='\u{9fff}').contains(c)) && f.len() <= 4 {
                    currency_prefixes.push((f, Some(i)));
                }
            }
        }
        for w in ["rmb", "cny", "¥", "￥", "人民币"] {
            currency_prefixes.push((folded(w), None));
        }
        currency_prefixes.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        Lexicon {
            words,
            units: unit_map,
            industries,
            industries_exact,
            currency_prefixes,
        }
    }

    /// The longest word starting at `at`, with where it ends.
    pub(super) fn word_at(&self, text: &[char], at: usize) -> Option<(usize, Word)> {
        let first = *text.get(at)?;
        self.words
            .get(&first)?
            .iter()
            .find_map(|(w, word)| matches_at(text, at, w).map(|end| (end, *word)))
    }

    /// The longest unit word starting at `at` (spaces before it and inside it skipped), with
    /// where it ends and everything it may name.
    pub(super) fn unit_at(&self, text: &[char], at: usize) -> Option<(usize, &[UnitTarget])> {
        let mut start = at;
        while text.get(start).is_some_and(|c| *c == ' ' || *c == '\t') {
            start += 1;
        }
        let first = *text.get(start)?;
        self.units.get(&first)?.iter().find_map(|(w, targets)| {
            matches_skipping_spaces(text, start, w).map(|end| (end, targets.as_slice()))
        })
    }

    /// The industry member named at `at` in folded text, or in the text as written for an
    /// upper-case code; the end and the length of the word matched.
    pub(super) fn industry_at(&self, folded: &[char], written: &[char], at: usize) -> Option<(usize, u16)> {
        let exact = self
            .industries_exact
            .iter()
            .filter_map(|(w, m)| matches_at(written, at, w).map(|end| (end, *m)))
            .max_by_key(|(end, _)| *end);
        let found = folded
            .get(at)
            .and_then(|first| self.industries.get(first))
            .and_then(|list| {
                list.iter()
                    .find_map(|(w, m)| matches_at(folded, at, w).map(|end| (end, *m)))
            });
        match (found, exact) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// 元 and its multiples, as a power of ten to 万元.
const YUAN: &[(&str, i32)] = &[
    ("元", -4),
    ("块", -4),
    ("块钱", -4),
    ("元人民币", -4),
    ("人民币", -4),
    ("万元", 0),
    ("万元人民币", 0),
    ("万人民币", 0),
    ("亿元", 4),
    ("亿元人民币", 4),
    ("亿人民币", 4),
    ("yuan", -4),
    ("rmb", -4),
    ("cny", -4),
];

fn add_markers(words: &mut HashMap<char, Vec<Entry<Word>>>, inquiry: &InquiryWords) {
    let lists: [(&[String], Marker); 13] = [
        (&inquiry.needs, Marker::Need),
        (&inquiry.project_nouns, Marker::ProjectNoun),
        (&inquiry.must, Marker::Must),
        (&inquiry.lower, Marker::Lower),
        (&inquiry.at_least, Marker::AtLeast),
        (&inquiry.at_most, Marker::AtMost),
        (&inquiry.about, Marker::About),
        (&inquiry.negations, Marker::Negation),
        (&inquiry.phases, Marker::Phase),
        (&inquiry.output, Marker::Output),
        (&inquiry.investment, Marker::Investment),
        (&inquiry.start, Marker::Start),
        (&inquiry.project, Marker::Project),
    ];
    for (list, marker) in lists {
        for w in list {
            insert(words, folded(w), Word::Marker(marker));
        }
    }
    for (i, (_, list)) in inquiry.per.iter().enumerate() {
        for w in list {
            insert(words, folded(w), Word::Marker(Marker::Per(i)));
        }
    }
}

/// A unit word as the text may write it: as compared (`平方米`, `m²`), and `平米`, `m2`, `㎡`.
fn spellings(word: &str) -> Vec<Vec<char>> {
    let base: String = word
        .chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut out = vec![base.clone()];
    if base.contains("平方米") {
        out.push(base.replace("平方米", "平米"));
        // `1万平`: 平 alone for square metres, as people write it.
        out.push(base.replace("平方米", "平"));
    }
    if base.contains("m²") {
        out.push(base.replace("m²", "m2"));
        out.push(base.replace("m²", "㎡"));
    }
    if base.contains("m³") {
        out.push(base.replace("m³", "m3"));
    }
    if base.contains("立方米") {
        out.push(base.replace("立方米", "方"));
        out.push(base.replace("立方米", "立方"));
    }
    out.into_iter().map(|s| s.chars().collect()).collect()
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Where `word` (folded, single spaces) ends when it starts at `at`: a space in it matches any
/// run of spaces; a word of ASCII letters or digits at either end must not run on into one.
pub(super) fn matches_at(text: &[char], at: usize, word: &[char]) -> Option<usize> {
    let mut i = at;
    for &w in word {
        if w == ' ' {
            if !text.get(i).is_some_and(|c| c.is_whitespace()) {
                return None;
            }
            while text.get(i).is_some_and(|c| c.is_whitespace()) {
                i += 1;
            }
        } else if text.get(i) == Some(&w) {
            i += 1;
        } else {
            return None;
        }
    }
    bounded(text, at, i, word, true).then_some(i)
}

/// Like [`matches_at`], but spaces and tabs in the text are skipped (`tons per day`).
fn matches_skipping_spaces(text: &[char], at: usize, word: &[char]) -> Option<usize> {
    let mut i = at;
    for (k, &w) in word.iter().enumerate() {
        if k > 0 {
            while text.get(i).is_some_and(|c| *c == ' ' || *c == '\t') {
                i += 1;
            }
        }
        if text.get(i) != Some(&w) {
            return None;
        }
        i += 1;
    }
    // A unit follows a number straight on (`600MW`): only its end must not run on.
    bounded(text, at, i, word, false).then_some(i)
}

fn bounded(text: &[char], at: usize, end: usize, word: &[char], check_start: bool) -> bool {
    let starts_word = check_start && word.first().is_some_and(|c| c.is_ascii_alphabetic());
    let ends_word = word.last().is_some_and(|c| c.is_ascii_alphabetic());
    let before_ok = !starts_word || at == 0 || !text.get(at - 1).is_some_and(|c| is_word_char(*c));
    // A plural `s` after an English word is the same word (`batteries` is not, `acres` is).
    let after = text.get(end).copied();
    let after_ok = !ends_word
        || !after.is_some_and(is_word_char)
        || (after == Some('s') && !text.get(end + 1).is_some_and(|c| is_word_char(*c)));
    before_ok && after_ok
}
