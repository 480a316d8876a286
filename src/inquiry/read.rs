//! The reading itself: dates first, then the catalog's words (longest first), then numbers
//! with their multipliers, units and ranges in the gaps; each number goes to the nearest
//! factor word of its clause whose units it fits, and what no factor takes is money (the
//! investment), the project's output, a phase's note, or unread with the reason.

use std::collections::HashMap;

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::dates::{self, Found};
use super::header;
use super::lexicon::{Lexicon, Marker, UnitTarget, Word};
use super::{Draft, DraftItem, Field, Header, Start, Unread};
use crate::model::catalog::Measure;
use crate::model::number;
use crate::model::tokens::{fold_chars, multipliers_at, number_at};
use crate::model::value::YesNo;
use crate::model::{Catalog, FactorIdx, Importance, Kind, Quantity, Text, UnitIdx, Value};

/// A word of the lexicon found in the text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub start: usize,
    pub end: usize,
    pub word: Word,
    /// A factor's word that describes the project (before 项目 in its clause): it asks
    /// nothing of the zone.
    pub describes: bool,
}

/// A number found, with what follows it.
#[derive(Clone, Debug)]
struct Num {
    start: usize,
    end: usize,
    /// The amount with its multiplier (万, 亿, million) applied; the high end of a range.
    value: Decimal,
    /// The low end of a range (`200至300亩`).
    low: Option<Decimal>,
    /// What the unit word after it may name; empty when none follows.
    targets: Vec<UnitTarget>,
    /// The power of ten of the multiplier written (万: 4).
    mult: i32,
    /// A currency written before it: `Some(None)` for yuan (RMB), `Some(Some(i))` another.
    prefix: Option<Option<usize>>,
    /// A currency code the catalog does not list written before it (`SEK 50 million`).
    code: Option<String>,
}

/// How a number fits a factor.
#[derive(Clone, Debug)]
enum Fit {
    Amount { unit: UnitIdx, exp: i32 },
    Confirm(Text),
}

struct Reader<'a> {
    catalog: &'a Catalog,
    lex: Lexicon,
    chars: Vec<char>,
    folded: Vec<char>,
    clause: Vec<u32>,
    sentence: Vec<u32>,
    hits: Vec<Hit>,
    dates: Vec<Found>,
    nums: Vec<Num>,
    items: Vec<DraftItem>,
    by_factor: HashMap<FactorIdx, usize>,
    unread: Vec<Unread>,
    header: Header,
    /// Hits whose meaning was taken by a number (a factor with its amount).
    used: Vec<bool>,
}

pub(super) fn read(text: &str, catalog: &Catalog, today: Date) -> Draft {
    let chars: Vec<char> = text.chars().collect();
    let folded = fold_chars(text);
    let (clause, sentence) = clauses(&folded);
    let mut r = Reader {
        catalog,
        lex: Lexicon::new(catalog),
        clause,
        sentence,
        chars,
        folded,
        hits: Vec::new(),
        dates: Vec::new(),
        nums: Vec::new(),
        items: Vec::new(),
        by_factor: HashMap::new(),
        unread: Vec::new(),
        header: Header::default(),
        used: Vec::new(),
    };
    r.dates = dates::find(&r.folded, today);
    r.find_words();
    r.mark_descriptions();
    r.find_numbers();
    r.used = vec![false; r.hits.len()];
    r.place_numbers();
    r.place_words();
    r.place_start();
    r.place_unasked();
    r.header.investor = header::investor(&r.chars);
    r.header.project = header::project(&r.chars, &r.folded);
    let (industry, spans) = header::industries(&r.lex, &r.chars, &r.folded, &r.hits, &r.clause);
    r.header.industry = industry;
    let industry_span = spans.first().copied();
    r.header.spans.extend(spans);
    if !r.header.industry.is_empty()
        && let Some(f) = catalog
            .factors()
            .find(|(_, f)| f.default_from == Some(crate::model::PlanField::Industry))
            .map(|(i, _)| i)
        && !r.by_factor.contains_key(&f)
    {
        let span = industry_span.unwrap_or((0, 0));
        r.push_item(f, None, span, None);
    }
    r.items.sort_by_key(|i| i.span);
    r.unread.sort_by_key(|u| u.span);
    Draft {
        text: text.to_owned(),
        header: r.header,
        items: r.items,
        unread: r.unread,
    }
}

/// Abbreviations whose full stop ends no sentence (`approx. EUR 120 million`).
const ABBREVIATIONS: [&str; 12] = [
    "approx", "ca", "e.g", "i.e", "no", "nos", "mr", "ms", "dr", "co", "vs", "etc",
];

