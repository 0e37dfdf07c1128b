//! Helpers for the API integration tests: a small HTTP client that keeps the session cookie like a
//! browser, and the accounts and invite codes of `fixtures/base.sql`.
//!
//! The tests run against the worker that `scripts/with-worker.sh` starts (`BASE_URL`); run them with
//! `make test`, or by hand: `scripts/with-worker.sh --load tests/api/fixtures/base.sql -- cargo test -p yishi-api-tests --test api`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::{Value, json};
use yishi_core::api::endpoint::{Endpoint, Media, Method, Payload};
use yishi_core::api::{CSRF_HEADER, CSRF_VALUE, PREFIX, SESSION_COOKIE};

/// An answer of the API.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub body: Value,
    pub headers: HashMap<String, Vec<String>>,
    /// The body as it came (for photos and files).
    pub raw: Vec<u8>,
}

impl Resp {
    /// The `error.code` of an error envelope (empty when there is none).
    #[must_use]
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or_default()
    }

    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .and_then(|v| v.first())
            .map(String::as_str)
    }

    /// Asserts the status and, for errors, the envelope's shape and code.
    #[track_caller]
    pub fn expect(&self, status: u16, code: Option<&str>) -> &Self {
        assert_eq!(
            self.status, status,
            "unexpected status; body: {}",
            self.body
        );
        if let Some(code) = code {
            assert_eq!(
                self.code(),
                code,
                "unexpected error code; body: {}",
                self.body
            );
            let message = self.body["error"]["message"].as_str().unwrap_or_default();
            assert!(
                !message.is_empty(),
                "error without a message: {}",
                self.body
            );
            assert_eq!(
                self.header("content-type"),
                Some("application/json"),
                "error is not JSON"
            );
        }
        self
    }
}

/// A WebSocket opened by [`Api::socket`], following a meeting as a phone does: it keeps the state the
/// room sent and applies each delta to it (`yishi_core::live::receive`), asking for the state again
/// when a delta does not start where it stands.
pub struct Socket {
    ws: tungstenite::WebSocket<std::net::TcpStream>,
    shown: Option<yishi_core::api::meetings::MeetingLive>,
    /// How many times it found a gap and asked for the state.
    pub resyncs: u32,
}

impl From<tungstenite::WebSocket<std::net::TcpStream>> for Socket {
    fn from(ws: tungstenite::WebSocket<std::net::TcpStream>) -> Socket {
        Socket {
            ws,
            shown: None,
            resyncs: 0,
        }
    }
}

impl Socket {
    /// How long a read waits before it fails with `WouldBlock` (`None`: for ever).
    pub fn set_read_timeout(&self, timeout: Option<std::time::Duration>) -> std::io::Result<()> {
        self.ws.get_ref().set_read_timeout(timeout)
    }

    /// Sends a frame as it is.
    pub fn send(&mut self, message: tungstenite::Message) -> Result<(), tungstenite::Error> {
        self.ws.send(message)
    }

    /// The next frame as it is, without following it.
    pub fn read(&mut self) -> Result<tungstenite::Message, tungstenite::Error> {
        self.ws.read()
    }

    /// The next message of the room's protocol (of the current version; other frames skipped).
    pub fn next_message(
        &mut self,
    ) -> Result<yishi_core::live::ServerMsg, Box<dyn std::error::Error>> {
        loop {
            if let tungstenite::Message::Text(text) = self.ws.read()?
                && let Some(message) = yishi_core::live::ServerMsg::read(text.as_str())
            {
                return Ok(message);
            }
        }
    }

