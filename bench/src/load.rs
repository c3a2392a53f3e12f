//! The measured phase: N concurrent HTTP clients (one keep-alive connection each), every
//! latency kept, answers counted by status and problem `code`.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use rand::Rng;
use rand::SeedableRng;
use rand::rngs::SmallRng;
use serde_json::{Value, json};

use crate::db::BenchAccount;
use crate::plan::{HotSet, Plan};

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Op {
    Availability,
    Book,
    Cancel,
    List,
    Me,
}

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Availability => "availability",
            Op::Book => "book",
            Op::Cancel => "cancel",
            Op::List => "my appointments",
            Op::Me => "me",
        }
    }
}

#[derive(Clone, Copy)]
struct Sample {
    micros: u32,
    /// Completion, in ms after the start of the measured phase.
    at_ms: u32,
    op: Op,
    /// An HTTP answer arrived (any status).
    answered: bool,
    /// 2xx.
    success: bool,
}

/// A booking the server confirmed with 201.
#[derive(Clone, Debug)]
pub struct Booked {
    pub id: i64,
    pub pin: String,
    pub account_id: i64,
    pub office: String,
    pub visit_type: String,
    pub start: i64,
}

/// What the clients were told, for the invariant checks.
#[derive(Default)]
pub struct Outcomes {
    pub booked: Vec<Booked>,
    pub cancelled: Vec<i64>,
    /// Booking requests without an HTTP answer: their outcome is unknown to the client.
    pub unknown_bookings: u64,
}

#[derive(Default)]
struct ClientLog {
    samples: Vec<Sample>,
    codes: HashMap<(Op, String), u64>,
    outcomes: Outcomes,
    last_booking_at: Option<Duration>,
}

pub struct Ctx {
    pub http: reqwest::Client,
    pub base: String,
    pub deadline: Duration,
    pub max_requests: u64,
    issued: AtomicU64,
    start: OnceLock<Instant>,
}

impl Ctx {
    pub fn new(http: reqwest::Client, base: String, deadline: Duration, max_requests: u64) -> Ctx {
        Ctx {
            http,
            base,
            deadline,
            max_requests,
            issued: AtomicU64::new(0),
            start: OnceLock::new(),
        }
    }

    fn start(&self) -> Instant {
        *self.start.get_or_init(Instant::now)
    }

    /// May one more request be sent (time and count bound)?
    fn go(&self) -> bool {
        self.start().elapsed() < self.deadline
            && self.issued.fetch_add(1, Ordering::Relaxed) < self.max_requests
    }
}

/// Sends one request and records it; returns the status and (for answers that need it) the body.
async fn send(
    ctx: &Ctx,
    log: &mut ClientLog,
    op: Op,
    request: reqwest::RequestBuilder,
    want_body: bool,
) -> Option<(u16, Option<Value>)> {
    let begin = Instant::now();
    let result = async {
        let response = request.send().await?;
        let status = response.status().as_u16();
        let bytes = response.bytes().await?;
        Ok::<_, reqwest::Error>((status, bytes))
    }
    .await;
    let micros = begin.elapsed().as_micros().min(u128::from(u32::MAX)) as u32;
    match result {
        Ok((status, bytes)) => {
            let success = (200..300).contains(&status);
            let body = if !success || want_body {
                serde_json::from_slice::<Value>(&bytes).ok()
            } else {
                None
            };
            let key = if success {
                status.to_string()
            } else {
                let code = body
                    .as_ref()
                    .and_then(|b| b.get("code"))
                    .and_then(Value::as_str)
                    .unwrap_or("?");
                format!("{status} {code}")
            };
            *log.codes.entry((op, key)).or_default() += 1;
            log.samples.push(Sample {
                micros,
                at_ms: ctx.start().elapsed().as_millis() as u32,
                op,
                answered: true,
                success,
            });
            Some((status, body))
        }
        Err(e) => {
            let kind = if e.is_timeout() {
                "transport timeout"
            } else if e.is_connect() {
                "transport connect"
            } else {
                "transport other"
            };
            *log.codes.entry((op, kind.to_string())).or_default() += 1;
            log.samples.push(Sample {
                micros,
                at_ms: ctx.start().elapsed().as_millis() as u32,
                op,
                answered: false,
                success: false,
            });
            None
        }
    }
}