/// The clause and the sentence each character is in. Sentences end at `。！？；`, a line
/// break, an English full stop (not one between digits or after an abbreviation); clauses
/// also at a comma (not one between digits).
fn clauses(text: &[char]) -> (Vec<u32>, Vec<u32>) {
    let mut clause = Vec::with_capacity(text.len());
    let mut sentence = Vec::with_capacity(text.len());
    let (mut c_id, mut s_id) = (0u32, 0u32);
    for (i, &c) in text.iter().enumerate() {
        clause.push(c_id);
        sentence.push(s_id);
        let between_digits = i > 0
            && text.get(i - 1).is_some_and(char::is_ascii_digit)
            && text.get(i + 1).is_some_and(char::is_ascii_digit);
        let abbreviation = || {
            let word: String = text[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphabetic() || **c == '.')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            ABBREVIATIONS.contains(&word.as_str())
        };
        let ends_sentence = match c {
            '。' | ';' | '!' | '?' | '\n' | '\r' => true,
            '.' => !between_digits && text.get(i + 1).is_none_or(|n| n.is_whitespace()) && !abbreviation(),
            _ => false,
        };
        let ends_clause = ends_sentence || (c == ',' && !between_digits);
        if ends_clause {
            c_id += 1;
        }
        if ends_sentence {
            s_id += 1;
        }
    }
    (clause, sentence)
}

/// How far from a position its clause's words are looked for: a clause people write is
/// shorter; a text with no punctuation at all is not read in time quadratic in its length.
const WINDOW: usize = 200;

