//! What an endpoint is: a method, a path with typed parameters, a request body type, an answer type and
//! who may call it. The table of every endpoint is in [`super::routes`]; the worker dispatches on it, the
//! app sends through it, and `docs/API.md` and `docs/openapi.json` are generated from it.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::ids::is_valid_id;
use crate::members::Role;
use crate::policy::{Action, roles_for};
use crate::territory::PlaceKind;

/// The HTTP methods the API answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub const ALL: [Method; 5] = [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// From the request line; `None` for a method the API never answers (HEAD, OPTIONS, …).
    #[must_use]
    pub fn parse(s: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether a call changes something (and so must carry the CSRF header).
    #[must_use]
    pub fn changes(self) -> bool {
        self != Method::Get
    }
}

/// Who may call an endpoint, as the policy in [`crate::policy`] decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in member; what she is shown is what her home and her roles reach.
    Member,
    /// A signed-in member, about her own account.
    Own,
    /// A signed-in member whom the policy allows this action on the record's place.
    May(Action),
    /// The member the record is about (a matter's owner, the speaker herself), or a member allowed this
    /// action.
    OwnerOr(Action),
    /// A member allowed the first action, or the second (a resident for herself, or an office holder
    /// for a resident without a phone).
    Either(Action, Action),
    /// A member whom the policy allows to grant the role named in the body.
    GrantsRole,
}

impl Access {
    /// One line for the docs: who may call.
    #[must_use]
    pub fn describe(self) -> String {
        match self {
            Access::Public => "Anyone, signed in or not.".to_owned(),
            Access::Member => "Any signed-in member; answers hold only what her home and roles reach."
                .to_owned(),
            Access::Own => "A signed-in member, for her own account.".to_owned(),
            Access::GrantsRole => {
                "Street admins grant staff roles; community staff and street admins grant the others."
                    .to_owned()
            }
            Access::OwnerOr(action) => format!(
                "The member it is about (its owner, the speaker herself), or: {}",
                Access::May(action).describe()
            ),
            Access::Either(first, second) => format!(
                "{} Or: {}",
                Access::May(first).describe(),
                Access::May(second).describe()
            ),
            Access::May(action) => {
                let roles = roles_for(action)
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                // Some actions also follow from where she lives (see `policy::authorize`).
                let who = match action {
                    Action::ReadNotice | Action::ReadVote => {
                        format!("confirmed residents living within its scope; {roles}")
                    }
                    Action::ReportRequest => {
                        "residents of the place's community, confirmed or waiting for confirmation"
                            .to_owned()
                    }
                    _ if roles.is_empty() => "confirmed residents living within the place".to_owned(),
                    _ => roles,
                };
                format!("{} — {who} (`{action:?}`).", action.summary())
            }
        }
    }

    /// Whether a caller must be signed in.
    #[must_use]
    pub fn needs_session(self) -> bool {
        self != Access::Public
    }
}

/// What travels in a request or an answer, when it is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Media {
    /// `application/json`, of the endpoint's `Body` or `Answer` type.
    Json,
    /// Nothing (`204 No Content`, or a request without a body).
    Empty,
    /// `text/csv; charset=utf-8`.
    Csv,
    /// An uploaded file: an image (`image/jpeg`, `image/png`, `image/webp`) or, where allowed, a PDF.
    Image,
    /// `application/atom+xml`.
    Atom,
    /// `text/calendar` (RFC 5545).
    Calendar,
    /// A WebSocket upgrade (`101 Switching Protocols`).
    Socket,
}

impl Media {
    #[must_use]
    pub fn content_type(self) -> Option<&'static str> {
        match self {
            Media::Json => Some("application/json"),
            Media::Empty | Media::Socket => None,
            Media::Csv => Some("text/csv"),
            Media::Image => Some("image/jpeg"),
            Media::Atom => Some("application/atom+xml"),
            Media::Calendar => Some("text/calendar"),
        }
    }

    /// Every content type it may travel as.
    #[must_use]
    pub fn content_types(self) -> &'static [&'static str] {
        match self {
            Media::Json => &["application/json"],
            Media::Empty | Media::Socket => &[],
            Media::Csv => &["text/csv"],
            Media::Image => &["image/jpeg", "image/png", "image/webp", "application/pdf"],
            Media::Atom => &["application/atom+xml"],
            Media::Calendar => &["text/calendar"],
        }
    }
}

/// A request or answer type, and how it travels.
pub trait Payload {
    const MEDIA: Media;

    /// The JSON Schema of a JSON payload (a reference into the generator's definitions); `None` for
    /// any other media.
    #[cfg(feature = "schema")]
    fn schema(_generator: &mut schemars::SchemaGenerator) -> Option<schemars::Schema> {
        None
    }
}