    /// The live state after the next message that changes it.
    pub fn next_state(
        &mut self,
    ) -> Result<yishi_core::api::meetings::MeetingLive, Box<dyn std::error::Error>> {
        use yishi_core::live::{ClientMsg, Received, ServerMsg, receive};
        loop {
            let message = self.next_message()?;
            let received = match (&mut self.shown, message) {
                (Some(shown), message) => receive(shown, message),
                (None, ServerMsg::State { live }) => {
                    self.shown = Some(*live);
                    Received::Changed
                }
                (None, ServerMsg::Pong) => Received::Keep,
                (None, ServerMsg::Delta { .. }) => Received::Resync,
            };
            match (received, &self.shown) {
                (Received::Changed, Some(shown)) => return Ok(shown.clone()),
                (Received::Resync, _) => {
                    self.resyncs += 1;
                    self.ws
                        .send(tungstenite::Message::text(ClientMsg::Sync.text()))?;
                }
                _ => {}
            }
        }
    }
}

/// The live state after a socket's next message that changes it, as JSON.
pub fn next_json(socket: &mut Socket) -> Result<Value, Box<dyn std::error::Error>> {
    Ok(serde_json::to_value(socket.next_state()?)?)
}

/// Reads a socket's messages until one satisfies `want` (each is a newer live state).
pub fn until(
    socket: &mut Socket,
    want: impl Fn(&Value) -> bool,
) -> Result<Value, Box<dyn std::error::Error>> {
    loop {
        let message = next_json(socket)?;
        if want(&message) {
            return Ok(message);
        }
    }
}

/// A client that behaves like the app in a browser: sends the CSRF header and keeps the session cookie.
pub struct Api {
    base: String,
    agent: ureq::Agent,
    /// The session token, as the browser would keep it.
    pub session: Option<String>,
    pub lang: &'static str,
    /// Extra headers sent with every request.
    pub extra: Vec<(String, String)>,
}

impl Default for Api {
    fn default() -> Self {
        Self::new()
    }
}

