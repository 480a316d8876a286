//! The checklist header from a message: the investor (a company's name, or a table's 企业名称
//! row), the project (项目名称, or the words before 项目), and the industry divisions its
//! description names through the industry vocabulary's keywords (锂电池 → C38), best first.

use std::collections::HashMap;

use super::Span;
use super::lexicon::{Lexicon, Marker, Word};
use super::read::Hit;

/// The value of a table row labelled with one of `labels` (`项目名称\t年产…项目`,
/// `| 项目名称 | … |`, `项目名称：…`).
fn labelled(chars: &[char], labels: &[&str]) -> Option<String> {
    let text: String = chars.iter().collect();
    for line in text.lines() {
        let line = line.trim().trim_matches('|').trim();
        for label in labels {
            // The label, then a tab, a cell border or a colon (`项目计划…` is no label).
            let labelled = line.strip_prefix(label).filter(|rest| {
                rest.starts_with(|c: char| c.is_whitespace() || matches!(c, '|' | ':' | '：'))
            });
            if let Some(rest) = labelled {
                let value = rest
                    .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | ':' | '：'))
                    .trim_end_matches(|c: char| c.is_whitespace() || c == '|')
                    .trim();
                if !value.is_empty() && value.chars().count() <= 80 {
                    return Some(value.to_owned());
                }
            }
        }
    }
    None
}

const STOPS: &str = "是我在为与和及向给由贵本致的：:，,。；;、 \u{3000}\t\n\r|（）()“”\"'";

