//! The database goes away and comes back (issue 4): requests fail fast with 503 `unavailable`
//! and work again by themselves, with nothing committed lost. Runs on PostgreSQL through a
//! small TCP proxy that this test cuts and restores (its own test binary, so setting the
//! backend here touches no other test).

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use jiff::SignedDuration;
use reqwest::StatusCode;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Mutex;
use tokio::task::AbortHandle;

struct Proxy {
    port: u16,
    up: Arc<AtomicBool>,
    links: Arc<Mutex<Vec<AbortHandle>>>,
}

impl Proxy {
    async fn start(upstream: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let links: Arc<Mutex<Vec<AbortHandle>>> = Arc::default();
        let (up2, links2) = (up.clone(), links.clone());
        tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                if !up2.load(Ordering::SeqCst) {
                    continue; // dropped: the connection is refused at once
                }
                let upstream = upstream.clone();
                let task = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                links2.lock().await.push(task.abort_handle());
            }
        });
        Proxy { port, up, links }
    }

    async fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for link in self.links.lock().await.drain(..) {
            link.abort();
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

#[tokio::test]
async fn an_unreachable_database_gives_503_and_service_comes_back_by_itself() {
    // SAFETY: set before any other thread of this test binary reads the environment.
    unsafe { std::env::set_var(termin_store::testing::BACKEND_VAR, "postgres") };
    let dir = tempfile::tempdir().unwrap();
    let db = termin_store::testing::test_database(dir.path()).await;
    let url: reqwest::Url = db.url.parse().unwrap();
    let upstream = format!("{}:{}", url.host_str().unwrap(), url.port().unwrap_or(5432));
    let proxy = Proxy::start(upstream).await;
    let mut via_proxy = url.clone();
    via_proxy.set_host(Some("127.0.0.1")).unwrap();
    via_proxy.set_port(Some(proxy.port)).unwrap();
    let proxied = via_proxy.to_string();
    let app = common::spawn_with(|c| c.database_url = proxied.clone()).await;

    let (_, token) = app.quick_account("steady@example.cz").await;
    let start = app
        .free_slot("praha-2", "biometrics", SignedDuration::from_hours(48))
        .await;
    let (s, booked) = app.book(&token, "praha-2", "biometrics", &start).await;
    assert_eq!(s, StatusCode::CREATED);

    proxy.cut().await;
    let asked = Instant::now();
    let (s, v) = app.get("/appointments", Some(&token)).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, Some("unavailable"))
    );
    assert!(
        asked.elapsed() < Duration::from_secs(8),
        "fails fast: {:?}",
        asked.elapsed()
    );
    let root = app.base.trim_end_matches("/api/v1").to_string();
    let ready = app
        .client
        .get(format!("{root}/ready"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);

    proxy.restore();
    let mut recovered = false;
    for _ in 0..50 {
        let (s, list) = app.get("/appointments", Some(&token)).await;
        if s == StatusCode::OK {
            assert_eq!(
                list[0]["id"], booked["id"],
                "the committed booking is there"
            );
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(recovered, "service came back when the database did");
    drop(app);
    drop(db);
}