async fn book(
    ctx: &Ctx,
    log: &mut ClientLog,
    account: &BenchAccount,
    office: &str,
    visit_type: &str,
    start: Timestamp,
) -> Option<(u16, Option<i64>)> {
    let request = ctx
        .http
        .post(format!("{}/appointments", ctx.base))
        .bearer_auth(&account.token)
        .json(&json!({"office": office, "visit_type": visit_type, "start": start.to_string()}));
    let Some((status, body)) = send(ctx, log, Op::Book, request, true).await else {
        log.outcomes.unknown_bookings += 1;
        return None;
    };
    if status == 201 {
        let body = body.unwrap_or(Value::Null);
        let id = body["id"].as_i64().unwrap_or(-1);
        log.outcomes.booked.push(Booked {
            id,
            pin: body["pin"].as_str().unwrap_or("").to_string(),
            account_id: account.id,
            office: office.to_string(),
            visit_type: visit_type.to_string(),
            start: start.as_second(),
        });
        log.last_booking_at = Some(ctx.start().elapsed());
        return Some((status, Some(id)));
    }
    Some((status, None))
}

async fn cancel(ctx: &Ctx, log: &mut ClientLog, account: &BenchAccount, id: i64) -> Option<u16> {
    let request = ctx
        .http
        .post(format!("{}/appointments/{id}/cancel", ctx.base))
        .bearer_auth(&account.token);
    let (status, _) = send(ctx, log, Op::Cancel, request, false).await?;
    if status == 200 {
        log.outcomes.cancelled.push(id);
    }
    Some(status)
}

async fn availability(ctx: &Ctx, log: &mut ClientLog, plan: &Plan, rng: &mut SmallRng) {
    let pair = &plan.pairs[rng.random_range(0..plan.pairs.len())];
    let window = (plan.last_day - plan.first_day).get_days().max(1);
    let from = plan
        .first_day
        .saturating_add(jiff::Span::new().days(rng.random_range(0..window)));
    // A calendar shows a week mostly; some clients look at one day or the default 14 days.
    let days = match rng.random_range(0..10) {
        0..=4 => 6,
        5..=7 => 0,
        _ => 13,
    };
    let to = from.saturating_add(jiff::Span::new().days(days));
    let request = ctx.http.get(format!(
        "{}/offices/{}/availability?visit_type={}&from={from}&to={to}",
        ctx.base, pair.office, pair.visit_type
    ));
    send(ctx, log, Op::Availability, request, false).await;
}

/// Opens this client's connection before the clock starts.
async fn warm(ctx: &Ctx) {
    let url = ctx.base.replace("/api/v1", "/health");
    for _ in 0..3 {
        if ctx.http.get(&url).send().await.is_ok() {
            return;
        }
    }
}

pub enum Scenario {
    Rush(Arc<HotSet>),
    Bookings(Arc<Plan>),
    Mix(Arc<Plan>),
    Availability(Arc<Plan>),
    /// Diagnostic: `GET /api/v1/me`, the cost of bearer authentication alone.
    Auth,
}

/// Runs `clients` concurrent clients until the time or request bound and gathers the results.
pub async fn run(
    ctx: Arc<Ctx>,
    scenario: Scenario,
    accounts: Arc<Vec<BenchAccount>>,
    clients: usize,
) -> RunResult {
    let barrier = Arc::new(tokio::sync::Barrier::new(clients));
    let next_pair = Arc::new(AtomicUsize::new(0));
    let scenario = Arc::new(scenario);
    let mut handles = Vec::with_capacity(clients);
    for c in 0..clients {
        let ctx = ctx.clone();
        let barrier = barrier.clone();
        let accounts = accounts.clone();
        let next_pair = next_pair.clone();
        let scenario = scenario.clone();
        handles.push(tokio::spawn(async move {
            let mut log = ClientLog {
                samples: Vec::with_capacity(4096),
                ..ClientLog::default()
            };
            let mut rng = SmallRng::seed_from_u64(0x7e41 + c as u64);
            warm(&ctx).await;
            barrier.wait().await;
            match &*scenario {
                Scenario::Rush(hot) => {
                    rush_client(&ctx, &mut log, &mut rng, hot, &accounts, c, clients).await
                }
                Scenario::Bookings(plan) => {
                    bookings_client(&ctx, &mut log, &mut rng, plan, &accounts, &next_pair).await
                }
                Scenario::Mix(plan) => {
                    mix_client(&ctx, &mut log, &mut rng, plan, &accounts, c, clients).await
                }
                Scenario::Availability(plan) => {
                    while ctx.go() {
                        availability(&ctx, &mut log, plan, &mut rng).await;
                    }
                }
                Scenario::Auth => {
                    let mine: Vec<&BenchAccount> =
                        accounts.iter().skip(c).step_by(clients).collect();
                    let mut i = 0;
                    while !mine.is_empty() && ctx.go() {
                        let request = ctx
                            .http
                            .get(format!("{}/me", ctx.base))
                            .bearer_auth(&mine[i % mine.len()].token);
                        send(&ctx, &mut log, Op::Me, request, false).await;
                        i += 1;
                    }
                }
            }
            log
        }));
    }
    let mut logs = Vec::with_capacity(clients);
    for h in handles {
        logs.push(h.await.expect("client task"));
    }
    let elapsed = ctx.start().elapsed();
    RunResult::gather(logs, elapsed, clients)
}