/// The investor's name: a labelled row, else the last company name written (a letter's
/// signature), Chinese (…有限公司, …集团) or English (… Co., Ltd., … GmbH).
pub(super) fn investor(chars: &[char]) -> String {
    if let Some(v) = labelled(
        chars,
        &[
            "企业名称",
            "公司名称",
            "投资方",
            "投资主体",
            "申报单位",
            "单位名称",
            "投资企业",
        ],
    ) {
        return v;
    }
    let mut best: Option<String> = None;
    let mut i = 0;
    while i < chars.len() {
        let suffix = ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"]
            .iter()
            .map(|s| s.chars().collect::<Vec<char>>())
            .find(|s| chars.get(i..i + s.len()) == Some(s.as_slice()));
        if let Some(s) = suffix {
            // The longest suffix ending here: 集团有限公司 reads on to 有限公司.
            let mut end = i + s.len();
            for more in ["有限公司", "股份有限公司"] {
                let m: Vec<char> = more.chars().collect();
                if chars.get(end..end + m.len()) == Some(m.as_slice()) {
                    end += m.len();
                }
            }
            let mut start = i;
            // A company's name is not longer than this (and a run of 公司公司… is read once).
            let floor = i.saturating_sub(40);
            while start > floor && chars.get(start - 1).is_some_and(|c| !STOPS.contains(*c)) {
                start -= 1;
            }
            let name: String = chars[start..end].iter().collect();
            if name.chars().count() >= 4 {
                best = Some(name);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if let Some(b) = best {
        return b;
    }
    english_company(chars).unwrap_or_default()
}

fn english_company(chars: &[char]) -> Option<String> {
    let text: String = chars.iter().collect();
    let mut found = None;
    for line in text.lines() {
        let lower = line.to_lowercase();
        for suffix in [
            "co., ltd.",
            "co., ltd",
            "co. ltd",
            "co.,ltd",
            "ltd.",
            "ltd",
            "inc.",
            "inc",
            "gmbh",
            "llc",
            "corporation",
            "corp.",
            "plc",
            "s.a.",
            "b.v.",
        ] {
            let Some(at) = lower.find(suffix) else { continue };
            let after = lower[at + suffix.len()..].chars().next();
            if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
                continue;
            }
            // Back over capitalised words (and `&`, `-`).
            let head = &line[..at];
            let words: Vec<&str> = head.split_whitespace().collect();
            let mut k = words.len();
            while k > 0 {
                let w = words[k - 1];
                if w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || w == "&" || w == "-" {
                    k -= 1;
                } else {
                    break;
                }
            }
            if k < words.len() {
                let name = format!("{} {}", words[k..].join(" "), &line[at..at + suffix.len()]);
                found = Some(name.trim().to_owned());
            }
            break;
        }
    }
    found
}

/// The project: a labelled row, else the words before the first 项目 back to the verb that
/// introduces them (建设年产2万吨锂电池正极材料项目), else an English "a … plant".
pub(super) fn project(chars: &[char], folded: &[char]) -> String {
    if let Some(v) = labelled(chars, &["项目名称", "建设内容", "项目"])
        && !v.starts_with("要求")
        && v != "要求"
    {
        return v;
    }
    let word: Vec<char> = "项目".chars().collect();
    let verbs = [
        "投资建设",
        "新建",
        "拟建",
        "建设",
        "引进",
        "上马",
        "落地",
        "实施",
        "建",
        "做",
        "搞",
    ];
    let mut i = 0;
    while i + 2 <= folded.len() {
        if folded.get(i..i + 2) == Some(word.as_slice()) {
            let mut start = i;
            let floor = i.saturating_sub(60);
            while start > floor
                && folded
                    .get(start - 1)
                    .is_some_and(|c| !",.。;:、\n\t|()!? ".contains(*c))
            {
                start -= 1;
            }
            let clause: String = chars[start..i + 2].iter().collect();
            let cut = verbs
                .iter()
                .filter_map(|v| clause.rfind(v).map(|at| at + v.len()))
                .max()
                .unwrap_or(0);
            let project = clause[cut..].trim();
            let project = project.strip_prefix("关于").unwrap_or(project).to_owned();
            let n = project.chars().count();
            if (5..=60).contains(&n)
                && !["该项目", "本项目", "此项目", "这个项目"].contains(&project.as_str())
            {
                return project;
            }
        }
        i += 1;
    }
    english_project(chars).unwrap_or_default()
}

fn english_project(chars: &[char]) -> Option<String> {
    let text: String = chars.iter().collect();
    let lower = text.to_lowercase();
    for noun in [
        " plant",
        " factory",
        " project",
        " facility",
        " centre",
        " center",
        " hub",
        " base",
    ] {
        let Some(at) = lower.find(noun) else { continue };
        let head = &lower[..at];
        let start = [" a ", " an ", " new ", " our "]
            .iter()
            .filter_map(|a| head.rfind(a).map(|p| p + a.len()))
            .max()?;
        if at - start > 80 || head[start..].contains(['.', ',', '\n']) {
            continue;
        }
        return Some(text.get(start..at + noun.len())?.trim().to_owned());
    }
    None
}

/// The industry divisions the project's description names, best first (more and longer
/// keywords first), with the words they were read from. Factor words (用电, 供水) are not
/// read as industries; the description is the clauses that speak of the project (项目, 年产,
/// manufacture), else the whole message.
pub(super) fn industries(
    lex: &Lexicon,
    chars: &[char],
    folded: &[char],
    hits: &[Hit],
    clause: &[u32],
) -> (Vec<u16>, Vec<Span>) {
    let mut project_clauses: Vec<u32> = hits
        .iter()
        .filter(|h| {
            matches!(
                h.word,
                Word::Marker(Marker::Project | Marker::ProjectNoun | Marker::Output)
            )
        })
        .filter_map(|h| clause.get(h.start).copied())
        .collect();
    project_clauses.dedup();
    // The characters of factor words that ask of the zone: no industry is read there.
    let mut skip = vec![false; folded.len()];
    for h in hits.iter().filter(|h| asks_of_the_zone(h)) {
        for s in skip.iter_mut().take(h.end).skip(h.start) {
            *s = true;
        }
    }
    let scan = |only: Option<&[u32]>| {
        let mut scores: HashMap<u16, (usize, Span)> = HashMap::new();
        let mut i = 0;
        while i < folded.len() {
            if only.is_some_and(|o| clause.get(i).is_none_or(|c| o.binary_search(c).is_err())) {
                i += 1;
                continue;
            }
            if skip.get(i).copied().unwrap_or(false) {
                i += 1;
                continue;
            }
            if let Some((end, member)) = lex.industry_at(folded, chars, i) {
                let e = scores.entry(member).or_insert((0, (i, end)));
                e.0 += end - i;
                i = end;
                continue;
            }
            i += 1;
        }
        scores
    };
    // The clauses about the project when there are some; the whole message only when none is.
    let scores = if project_clauses.is_empty() {
        scan(None)
    } else {
        scan(Some(&project_clauses))
    };
    let mut ranked: Vec<(u16, usize, Span)> = scores.into_iter().map(|(m, (s, span))| (m, s, span)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let best = ranked.first().map_or(0, |r| r.1);
    let kept: Vec<(u16, usize, Span)> = ranked
        .into_iter()
        .filter(|r| r.1 * 2 >= best && best > 0)
        .take(3)
        .collect();
    (
        kept.iter().map(|r| r.0).collect(),
        kept.iter().map(|r| r.2).collect(),
    )
}

/// A factor's word asks of the zone and is no industry, unless it describes the project
/// (危险废物处置中心) or is a single character (电 of 电镀).
fn asks_of_the_zone(h: &Hit) -> bool {
    !matches!(h.word, Word::Marker(_)) && !h.describes && h.end - h.start > 1
}
