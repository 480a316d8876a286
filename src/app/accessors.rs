//! What tests and the window read of the app, and the few settings they change as a click
//! would: read-only views of the parts, so nothing outside the app reaches into its fields.

use super::SiteMatchApp;
use crate::state::checklist_doc::ChecklistDoc;
use crate::state::profile_edit::ProfileEditor;
use crate::state::session::Session;
use crate::state::settings::Settings;
use crate::state::workspace::{Results, Workspace};
use crate::state::{Notice, Tab};
use crate::ui::health_view::HealthState;
use crate::ui::report_view::ReportState;
use crate::ui::results_view::ResultsState;

impl SiteMatchApp {
    pub fn ws(&self) -> &Workspace {
        self.docs.ws()
    }

    pub fn doc(&self) -> &ChecklistDoc {
        self.docs.doc()
    }

    pub fn editor(&self) -> Option<&ProfileEditor> {
        self.docs.editor()
    }

    pub fn results(&self) -> &Results {
        self.docs.results()
    }

    pub fn tab(&self) -> Tab {
        self.views.tab()
    }

    /// Switches the view, as the tab bar does.
    pub fn set_tab(&mut self, tab: Tab) {
        self.views.set_tab(tab);
    }

    pub fn shows_start(&self) -> bool {
        self.views.shows_start()
    }

    pub fn results_view(&self) -> &ResultsState {
        self.views.results()
    }

    /// The results view's selection and sorting, as a click in it would set them.
    pub fn results_view_mut(&mut self) -> &mut ResultsState {
        self.views.results_mut()
    }

    pub fn health_view(&self) -> &HealthState {
        self.views.health()
    }

    /// The data-health view's filters and sorting, as a click in it would set them.
    pub fn health_view_mut(&mut self) -> &mut HealthState {
        self.views.health_mut()
    }

    pub fn report_view(&self) -> &ReportState {
        self.views.report()
    }

    /// The investor's message being drafted, when its dialog is open.
    pub fn inquiry(&self) -> Option<&crate::state::inquiry_paste::InquiryPaste> {
        self.imports.inquiry.as_ref()
    }

    /// Whether an inventory workbook is under review (or being read for it).
    pub fn reviewing(&self) -> bool {
        self.imports.review.is_some() || self.imports.busy()
    }

    pub fn notices(&self) -> &[Notice] {
        self.notices.all()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The settings, as the menus change them.
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn quit_requested(&self) -> bool {
        self.env.quit_requested()
    }

    /// When the window was asked for, to time the first frame.
    pub fn set_launched(&mut self, at: std::time::Instant) {
        self.env.set_launched(at);
    }
}
