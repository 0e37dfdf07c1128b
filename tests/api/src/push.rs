//! A fake push service on the loopback: it takes what the worker's postman posts, as Mozilla's or
//! Google's service would, and keeps it for the test to open with the phone's private key. An endpoint
//! whose path starts with `/gone/` answers 410, as for a subscription the browser dropped.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use yishi_core::push::{base64url_encode, decrypt, public_key};

/// One message as it arrived.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub path: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub at: Instant,
}

impl Delivery {
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The service: its address, and what it has received so far.
pub struct FakePushService {
    pub origin: String,
    received: Arc<Mutex<Vec<Delivery>>>,
}

impl FakePushService {
    /// Listens on a free loopback port, answering on threads of its own.
    #[must_use]
    pub fn start() -> FakePushService {
        let listener = TcpListener::bind("127.0.0.1:0")
            .unwrap_or_else(|e| panic!("no loopback port for the fake push service: {e}"));
        let port = listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_else(|e| panic!("the fake push service's port: {e}"));
        let origin = format!("http://127.0.0.1:{port}");
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = Arc::clone(&received);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let store = Arc::clone(&store);
                std::thread::spawn(move || serve(stream, &store));
            }
        });
        FakePushService { origin, received }
    }

    /// Everything received so far.
    #[must_use]
    pub fn received(&self) -> Vec<Delivery> {
        self.received.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// What came to `path`, waiting up to `wait` for at least `count` messages.
    #[must_use]
    pub fn wait_for(&self, path: &str, count: usize, wait: Duration) -> Vec<Delivery> {
        let until = Instant::now() + wait;
        loop {
            let got: Vec<Delivery> = self
                .received()
                .into_iter()
                .filter(|d| d.path == path)
                .collect();
            if got.len() >= count || Instant::now() >= until {
                return got;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn serve(stream: TcpStream, store: &Mutex<Vec<Delivery>>) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut writer = stream;
    // Keep-alive: one connection may carry several messages.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let path = line
            .split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((name, value)) = h.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
            }
        }
        let length = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse::<usize>().ok())
            .unwrap_or(0);
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let gone = path.starts_with("/gone/");
        if let Ok(mut r) = store.lock() {
            r.push(Delivery {
                path,
                headers,
                body,
                at: Instant::now(),
            });
        }
        let status = if gone { "410 Gone" } else { "201 Created" };
        let answer = format!("HTTP/1.1 {status}\r\ncontent-length: 0\r\n\r\n");
        if writer.write_all(answer.as_bytes()).is_err() {
            return;
        }
    }
}

/// A phone's side of a subscription: its keys, fixed by `seed` so that each test has its own.
pub struct Phone {
    private: [u8; 32],
    auth: [u8; 16],
    pub endpoint: String,
    pub path: String,
}

impl Phone {
    /// A phone subscribed at `service` under `path` (e.g. `/sub/3`).
    #[must_use]
    pub fn new(service: &FakePushService, path: &str, seed: u8) -> Phone {
        let mut private = [seed; 32];
        private[0] = 0x11; // well below the curve's order, never zero
        Phone {
            private,
            auth: [seed.wrapping_add(1); 16],
            endpoint: format!("{}{path}", service.origin),
            path: path.to_owned(),
        }
    }

    /// The body of `PUT /push/subscription`, as `PushSubscription.toJSON()` gives it.
    #[must_use]
    pub fn subscription(&self) -> Value {
        let p256dh = public_key(self.private)
            .unwrap_or_else(|e| panic!("the phone's key is not a P-256 key: {e}"));
        json!({
            "endpoint": self.endpoint,
            "expirationTime": null,
            "keys": { "p256dh": base64url_encode(&p256dh), "auth": base64url_encode(&self.auth) },
        })
    }

    /// Opens a message sealed for this phone.
    #[must_use]
    pub fn open(&self, delivery: &Delivery) -> Option<Value> {
        let plain = decrypt(self.private, self.auth, &delivery.body).ok()?;
        serde_json::from_slice(&plain).ok()
    }
}