impl Payload for () {
    const MEDIA: Media = Media::Empty;
}

/// A CSV file, sent or received as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct CsvFile(pub String);

impl Payload for CsvFile {
    const MEDIA: Media = Media::Csv;
}

/// An image, sent as its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ImageFile;

impl Payload for ImageFile {
    const MEDIA: Media = Media::Image;
}

/// An Atom feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct AtomFeed;

impl Payload for AtomFeed {
    const MEDIA: Media = Media::Atom;
}

/// An iCalendar file (RFC 5545): see [`crate::ics`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct CalendarFile;

impl Payload for CalendarFile {
    const MEDIA: Media = Media::Calendar;
}

/// A WebSocket: see [`crate::live`] for the messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Upgrade;

impl Payload for Upgrade {
    const MEDIA: Media = Media::Socket;
}

/// A path parameter: parsed from one segment, validated by its type, written back the same way.
pub trait Segment: Sized {
    /// What the docs call the parameter's shape.
    const SHAPE: &'static str;
    fn from_segment(s: &str) -> Option<Self>;
    fn to_segment(&self) -> String;

    /// The parameter's JSON Schema: a string of the shape of an id, unless the type says otherwise.
    #[cfg(feature = "schema")]
    fn schema() -> schemars::Schema {
        super::schema::id_schema(Self::SHAPE)
    }
}

impl Segment for u32 {
    const SHAPE: &'static str = "integer";
    fn from_segment(s: &str) -> Option<u32> {
        // Digits only: no sign, no spaces.
        if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    }
    fn to_segment(&self) -> String {
        self.to_string()
    }
    #[cfg(feature = "schema")]
    fn schema() -> schemars::Schema {
        schemars::json_schema!({ "type": "integer", "minimum": 0, "maximum": 999_999_999 })
    }
}

/// A token that is not a record id (a session, an invite code, a key): the shape of an id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Token(String);

impl Token {
    /// `None` unless 1 to 64 characters of `[A-Za-z0-9_-]`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Token> {
        is_valid_id(s).then(|| Token(s.to_owned()))
    }

    /// Wraps a string known to be a token (one the API gave). Prefer [`Token::parse`] for input.
    #[must_use]
    pub fn from_trusted(s: impl Into<String>) -> Token {
        Token(s.into())
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Segment for Token {
    const SHAPE: &'static str = "token";
    fn from_segment(s: &str) -> Option<Token> {
        Token::parse(s)
    }
    fn to_segment(&self) -> String {
        self.0.clone()
    }
}

impl Segment for PlaceKind {
    const SHAPE: &'static str = "compounds | buildings | units | households";
    fn from_segment(s: &str) -> Option<PlaceKind> {
        PlaceKind::from_plural(s)
    }
    fn to_segment(&self) -> String {
        self.plural().to_owned()
    }
    #[cfg(feature = "schema")]
    fn schema() -> schemars::Schema {
        let kinds: Vec<&str> = PlaceKind::ALL.iter().map(|k| k.plural()).collect();
        schemars::json_schema!({ "type": "string", "enum": kinds })
    }
}

/// One endpoint of the API: a type whose value holds the path's parameters.
pub trait Endpoint: Sized {
    /// The endpoint's name in the table (`GetNotice`).
    const NAME: &'static str;
    const METHOD: Method;
    /// The path under [`super::PREFIX`], parameters in braces: `/notices/{id}/reads`.
    const PATH: &'static str;
    /// The query parameters it reads, if any.
    const QUERY: &'static [&'static str];
    const ACCESS: Access;
    /// What it does, from its doc comment.
    const DOC: &'static str;
    type Body: Serialize + DeserializeOwned + Payload;
    type Answer: Serialize + DeserializeOwned + Payload;

    /// The endpoint, when `method` and `segments` (the path under the prefix, split at `/`) are its.
    fn parse(method: Method, segments: &[&str]) -> Option<Self>;

    /// The path under the prefix, parameters filled in.
    fn path(&self) -> String;

    /// Each path parameter's name and JSON Schema, in the path's order.
    #[cfg(feature = "schema")]
    fn param_schemas() -> Vec<(&'static str, schemars::Schema)>;
}

/// Something that walks the table endpoint by endpoint, with each one's type: see
/// [`super::routes::visit`].
pub trait Visit {
    fn endpoint<E: Endpoint>(&mut self, info: RouteInfo);
}

/// An endpoint as the docs and the tests see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteInfo {
    pub name: &'static str,
    /// The part of the API it belongs to, as the table groups them (`Notices (公示栏)`).
    pub area: &'static str,
    pub method: Method,
    pub path: &'static str,
    pub query: &'static [&'static str],
    pub access: Access,
    pub doc: &'static str,
    pub body: &'static str,
    pub body_media: Media,
    pub answer: &'static str,
    pub answer_media: Media,
    /// Each path parameter and its shape.
    pub params: Vec<(&'static str, &'static str)>,
}

