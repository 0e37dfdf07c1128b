//! The root component: shared state and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::i18n::provide_i18n_context;
use crate::offline::ConnectionBanners;
use crate::pages::NotFoundPage;
use crate::pages::account::{AccountPage, NotificationSettingsPage};
use crate::pages::auth::{JoinPage, LoginPage};
use crate::pages::covenants::{CovenantPage, CovenantsPage};
use crate::pages::matters::{BoardPage, MatterPage, MattersPage, NewMatterPage};
use crate::pages::meetings::{CheckInPage, MeetingPage, MeetingsPage};
use crate::pages::notices::{HomePage, NoticeArchivePage, NoticePage, NoticesPage};
use crate::pages::notifications::NotificationsPage;
use crate::pages::requests::{NewRequestPage, RequestPage, RequestsPage};
use crate::pages::votes::{MyVotesPage, VotePage, VotesPage};
use crate::prefs::provide_large_type_context;
use crate::session::provide_session_context;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n_context();
    provide_large_type_context();
    provide_session_context();
    // The "正在打开议事" text of index.html, shown while the app downloads on a slow network.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    view! {
        <ConnectionBanners />
        {routes()}
    }
}

/// The router of the resident app's screens, after the given ones (the office's own come first:
/// `/notices/:id` would also match `new`, and so on).
#[cfg(not(feature = "home"))]
macro_rules! resident_router {
    ($($before:tt)*) => {
        view! {
            <Router>
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    $($before)*
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/join") view=JoinPage />
                    <Route path=path!("/notices") view=NoticesPage />
                    <Route path=path!("/notices/archive") view=NoticeArchivePage />
                    <Route path=path!("/notices/:id") view=NoticePage />
                    <Route path=path!("/account") view=AccountPage />
                    <Route path=path!("/account/notifications") view=NotificationSettingsPage />
                    <Route path=path!("/notifications") view=NotificationsPage />
                    <Route path=path!("/meetings") view=MeetingsPage />
                    <Route path=path!("/meetings/:id") view=MeetingPage />
                    <Route path=path!("/meetings/:id/checkin") view=CheckInPage />
                    <Route path=path!("/votes") view=VotesPage />
                    // Before `/votes/:id`, which would also match `mine`.
                    <Route path=path!("/votes/mine") view=MyVotesPage />
                    <Route path=path!("/votes/:id") view=VotePage />
                    // Before `/matters/:id`, which would also match `new` and `board`.
                    <Route path=path!("/matters") view=MattersPage />
                    <Route path=path!("/matters/new") view=NewMatterPage />
                    <Route path=path!("/matters/board") view=BoardPage />
                    <Route path=path!("/matters/:id") view=MatterPage />
                    <Route path=path!("/covenants") view=CovenantsPage />
                    <Route path=path!("/covenants/:id") view=CovenantPage />
                    <Route path=path!("/requests") view=RequestsPage />
                    <Route path=path!("/requests/new") view=NewRequestPage />
                    <Route path=path!("/requests/:id") view=RequestPage />
                </Routes>
            </Router>
        }
    };
}

/// The resident app's screens.
#[cfg(not(any(feature = "home", feature = "office")))]
fn routes() -> impl IntoView {
    resident_router!()
}

/// The office app: its own screens and the resident app's.
#[cfg(feature = "office")]
fn routes() -> impl IntoView {
    use crate::pages::admin::{
        AdminPage, AuditPage, InviteSheetPage, MemberPage, MembersPage, TerritoryPage, UnitPage,
    };
    use crate::pages::covenants::NewCovenantPage;
    use crate::pages::meetings::{NewMeetingPage, ScreenPage};
    use crate::pages::notices::{NewNoticePage, NoticePrintPage};
    use crate::pages::requests::{CataloguePage, FiguresPage};
    use crate::pages::votes::NewVotePage;
    resident_router!(
        // The office's own screens first: `/notices/:id` would also match `new`, and so on.
        <Route path=path!("/notices/new") view=NewNoticePage />
        <Route path=path!("/notices/:id/print") view=NoticePrintPage />
        <Route path=path!("/admin") view=AdminPage />
        <Route path=path!("/admin/territory") view=TerritoryPage />
        <Route path=path!("/admin/units/:id") view=UnitPage />
        <Route path=path!("/admin/members") view=MembersPage />
        <Route path=path!("/admin/members/:id") view=MemberPage />
        <Route path=path!("/admin/audit") view=AuditPage />
        <Route path=path!("/admin/buildings/:id/invites") view=InviteSheetPage />
        <Route path=path!("/votes/new") view=NewVotePage />
        <Route path=path!("/meetings/new") view=NewMeetingPage />
        <Route path=path!("/meetings/:id/screen") view=ScreenPage />
        <Route path=path!("/covenants/new") view=NewCovenantPage />
        <Route path=path!("/requests/catalogue") view=CataloguePage />
        <Route path=path!("/requests/figures") view=FiguresPage />
    )
}

/// The home app: sign-in, joining, the home screen, the notices and a notice; any other address (the
/// archive and the account too) opens in the resident app.
#[cfg(feature = "home")]
fn routes() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| view! { <crate::pages::OtherAppPage /> }>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/join") view=JoinPage />
                <Route path=path!("/notices") view=NoticesPage />
                <Route path=path!("/notices/:id") view=NoticePage />
            </Routes>
        </Router>
    }
}
