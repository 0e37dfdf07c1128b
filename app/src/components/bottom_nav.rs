use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{Msg, use_i18n};

/// The five sections of the app, one tab each in the bottom bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// 首页: what concerns her now, the newest notices, the rest.
    Home,
    /// 公告: the notices in force, with the archive and search.
    Notices,
    /// 议事: residents' matters and covenants.
    Matters,
    /// 投票/会议: votes and meetings.
    Votes,
    /// 我的: her account, her requests, signing out.
    Mine,
}

impl Tab {
    pub const ALL: [Tab; 5] = [Tab::Home, Tab::Notices, Tab::Matters, Tab::Votes, Tab::Mine];

    /// The screen the tab opens.
    #[must_use]
    pub fn href(self) -> &'static str {
        match self {
            Tab::Home => "/",
            Tab::Notices => "/notices",
            Tab::Matters => "/matters",
            Tab::Votes => "/votes",
            Tab::Mine => "/account",
        }
    }

    fn label(self) -> Msg {
        match self {
            Tab::Home => Msg::TabHome,
            Tab::Notices => Msg::TabNotices,
            Tab::Matters => Msg::TabMatters,
            Tab::Votes => Msg::TabVotes,
            Tab::Mine => Msg::TabMine,
        }
    }

    /// The section a screen's path belongs to (none for the office's own screens).
    #[must_use]
    pub fn of(path: &str) -> Option<Tab> {
        match path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default()
        {
            "" => Some(Tab::Home),
            "notices" => Some(Tab::Notices),
            "matters" | "covenants" => Some(Tab::Matters),
            "votes" | "meetings" => Some(Tab::Votes),
            "account" | "requests" => Some(Tab::Mine),
            _ => None,
        }
    }

    /// `aria-current` of the tab on the screen at `path`: `page` on the tab's own screen, `true`
    /// elsewhere in its section (a notice, a matter), nothing outside it.
    #[must_use]
    pub fn current(self, path: &str) -> Option<&'static str> {
        if path == self.href() {
            Some("page")
        } else if Tab::of(path) == Some(self) {
            Some("true")
        } else {
            None
        }
    }
}

/// The bar at the bottom of every signed-in screen: 首页, 公告, 议事, 投票/会议, 我的, labelled in words,
/// the current section marked.
#[component]
pub fn BottomNav() -> impl IntoView {
    let i18n = use_i18n();
    let path = use_location().pathname;
    view! {
        <nav class="tab-bar" aria-label=i18n.text(Msg::TabBar)>
            <ul role="list">
                {Tab::ALL
                    .into_iter()
                    .map(|tab| {
                        view! {
                            <li>
                                <a href=tab.href() aria-current=move || path.with(|p| tab.current(p))>
                                    {i18n.text(tab.label())}
                                </a>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()}
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_of_a_section_marks_its_tab() {
        assert_eq!(Tab::of("/"), Some(Tab::Home));
        assert_eq!(Tab::of("/notices"), Some(Tab::Notices));
        assert_eq!(Tab::of("/notices/archive"), Some(Tab::Notices));
        assert_eq!(Tab::of("/notices/n_1"), Some(Tab::Notices));
        assert_eq!(Tab::of("/matters/board"), Some(Tab::Matters));
        assert_eq!(Tab::of("/covenants/c_1"), Some(Tab::Matters));
        assert_eq!(Tab::of("/votes/v_1"), Some(Tab::Votes));
        assert_eq!(Tab::of("/meetings/m_1/checkin"), Some(Tab::Votes));
        assert_eq!(Tab::of("/requests/new"), Some(Tab::Mine));
        assert_eq!(Tab::of("/account"), Some(Tab::Mine));
        assert_eq!(Tab::of("/admin/members"), None);
    }

    #[test]
    fn a_tab_is_the_page_only_on_its_own_screen() {
        assert_eq!(Tab::Notices.current("/notices"), Some("page"));
        assert_eq!(Tab::Notices.current("/notices/n_1"), Some("true"));
        assert_eq!(Tab::Home.current("/"), Some("page"));
        assert_eq!(Tab::Home.current("/notices"), None);
        assert_eq!(Tab::Mine.current("/requests"), Some("true"));
        assert_eq!(Tab::Votes.current("/matters"), None);
    }

    #[test]
    fn each_tab_opens_a_screen_of_its_own_section() {
        for tab in Tab::ALL {
            assert_eq!(Tab::of(tab.href()), Some(tab));
        }
    }
}
