//! Two `termin serve` processes on one database (issue 4): nothing that matters lives in one
//! process. Runs on the backend of `TERMIN_TEST_BACKEND` (SQLite file by default, PostgreSQL in
//! CI); on PostgreSQL a call reaches the other instance's display through LISTEN/NOTIFY.

use std::io::Write;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use serde_json::{Value, json};
use termin_store::{NewAccount, NewToken, Role, TokenKind};

struct Instance {
    child: Child,
    base: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(url: &str, outbox: &std::path::Path) -> Instance {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_termin"))
        .args([
            "serve",
            "--dev-clock",
            "--bind",
            &format!("127.0.0.1:{port}"),
        ])
        .args(["--database", url])
        .env("TERMIN_MAIL_OUTBOX", outbox)
        .env("TERMIN_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("termin serve starts");
    Instance {
        child,
        base: format!("http://127.0.0.1:{port}/api/v1"),
    }
}

async fn wait_ready(client: &reqwest::Client, instance: &Instance) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(r) = client
            .get(format!("{}/offices", instance.base))
            .send()
            .await
            && r.status().is_success()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{} did not come up", instance.base);
}

async fn call(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    token: Option<&str>,
    body: Option<Value>,
) -> (reqwest::StatusCode, Value) {
    let mut r = client.request(method, url);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    let response = r.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// The free slots of praha-2's long-term residence extension (the default fortnight) that
/// start more than two days from now, as the API answers them.
async fn slots_two_days_ahead(client: &reqwest::Client, instance: &Instance) -> Vec<Value> {
    let url = format!(
        "{}/offices/praha-2/availability?visit_type=long-term-residence-extension",
        instance.base
    );
    let (s, free) = call(client, reqwest::Method::GET, url, None, None).await;
    assert_eq!(s, reqwest::StatusCode::OK, "{free}");
    let after = Timestamp::now() + SignedDuration::from_hours(48);
    free["slots"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["start"].as_str().unwrap().parse::<Timestamp>().unwrap() > after)
        .cloned()
        .collect()
}

/// A verified account with a bearer token, made directly in the shared database.
async fn account(
    store: &dyn termin_store::Store,
    email: &str,
    role: Role,
    offices: Vec<String>,
    now: Timestamp,
) -> (i64, String) {
    let account = store
        .create_account(
            NewAccount {
                email: email.into(),
                password_hash: "unused".into(),
                full_name: "Oksana Melnyk".into(),
                date_of_birth: "1992-07-14".parse().unwrap(),
                language: "uk".into(),
                role,
                email_verified: true,
                offices,
            },
            None,
            None,
            now,
        )
        .await
        .unwrap();
    let (secret, hash) = termin_server::auth::new_secret();
    store
        .create_token(
            NewToken {
                hash,
                account_id: account.id,
                kind: TokenKind::Api,
                created_at: now,
                // Far enough for clock jumps in this test.
                expires_at: now + SignedDuration::from_hours(24 * 365),
            },
            None,
        )
        .await
        .unwrap();
    (account.id, secret)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_bookings_calls_and_capacity() {
    let dir = tempfile::tempdir().unwrap();
    let db = termin_store::testing::test_database(dir.path()).await;
    let postgres = db.url.starts_with("postgres");
    // Migrate once up front, as an operator would; the instances then start together.
    let store = termin_store::connect(&db.url).await.unwrap();
    let outbox = dir.path().join("outbox");
    let a = start(&db.url, &outbox);
    let b = start(&db.url, &outbox);
    let client = reqwest::Client::new();
    wait_ready(&client, &a).await;
    wait_ready(&client, &b).await;
    use reqwest::Method;

    // Capacity holds across instances: N bookings spread over both, exactly C win.
    let slot = slots_two_days_ahead(&client, &a)
        .await
        .into_iter()
        .next()
        .expect("a slot two days ahead");
    let start_at = slot["start"].as_str().unwrap().to_string();
    let capacity = slot["remaining"].as_u64().unwrap() as usize;
    let mut tokens = Vec::new();
    for n in 0..24 {
        tokens.push(
            account(
                store.as_ref(),
                &format!("rush{n}@example.cz"),
                Role::Applicant,
                vec![],
                Timestamp::now(),
            )
            .await,
        );
    }
    let attempts = tokens.iter().enumerate().map(|(n, (_, token))| {
        let base = if n % 2 == 0 { &a.base } else { &b.base };
        let client = &client;
        let start_at = start_at.clone();
        async move {
            call(
                client,
                Method::POST,
                format!("{base}/appointments"),
                Some(token),
                Some(json!({"office": "praha-2", "visit_type": "long-term-residence-extension", "start": start_at})),
            )
            .await
        }
    });
    let results = futures::future::join_all(attempts).await;
    let won: Vec<&Value> = results
        .iter()
        .filter(|(s, _)| *s == reqwest::StatusCode::CREATED)
        .map(|(_, v)| v)
        .collect();
    assert_eq!(won.len(), capacity, "{results:?}");
    assert!(
        results
            .iter()
            .all(|(s, v)| *s == reqwest::StatusCode::CREATED || v["code"] == "slot-full")
    );

    // A booking made on A is visible on B.
    let winner = tokens
        .iter()
        .zip(&results)
        .find(|(_, (s, _))| *s == reqwest::StatusCode::CREATED)
        .map(|((_, token), (_, v))| (token.clone(), v.clone()))
        .unwrap();
    let id = winner.1["id"].as_i64().unwrap();
    for instance in [&a, &b] {
        let (s, v) = call(
            &client,
            Method::GET,
            format!("{}/appointments/{id}", instance.base),
            Some(&winner.0),
            None,
        )
        .await;
        assert_eq!(s, reqwest::StatusCode::OK);
        assert_eq!(v["pin"], winner.1["pin"]);
    }

    // A call made on A reaches a display stream connected to B.
    let to = start_at.parse::<Timestamp>().unwrap() - SignedDuration::from_mins(10);
    let (_, staff) = account(
        store.as_ref(),
        "clerk@mvcr.cz",
        Role::Staff,
        vec!["praha-2".into()],
        to,
    )
    .await;
    for instance in [&a, &b] {
        let (s, _) = call(
            &client,
            Method::PUT,
            format!("{}/dev/clock", instance.base),
            None,
            Some(json!({"now": to.to_string()})),
        )
        .await;
        assert_eq!(s, reqwest::StatusCode::OK);
    }
    let (s, kiosk) = call(
        &client,
        Method::POST,
        format!("{}/offices/praha-2/devices", a.base),
        Some(&staff),
        Some(json!({"kind": "kiosk", "name": "Kiosk"})),
    )
    .await;
    assert_eq!(s, reqwest::StatusCode::CREATED);
    let (_, display) = call(
        &client,
        Method::POST,
        format!("{}/offices/praha-2/devices", a.base),
        Some(&staff),
        Some(json!({"kind": "display", "name": "Screen"})),
    )
    .await;
    let kiosk = kiosk["token"].as_str().unwrap();
    let display = display["token"].as_str().unwrap();
    let (s, ticket) = call(
        &client,
        Method::POST,
        format!("{}/offices/praha-2/check-in", b.base),
        Some(kiosk),
        Some(json!({"pin": winner.1["pin"]})),
    )
    .await;
    assert_eq!(s, reqwest::StatusCode::OK, "{ticket}");
    let ticket = ticket["ticket"].as_str().unwrap().to_string();

    let mut stream = client
        .get(format!(
            "{}/offices/praha-2/display/events?device={display}",
            b.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), reqwest::StatusCode::OK);
    let called_at = Instant::now();
    let (s, v) = call(
        &client,
        Method::POST,
        format!("{}/offices/praha-2/queue/call-next", a.base),
        Some(&staff),
        Some(json!({"counter": "5"})),
    )
    .await;
    assert_eq!(
        (s, v["ticket"].as_str()),
        (reqwest::StatusCode::OK, Some(ticket.as_str()))
    );
    // LISTEN/NOTIFY wakes B at once; SQLite processes share no channel, so B finds the call
    // on its next look at the database (every 5 s).
    let limit = if postgres {
        Duration::from_secs(1)
    } else {
        Duration::from_secs(6)
    };
    let mut seen = String::new();
    while !seen.contains(&format!("\"ticket\":\"{ticket}\"")) {
        let left = limit
            .checked_sub(called_at.elapsed())
            .expect("the call reached the other instance's display in time");
        let chunk = tokio::time::timeout(left, stream.chunk())
            .await
            .expect("the call reached the other instance's display in time")
            .unwrap()
            .expect("stream open");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(called_at.elapsed() < limit);
    drop(stream);

    // A session ended on one instance ends on the other: B has just used the token (and on
    // PostgreSQL keeps it in memory), A logs out, B refuses it within the notice's delivery.
    let (_, leaving) = account(&*store, "leaving@example.cz", Role::Applicant, vec![], to).await;
    let me_on_b = || async {
        let url = format!("{}/me", b.base);
        call(&client, Method::GET, url, Some(&leaving), None)
            .await
            .0
    };
    for _ in 0..3 {
        assert_eq!(me_on_b().await, reqwest::StatusCode::OK);
    }
    let url = format!("{}/auth/logout", a.base);
    let (s, _) = call(&client, Method::POST, url, Some(&leaving), None).await;
    assert_eq!(s, reqwest::StatusCode::NO_CONTENT);
    let logged_out = std::time::Instant::now();
    while me_on_b().await != reqwest::StatusCode::UNAUTHORIZED {
        assert!(
            logged_out.elapsed() < Duration::from_secs(1),
            "the other instance still accepts a token logged out 1 s ago"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    drop((a, b));
    drop(db);
}

/// Bookings flow into one instance from 16 clients; after the 100th confirmation the process
/// is killed (SIGKILL: no shutdown, no flush). Another instance on the same database then shows
/// every booking that was answered 201, with its PIN: a booking is confirmed only once its
/// commit is durable.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_instance_loses_no_committed_booking() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const CLIENTS: usize = 16;
    const PER_CLIENT: usize = 25;
    const KILL_AFTER: usize = 100;
    let dir = tempfile::tempdir().unwrap();
    let db = termin_store::testing::test_database(dir.path()).await;
    let store = termin_store::connect(&db.url).await.unwrap();
    let outbox = dir.path().join("outbox");
    let mut a = start(&db.url, &outbox);
    let client = reqwest::Client::new();
    wait_ready(&client, &a).await;

    let now = Timestamp::now();
    let starts: Arc<Vec<String>> = Arc::new(
        slots_two_days_ahead(&client, &a)
            .await
            .iter()
            .map(|s| s["start"].as_str().unwrap().to_string())
            .collect(),
    );
    assert!(starts.len() >= 20, "{starts:?}");
    let mut tokens = Vec::new();
    for n in 0..CLIENTS * PER_CLIENT {
        let email = format!("killed{n}@example.cz");
        let (_, token) = account(&*store, &email, Role::Applicant, vec![], now).await;
        tokens.push(token);
    }

    let confirmed = Arc::new(AtomicUsize::new(0));
    let clients: Vec<_> = tokens
        .chunks(PER_CLIENT)
        .enumerate()
        .map(|(c, chunk)| {
            let (client, base) = (client.clone(), a.base.clone());
            let (starts, confirmed) = (starts.clone(), confirmed.clone());
            let chunk = chunk.to_vec();
            tokio::spawn(async move {
                // (token, id, pin) of every 201, and whether a request went unanswered.
                let mut created = Vec::new();
                for (k, token) in chunk.into_iter().enumerate() {
                    let start = &starts[(c * PER_CLIENT + k) % starts.len()];
                    let sent = client
                        .post(format!("{base}/appointments"))
                        .bearer_auth(&token)
                        .json(&json!({"office": "praha-2",
                            "visit_type": "long-term-residence-extension", "start": start}))
                        .send()
                        .await;
                    let Ok(response) = sent else {
                        return (created, true);
                    };
                    let status = response.status();
                    let Ok(body) = response.json::<Value>().await else {
                        return (created, true);
                    };
                    if status == reqwest::StatusCode::CREATED {
                        confirmed.fetch_add(1, Ordering::SeqCst);
                        let id = body["id"].as_i64().unwrap();
                        created.push((token, id, body["pin"].as_str().unwrap().to_string()));
                    } else {
                        assert_eq!(body["code"], "slot-full", "{status} {body}");
                    }
                }
                (created, false)
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while confirmed.load(Ordering::SeqCst) < KILL_AFTER {
        assert!(Instant::now() < deadline, "bookings did not flow");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    a.child.kill().unwrap();
    a.child.wait().unwrap();

    let mut created = Vec::new();
    let mut cut_off = 0;
    for finished in futures::future::join_all(clients).await {
        let (mine, unanswered) = finished.unwrap();
        created.extend(mine);
        cut_off += usize::from(unanswered);
    }
    assert!(created.len() >= KILL_AFTER);
    assert!(cut_off > 0, "the kill came while bookings were being made");

    let b = start(&db.url, &outbox);
    wait_ready(&client, &b).await;
    for (token, id, pin) in &created {
        let (s, v) = call(
            &client,
            reqwest::Method::GET,
            format!("{}/appointments/{id}", b.base),
            Some(token),
            None,
        )
        .await;
        assert_eq!(
            s,
            reqwest::StatusCode::OK,
            "appointment {id} was answered 201"
        );
        assert_eq!(
            (v["pin"].as_str(), v["status"].as_str()),
            (Some(pin.as_str()), Some("booked"))
        );
    }
    drop((a, b));
    drop(db);
}

#[test]
fn instances_refuse_a_database_url_they_cannot_use() {
    let out = Command::new(env!("CARGO_BIN_EXE_termin"))
        .args(["migrate", "--database", "mysql://nowhere"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let _ = std::io::stderr().write_all(&out.stderr);
}
