//! The window's notices: errors stay until dismissed or until what they are about is settled;
//! news (saved, exported) goes after a few seconds. Every error shown is also logged, so the
//! log holds what an officer saw when they ask for help. Owns the list and nothing else.

use crate::state::{Notice, Topic};

/// The notices in the order they came.
#[derive(Debug, Default)]
pub struct Notices {
    list: Vec<Notice>,
}

impl Notices {
    pub fn all(&self) -> &[Notice] {
        &self.list
    }

    /// Shows a message about `topic` once: the same text is not stacked twice.
    pub fn push(&mut self, topic: Topic, text: String, is_error: bool) {
        if self.list.iter().any(|n| n.text == text) {
            return;
        }
        if is_error {
            log::warn!("{text}");
        }
        self.list.push(Notice {
            text,
            is_error,
            topic,
            since: None,
        });
    }

    /// What the notices about `topic` complained of is fixed or saved: they go.
    pub fn settle(&mut self, topic: Topic) {
        self.list.retain(|n| n.topic != topic);
    }

    /// The officer closed the `i`-th notice.
    pub fn dismiss(&mut self, i: usize) {
        if i < self.list.len() {
            self.list.remove(i);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|n| n.is_error)
    }

    pub fn is_about(&self, topic: Topic) -> bool {
        self.list.iter().any(|n| n.topic == topic)
    }

    /// The newest news, for the status bar.
    pub fn latest_news(&self) -> Option<&str> {
        self.list
            .iter()
            .rev()
            .find(|n| !n.is_error)
            .map(|n| n.text.as_str())
    }

    /// Starts the clock of news drawn for the first time at `now` (the window's clock, in
    /// seconds) and drops news shown long enough. Whether news is still up, so the window
    /// comes back to take it down.
    pub fn age(&mut self, now: f64) -> bool {
        for n in &mut self.list {
            n.since.get_or_insert(now);
        }
        self.list.retain(|n| !n.expired(now));
        self.list.iter().any(|n| !n.is_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::NEWS_SECONDS;

    #[test]
    fn the_same_text_is_shown_once_and_settling_takes_its_topic_away() {
        let mut n = Notices::default();
        n.push(Topic::Profile, "坏".into(), true);
        n.push(Topic::Profile, "坏".into(), true);
        n.push(Topic::Other, "好".into(), false);
        assert_eq!(n.all().len(), 2);
        assert!(n.has_errors() && n.is_about(Topic::Profile));
        n.settle(Topic::Profile);
        assert!(!n.has_errors());
        assert_eq!(n.latest_news(), Some("好"));
    }

    #[test]
    fn news_goes_after_its_time_and_errors_stay_until_dismissed() {
        let mut n = Notices::default();
        n.push(Topic::Other, "已保存".into(), false);
        n.push(Topic::Other, "保存失败".into(), true);
        assert!(n.age(10.0), "news up: come back");
        assert!(n.age(10.0 + NEWS_SECONDS));
        assert!(!n.age(10.5 + NEWS_SECONDS), "news gone");
        assert_eq!(n.all().len(), 1);
        n.dismiss(5);
        assert_eq!(n.all().len(), 1, "out of range: nothing");
        n.dismiss(0);
        assert!(n.all().is_empty());
    }
}
