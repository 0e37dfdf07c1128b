//! The root component: shared state and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::i18n::provide_i18n_context;
use crate::pages::NotFoundPage;
use crate::pages::account::AccountPage;
use crate::pages::admin::{
    AdminPage, AuditPage, InviteSheetPage, MemberPage, MembersPage, TerritoryPage, UnitPage,
};
use crate::pages::auth::{JoinPage, LoginPage};
use crate::pages::covenants::{CovenantPage, CovenantsPage, NewCovenantPage};
use crate::pages::matters::{BoardPage, MatterPage, MattersPage, NewMatterPage};
use crate::pages::meetings::{CheckInPage, MeetingPage, MeetingsPage, NewMeetingPage, ScreenPage};
use crate::pages::notices::{
    HomePage, NewNoticePage, NoticeArchivePage, NoticePage, NoticePrintPage,
};
use crate::pages::requests::{
    CataloguePage, FiguresPage, NewRequestPage, RequestPage, RequestsPage,
};
use crate::pages::votes::{NewVotePage, VotePage};
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
        <Router>
            <Routes fallback=|| view! { <NotFoundPage /> }>
                <Route path=path!("/") view=HomePage />
                <Route path=path!("/login") view=LoginPage />
                <Route path=path!("/join") view=JoinPage />
                // Before `/notices/:id`, which would also match `new`.
                <Route path=path!("/notices/new") view=NewNoticePage />
                <Route path=path!("/notices/archive") view=NoticeArchivePage />
                <Route path=path!("/notices/:id/print") view=NoticePrintPage />
                <Route path=path!("/notices/:id") view=NoticePage />
                <Route path=path!("/admin") view=AdminPage />
                <Route path=path!("/admin/territory") view=TerritoryPage />
                <Route path=path!("/admin/units/:id") view=UnitPage />
                <Route path=path!("/admin/members") view=MembersPage />
                <Route path=path!("/admin/members/:id") view=MemberPage />
                <Route path=path!("/admin/audit") view=AuditPage />
                <Route path=path!("/admin/buildings/:id/invites") view=InviteSheetPage />
                <Route path=path!("/account") view=AccountPage />
                // Before `/votes/:id`, which would also match `new`.
                <Route path=path!("/votes/new") view=NewVotePage />
                <Route path=path!("/meetings") view=MeetingsPage />
                <Route path=path!("/meetings/new") view=NewMeetingPage />
                <Route path=path!("/meetings/:id") view=MeetingPage />
                <Route path=path!("/meetings/:id/checkin") view=CheckInPage />
                <Route path=path!("/meetings/:id/screen") view=ScreenPage />
                <Route path=path!("/votes/:id") view=VotePage />
                // Before `/matters/:id`, which would also match `new` and `board`.
                <Route path=path!("/matters") view=MattersPage />
                <Route path=path!("/matters/new") view=NewMatterPage />
                <Route path=path!("/matters/board") view=BoardPage />
                <Route path=path!("/matters/:id") view=MatterPage />
                // Before `/covenants/:id`, which would also match `new`.
                <Route path=path!("/covenants") view=CovenantsPage />
                <Route path=path!("/covenants/new") view=NewCovenantPage />
                <Route path=path!("/covenants/:id") view=CovenantPage />
                <Route path=path!("/requests") view=RequestsPage />
                <Route path=path!("/requests/new") view=NewRequestPage />
                <Route path=path!("/requests/catalogue") view=CataloguePage />
                <Route path=path!("/requests/figures") view=FiguresPage />
                <Route path=path!("/requests/:id") view=RequestPage />
            </Routes>
        </Router>
    }
}