impl Reader<'_> {
    fn find_words(&mut self) {
        let mut i = 0;
        let mut d = 0;
        while i < self.folded.len() {
            while self.dates.get(d).is_some_and(|x| x.end <= i) {
                d += 1;
            }
            if let Some(x) = self.dates.get(d).filter(|x| x.start <= i) {
                i = x.end;
                continue;
            }
            if let Some((end, word)) = self.lex.word_at(&self.folded, i) {
                // A word cut by a date is not that word.
                if self.dates.get(d).is_none_or(|x| end <= x.start) {
                    self.hits.push(Hit {
                        start: i,
                        end,
                        word,
                        describes: false,
                    });
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// A factor's word between a project verb and a project noun of its clause (建设危险废物
    /// 集中处置中心, the new power cable plant) describes the project; "园区须有危废处置中心"
    /// does not.
    fn mark_descriptions(&mut self) {
        let at = |m: Marker| -> Vec<(u32, usize)> {
            self.hits
                .iter()
                .filter(|h| h.word == Word::Marker(m))
                .filter_map(|h| Some((*self.clause.get(h.start)?, h.start)))
                .collect()
        };
        // Per clause, its last project noun and its first project verb.
        let mut last_noun: HashMap<u32, usize> = HashMap::new();
        for (c, at) in at(Marker::ProjectNoun) {
            let e = last_noun.entry(c).or_insert(at);
            *e = (*e).max(at);
        }
        let mut first_verb: HashMap<u32, usize> = HashMap::new();
        for (c, at) in at(Marker::Project) {
            first_verb.entry(c).or_insert(at);
        }
        for h in &mut self.hits {
            let Some(clause) = self.clause.get(h.start) else {
                continue;
            };
            let noun_after = last_noun.get(clause).is_some_and(|at| *at >= h.end);
            let verb_before = first_verb.get(clause).is_some_and(|at| *at < h.start);
            if !matches!(h.word, Word::Marker(_)) && noun_after && verb_before {
                h.describes = true;
            }
        }
    }

    /// Which characters dates and words take: numbers are read only in the others.
    fn covered_mask(&self) -> Vec<bool> {
        let mut mask = vec![false; self.folded.len()];
        let spans = self
            .dates
            .iter()
            .map(|d| (d.start, d.end))
            .chain(self.hits.iter().map(|h| (h.start, h.end)));
        for (start, end) in spans {
            for m in mask.iter_mut().take(end).skip(start) {
                *m = true;
            }
        }
        mask
    }

    /// One number at `at`, its multiplier and unit.
    fn number(&self, at: usize) -> Option<Num> {
        let n = number_at(&self.folded, at)?;
        let mut end = n.end;
        let mut mult = 0;
        let mut targets = Vec::new();
        if let Some((e, t)) = self.lex.unit_at(&self.folded, end) {
            targets = t.to_vec();
            end = e;
        } else {
            // The longest multiplier after which a unit follows (3万千伏安: 万, then 千伏安),
            // else the whole multiplier with no unit (八个亿).
            let readings = multipliers_at(&self.folded, end);
            let with_unit = readings
                .iter()
                .rev()
                .find_map(|&(exp, e)| self.lex.unit_at(&self.folded, e).map(|(ue, t)| (exp, ue, t)));
            if let Some((exp, e, t)) = with_unit {
                mult = exp;
                end = e;
                targets = t.to_vec();
            } else if let Some(&(exp, e)) = readings.last() {
                mult = exp;
                end = e;
            }
        }
        let value = number::shift(n.value, mult)?;
        Some(Num {
            start: at,
            end,
            value,
            low: None,
            targets,
            mult,
            prefix: self.prefix_before(at),
            code: self.code_before(at),
        })
    }

    fn prefix_before(&self, at: usize) -> Option<Option<usize>> {
        let mut j = at;
        while j > 0 && self.folded.get(j - 1) == Some(&' ') {
            j -= 1;
        }
        self.lex.currency_prefixes.iter().find_map(|(w, which)| {
            let start = j.checked_sub(w.len())?;
            let alpha = w.first().is_some_and(|c| c.is_ascii_alphabetic());
            let bounded = !alpha
                || start == 0
                || !self
                    .folded
                    .get(start - 1)
                    .is_some_and(|c| c.is_ascii_alphanumeric());
            (self.folded.get(start..j) == Some(w.as_slice()) && bounded).then_some(*which)
        })
    }

    /// Three capital letters before a number that name no currency the catalog lists (nor
    /// yuan): a currency all the same, never taken for yuan.
    fn code_before(&self, at: usize) -> Option<String> {
        if self.prefix_before(at).is_some() {
            return None;
        }
        let mut j = at;
        while j > 0 && self.chars.get(j - 1) == Some(&' ') {
            j -= 1;
        }
        let start = j.checked_sub(3)?;
        let code: String = self.chars.get(start..j)?.iter().collect();
        let bounded = start == 0 || !self.chars.get(start - 1).is_some_and(char::is_ascii_alphanumeric);
        (bounded && code.chars().all(|c| c.is_ascii_uppercase())).then_some(code)
    }

    fn find_numbers(&mut self) {
        let covered = self.covered_mask();
        let is_covered = |i: usize| covered.get(i).copied().unwrap_or(false);
        let mut i = 0;
        while i < self.folded.len() {
            if is_covered(i) || self.folded.get(i).is_none_or(|c| !starts_number(*c)) {
                i += 1;
                continue;
            }
            let Some(mut num) = self.number(i) else {
                // Past the whole run (a 5 000-digit number is read past once, not 5 000 times).
                i += 1;
                while self.folded.get(i).is_some_and(char::is_ascii_digit) {
                    i += 1;
                }
                continue;
            };
            // A range: 200至300亩, 2~3万平方米, 100-120 acres, 100 to 120.
            let mut j = num.end;
            while self.folded.get(j) == Some(&' ') {
                j += 1;
            }
            let dash = match self.folded.get(j) {
                Some('-' | '–' | '—' | '~' | '～' | '至' | '到') => Some(j + 1),
                Some('t') if self.folded.get(j + 1) == Some(&'o') && self.folded.get(j + 2) == Some(&' ') => {
                    Some(j + 2)
                }
                _ => None,
            };
            if let Some(mut k) = dash {
                while self.folded.get(k) == Some(&' ') {
                    k += 1;
                }
                if let Some(high) = self.number(k).filter(|h| {
                    !is_covered(k)
                        && (num.targets.is_empty() || h.targets == num.targets || h.targets.is_empty())
                }) {
                    let low = if num.targets.is_empty() && num.mult == 0 {
                        number::shift(num.value, high.mult)
                    } else {
                        Some(num.value)
                    };
                    if let Some(low) = low.filter(|l| *l <= high.value) {
                        num = Num {
                            start: num.start,
                            end: high.end,
                            value: high.value,
                            low: Some(low),
                            targets: if high.targets.is_empty() {
                                num.targets
                            } else {
                                high.targets
                            },
                            mult: high.mult.max(num.mult),
                            prefix: num.prefix,
                            code: num.code.clone(),
                        };
                    }
                }
            }
            i = num.end.max(i + 1);
            self.nums.push(num);
        }
    }

    fn same_clause(&self, a: usize, b: usize) -> bool {
        self.clause.get(a).is_some() && self.clause.get(a) == self.clause.get(b)
    }

    /// The hits of the clause at `at` (those within [`WINDOW`] characters of it), by index.
    fn clause_hits(&self, at: usize) -> impl Iterator<Item = (usize, &Hit)> {
        let c = self.clause.get(at).copied();
        let from = self.hits.partition_point(|h| h.start + WINDOW < at);
        let to = self.hits.partition_point(|h| h.start <= at + WINDOW);
        self.hits
            .get(from..to.max(from))
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(move |(k, h)| (k + from, h))
            .filter(move |(_, h)| self.clause.get(h.start).copied() == c)
    }

    /// The hits of the clause before the one at `at`, when it is in the same sentence.
    fn previous_clause_hits(&self, at: usize) -> Vec<(usize, &Hit)> {
        let (Some(&c), Some(&s)) = (self.clause.get(at), self.sentence.get(at)) else {
            return Vec::new();
        };
        if c == 0 {
            return Vec::new();
        }
        let from = self.hits.partition_point(|h| h.start + WINDOW < at);
        let to = self.hits.partition_point(|h| h.start < at);
        self.hits
            .get(from..to.max(from))
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(k, h)| (k + from, h))
            .filter(|(_, h)| {
                self.clause.get(h.start) == Some(&(c - 1)) && self.sentence.get(h.start) == Some(&s)
            })
            .collect()
    }

    /// The denominators (`日`, `亩`) a clause's words give before `to`.
    fn pers_before(&self, at: usize, to: usize) -> Vec<&str> {
        let per = &self.catalog.inquiry().per;
        self.clause_hits(at)
            .filter(|(_, h)| h.start < to + 2)
            .filter_map(|(_, h)| match h.word {
                Word::Marker(Marker::Per(i)) => per.get(i).map(|(base, _)| base.as_str()),
                _ => None,
            })
            .collect()
    }

    /// How a number fits a factor named by the word `hit`, if it does.
    fn fit(&self, hit: &Hit, num: &Num) -> Option<Fit> {
        if hit.describes {
            return None;
        }
        let Word::Factor { factor, time, .. } = hit.word else {
            return None;
        };
        let f = self.catalog.factor(factor);
        let m = f.kind.measure()?;
        let own = self.catalog.unit(m.unit);
        let keyword: String = self.chars[hit.start..hit.end].iter().collect();
        let pers = self.pers_before(num.start, num.end.max(hit.end));
        let mut confirm = None;
        for t in &num.targets {
            match *t {
                UnitTarget::Unit { unit, exp, partial } if m.units.contains(&unit) => {
                    if !partial {
                        return Some(Fit::Amount { unit, exp });
                    }
                    let u = self.catalog.unit(unit);
                    let base = denominator(&u.name.zh);
                    let timed = time.is_some_and(|t| {
                        let tu = self.catalog.unit(t);
                        tu.dimension == u.dimension && denominator(&tu.name.zh) == base
                    });
                    if timed || base.is_some_and(|b| pers.contains(&b)) || base.is_none() {
                        return Some(Fit::Amount { unit, exp });
                    }
                    confirm.get_or_insert(Fit::Confirm(Text::new(
                        format!("“{keyword}”的数量未写明计量基准（按{}计？），请确认", u.name.zh),
                        format!(
                            "`{keyword}` gives no time base for its amount ({}?): confirm it",
                            u.name.en
                        ),
                    )));
                }
                UnitTarget::Foreign(i) => {
                    let fu = self.catalog.inquiry().foreign_units.get(i)?;
                    if fu.dimension == own.dimension {
                        confirm.get_or_insert(Fit::Confirm(Text::new(
                            format!("{keyword}以{}计，请确认{}数", fu.name.zh, own.name.zh),
                            format!(
                                "{keyword} is given in {}: confirm the {}",
                                fu.name.en, own.name.en
                            ),
                        )));
                    }
                }
                // Yuan with a denominator word (`RMB 200,000 per mu`, `每亩15万元`): the factor's
                // unit counted in 万元 per that denominator.
                UnitTarget::Yuan(exp) => {
                    if let Some(unit) = self.yuan_per(m, &pers) {
                        return Some(Fit::Amount { unit, exp });
                    }
                }
                UnitTarget::Percent => {
                    confirm.get_or_insert(Fit::Confirm(Text::new(
                        format!("{keyword}以百分比表示，请确认{}数", own.name.zh),
                        format!("{keyword} is given as a percentage: confirm the {}", own.name.en),
                    )));
                }
                _ => {}
            }
        }
        // A bare 万 where the factor counts in 万元 per something the words give (亩均税收35万,
        // 地价每亩15万): that unit.
        if num.targets.is_empty() && num.mult >= 4 && num.prefix.is_none() {
            let timed = time.filter(|t| self.catalog.unit(*t).name.zh.starts_with("万元/"));
            if let Some(unit) = timed.or_else(|| self.yuan_per(m, &pers)) {
                return Some(Fit::Amount { unit, exp: -4 });
            }
        }
        if num.targets.is_empty()
            && num.prefix == Some(None)
            && let Some(unit) = self.yuan_per(m, &pers)
        {
            return Some(Fit::Amount { unit, exp: -4 });
        }
        confirm
    }

    /// The unit of a measure counted in 万元 per one of `pers` (`万元/亩` for `亩`).
    fn yuan_per(&self, m: &Measure, pers: &[&str]) -> Option<UnitIdx> {
        m.units.iter().copied().find(|u| {
            let zh = &self.catalog.unit(*u).name.zh;
            zh.split_once('/')
                .is_some_and(|(n, d)| n == "万元" && pers.contains(&d))
        })
    }

    fn place_numbers(&mut self) {
        let nums = std::mem::take(&mut self.nums);
        for (n, num) in nums.iter().enumerate() {
            let text: String = self.chars[num.start..num.end].iter().collect();
            // The project's output (年产2万吨) and a phase's figure (一期150亩) are not asked.
            let prev_num_end = n
                .checked_sub(1)
                .and_then(|p| nums.get(p))
                .filter(|p| self.same_clause(p.start, num.start))
                .map_or(0, |p| p.end);
            let before = |m: Marker| {
                self.clause_hits(num.start)
                    .any(|(_, h)| h.word == Word::Marker(m) && h.end <= num.start && h.start >= prev_num_end)
            };
            let factor_between_output = self.clause_hits(num.start).any(|(_, h)| {
                matches!(h.word, Word::Factor { .. })
                    && h.end <= num.start
                    && self
                        .clause_hits(num.start)
                        .any(|(_, o)| o.word == Word::Marker(Marker::Output) && o.end <= h.start)
            });
            // A phase's figure: a phase word before it in its clause (一期150亩, 一期投资7亿元、
            // 用地300亩); the whole comes before it (约300亩（一期150亩）).
            let phase_at = self
                .clause_hits(num.start)
                .filter(|(_, h)| h.word == Word::Marker(Marker::Phase) && h.end <= num.start)
                .map(|(_, h)| h.start)
                .last();
            let phase = phase_at.is_some();
            if before(Marker::Output) && !factor_between_output {
                continue;
            }
            // The nearest factor word of the clause that the number fits; else of the clause
            // before it in the same sentence (`污水：需园区接纳，处理能力不低于1500吨/日`).
            let mut best: Option<(usize, usize, Fit)> = None;
            let previous = self.previous_clause_hits(num.start);
            for (k, h) in self.clause_hits(num.start).chain(previous) {
                if best.is_some() && self.clause.get(h.start) != self.clause.get(num.start) {
                    break;
                }
                let distance = if h.end <= num.start {
                    num.start - h.end
                } else if h.start >= num.end {
                    h.start - num.end + 1
                } else {
                    0
                };
                if let Some(fit) = self.fit(h, num) {
                    let better = best.as_ref().is_none_or(|(_, d, f)| {
                        distance < *d
                            || (distance == *d
                                && matches!(f, Fit::Confirm(_))
                                && matches!(fit, Fit::Amount { .. }))
                    });
                    if better {
                        best = Some((k, distance, fit));
                    }
                }
            }
            if let Some((k, _, fit)) = best {
                let hit = self.hits[k];
                let Word::Factor { factor, .. } = hit.word else {
                    continue;
                };
                let span = (hit.start.min(num.start), hit.end.max(num.end));
                if let Some(at) = phase_at {
                    if let Some(&i) = self.by_factor.get(&factor) {
                        let words: String = self.chars[at..num.end].iter().collect();
                        self.items[i]
                            .notes
                            .push(Text::new(format!("另：{words}"), format!("also: {words}")));
                    }
                    continue;
                }
                self.used[k] = true;
                self.take_amount(factor, &hit, num, fit, span);
                continue;
            }
            if phase {
                continue;
            }
            if self.money(num, &text) {
                continue;
            }
            // A quantity with a unit of the catalog that no factor word of its clause takes.
            let unit_like = num
                .targets
                .iter()
                .any(|t| matches!(t, UnitTarget::Unit { .. } | UnitTarget::Foreign(_)));
            let factor_near = self
                .clause_hits(num.start)
                .any(|(_, h)| matches!(h.word, Word::Factor { .. }));
            if unit_like {
                let reason = if factor_near {
                    Text::new(
                        "单位与本句所提要素不符",
                        "the unit does not fit the factor named beside it",
                    )
                } else {
                    Text::new(
                        "有数量和单位，但没有找到对应的要素",
                        "an amount with a unit, but no factor named beside it",
                    )
                };
                self.unread.push(Unread {
                    span: (num.start, num.end),
                    text,
                    reason,
                });
            } else if num.targets.is_empty() && num.mult == 0 && num.prefix.is_none() {
                // A bare number straight after a quantity factor's word: its unit is missing.
                let right_after = self.clause_hits(num.start).any(|(_, h)| {
                    matches!(h.word, Word::Factor { factor, .. } if self.catalog.factor(factor).kind.measure().is_some())
                        && h.end <= num.start
                        && num.start - h.end <= 3
                });
                if right_after {
                    self.unread.push(Unread {
                        span: (num.start, num.end),
                        text,
                        reason: Text::new("数量未注明单位", "the amount has no unit"),
                    });
                }
            }
        }
        self.nums = nums;
    }

    /// Money: the total investment where the clause speaks of investing; a currency other
    /// than yuan is a confirm item, never converted.
    fn money(&mut self, num: &Num, text: &str) -> bool {
        let currency = num.prefix.flatten().or_else(|| {
            num.targets.iter().find_map(|t| match t {
                UnitTarget::Currency(i) => Some(*i),
                _ => None,
            })
        });
        let yuan_exp = num.targets.iter().find_map(|t| match t {
            UnitTarget::Yuan(e) => Some(*e),
            _ => None,
        });
        let scaled = num.mult >= 4
            || self.chars[num.start..num.end]
                .iter()
                .any(|c| matches!(c, '万' | '亿'));
        let is_money = currency.is_some()
            || num.code.is_some()
            || yuan_exp.is_some()
            || num.prefix.is_some()
            || (num.targets.is_empty() && scaled);
        if !is_money {
            return false;
        }
        let investing = self
            .clause_hits(num.start)
            .any(|(_, h)| h.word == Word::Marker(Marker::Investment));
        if !investing {
            return true;
        }
        let span = (num.start, num.end);
        let named = currency
            .and_then(|i| self.catalog.inquiry().currencies.get(i))
            .map(|c| c.name.clone())
            .or_else(|| num.code.as_ref().map(|c| Text::new(c.clone(), c.clone())));
        if let Some(name) = named {
            if self.items.iter().any(|x| x.field == Some(Field::TotalInvestment))
                || self.header.total_investment.is_some()
            {
                return true;
            }
            let clause_span = self.clause_span(num.start);
            self.items.push(DraftItem {
                factor: None,
                field: Some(Field::TotalInvestment),
                required: None,
                importance: Importance::Medium,
                span: clause_span,
                text: self.chars[clause_span.0..clause_span.1].iter().collect(),
                confirm: Some(Text::new(
                    format!("投资额以{}计（{text}），不折算为人民币，请确认万元数", name.zh),
                    format!("the investment is in {} ({text}), not converted into yuan: confirm it in 10,000 yuan", name.en),
                )),
                notes: Vec::new(),
            });
            return true;
        }
        if self.header.total_investment.is_none() {
            let exp = yuan_exp.unwrap_or(-4);
            if let Some(wan) = number::shift(num.value, exp) {
                self.header.total_investment = Some(wan.normalize());
                self.header.spans.push(span);
            }
        }
        true
    }

    fn clause_span(&self, at: usize) -> (usize, usize) {
        let c = self.clause.get(at).copied();
        let start = (0..=at)
            .rev()
            .take_while(|i| self.clause.get(*i).copied() == c)
            .last()
            .unwrap_or(at);
        let mut end = at;
        while self.clause.get(end).copied() == c {
            end += 1;
        }
        // Without the clause's closing mark and surrounding spaces.
        let mut s = start;
        while s < end && self.chars.get(s).is_some_and(|ch| ch.is_whitespace()) {
            s += 1;
        }
        while end > s
            && self
                .chars
                .get(end - 1)
                .is_some_and(|ch| ch.is_whitespace() || "，。；;！!？?,.".contains(*ch))
        {
            end -= 1;
        }
        (s, end)
    }

    fn importance_for(&self, factor: FactorIdx, at: usize) -> Importance {
        let default = self.catalog.factor(factor).importance;
        let hits_before = |m: Marker| {
            self.clause_hits(at)
                .any(|(_, h)| h.word == Word::Marker(m) && h.end <= at)
        };
        if hits_before(Marker::Must) {
            Importance::Must
        } else if hits_before(Marker::Lower) {
            match default {
                Importance::Must => Importance::High,
                Importance::High => Importance::Medium,
                _ => Importance::Low,
            }
        } else {
            default
        }
    }

    /// Whether the words say the thing is not needed: a negation before it in its clause
    /// (不需要蒸汽), or after it with nothing else named between (蒸汽不需要).
    fn negated(&self, hit: &Hit) -> bool {
        let clause: Vec<&Hit> = self.clause_hits(hit.start).map(|(_, h)| h).collect();
        clause.iter().any(|h| {
            if h.word != Word::Marker(Marker::Negation) {
                return false;
            }
            if h.end <= hit.start {
                return true;
            }
            h.start >= hit.end
                && !clause
                    .iter()
                    .any(|o| !matches!(o.word, Word::Marker(_)) && o.start >= hit.end && o.end <= h.start)
        })
    }

    fn push_item(
        &mut self,
        factor: FactorIdx,
        required: Option<Value>,
        span: (usize, usize),
        confirm: Option<Text>,
    ) -> usize {
        let importance = self.importance_for(factor, span.0);
        let text: String = self.chars[span.0..span.1].iter().collect();
        self.items.push(DraftItem {
            factor: Some(factor),
            field: None,
            required,
            importance,
            span,
            text,
            confirm,
            notes: Vec::new(),
        });
        let i = self.items.len() - 1;
        self.by_factor.insert(factor, i);
        i
    }

    fn take_amount(&mut self, factor: FactorIdx, hit: &Hit, num: &Num, fit: Fit, span: (usize, usize)) {
        if self.negated(hit) {
            return;
        }
        if let Some(&i) = self.by_factor.get(&factor) {
            // Said twice: the first stands; a second amount is noted.
            let text: String = self.chars[span.0..span.1].iter().collect();
            if self.items[i].span != span {
                self.items[i]
                    .notes
                    .push(Text::new(format!("另见：{text}"), format!("also: {text}")));
            }
            return;
        }
        let f = self.catalog.factor(factor);
        let Some(m) = f.kind.measure() else { return };
        let mut notes = Vec::new();
        if let Some(low) = num.low {
            notes.push(Text::new(
                format!("来信给出范围 {}–{}", number::plain(low), number::plain(num.value)),
                format!(
                    "the message gives a range, {}–{}",
                    number::plain(low),
                    number::plain(num.value)
                ),
            ));
        }
        match fit {
            Fit::Confirm(reason) => {
                let i = self.push_item(factor, None, span, Some(reason));
                self.items[i].notes.extend(notes);
            }
            Fit::Amount { unit, exp } => {
                // For "at least" the smallest of a range is the need; for "at most" the largest.
                let amount = match (&f.kind, num.low) {
                    (Kind::AtLeast(_), Some(low)) => low,
                    _ => num.value,
                };
                let Some(amount) = number::shift(amount, exp) else {
                    return;
                };
                match quantity(self.catalog, m, amount.normalize(), unit) {
                    Ok(q) => {
                        if let Some(field) = f.default_from {
                            // The investor's own intensity or tax per mu: the header's field.
                            let value = Some(q.canonical());
                            match field {
                                crate::model::PlanField::PlannedIntensity => {
                                    self.header.planned_intensity = value
                                }
                                crate::model::PlanField::PlannedTaxPerMu => {
                                    self.header.planned_tax_per_mu = value
                                }
                                crate::model::PlanField::Industry => {}
                            }
                            self.header.spans.push(span);
                            let i = self.push_item(factor, None, span, None);
                            self.items[i].notes.extend(notes);
                        } else {
                            let i = self.push_item(factor, Some(Value::Amount(q)), span, None);
                            self.items[i].notes.extend(notes);
                        }
                    }
                    Err(e) => {
                        let text: String = self.chars[span.0..span.1].iter().collect();
                        self.unread.push(Unread {
                            span,
                            text,
                            reason: Text::new(
                                crate::model::Localize::text(&e, crate::model::Lang::Zh),
                                crate::model::Localize::text(&e, crate::model::Lang::En),
                            ),
                        });
                    }
                }
            }
        }
    }

    /// Words with no number: a yes/no factor asked for, a level, members of a set; a set's
    /// name alone is for the officer to complete.
    fn place_words(&mut self) {
        let hits = self.hits.clone();
        let mut set_named: Vec<(FactorIdx, Hit)> = Vec::new();
        let mut quantity_named: Vec<(FactorIdx, Hit)> = Vec::new();
        for (k, hit) in hits.iter().enumerate() {
            if self.used[k] || hit.describes || self.negated(hit) {
                continue;
            }
            match hit.word {
                Word::Factor { factor, .. } => match &self.catalog.factor(factor).kind {
                    Kind::YesNo if !self.by_factor.contains_key(&factor) => {
                        self.push_item(factor, Some(Value::YesNo(YesNo::Yes)), (hit.start, hit.end), None);
                    }
                    Kind::Set(_) => set_named.push((factor, *hit)),
                    Kind::AtLeast(_) | Kind::AtMost(_) => quantity_named.push((factor, *hit)),
                    _ => {}
                },
                // Levels serve the lower ones: of several named (10kV不够，需要35kV), the highest.
                Word::Level { factor, level } => match self.by_factor.get(&factor).copied() {
                    Some(i) => {
                        if matches!(self.items[i].required, Some(Value::Level(l)) if l < level) {
                            let span = (hit.start, hit.end);
                            self.items[i].required = Some(Value::Level(level));
                            self.items[i].span = span;
                            self.items[i].text = self.chars[span.0..span.1].iter().collect();
                        }
                    }
                    None => {
                        self.push_item(factor, Some(Value::Level(level)), (hit.start, hit.end), None);
                    }
                },
                Word::Member { factor, member } => match self.by_factor.get(&factor).copied() {
                    Some(i) => {
                        let near = self.same_clause(self.items[i].span.0, hit.start);
                        let item = &mut self.items[i];
                        if let Some(Value::Set(members)) = &item.required {
                            let mut members = members.clone();
                            let new = !members.contains(&member);
                            members.push(member);
                            item.required = Some(Value::set(members));
                            if near {
                                // Members listed together (规划环评、节能评价和水资源论证) quote as one.
                                let span = (item.span.0.min(hit.start), item.span.1.max(hit.end));
                                item.span = span;
                                item.text = self.chars[span.0..span.1].iter().collect();
                            } else if new {
                                let words: String = self.chars[hit.start..hit.end].iter().collect();
                                item.notes
                                    .push(Text::new(format!("另见：{words}"), format!("also: {words}")));
                            }
                        }
                    }
                    None => {
                        self.push_item(factor, Some(Value::set(vec![member])), (hit.start, hit.end), None);
                    }
                },
                Word::Marker(_) => {}
            }
        }
        // A quantity named with no amount: the amount of the factor it takes one from (the
        // largest parcel "集中连片" beside "300亩"), else for the officer to give.
        for (factor, hit) in quantity_named {
            if self.by_factor.contains_key(&factor) || self.catalog.factor(factor).default_from.is_some() {
                continue;
            }
            let from = self
                .catalog
                .factor(factor)
                .amount_from
                .and_then(|f| self.by_factor.get(&f))
                .and_then(|i| self.items[*i].required.clone());
            if let Some(value) = from {
                self.push_item(factor, Some(value), (hit.start, hit.end), None);
                continue;
            }
            // Only its name or an alias asks for it (排污指标有没有？); a running-text keyword
            // with no amount (员工, power) asks nothing.
            if !matches!(hit.word, Word::Factor { named: true, .. }) {
                continue;
            }
            let name = self.catalog.factor(factor).name.clone();
            let words: String = self.chars[hit.start..hit.end].iter().collect();
            self.push_item(
                factor,
                None,
                (hit.start, hit.end),
                Some(Text::new(
                    format!("来信提到“{words}”，但未写明数量，请确认{}", name.zh),
                    format!(
                        "the message names “{words}” with no amount: confirm the {}",
                        name.en
                    ),
                )),
            );
        }
        for (factor, hit) in set_named {
            if self.by_factor.contains_key(&factor) || self.catalog.factor(factor).default_from.is_some() {
                continue;
            }
            let name = self.catalog.factor(factor).name.clone();
            self.push_item(
                factor,
                None,
                (hit.start, hit.end),
                Some(Text::new(
                    format!("来信提到{}，但未写明哪几项，请确认", name.zh),
                    format!("the message names {} but not which: confirm them", name.en),
                )),
            );
        }
    }

    /// The planned start: a date in a clause that speaks of starting (开工, 投产); a later
    /// one that says it replaces an earlier (现, 改为, now) wins, else the first.
    fn place_unasked(&mut self) {
        // Clauses that ask for something (a need word) from which nothing was read: listed,
        // so that what the catalog does not cover (人才公寓, 子女入学) is seen, not dropped.
        let mut taken: Vec<(usize, usize)> = self
            .items
            .iter()
            .map(|i| i.span)
            .chain(self.unread.iter().map(|u| u.span))
            .chain(self.header.spans.iter().copied())
            .chain(self.dates.iter().map(|d| (d.start, d.end)))
            .collect();
        taken.sort_unstable();
        let mut seen = std::collections::HashSet::new();
        let needs: Vec<usize> = self
            .hits
            .iter()
            .filter(|h| h.word == Word::Marker(Marker::Need))
            // 需求 is the noun (要素需求表, 选址需求), not asking.
            .filter(|h| self.folded.get(h.end) != Some(&'求'))
            .map(|h| h.start)
            .collect();
        for at in needs {
            let Some(&clause) = self.clause.get(at) else {
                continue;
            };
            if !seen.insert(clause) {
                continue;
            }
            let span = self.clause_span(at);
            // Spans are short (a clause's words), so those that may overlap start near it.
            let from = taken.partition_point(|(s, _)| s + 2 * WINDOW < span.0);
            let to = taken.partition_point(|(s, _)| *s < span.1);
            let overlaps = taken
                .get(from..to.max(from))
                .unwrap_or_default()
                .iter()
                .any(|(s, e)| *s < span.1 && *e > span.0);
            let negated = self
                .clause_hits(at)
                .any(|(_, h)| h.word == Word::Marker(Marker::Negation));
            let factor_named = self
                .clause_hits(at)
                .any(|(_, h)| !matches!(h.word, Word::Marker(_)));
            // A clause that introduces a list (需求如下：) asks nothing itself.
            let words: String = self.chars[span.0..span.1].iter().collect();
            let introduces = words.ends_with([':', '：']) || words.contains("如下");
            // A table's heading row (| 项目 | 要求 |) is no requirement.
            let meaningful = words.chars().filter(|c| !c.is_whitespace() && *c != '|').count();
            let introduces = introduces || meaningful < 6;
            if overlaps
                || negated
                || factor_named
                || introduces
                || span.1 - span.0 < 4
                || span.1 - span.0 > WINDOW
            {
                continue;
            }
            self.unread.push(Unread {
                span,
                text: self.chars[span.0..span.1].iter().collect(),
                reason: Text::new(
                    "看似需求，但要素目录中没有对应的要素，请人工处理",
                    "looks like a requirement, but no factor of the catalog covers it: handle it by hand",
                ),
            });
        }
        self.unread.sort_by_key(|u| u.span);
    }

    fn place_start(&mut self) {
        let starts: Vec<&Found> = self
            .dates
            .iter()
            .filter(|d| {
                self.clause_hits(d.start)
                    .any(|(_, h)| h.word == Word::Marker(Marker::Start))
            })
            .collect();
        let replaces = |d: &Found| {
            let (s, e) = self.clause_span(d.start);
            let clause: String = self.folded[s..e].iter().collect();
            ["现", "改为", "调整为", "力争", "now", "revised"]
                .iter()
                .any(|w| clause.contains(w))
        };
        let chosen = starts
            .iter()
            .rev()
            .find(|d| replaces(d))
            .or_else(|| starts.first());
        if let Some(d) = chosen {
            self.header.planned_start = Some(Start {
                date: d.date,
                span: (d.start, d.end),
                how: d.how.clone(),
            });
            self.header.spans.push((d.start, d.end));
        }
    }
}

fn starts_number(c: char) -> bool {
    c.is_ascii_digit() || crate::model::tokens::chinese_digit(c).is_some() || c == '十'
}

/// What follows `/` in a unit's Chinese name (`吨/日` → `日`).
fn denominator(zh: &str) -> Option<&str> {
    zh.split_once('/').map(|(_, d)| d)
}

/// The amount as a quantity of the factor, in the factor's own unit where that is exact at
/// its display precision (5万千瓦 → 50 MW), else in the unit written (300 acres).
fn quantity(
    catalog: &Catalog,
    m: &Measure,
    amount: Decimal,
    unit: UnitIdx,
) -> Result<Quantity, crate::model::ValueError> {
    let q = Quantity::new(catalog, m, amount, unit)?;
    let own = catalog.unit(m.unit);
    if q.unit() != m.unit && q.canonical().normalize().scale() <= own.precision {
        return Quantity::new(catalog, m, q.canonical(), m.unit);
    }
    Ok(q)
}