impl Api {
    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into()
    }

    /// Closes the connections it keeps open for its next requests (thousands of simulated phones
    /// would otherwise hold thousands of idle connections to the worker).
    pub fn close_idle_connections(&mut self) {
        self.agent = Self::agent();
    }

    #[must_use]
    pub fn new() -> Api {
        let base = std::env::var("BASE_URL").unwrap_or_else(|_| {
            panic!(
                "BASE_URL is not set: run these tests with scripts/with-worker.sh (see make test)"
            )
        });
        Api {
            base,
            agent: Self::agent(),
            session: None,
            lang: "zh-CN",
            extra: Vec::new(),
        }
    }

    /// A client signed in as `phone`, or a panic.
    #[must_use]
    pub fn signed_in(phone: &str, password: &str) -> Api {
        let mut api = Api::new();
        api.sign_in(phone, password).expect(200, None);
        api
    }

    pub fn sign_in(&mut self, phone: &str, password: &str) -> Resp {
        self.post(
            "/api/v1/sessions",
            &serde_json::json!({ "phone": phone, "password": password }),
        )
    }

    #[must_use]
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn get(&mut self, path: &str) -> Resp {
        let mut req = self.agent.get(self.url(path));
        for (k, v) in self.headers(false) {
            req = req.header(k, v);
        }
        self.finish(req.call())
    }

    pub fn delete(&mut self, path: &str) -> Resp {
        let mut req = self.agent.delete(self.url(path));
        for (k, v) in self.headers(true) {
            req = req.header(k, v);
        }
        self.finish(req.call())
    }

    pub fn post(&mut self, path: &str, body: &Value) -> Resp {
        self.post_raw(path, &body.to_string(), true)
    }

    pub fn put(&mut self, path: &str, body: &Value) -> Resp {
        self.send("PUT", path, "application/json", &body.to_string())
    }

    pub fn patch(&mut self, path: &str, body: &Value) -> Resp {
        self.send("PATCH", path, "application/json", &body.to_string())
    }

    /// Uploads a CSV file as the body.
    pub fn post_csv(&mut self, path: &str, csv: &str) -> Resp {
        self.send("POST", path, "text/csv", csv)
    }

    /// Any method with a body and the CSRF header.
    pub fn send(&mut self, method: &str, path: &str, content_type: &str, body: &str) -> Resp {
        self.send_body(method, path, content_type, body.as_bytes().to_vec(), true)
    }

    /// Any method with a binary body (a photo) and the CSRF header.
    pub fn send_bytes(
        &mut self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &[u8],
    ) -> Resp {
        self.send_body(method, path, content_type, body.to_vec(), true)
    }

    /// As [`Api::send_bytes`], without the CSRF header.
    pub fn send_bytes_without_csrf(
        &mut self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &[u8],
    ) -> Resp {
        self.send_body(method, path, content_type, body.to_vec(), false)
    }

    fn send_body(
        &mut self,
        method: &str,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
        csrf: bool,
    ) -> Resp {
        let mut req = ureq::http::Request::builder()
            .method(method)
            .uri(self.url(path))
            .header("content-type", content_type);
        for (k, v) in self.headers(csrf) {
            req = req.header(k, v);
        }
        let req = req
            .body(body)
            .unwrap_or_else(|e| panic!("cannot build request: {e}"));
        let result = self.agent.run(req);
        self.finish(result)
    }

    /// A WebSocket to `path` as the app opens one: with the session cookie and the page's origin. Reads
    /// time out after `timeout`.
    pub fn socket(
        &self,
        path: &str,
        timeout: std::time::Duration,
    ) -> Result<Socket, Box<dyn std::error::Error>> {
        use tungstenite::client::IntoClientRequest;
        let url = self.url(path).replacen("http", "ws", 1);
        let mut request = url.as_str().into_client_request()?;
        let headers = request.headers_mut();
        let origin = self
            .extra
            .iter()
            .find(|(k, _)| k == "origin")
            .map_or(self.base.as_str(), |(_, v)| v.as_str());
        headers.insert("origin", origin.parse()?);
        if let Some(token) = &self.session {
            headers.insert("cookie", format!("{SESSION_COOKIE}={token}").parse()?);
        }
        let host = self
            .base
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned();
        let stream = std::net::TcpStream::connect(host)?;
        stream.set_read_timeout(Some(timeout))?;
        let (socket, _) = tungstenite::client::client(request, stream)?;
        Ok(Socket::from(socket))
    }

    /// A new building in 乙小区 (`cpd_b`) of one unit, one floor and `doors` households, created by this
    /// (staff) client: its id, its unit's id and its households' ids.
    pub fn new_building(&mut self, name: &str, doors: u32) -> (String, String, Vec<String>) {
        let r = self.post(
            "/api/v1/buildings",
            &serde_json::json!({ "parent_id": "cpd_b", "name": name, "layout": { "units": 1, "floors": 1, "doors_per_floor": doors } }),
        );
        r.expect(201, None);
        let building = r.body["place"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let tree = self.get("/api/v1/territory?community=com_t");
        let unit = tree.body["communities"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|c| c["compounds"].as_array().cloned().unwrap_or_default())
            .flat_map(|c| c["children"].as_array().cloned().unwrap_or_default())
            .find(|b| b["id"] == building.as_str())
            .and_then(|b| b["children"][0]["id"].as_str().map(str::to_owned))
            .unwrap_or_default();
        let listed = self.get(&format!("/api/v1/units/{unit}/households"));
        listed.expect(200, None);
        let households: Vec<String> = listed.body["households"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|h| h["id"].as_str().map(str::to_owned))
            .collect();
        assert_eq!(households.len(), doors as usize);
        (building, unit, households)
    }

    /// A meeting of `building` (its residents invited, no quorum, one agenda item), called and opened by
    /// this (staff) client: its id and its check-in code.
    pub fn open_meeting(&mut self, building: &str, title: &str) -> (String, String) {
        let r = self.post(
            "/api/v1/meetings",
            &serde_json::json!({ "scope": { "kind": "building", "id": building }, "settings": {
                "title": title, "place": "会议室", "starts_at": chrono::Utc::now().to_rfc3339(),
                "electorate": { "kind": "residents" },
                "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
                "agenda": ["加装电梯"] } }),
        );
        r.expect(201, None);
        let field = |name: &str| {
            r.body["meeting"][name]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        };
        let (id, token) = (field("id"), field("checkin_token"));
        self.post(
            &format!("/api/v1/meetings/{id}/open"),
            &serde_json::json!({}),
        )
        .expect(200, None);
        (id, token)
    }

    /// A meeting of `building` opened by this (staff) client (see [`Api::open_meeting`]), every one of
    /// `people` checked in by its code, and a secret yes/no motion put whose result shows live: the
    /// meeting's id and the motion's vote.
    pub fn meeting_voting(
        &mut self,
        building: &str,
        title: &str,
        people: &mut [Api],
    ) -> (String, String) {
        let (id, token) = self.open_meeting(building, title);
        for p in people {
            p.post(
                &format!("/api/v1/meetings/{id}/attendance"),
                &json!({ "token": token }),
            )
            .expect(201, None);
        }
        let r = self.post(
            &format!("/api/v1/meetings/{id}/motions"),
            &json!({ "title": "加装电梯", "method": { "kind": "yes_no" }, "secrecy": "secret", "results": "live" }),
        );
        r.expect(201, None);
        let vote = r.body["meeting"]["live"]["motion"]["vote"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        (id, vote)
    }

    /// A new building (see [`Api::new_building`]) of `doors` households, the first `residents` of which
    /// have a resident who joined with her phone by an in-person code (so confirmed at once), named
    /// `{name}居民1`…: the building, the signed-in residents, their phone numbers and all households.
    pub fn building_with_residents(
        &mut self,
        name: &str,
        doors: u32,
        residents: usize,
    ) -> (String, Vec<Api>, Vec<String>, Vec<String>) {
        let (building, _, households) = self.new_building(&marker(name), doors);
        let mut apis = Vec::new();
        let mut phones = Vec::new();
        for (i, household) in households.iter().take(residents).enumerate() {
            let invite = self.post(
                &format!("/api/v1/households/{household}/invites"),
                &serde_json::json!({ "in_person": true }),
            );
            invite.expect(201, None);
            let phone = fresh_phone();
            let mut resident = Api::new();
            resident
                .post(
                    "/api/v1/residents",
                    &serde_json::json!({
                        "invite_code": invite.body["invite"]["code"],
                        "name": format!("{name}居民{}", i + 1),
                        "phone": phone,
                        "passcode": "246810",
                    }),
                )
                .expect(201, None);
            apis.push(resident);
            phones.push(phone);
        }
        (building, apis, phones, households)
    }

    /// A new building in 乙小区 (`cpd_b`) of at least `n` households, made by this (staff) client, and `n`
    /// residents who joined it by in-person codes (so confirmed at once), signed in, 16 joining at a time:
    /// the building's id and the residents.
    pub fn residents_building(&mut self, name: &str, n: usize) -> (String, Vec<Api>) {
        let staff = self;
        let units = n.div_ceil(100).clamp(1, 12);
        let doors = if n > 1_200 { 10 } else { 5 };
        let floors = n.div_ceil(units * doors).clamp(20, 60);
        let r = staff.post(
            "/api/v1/buildings",
            &json!({ "parent_id": "cpd_b", "name": name, "layout": { "units": units, "floors": floors, "doors_per_floor": doors } }),
        );
        r.expect(201, None);
        let building = r.body["place"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let sheet = staff.post(
            &format!("/api/v1/buildings/{building}/invites"),
            &json!({ "in_person": true }),
        );
        sheet.expect(201, None);
        let codes: Vec<String> = sheet.body["invites"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["code"].as_str().map(str::to_owned))
            .take(n)
            .collect();
        assert_eq!(codes.len(), n, "one code per phone");
        let joined: Vec<Api> = codes
            .chunks(n.div_ceil(16))
            .map(|chunk| {
                let (chunk, name) = (chunk.to_vec(), format!("{name}居民"));
                std::thread::spawn(move || {
                    chunk
                        .iter()
                        .map(|code| {
                            let mut api = Api::new();
                            api.post(
                                "/api/v1/residents",
                                &json!({ "invite_code": code, "name": name, "phone": fresh_phone(), "passcode": "246810" }),
                            )
                            .expect(201, None);
                            api
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect();
        (building, joined)
    }

    /// Calls endpoint `e` as the app does: its method and its path under the prefix, with a JSON body
    /// for a change, which must read as the endpoint's own body type (`{}` where it takes none).
    #[track_caller]
    pub fn call<E: Endpoint>(&mut self, e: &E, body: &Value) -> Resp {
        let path = format!("{PREFIX}{}", e.path());
        match E::METHOD {
            Method::Get => self.get(&path),
            Method::Delete => self.delete(&path),
            method => {
                match <E::Body as Payload>::MEDIA {
                    Media::Json => {
                        if let Err(err) = serde_json::from_value::<E::Body>(body.clone()) {
                            panic!(
                                "{}: the body does not read as its type: {err}: {body}",
                                E::NAME
                            );
                        }
                    }
                    Media::Empty => {}
                    other => panic!("{}: send its {other:?} body with `send_bytes`", E::NAME),
                }
                self.send(
                    method.as_str(),
                    &path,
                    "application/json",
                    &body.to_string(),
                )
            }
        }
    }

    /// As [`Api::call`], expecting success: the answer, read as the endpoint's answer type.
    #[track_caller]
    pub fn ok<E: Endpoint>(&mut self, e: &E, body: &Value) -> E::Answer {
        let resp = self.call(e, body);
        assert!(
            (200..300).contains(&resp.status),
            "{} {}: {} {}",
            E::METHOD.as_str(),
            e.path(),
            resp.status,
            resp.body
        );
        serde_json::from_value(resp.body.clone()).unwrap_or_else(|err| {
            panic!(
                "{} answered what its type does not read: {err}: {}",
                E::NAME,
                resp.body
            )
        })
    }

    /// The signed-in member (`GET /api/v1/me`).
    pub fn me(&mut self) -> Value {
        let me = self.get("/api/v1/me");
        me.expect(200, None);
        me.body["member"].clone()
    }

    /// Posts `body` as it is; `csrf` says whether to send the CSRF header.
    pub fn post_raw(&mut self, path: &str, body: &str, csrf: bool) -> Resp {
        let sent = self.post_request(path, csrf).send(body);
        self.finish(sent)
    }

    /// POSTs `body` as JSON, answering the transport's error instead of panicking on it (a test that
    /// stops the worker expects some requests never to be answered).
    pub fn try_post(&mut self, path: &str, body: &Value) -> Result<Resp, ureq::Error> {
        let sent = self.post_request(path, true).send(body.to_string());
        sent.map(|resp| self.read(resp))
    }

    fn post_request(
        &self,
        path: &str,
        csrf: bool,
    ) -> ureq::RequestBuilder<ureq::typestate::WithBody> {
        let mut req = self
            .agent
            .post(self.url(path))
            .header("content-type", "application/json");
        for (k, v) in self.headers(csrf) {
            req = req.header(k, v);
        }
        req
    }

    fn headers(&self, csrf: bool) -> Vec<(String, String)> {
        let mut h = vec![
            ("accept".to_owned(), "application/json".to_owned()),
            ("accept-language".to_owned(), self.lang.to_owned()),
        ];
        if csrf {
            h.push((CSRF_HEADER.to_owned(), CSRF_VALUE.to_owned()));
        }
        if let Some(token) = &self.session {
            h.push(("cookie".to_owned(), format!("{SESSION_COOKIE}={token}")));
        }
        h.extend(self.extra.iter().cloned());
        h
    }

    fn finish(&mut self, result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Resp {
        let resp = result.unwrap_or_else(|e| panic!("request to the worker failed: {e}"));
        self.read(resp)
    }

    fn read(&mut self, mut resp: ureq::http::Response<ureq::Body>) -> Resp {
        let mut headers: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in resp.headers() {
            let value = v.to_str().unwrap_or_default().to_owned();
            headers
                .entry(k.as_str().to_owned())
                .or_default()
                .push(value);
        }
        for cookie in headers.get("set-cookie").into_iter().flatten() {
            if let Some(rest) = cookie.strip_prefix(&format!("{SESSION_COOKIE}=")) {
                let value = rest.split(';').next().unwrap_or_default();
                self.session =
                    (!value.is_empty() && !cookie.contains("Max-Age=0")).then(|| value.to_owned());
            }
        }
        let status = resp.status().as_u16();
        let raw = resp
            .body_mut()
            .with_config()
            .limit(16 * 1024 * 1024)
            .read_to_vec()
            .unwrap_or_default();
        let text = String::from_utf8_lossy(&raw).into_owned();
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        Resp {
            status,
            body,
            headers,
            raw,
        }
    }

    /// The entries of the audit log that `keep` keeps, newest first, read 100 a page until `enough` of
    /// them are found or the log ends. Other tests write to the log at the same time (the authorization
    /// matrix, hundreds of entries), so a test's own entry is not always on the first page.
    pub fn audit(&mut self, keep: impl Fn(&Value) -> bool, enough: usize) -> Vec<Value> {
        let mut found = Vec::new();
        let mut path = "/api/v1/audit?limit=100".to_owned();
        loop {
            let page = self.get(&path);
            page.expect(200, None);
            found.extend(
                page.body["entries"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|e| keep(e))
                    .cloned(),
            );
            match page.body["next_cursor"].as_str() {
                Some(c) if found.len() < enough => {
                    path = format!("/api/v1/audit?limit=100&cursor={}", encode(c));
                }
                _ => return found,
            }
        }
    }

    /// Every notice this client sees, following the cursor through all pages.
    pub fn all_notices(&mut self) -> Vec<Value> {
        let mut out = Vec::new();
        let mut path = "/api/v1/notices?limit=100".to_owned();
        loop {
            let page = self.get(&path);
            page.expect(200, None);
            out.extend(page.body["notices"].as_array().cloned().unwrap_or_default());
            match page.body["next_cursor"].as_str() {
                Some(c) => path = format!("/api/v1/notices?limit=100&cursor={}", encode(c)),
                None => return out,
            }
        }
    }
}

/// Percent-encodes a query value.
#[must_use]
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The smallest PNG: one transparent pixel.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// Accounts of `fixtures/base.sql`.
pub mod push;

pub mod accounts {
    pub const STAFF_PASSWORD: &str = "fixture-pass-1";
    pub const RESIDENT_PASSCODE: &str = "654321";
    /// Community staff of `com_t`.
    pub const STAFF: &str = "13900000001";
    pub const STAFF2: &str = "13900000002";
    /// Community staff of `com_other`.
    pub const OTHER_STAFF: &str = "13900000003";
    /// Street admin of `str_t`.
    pub const ADMIN: &str = "13900000009";
    /// Building head of `bld_t03`, living there.
    pub const HEAD3: &str = "13900000033";
    pub const RESIDENT3: &str = "13900000301";
    pub const RESIDENT5: &str = "13900000501";
    pub const RESIDENT_OTHER: &str = "13900000901";
    pub const SUSPENDED: &str = "13900000099";
    pub const GRID: &str = "13900000044";
    pub const GRID_HEAD: &str = "13900000045";
    pub const GRID_DIRECTOR: &str = "13900000046";
    pub const GROUP_LEADER: &str = "13900000047";
    pub const COUNCIL: &str = "13900000048";
    pub const PENDING: &str = "13900000302";
    /// A resident reserved for the rate-limit test: nobody else signs in as her.
    pub const THROTTLED: &str = "13900000077";
    /// Member of the property company's unit (hdu_t_property), which handles broken lights.
    pub const FIXER: &str = "13900000061";
    /// Member of the street's city management unit (hdu_t_street): noise, manhole covers.
    pub const ROADS: &str = "13900000062";
}

#[derive(Debug, Clone)]
pub struct InviteCode {
    pub household: String,
    pub code: String,
    pub building: String,
    pub state: String,
}

fn invite_codes() -> Vec<InviteCode> {
    let tsv = include_str!("../fixtures/invite_codes.tsv");
    tsv.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                [household, code, building, state] => Some(InviteCode {
                    household: (*household).to_owned(),
                    code: (*code).to_owned(),
                    building: (*building).to_owned(),
                    state: (*state).to_owned(),
                }),
                _ => None,
            }
        })
        .collect()
}

static TAKEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// An unused invite code of a household in `building`, never handed out twice in one test run.
#[must_use]
pub fn fresh_code(building: &str) -> InviteCode {
    let mut taken = TAKEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let code = invite_codes()
        .into_iter()
        // Households 001–003 of each unit hold the fixture's residents; leave them alone.
        .filter(|c| c.building == building && c.state == "unused" && !taken.contains(&c.code))
        .find(|c| {
            !["_001", "_002", "_003"]
                .iter()
                .any(|s| c.household.ends_with(s))
        })
        .unwrap_or_else(|| panic!("no unused invite code left for {building}"));
    taken.push(code.code.clone());
    code
}

/// The invite code of the fixture in the given state (`used` or `revoked`).
#[must_use]
pub fn code_in_state(state: &str) -> InviteCode {
    invite_codes()
        .into_iter()
        .find(|c| c.state == state)
        .unwrap_or_else(|| panic!("no {state} code in the fixture"))
}

static PHONES: AtomicU32 = AtomicU32::new(0);

/// A phone number no other test of this run uses.
#[must_use]
pub fn fresh_phone() -> String {
    let n = PHONES.fetch_add(1, Ordering::Relaxed);
    format!(
        "155{:08}",
        u64::from(std::process::id() % 1000) * 100_000 + u64::from(n)
    )
}

/// The settings of a secret yes/no vote of the scope's residents, open from a minute ago for an hour,
/// counted by simple majority without a quorum: what matters and covenants are decided by in tests.
#[must_use]
pub fn yes_no_settings(title: &str) -> Value {
    let at = |m: i64| {
        (chrono::Utc::now() + chrono::Duration::minutes(m))
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    };
    serde_json::json!({
        "title": title,
        "options": [],
        "method": { "kind": "yes_no" },
        "rules": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false, "double_majority": false },
        "tie_break": "no_winner",
        "electorate": { "kind": "residents" },
        "secrecy": "secret",
        "results": "after_close",
        "changeable": false,
        "max_proxies": 0,
        "opens_at": at(-1),
        "closes_at": at(60),
    })
}

/// [`yes_no_settings`] for a vote that opens in an hour and closes in two: no electorate is taken yet.
#[must_use]
pub fn later_yes_no_settings(title: &str) -> Value {
    let mut settings = yes_no_settings(title);
    let at = |m: i64| {
        (chrono::Utc::now() + chrono::Duration::minutes(m))
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    };
    settings["opens_at"] = serde_json::json!(at(60));
    settings["closes_at"] = serde_json::json!(at(120));
    settings
}

/// The `name` of every item of the list `list` in an answer.
#[must_use]
pub fn names<'a>(r: &'a Resp, list: &str) -> Vec<&'a str> {
    r.body[list]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["name"].as_str())
        .collect()
}

/// A marker to put in titles and names, unique per call, so that a test finds its own records among everyone else's.
#[must_use]
pub fn marker(test: &str) -> String {
    static MARKERS: AtomicU32 = AtomicU32::new(0);
    let n = MARKERS.fetch_add(1, Ordering::Relaxed);
    format!("{test}-{}-{n}", std::process::id())
}
