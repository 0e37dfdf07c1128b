//! The API's reference, generated from the endpoint table ([`super::routes`]): the routes section of
//! `docs/API.md` and the OpenAPI 3.1 document `docs/openapi.json`. A test compares both files with what the
//! table generates and fails when they differ; `YISHI_BLESS=1 cargo test -p yishi-core --features schema
//! api::docs` writes them. Only with the `schema` feature.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value, json};

use super::endpoint::{Endpoint, Media, Method, Payload, RouteInfo, Visit};
use super::{
    CSRF_HEADER, CSRF_VALUE, ErrorEnvelope, PAGE_MAX, PREFIX, SEARCH_MAX, SESSION_COOKIE, routes,
};

/// Where the generated part of `docs/API.md` starts and ends.
pub const ROUTES_BEGIN: &str = "<!-- routes:begin -->";
pub const ROUTES_END: &str = "<!-- routes:end -->";

/// How to write the files again after the table changed.
pub const REGENERATE: &str = "YISHI_BLESS=1 cargo test -p yishi-core --features schema api::docs";

/// One endpoint with the schemas of what it takes and gives.
struct Operation {
    info: RouteInfo,
    params: Vec<(&'static str, Schema)>,
    body: Option<Schema>,
    answer: Option<Schema>,
}

/// Walks the table, generating each endpoint's schemas into one generator.
struct Collect {
    generator: SchemaGenerator,
    operations: Vec<Operation>,
}

impl Visit for Collect {
    fn endpoint<E: Endpoint>(&mut self, info: RouteInfo) {
        let body = <E::Body as Payload>::schema(&mut self.generator);
        let answer = <E::Answer as Payload>::schema(&mut self.generator);
        self.operations.push(Operation {
            info,
            params: E::param_schemas(),
            body,
            answer,
        });
    }
}

/// Every endpoint with its schemas, and the named schemas they refer to (with the error envelope).
fn collect() -> (Vec<Operation>, Map<String, Value>) {
    // One generator for bodies and answers alike, describing what the reader of each accepts (serde's
    // deserialize contract: the worker reads bodies, the app reads answers). References point into
    // `components.schemas`.
    let settings = SchemaSettings::draft2020_12().with(|s| {
        s.definitions_path = "/components/schemas".into();
        s.meta_schema = None;
    });
    let mut collect = Collect {
        generator: settings.into_generator(),
        operations: Vec::new(),
    };
    routes::visit(&mut collect);
    collect.generator.subschema_for::<ErrorEnvelope>();
    let schemas = collect.generator.take_definitions(true);
    (collect.operations, schemas)
}

/// The endpoints grouped by area, in the table's order.
fn by_area(infos: &[RouteInfo]) -> Vec<(&'static str, Vec<&RouteInfo>)> {
    let mut areas: Vec<(&'static str, Vec<&RouteInfo>)> = Vec::new();
    for info in infos {
        match areas.iter_mut().find(|(a, _)| *a == info.area) {
            Some((_, list)) => list.push(info),
            None => areas.push((info.area, vec![info])),
        }
    }
    areas
}

/// Whether `format=csv` turns the JSON answer into a spreadsheet.
fn answers_csv_too(info: &RouteInfo) -> bool {
    info.query.contains(&"format")
}

/// A table cell's text: pipes escaped, on one line.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn payload_md(name: &str, media: Media) -> String {
    match media {
        Media::Json => format!("`{name}`"),
        Media::Empty => String::new(),
        Media::Csv => "CSV".to_owned(),
        Media::Image => "a file (image or PDF)".to_owned(),
        Media::Atom => "Atom feed".to_owned(),
        Media::Calendar => "iCalendar file".to_owned(),
        Media::Socket => "WebSocket".to_owned(),
    }
}

/// The routes section of `docs/API.md`, between (and including) its markers.
#[must_use]
pub fn routes_markdown() -> String {
    let table = routes::table();
    let mut md = String::new();
    md.push_str(ROUTES_BEGIN);
    md.push('\n');
    let _ = write!(
        md,
        "<!-- Generated from core/src/api/routes.rs; do not edit by hand. After changing the table: \
         `{REGENERATE}` -->\n\n\
         {} endpoints, under `{PREFIX}`, grouped as in the table. Each gives its method and path, the \
         query keys it reads, its body and answer (types in `core/src/api/`, schemas in \
         [`openapi.json`](openapi.json); an empty answer is `204 No Content`), what it does, and who may \
         call it as the policy decides (`core::policy`; a record the caller may not see answers 404).\n",
        table.len()
    );
    for (area, infos) in by_area(&table) {
        let _ = write!(
            md,
            "\n### {area}\n\n| route | what it does | body → answer | who may call |\n|---|---|---|---|\n"
        );
        for info in infos {
            let mut route = format!("{} {}", info.method.as_str(), info.path);
            if !info.query.is_empty() {
                let keys: Vec<String> = info.query.iter().map(|k| format!("{k}=")).collect();
                route.push('?');
                route.push_str(&keys.join("&"));
            }
            let body = payload_md(info.body, info.body_media);
            let mut answer = match info.answer_media {
                Media::Empty => "204".to_owned(),
                media => payload_md(info.answer, media),
            };
            if answers_csv_too(info) {
                answer.push_str(" or CSV (`format=csv`)");
            }
            let flow = if body.is_empty() {
                format!("→ {answer}")
            } else {
                format!("{body} → {answer}")
            };
            let _ = writeln!(
                md,
                "| `{}` | {} | {} | {} |",
                cell(&route),
                cell(info.summary()),
                cell(&flow),
                cell(&info.access.describe()),
            );
        }
    }
    md.push('\n');
    md.push_str(ROUTES_END);
    md
}

/// `api_md` with its routes section replaced by `routes`; `None` when it has no (well-ordered) markers.
#[must_use]
pub fn with_routes(api_md: &str, routes: &str) -> Option<String> {
    let begin = api_md.find(ROUTES_BEGIN)?;
    let end = api_md.find(ROUTES_END)? + ROUTES_END.len();
    (begin < end).then(|| format!("{}{routes}{}", &api_md[..begin], &api_md[end..]))
}

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/{name}") })
}