async fn rush_client(
    ctx: &Ctx,
    log: &mut ClientLog,
    rng: &mut SmallRng,
    hot: &HotSet,
    accounts: &[BenchAccount],
    c: usize,
    clients: usize,
) {
    // This client's people: accounts c, c + clients, … Each tries again (another hot slot)
    // after a slot-full, and stops trying once it has a place.
    let mine: Vec<&BenchAccount> = accounts.iter().skip(c).step_by(clients).collect();
    let mut done = vec![false; mine.len()];
    let mut cursor = 0usize;
    let mut left = mine.len();
    while left > 0 && ctx.go() {
        while done[cursor % mine.len()] {
            cursor += 1;
        }
        let i = cursor % mine.len();
        cursor += 1;
        let start = hot.starts[rng.random_range(0..hot.starts.len())];
        if let Some((201, _)) = book(ctx, log, mine[i], &hot.office, &hot.visit_type, start).await {
            done[i] = true;
            left -= 1;
        }
    }
}

async fn bookings_client(
    ctx: &Ctx,
    log: &mut ClientLog,
    rng: &mut SmallRng,
    plan: &Plan,
    accounts: &[BenchAccount],
    next_pair: &AtomicUsize,
) {
    // Every attempt is a fresh (account, visit type) pair: an account holds one active
    // appointment per visit type, so capacity and the per-person rule never refuse. Attempt k
    // is account k mod N, in round k / N: the clients book for different people at once, as
    // people do, and one account comes back only after all the others (not 14 bookings of
    // one person at the same instant, which would queue them on that person's rows).
    let types = plan.visit_types.len();
    let people = accounts.len();
    while ctx.go() {
        let k = next_pair.fetch_add(1, Ordering::Relaxed);
        let (a, round) = (k % people, k / people);
        if round >= types {
            break;
        }
        let vt = (a + round) % types;
        let (pair, start) = plan.random_slot(vt, rng);
        let pair = &plan.pairs[pair];
        book(
            ctx,
            log,
            &accounts[a],
            &pair.office,
            &pair.visit_type,
            start,
        )
        .await;
    }
}

struct Held {
    vt: usize,
    id: i64,
}

async fn mix_client(
    ctx: &Ctx,
    log: &mut ClientLog,
    rng: &mut SmallRng,
    plan: &Plan,
    accounts: &[BenchAccount],
    c: usize,
    clients: usize,
) {
    let mine: Vec<&BenchAccount> = accounts.iter().skip(c).step_by(clients).collect();
    if mine.is_empty() {
        return;
    }
    let mut held: Vec<Vec<Held>> = (0..mine.len()).map(|_| Vec::new()).collect();
    let mut cancels = vec![0u32; mine.len()];
    let types = plan.visit_types.len();
    while ctx.go() {
        let roll = rng.random_range(0..100);
        let a = rng.random_range(0..mine.len());
        if roll < 65 {
            availability(ctx, log, plan, rng).await;
        } else if roll < 85 {
            // Book a visit type this person does not hold yet.
            let vt = (0..types)
                .map(|_| rng.random_range(0..types))
                .find(|vt| !held[a].iter().any(|h| h.vt == *vt));
            let Some(vt) = vt else {
                availability(ctx, log, plan, rng).await;
                continue;
            };
            let (pair, start) = plan.random_slot(vt, rng);
            let pair = &plan.pairs[pair];
            if let Some((201, Some(id))) =
                book(ctx, log, mine[a], &pair.office, &pair.visit_type, start).await
            {
                held[a].push(Held { vt, id });
            }
        } else if roll < 95 {
            // Cancel one of this person's appointments (at most 10 in 90 days are allowed).
            let who = (0..mine.len())
                .map(|i| (a + i) % mine.len())
                .find(|&i| !held[i].is_empty() && cancels[i] < 10);
            let Some(i) = who else {
                availability(ctx, log, plan, rng).await;
                continue;
            };
            let pick = rng.random_range(0..held[i].len());
            let id = held[i][pick].id;
            if let Some(200) = cancel(ctx, log, mine[i], id).await {
                held[i].swap_remove(pick);
                cancels[i] += 1;
            }
        } else {
            let request = ctx
                .http
                .get(format!("{}/appointments", ctx.base))
                .bearer_auth(&mine[a].token);
            send(ctx, log, Op::List, request, false).await;
        }
    }
}