impl RouteInfo {
    #[must_use]
    pub fn of<E: Endpoint>(
        area: &'static str,
        params: Vec<(&'static str, &'static str)>,
    ) -> RouteInfo {
        RouteInfo {
            name: E::NAME,
            area,
            method: E::METHOD,
            path: E::PATH,
            query: E::QUERY,
            access: E::ACCESS,
            doc: E::DOC,
            body: short_type_name(std::any::type_name::<E::Body>()),
            body_media: <E::Body as Payload>::MEDIA,
            answer: short_type_name(std::any::type_name::<E::Answer>()),
            answer_media: <E::Answer as Payload>::MEDIA,
            params,
        }
    }

    /// The first line of the doc comment.
    #[must_use]
    pub fn summary(&self) -> &'static str {
        self.doc.lines().next().unwrap_or_default().trim()
    }

    /// The path with every parameter filled by `fill(name)`.
    #[must_use]
    pub fn path_with(&self, fill: impl Fn(&str) -> String) -> String {
        self.path
            .split('/')
            .map(
                |seg| match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => fill(name),
                    None => seg.to_owned(),
                },
            )
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// `yishi_core::api::notices::NoticeResponse` → `NoticeResponse`.
fn short_type_name(full: &'static str) -> &'static str {
    full.rsplit("::").next().unwrap_or(full)
}

/// Splits a path under the prefix into its segments (`"notices/ntc_1/reads"` → 3 segments).
#[must_use]
pub fn segments(rest: &str) -> Vec<&str> {
    rest.trim_start_matches('/')
        .trim_end_matches('/')
        .split('/')
        .collect()
}

impl Action {
    /// What the action allows, in one line of English, for the docs.
    #[must_use]
    pub fn summary(self) -> &'static str {
        match self {
            Action::ViewTerritory => "See the tree of places and their figures",
            Action::ManageTerritory => {
                "Create, rename, archive and restore places; import a territory"
            }
            Action::ViewMembers => "See members, their households and phone numbers",
            Action::VerifyResident => "Confirm or reject a pending resident",
            Action::ManageInvites => "Issue, print and revoke household invite codes",
            Action::ManageHouseholds => {
                "Add a member without a phone to a household; choose its representative"
            }
            Action::GrantRole(Role::CommunityStaff | Role::StreetAdmin) => "Grant a staff role",
            Action::GrantRole(_) => "Grant or revoke a role",
            Action::ResetPasscode => "Set a temporary passcode for a member who forgot hers",
            Action::ActOnBehalf => "Record something for a resident who cannot do it herself",
            Action::ReadAudit => "Read the audit log",
            Action::PostNotice => "Publish a notice to the place",
            Action::ReadNotice => "Read a notice addressed to the place",
            Action::ViewNoticeReads => "See who has read a notice",
            Action::MarkNoticeRead => "Mark a notice as read, for oneself",
            Action::ManageVotes => "Create a vote for the place, close it, record paper ballots",
            Action::ReadVote => "See a vote addressed to the place, and take part when eligible",
            Action::TakePartInMatter => {
                "Propose, support, discuss and rate matters of a place one lives in"
            }
            Action::FacilitateMatters => "Summarise a matter's discussion, hide comments",
            Action::ManageMatters => {
                "Run matters and meetings: decline, merge, decide, name an owner, set milestones"
            }
            Action::AcceptMatters => "Accept or reject the work done on a matter",
            Action::ReportRequest => "Report a request about a place of one's community",
            Action::RegisterRequest => "Register a request received by phone or in person",
            Action::DispatchRequests => {
                "See, send on, merge and split requests; read their figures"
            }
            Action::ManageCatalogue => {
                "Edit the district's catalogue of requests and its calendar (the street admin)"
            }
            Action::ManageUnits => {
                "Keep a handling unit and its members: a community's, or the district's"
            }
            Action::ManageOwnAccount => "Change one's own passcode, profile and devices",
        }
    }
}