/// The media types a payload travels as, each with its schema.
fn content(media: Media, schema: Option<&Schema>) -> Map<String, Value> {
    let text = json!({ "type": "string" });
    let mut content = Map::new();
    match media {
        Media::Json => {
            let schema = schema.map_or(Value::Bool(true), |s| s.as_value().clone());
            content.insert("application/json".into(), json!({ "schema": schema }));
        }
        Media::Csv => {
            content.insert("text/csv".into(), json!({ "schema": text }));
        }
        Media::Atom => {
            content.insert("application/atom+xml".into(), json!({ "schema": text }));
        }
        Media::Calendar => {
            content.insert("text/calendar".into(), json!({ "schema": text }));
        }
        Media::Image => {
            for kind in Media::Image.content_types() {
                content.insert(
                    (*kind).into(),
                    json!({ "schema": { "type": "string", "contentMediaType": kind } }),
                );
            }
        }
        Media::Empty | Media::Socket => {}
    }
    content
}

fn query_schema(key: &str) -> Value {
    match key {
        "limit" => json!({ "type": "integer", "minimum": 1, "maximum": PAGE_MAX }),
        "format" => json!({ "type": "string", "enum": ["csv"] }),
        "from" | "to" => json!({ "type": "string", "format": "date" }),
        "days" => json!({ "type": "integer", "minimum": 1 }),
        "cursor" => json!({
            "type": "string",
            "description": "The `next_cursor` of the page before."
        }),
        "q" => json!({
            "type": "string",
            "maxLength": SEARCH_MAX,
            "description": "Words separated by spaces, each of which a record must hold (any script, \
                any length), best match first, in one page; or, on a list of numbered records, a \
                record's number. Longer than `maxLength` characters is `too_long`."
        }),
        _ => json!({ "type": "string" }),
    }
}

fn operation(op: &Operation) -> Value {
    let info = &op.info;
    let mut parameters: Vec<Value> = op
        .params
        .iter()
        .map(|(name, schema)| {
            json!({ "name": name, "in": "path", "required": true, "schema": schema.as_value() })
        })
        .collect();
    parameters.extend(
        info.query
            .iter()
            .map(|key| json!({ "name": key, "in": "query", "schema": query_schema(key) })),
    );
    if info.method.changes() {
        parameters.push(reference("parameters/Csrf"));
    }

    // The summary is the doc's first line; the description the rest, and who may call.
    let mut description: String = info
        .doc
        .lines()
        .skip(1)
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    let _ = write!(description, "Who may call: {}", info.access.describe());

    let mut responses = Map::new();
    let (status, what) = match (info.answer_media, info.method) {
        (Media::Empty, _) => ("204", "Done; nothing to answer."),
        (Media::Socket, _) => (
            "101",
            "Switching to the WebSocket (messages: `core::live`).",
        ),
        (Media::Json, Method::Get)
        | (Media::Csv | Media::Image | Media::Atom | Media::Calendar, _) => ("200", "OK."),
        (Media::Json, _) => ("2XX", "Done: 201 when it created a record, else 200."),
    };
    let mut response = json!({ "description": what });
    let mut answer = content(info.answer_media, op.answer.as_ref());
    if answers_csv_too(info) {
        answer.extend(content(Media::Csv, None));
    }
    if !answer.is_empty() {
        response["content"] = Value::Object(answer);
    }
    responses.insert(status.into(), response);
    responses.insert("default".into(), reference("responses/Error"));

    let mut operation = json!({
        "operationId": info.name,
        "summary": info.summary(),
        "description": description,
        "tags": [info.area],
        "parameters": parameters,
        "responses": responses,
    });
    if info.body_media != Media::Empty {
        operation["requestBody"] = json!({
            "required": true,
            "content": content(info.body_media, op.body.as_ref()),
        });
    }
    if info.access.needs_session() {
        operation["security"] = json!([{ "session": [] }]);
    }
    operation
}