/// Unmeasured bookings (the availability scenario books some places first, so the calendar
/// is not empty).
pub async fn prefill(
    http: reqwest::Client,
    base: String,
    plan: Arc<Plan>,
    accounts: Arc<Vec<BenchAccount>>,
    count: u64,
    clients: usize,
) -> Outcomes {
    let ctx = Arc::new(Ctx::new(http, base, Duration::from_secs(120), count));
    let result = run(ctx, Scenario::Bookings(plan), accounts, clients).await;
    result.outcomes
}

pub struct OpStats {
    pub op: Op,
    pub count: u64,
    pub answered: u64,
    pub success: u64,
    pub p50: u32,
    pub p95: u32,
    pub p99: u32,
    pub max: u32,
    pub mean: f64,
}

pub struct RunResult {
    pub elapsed: Duration,
    pub clients: usize,
    pub total: OpStats,
    pub ops: Vec<OpStats>,
    pub codes: BTreeMap<(Op, String), u64>,
    pub outcomes: Outcomes,
    pub last_booking_at: Option<Duration>,
    /// Successful (2xx) answers per whole second of the measured phase, per op.
    pub timeline: Vec<(Op, Vec<u64>)>,
}

fn stats(op: Op, mut samples: Vec<&Sample>) -> OpStats {
    samples.sort_unstable_by_key(|s| s.micros);
    let n = samples.len();
    let pct = |q: f64| -> u32 {
        if n == 0 {
            return 0;
        }
        let rank = ((q * n as f64).ceil() as usize).clamp(1, n);
        samples[rank - 1].micros
    };
    OpStats {
        op,
        count: n as u64,
        answered: samples.iter().filter(|s| s.answered).count() as u64,
        success: samples.iter().filter(|s| s.success).count() as u64,
        p50: pct(0.50),
        p95: pct(0.95),
        p99: pct(0.99),
        max: samples.last().map(|s| s.micros).unwrap_or(0),
        mean: if n == 0 {
            0.0
        } else {
            samples.iter().map(|s| f64::from(s.micros)).sum::<f64>() / n as f64
        },
    }
}

impl RunResult {
    fn gather(logs: Vec<ClientLog>, elapsed: Duration, clients: usize) -> RunResult {
        let mut all = Vec::new();
        let mut codes = BTreeMap::new();
        let mut outcomes = Outcomes::default();
        let mut last_booking_at: Option<Duration> = None;
        for log in logs {
            all.extend(log.samples);
            for (k, v) in log.codes {
                *codes.entry(k).or_default() += v;
            }
            outcomes.booked.extend(log.outcomes.booked);
            outcomes.cancelled.extend(log.outcomes.cancelled);
            outcomes.unknown_bookings += log.outcomes.unknown_bookings;
            if let Some(at) = log.last_booking_at {
                last_booking_at = Some(last_booking_at.map_or(at, |l| l.max(at)));
            }
        }
        let mut ops = Vec::new();
        for op in [Op::Availability, Op::Book, Op::Cancel, Op::List, Op::Me] {
            let of: Vec<&Sample> = all.iter().filter(|s| s.op == op).collect();
            if !of.is_empty() {
                ops.push(stats(op, of));
            }
        }
        let seconds = elapsed.as_secs() as usize;
        let mut timeline = Vec::new();
        for s in &ops {
            let mut per = vec![0u64; seconds];
            for x in all.iter().filter(|x| x.op == s.op && x.success) {
                if let Some(slot) = per.get_mut(x.at_ms as usize / 1000) {
                    *slot += 1;
                }
            }
            timeline.push((s.op, per));
        }
        let total = stats(Op::Availability, all.iter().collect());
        RunResult {
            timeline,
            elapsed,
            clients,
            total,
            ops,
            codes,
            outcomes,
            last_booking_at,
        }
    }

    pub fn per_sec(&self, n: u64) -> f64 {
        n as f64 / self.elapsed.as_secs_f64()
    }
}