/// Declares endpoints: for each, a struct of its path parameters and its [`Endpoint`] impl; then the
/// [`Route`](super::routes::Route) enum of all of them, its parser and the table for the docs.
///
/// ```text
/// #[area = "Notices"]  (starts a group: this endpoint and the ones after it, up to the next area)
/// /// Doc comment: its first line is the summary.
/// Name { param: Type, … } : Method ["literal", {param}, …] ? [query, keys] => Body => Answer, access;
/// ```
/// Order matters where paths overlap: the first endpoint that parses wins (`/requests/figures` before
/// `/requests/{id}`). The first endpoint must name its area.
macro_rules! endpoints {
    ($(
        $(#[area = $area:literal])?
        $(#[doc = $doc:literal])*
        $name:ident { $($field:ident : $fty:ty),* $(,)? }
        : $method:ident [$($seg:tt),+]
        $(? [$($q:ident),* $(,)?])?
        => $body:ty => $answer:ty, $access:expr;
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Clone, Debug, PartialEq, Eq)]
            pub struct $name { $(pub $field: $fty,)* }

            impl $crate::api::endpoint::Endpoint for $name {
                const NAME: &'static str = stringify!($name);
                const METHOD: $crate::api::endpoint::Method = $crate::api::endpoint::Method::$method;
                const PATH: &'static str = concat!($(endpoints!(@template $seg)),+);
                const QUERY: &'static [&'static str] = &[$($(stringify!($q)),*)?];
                const ACCESS: $crate::api::endpoint::Access = $access;
                const DOC: &'static str = concat!($($doc, "\n"),*);
                type Body = $body;
                type Answer = $answer;

                fn parse(method: $crate::api::endpoint::Method, segments: &[&str]) -> Option<Self> {
                    if method != $crate::api::endpoint::Method::$method {
                        return None;
                    }
                    #[allow(unused_variables)]
                    match segments {
                        [$(endpoints!(@pattern $seg)),+] => Some($name {
                            $($field: <$fty as $crate::api::endpoint::Segment>::from_segment($field)?,)*
                        }),
                        _ => None,
                    }
                }

                fn path(&self) -> String {
                    let mut path = String::new();
                    $(endpoints!(@write path, self, $seg);)+
                    path
                }

                #[cfg(feature = "schema")]
                fn param_schemas() -> Vec<(&'static str, schemars::Schema)> {
                    vec![$((
                        stringify!($field),
                        <$fty as $crate::api::endpoint::Segment>::schema(),
                    )),*]
                }
            }
        )*

        /// Every endpoint of the API, parsed from a request.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum Route {
            $($name($name),)*
        }

        impl Route {
            /// The endpoint `method` and `segments` name, trying each in the table's order.
            #[must_use]
            pub fn parse(method: $crate::api::endpoint::Method, segments: &[&str]) -> Option<Route> {
                use $crate::api::endpoint::Endpoint;
                $(
                    if let Some(e) = $name::parse(method, segments) {
                        return Some(Route::$name(e));
                    }
                )*
                None
            }

            /// The endpoint's name in the table.
            #[must_use]
            pub fn name(&self) -> &'static str {
                use $crate::api::endpoint::Endpoint;
                match self {
                    $(Route::$name(_) => $name::NAME,)*
                }
            }

            /// Its HTTP method.
            #[must_use]
            pub fn method(&self) -> $crate::api::endpoint::Method {
                use $crate::api::endpoint::Endpoint;
                match self {
                    $(Route::$name(_) => $name::METHOD,)*
                }
            }

            /// Who may call it.
            #[must_use]
            pub fn access(&self) -> $crate::api::endpoint::Access {
                use $crate::api::endpoint::Endpoint;
                match self {
                    $(Route::$name(_) => $name::ACCESS,)*
                }
            }
        }

        /// Shows `visitor` every endpoint, with its type, in the order they are matched.
        pub fn visit(visitor: &mut impl $crate::api::endpoint::Visit) {
            let mut area: &'static str;
            $(
                $(area = $area;)?
                visitor.endpoint::<$name>($crate::api::endpoint::RouteInfo::of::<$name>(
                    area,
                    vec![$((stringify!($field), <$fty as $crate::api::endpoint::Segment>::SHAPE)),*],
                ));
            )*
        }

        /// The table of every endpoint, in the order they are matched.
        #[must_use]
        pub fn table() -> Vec<$crate::api::endpoint::RouteInfo> {
            struct Collect(Vec<$crate::api::endpoint::RouteInfo>);
            impl $crate::api::endpoint::Visit for Collect {
                fn endpoint<E: $crate::api::endpoint::Endpoint>(
                    &mut self,
                    info: $crate::api::endpoint::RouteInfo,
                ) {
                    self.0.push(info);
                }
            }
            let mut collect = Collect(Vec::new());
            visit(&mut collect);
            collect.0
        }
    };
    (@template $lit:literal) => { concat!("/", $lit) };
    (@template { $param:ident }) => { concat!("/{", stringify!($param), "}") };
    (@pattern $lit:literal) => { $lit };
    (@pattern { $param:ident }) => { $param };
    (@write $path:ident, $self:ident, $lit:literal) => {
        $path.push('/');
        $path.push_str($lit);
    };
    (@write $path:ident, $self:ident, { $param:ident }) => {
        $path.push('/');
        $path.push_str(&$crate::api::endpoint::Segment::to_segment(&$self.$param));
    };
}

pub(crate) use endpoints;