/// The OpenAPI 3.1 document of the whole API.
#[must_use]
pub fn openapi() -> Value {
    let (operations, schemas) = collect();
    let mut paths: BTreeMap<&str, Map<String, Value>> = BTreeMap::new();
    for op in &operations {
        paths
            .entry(op.info.path)
            .or_default()
            .insert(op.info.method.as_str().to_ascii_lowercase(), operation(op));
    }
    let infos: Vec<RouteInfo> = operations.iter().map(|o| o.info.clone()).collect();
    let tags: Vec<Value> = by_area(&infos)
        .iter()
        .map(|(area, _)| json!({ "name": area }))
        .collect();
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Yishi API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Neighbourhood self-governance: notices, votes, meetings, matters, covenants \
                and requests. Generated from the endpoint table in `core/src/api/routes.rs`; the prose \
                (errors, conventions) is in `docs/API.md`.",
            "license": { "name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later" },
        },
        "servers": [{ "url": PREFIX }],
        "tags": tags,
        "paths": paths,
        "components": {
            "schemas": schemas,
            "parameters": {
                "Csrf": {
                    "name": CSRF_HEADER,
                    "in": "header",
                    "required": true,
                    "description": "Every call that changes something carries it (a cross-site form \
                        cannot); without it the answer is 403 `csrf_rejected`.",
                    "schema": { "type": "string", "const": CSRF_VALUE },
                },
            },
            "responses": {
                "Error": {
                    "description": "An error: its stable `code`, a `message` in the request's language \
                        (`Accept-Language`), and the `field` at fault when there is one.",
                    "content": {
                        "application/json": { "schema": reference("schemas/ErrorEnvelope") },
                    },
                },
            },
            "securitySchemes": {
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": SESSION_COOKIE,
                    "description": "Set by signing in or joining (HttpOnly, SameSite=Lax).",
                },
            },
        },
    })
}

/// A value with the keys of every object in order, whatever serde_json's map keeps.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let entries: BTreeMap<String, Value> =
                map.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            Value::Object(entries.into_iter().collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// `docs/openapi.json` as written: keys sorted, two-space indents, a final newline.
#[must_use]
pub fn openapi_json() -> String {
    let mut text = serde_json::to_string_pretty(&sorted(openapi())).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::path::PathBuf;

    use super::*;
    use crate::api::endpoint::Access;

    fn docs_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs")
    }

    /// The first line where `have` and `want` differ, for the failure message.
    fn first_difference(have: &str, want: &str) -> String {
        let mut have_lines = have.lines();
        for (n, want_line) in want.lines().enumerate() {
            let have_line = have_lines.next().unwrap_or("<end of file>");
            if have_line != want_line {
                return format!(
                    "line {}:\n  committed: {have_line}\n  generated: {want_line}",
                    n + 1
                );
            }
        }
        format!(
            "the committed file goes on after line {}",
            want.lines().count()
        )
    }

    /// Compares a committed file with what the table generates; with `YISHI_BLESS=1`, writes it.
    fn check(name: &str, committed: &str, generated: &str) -> Result<(), String> {
        if committed == generated {
            return Ok(());
        }
        let path = docs_dir().join(name);
        if std::env::var_os("YISHI_BLESS").is_some_and(|v| v == "1") {
            return std::fs::write(&path, generated).map_err(|e| format!("{name}: {e}"));
        }
        Err(format!(
            "docs/{name} is not what the endpoint table generates ({}).\nRegenerate it with:\n    \
             {REGENERATE}",
            first_difference(committed, generated)
        ))
    }

    #[test]
    fn api_md_and_openapi_json_are_what_the_table_generates() {
        let read = |name: &str| std::fs::read_to_string(docs_dir().join(name)).unwrap_or_default();
        let api_md = read("API.md");
        let Some(generated) = with_routes(&api_md, &routes_markdown()) else {
            panic!("docs/API.md has no routes section between {ROUTES_BEGIN} and {ROUTES_END}");
        };
        let problems: Vec<String> = [
            check("API.md", &api_md, &generated),
            check("openapi.json", &read("openapi.json"), &openapi_json()),
        ]
        .into_iter()
        .filter_map(Result::err)
        .collect();
        assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    }

    #[test]
    fn every_endpoint_has_a_summary_an_area_and_a_line_on_who_may_call() {
        for info in routes::table() {
            assert!(!info.summary().is_empty(), "{} has no summary", info.name);
            assert!(
                info.summary().ends_with('.'),
                "{}: {}",
                info.name,
                info.summary()
            );
            assert!(!info.area.is_empty(), "{} has no area", info.name);
            assert!(!info.access.describe().is_empty(), "{}", info.name);
        }
    }

    #[test]
    fn every_json_type_named_in_the_table_has_a_schema() {
        let (operations, schemas) = collect();
        let mut named = HashSet::new();
        for op in &operations {
            let info = &op.info;
            for (name, media, schema) in [
                (info.body, info.body_media, &op.body),
                (info.answer, info.answer_media, &op.answer),
            ] {
                assert_eq!(
                    media == Media::Json,
                    schema.is_some(),
                    "{}: {name}",
                    info.name
                );
                if let Some(schema) = schema {
                    assert_eq!(
                        schema.get("$ref").and_then(Value::as_str),
                        Some(format!("#/components/schemas/{name}").as_str()),
                        "{}: {name} is not a named schema",
                        info.name
                    );
                    assert!(schemas.contains_key(name), "{}: {name}", info.name);
                    named.insert(name);
                }
            }
        }
        assert!(named.len() > 90, "{}", named.len());
    }

    /// Every `$ref` in `value`.
    fn refs<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    out.push(r);
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_reference_resolves_and_schema_names_do_not_collide() {
        let doc = openapi();
        let mut found = Vec::new();
        refs(&doc, &mut found);
        assert!(!found.is_empty());
        for r in found {
            let pointer = r.strip_prefix('#').unwrap_or_default();
            assert!(doc.pointer(pointer).is_some(), "{r} does not resolve");
        }
        // Two types of one name would be told apart by a number: give one a schema name of its own.
        let schemas = doc
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        for name in schemas {
            assert!(!name.ends_with(|c: char| c.is_ascii_digit()), "{name}");
        }
    }

    #[test]
    fn operations_say_their_parameters_security_and_csrf_header() {
        let doc = openapi();
        let paths = doc["paths"].as_object().cloned().unwrap_or_default();
        let mut ids = HashSet::new();
        let mut count = 0;
        for (path, item) in &paths {
            for (method, op) in item.as_object().into_iter().flatten() {
                count += 1;
                let id = op["operationId"].as_str().unwrap_or_default();
                assert!(ids.insert(id.to_owned()), "{id} twice");
                let params = op["parameters"].as_array().cloned().unwrap_or_default();
                let in_path: Vec<&str> = params
                    .iter()
                    .filter(|p| p["in"] == "path")
                    .filter_map(|p| p["name"].as_str())
                    .collect();
                let templated: Vec<&str> = path
                    .split('/')
                    .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
                    .collect();
                assert_eq!(in_path, templated, "{id}");
                let csrf = params
                    .iter()
                    .any(|p| p["$ref"] == "#/components/parameters/Csrf");
                assert_eq!(csrf, method != "get", "{id}");
            }
        }
        assert_eq!(count, routes::table().len());
        for info in routes::table() {
            let op = &paths[info.path][info.method.as_str().to_ascii_lowercase()];
            assert_eq!(
                op.get("security").is_some(),
                info.access != Access::Public,
                "{}",
                info.name
            );
        }
        // Ids are strings of the id's shape, positions integers, place kinds an enum.
        let params = &paths["/meetings/{id}/items/{position}/open"]["post"]["parameters"];
        assert_eq!(
            params[0]["schema"]["pattern"],
            super::super::schema::ID_PATTERN
        );
        assert_eq!(params[1]["schema"]["type"], "integer");
        let params = &paths["/{kind}/{id}"]["patch"]["parameters"];
        assert_eq!(
            params[0]["schema"]["enum"],
            json!(["compounds", "buildings", "units", "households"])
        );
    }

    #[test]
    fn markdown_groups_routes_by_area_and_replaces_only_its_section() {
        let md = routes_markdown();
        assert!(md.starts_with(ROUTES_BEGIN) && md.ends_with(ROUTES_END));
        assert!(md.contains("\n### Notices (公示栏)\n"));
        assert!(md.contains(
            "| `GET /notices/{id}/reads` | Who has read a notice, building by building. | → \
             `NoticeReadsResponse` |"
        ));
        let doc = format!("intro\n{ROUTES_BEGIN}\nold\n{ROUTES_END}\nafter\n");
        assert_eq!(
            with_routes(&doc, "NEW").as_deref(),
            Some("intro\nNEW\nafter\n")
        );
        assert_eq!(with_routes("no markers", "NEW"), None);
    }
}
