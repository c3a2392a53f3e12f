//! `termin-bench`: load generator and invariant checker for Termín.
//!
//! For every scenario and backend it starts `termin serve` on a fresh database bound to
//! 127.0.0.1, creates the accounts and tokens in bulk directly in the database, runs N
//! concurrent HTTP clients for a bounded time and number of requests, prints throughput,
//! latency percentiles and answers by code, waits for the mail worker to drain, and then checks
//! the invariants with SQL. Exits non-zero on any invariant violation.
//!
//! ```text
//! cargo build --release -p termin -p termin-bench
//! target/release/termin-bench --scenario all --database both
//! ```

mod db;
mod env;
mod load;
mod plan;

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Parser, ValueEnum};
use jiff::Timestamp;
use serde_json::json;
use termin_domain::Catalog;

use crate::db::{Check, Db, DbResult};
use crate::env::{Backend, CpuUse, FreshDb, Server};
use crate::load::{Ctx, Op, RunResult, Scenario};
use crate::plan::{HotSet, Plan};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Debug)]
enum Which {
    /// Release rush: every client books the few places of one office, type and day at once.
    Rush,
    /// Booking throughput when capacity is not the limit (every attempt can succeed).
    Bookings,
    /// Steady mix: availability 65 %, booking 20 %, cancellation 10 %, own list 5 %.
    Mix,
    /// Availability calendar queries over many offices, visit types and days.
    Availability,
    /// All of the above, one after another, each on a fresh database.
    All,
    /// Diagnostic (not in `all`): `GET /api/v1/me`, bearer authentication alone.
    Auth,
}

impl Which {
    fn name(self) -> &'static str {
        match self {
            Which::Rush => "rush",
            Which::Bookings => "bookings",
            Which::Mix => "mix",
            Which::Availability => "availability",
            Which::All => "all",
            Which::Auth => "auth",
        }
    }
}

#[derive(Parser, Debug)]
#[command(
    name = "termin-bench",
    about = "Load generator for Termín: starts the server on a fresh database, drives it over HTTP on 127.0.0.1, checks invariants in the database."
)]
struct Cli {
    /// Scenario to run.
    #[arg(long, value_enum, default_value = "all")]
    scenario: Which,
    /// `sqlite` (fresh file), `postgres` (fresh database on --pg-admin), `both`, a
    /// `postgres://` URL of a server where a fresh database may be created, or
    /// `sqlite://FILE` (a file that does not exist yet).
    #[arg(long, default_value = "sqlite")]
    database: String,
    /// Concurrent clients (default: 256 for the rush, 64 otherwise).
    #[arg(long)]
    clients: Option<usize>,
    /// Length of the measured phase in seconds.
    #[arg(long, default_value_t = 15.0)]
    duration: f64,
    /// Upper bound on the requests of the measured phase.
    #[arg(long, default_value_t = 2_000_000)]
    requests: u64,
    /// Pre-registered accounts (default: rush 20000, bookings 12000, mix 10000,
    /// availability 1000).
    #[arg(long)]
    accounts: Option<usize>,
    /// Unmeasured bookings made before the availability scenario.
    #[arg(long, default_value_t = 5000)]
    prefill: u64,
    /// Office of the rush's hot slots.
    #[arg(long, default_value = "praha-2")]
    hot_office: String,
    /// Visit type of the rush's hot slots.
    #[arg(long, default_value = "long-term-residence")]
    hot_visit_type: String,
    /// Working days of hot slots in the rush.
    #[arg(long, default_value_t = 1)]
    hot_days: usize,
    /// The termin binary (default: `termin` next to this executable).
    #[arg(long)]
    server_bin: Option<PathBuf>,
    /// PostgreSQL URL with the right to CREATE DATABASE.
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432/postgres")]
    pg_admin: String,
    /// Worker threads of the load generator's own runtime (default: all cores).
    #[arg(long)]
    client_threads: Option<usize>,
    /// Append one JSON object per run to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Keep the temporary folder (SQLite file, server log, outbox) and the PostgreSQL database.
    #[arg(long)]
    keep: bool,
    /// Where the server writes its mail files: `tmpfs` (default; a folder in /dev/shm, or in
    /// the run's folder where /dev/shm is missing) or `disk` (the run's folder, beside the
    /// SQLite file). On ext4, creating a file right after many were deleted scans the inode
    /// table for recently freed inodes, which costs a sixth of this machine at 2,000 mails/s;
    /// SMTP, what a deployment uses, creates no file (docs/benchmarks.md).
    #[arg(long, value_enum, default_value_t = Outbox::Tmpfs)]
    outbox: Outbox,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Outbox {
    Tmpfs,
    Disk,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    runtime.enable_all();
    if let Some(n) = cli.client_threads {
        runtime.worker_threads(n);
    }
    let runtime = runtime.build().expect("tokio runtime");
    match runtime.block_on(run_all(cli)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("termin-bench: invariant violations (see above)");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("termin-bench: {e}");
            ExitCode::from(2)
        }
    }
}

async fn run_all(cli: Cli) -> DbResult<bool> {
    let server_bin = match &cli.server_bin {
        Some(p) => p.clone(),
        None => std::env::current_exe()?
            .parent()
            .map(|d| d.join("termin"))
            .ok_or("no folder of the executable")?,
    };
    if !server_bin.exists() {
        return Err(format!(
            "{} not found: build it with `cargo build --release -p termin` or pass --server-bin",
            server_bin.display()
        )
        .into());
    }
    let backends: Vec<(Backend, Option<String>)> = match cli.database.as_str() {
        "sqlite" => vec![(Backend::Sqlite, None)],
        "postgres" => vec![(
            Backend::Postgres {
                admin_url: cli.pg_admin.clone(),
            },
            None,
        )],
        "both" => vec![
            (Backend::Sqlite, None),
            (
                Backend::Postgres {
                    admin_url: cli.pg_admin.clone(),
                },
                None,
            ),
        ],
        url if url.starts_with("postgres://") || url.starts_with("postgresql://") => vec![(
            Backend::Postgres {
                admin_url: url.to_string(),
            },
            None,
        )],
        url if url.starts_with("sqlite:") => vec![(Backend::Sqlite, Some(url.to_string()))],
        other => return Err(format!("unknown --database {other}").into()),
    };
    let scenarios: Vec<Which> = match cli.scenario {
        Which::All => vec![
            Which::Rush,
            Which::Bookings,
            Which::Mix,
            Which::Availability,
        ],
        one => vec![one],
    };
    let mut all_ok = true;
    for (backend, sqlite_url) in &backends {
        for &scenario in &scenarios {
            let ok = run_one(&cli, &server_bin, backend, sqlite_url.as_deref(), scenario).await?;
            all_ok &= ok;
        }
    }
    Ok(all_ok)
}

fn ms(micros: u32) -> f64 {
    f64::from(micros) / 1000.0
}

async fn run_one(
    cli: &Cli,
    server_bin: &std::path::Path,
    backend: &Backend,
    sqlite_url: Option<&str>,
    scenario: Which,
) -> DbResult<bool> {
    let clients = cli.clients.unwrap_or(match scenario {
        Which::Rush => 256,
        _ => 64,
    });
    let accounts_n = cli.accounts.unwrap_or(match scenario {
        Which::Rush => 20_000,
        Which::Bookings => 12_000,
        Which::Mix => 10_000,
        _ => 1_000,
    });
    let dir = std::env::temp_dir().join(format!(
        "termin-bench-{}-{:08x}",
        std::process::id(),
        rand::random::<u32>()
    ));
    std::fs::create_dir_all(&dir)?;
    let shm = std::path::Path::new("/dev/shm");
    let outbox = match cli.outbox {
        Outbox::Tmpfs if shm.is_dir() => shm.join(format!(
            "{}-outbox",
            dir.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("termin-bench")
        )),
        _ => dir.join("outbox"),
    };
    let mut fresh = FreshDb::create(backend, &dir).await?;
    if let Some(url) = sqlite_url {
        fresh.url = url.to_string();
    }
    println!();
    println!(
        "== {} on {} — {clients} clients, ≤ {} s, ≤ {} requests ==",
        scenario.name(),
        fresh.label,
        cli.duration,
        cli.requests
    );
    let result = drive(
        cli, server_bin, &fresh, &dir, &outbox, scenario, clients, accounts_n,
    )
    .await;
    if !cli.keep {
        fresh.drop_database().await;
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&outbox);
    } else {
        println!(
            "kept: {} and {} ({})",
            dir.display(),
            outbox.display(),
            fresh.url
        );
    }
    result
}

#[allow(clippy::too_many_arguments)]
async fn drive(
    cli: &Cli,
    server_bin: &std::path::Path,
    fresh: &FreshDb,
    dir: &std::path::Path,
    outbox: &std::path::Path,
    scenario: Which,
    clients: usize,
    accounts_n: usize,
) -> DbResult<bool> {
    let catalog = Catalog::shipped();
    let counters: HashMap<String, u32> = catalog
        .offices
        .iter()
        .map(|o| (o.id.as_str().to_string(), o.counters))
        .collect();

    // Setup: schema through the store, accounts and tokens in bulk.
    let setup_begin = Instant::now();
    let store = termin_store::connect(&fresh.url).await?;
    let db = Db::open(&fresh.url).await?;
    let settings = db.settings().await;
    let accounts = db::create_accounts(&*store, &db, accounts_n).await?;
    drop(store);
    let setup = setup_begin.elapsed();
    println!(
        "setup: {} verified accounts with API tokens in {:.2} s",
        accounts.len(),
        setup.as_secs_f64()
    );
    for (k, v) in &settings {
        println!("  {k} = {v}");
    }
    let accounts = Arc::new(accounts);

    println!("mail outbox: {}", outbox.display());
    let mut server = Server::start(server_bin, &fresh.url, dir, outbox).await?;
    let base = format!("http://127.0.0.1:{}/api/v1", server.port);
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .pool_idle_timeout(Duration::from_secs(300))
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(30))
        .build()?;

    let now = Timestamp::now();
    let plan = Arc::new(Plan::new(&catalog, now, 3, 45));
    let mut prior = load::Outcomes::default();
    let mut hot_desc = None;
    let load_scenario = match scenario {
        Which::Rush => {
            let hot = HotSet::new(
                &catalog,
                now,
                &cli.hot_office,
                &cli.hot_visit_type,
                3,
                cli.hot_days,
            )?;
            let desc = format!(
                "{} / {} on {}: {} slots × {} counters = {} places",
                hot.office,
                hot.visit_type,
                hot.days
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                hot.starts.len(),
                hot.capacity,
                hot.places()
            );
            println!("hot set: {desc}");
            hot_desc = Some((desc, hot.places()));
            Scenario::Rush(Arc::new(hot))
        }
        Which::Bookings => {
            println!(
                "targets: {} office × visit type pairs, {} – {}, {} places in all",
                plan.pairs.len(),
                plan.first_day,
                plan.last_day,
                (0..plan.visit_types.len())
                    .map(|v| plan.capacity_of(v))
                    .sum::<u64>()
            );
            Scenario::Bookings(plan.clone())
        }
        Which::Mix => Scenario::Mix(plan.clone()),
        Which::Auth => Scenario::Auth,
        Which::Availability => {
            if cli.prefill > 0 {
                let begin = Instant::now();
                prior = load::prefill(
                    http.clone(),
                    base.clone(),
                    plan.clone(),
                    accounts.clone(),
                    cli.prefill,
                    clients.min(64),
                )
                .await;
                println!(
                    "prefill (unmeasured): {} bookings through the API in {:.1} s",
                    prior.booked.len(),
                    begin.elapsed().as_secs_f64()
                );
                wait_for_mail(&db, Duration::from_secs(120)).await?;
            }
            Scenario::Availability(plan.clone())
        }
        Which::All => unreachable!(),
    };

    let ctx = Arc::new(Ctx::new(
        http.clone(),
        base.clone(),
        Duration::from_secs_f64(cli.duration),
        cli.requests,
    ));
    let pg_before = db.pg_counters().await;
    let mark = env::cpu_mark(server.pid());
    let result = load::run(ctx, load_scenario, accounts.clone(), clients).await;
    let cpu = env::cpu_since(&mark, server.pid());

    let pending_at_end = db.pending_jobs().await?;
    let drain = wait_for_mail(&db, Duration::from_secs(180)).await?;
    // PostgreSQL publishes a backend's counters within about a second of its transactions.
    let pg_delta = match pg_before {
        Some(before) => {
            tokio::time::sleep(Duration::from_millis(1500)).await;
            db.pg_counters().await.map(|after| {
                [
                    after[0] - before[0],
                    after[1] - before[1],
                    after[2] - before[2],
                ]
            })
        }
        None => None,
    };

    let mut outcomes = result.outcomes;
    outcomes.booked.extend(prior.booked);
    outcomes.cancelled.extend(prior.cancelled);
    outcomes.unknown_bookings += prior.unknown_bookings;
    let checks = db::check_invariants(&db, &outcomes, &counters).await?;
    let mut checks = checks;
    if let Some((_, places)) = &hot_desc {
        let sold = result
            .codes
            .iter()
            .filter(|((op, code), _)| *op == Op::Book && code == "201")
            .map(|(_, n)| *n)
            .sum::<u64>();
        checks.push(Check {
            name: "rush: confirmed bookings ≤ places of the hot set",
            violations: sold.saturating_sub(*places) as i64,
            note: format!("{sold} sold of {places}"),
        });
    }
    db.close().await;
    server.stop();

    let result = RunResult { outcomes, ..result };
    let ok = report(
        cli,
        fresh,
        scenario,
        &result,
        &cpu,
        &checks,
        setup,
        pending_at_end,
        drain,
        hot_desc.as_ref().map(|h| h.0.as_str()),
        &settings,
        accounts.len(),
        pg_delta,
    )?;
    Ok(ok)
}

/// Waits until the worker has sent every mail job; returns how long it took.
async fn wait_for_mail(db: &Db, limit: Duration) -> DbResult<Option<Duration>> {
    let begin = Instant::now();
    loop {
        if db.pending_jobs().await? == 0 {
            return Ok(Some(begin.elapsed()));
        }
        if begin.elapsed() > limit {
            return Ok(None);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    cli: &Cli,
    fresh: &FreshDb,
    scenario: Which,
    r: &RunResult,
    cpu: &CpuUse,
    checks: &[Check],
    setup: Duration,
    pending_at_end: i64,
    drain: Option<Duration>,
    hot: Option<&str>,
    settings: &[(String, String)],
    accounts: usize,
    pg_delta: Option<[i64; 3]>,
) -> DbResult<bool> {
    let secs = r.elapsed.as_secs_f64();
    println!(
        "measured: {:.2} s, {} clients, {} requests, {:.0} answered/s",
        secs,
        r.clients,
        r.total.count,
        r.per_sec(r.total.answered)
    );
    println!(
        "  {:<16} {:>9} {:>10} {:>9} {:>10} {:>8} {:>8} {:>8} {:>8}",
        "op", "requests", "req/s", "2xx", "2xx/s", "p50 ms", "p95 ms", "p99 ms", "max ms"
    );
    let mut ops_json = Vec::new();
    for s in r.ops.iter().chain(std::iter::once(&r.total)) {
        let name = if std::ptr::eq(s, &r.total) {
            "all"
        } else {
            s.op.name()
        };
        println!(
            "  {:<16} {:>9} {:>10.0} {:>9} {:>10.0} {:>8.2} {:>8.2} {:>8.2} {:>8.2}",
            name,
            s.count,
            r.per_sec(s.count),
            s.success,
            r.per_sec(s.success),
            ms(s.p50),
            ms(s.p95),
            ms(s.p99),
            ms(s.max)
        );
        ops_json.push(json!({
            "op": name, "requests": s.count, "answered": s.answered, "success": s.success,
            "per_sec": r.per_sec(s.count), "answered_per_sec": r.per_sec(s.answered),
            "success_per_sec": r.per_sec(s.success),
            "p50_ms": ms(s.p50), "p95_ms": ms(s.p95), "p99_ms": ms(s.p99), "max_ms": ms(s.max),
            "mean_ms": s.mean / 1000.0,
        }));
    }
    for (op, per) in &r.timeline {
        println!(
            "  {} 2xx per second: {}",
            op.name(),
            per.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    println!("  answers by code:");
    let mut codes_json = Vec::new();
    for ((op, code), n) in &r.codes {
        println!("    {:<16} {:<32} {:>9}", op.name(), code, n);
        codes_json.push(json!({"op": op.name(), "code": code, "count": n}));
    }
    if let Some(at) = r.last_booking_at
        && hot.is_some()
    {
        println!("  last 201 at {:.3} s after the start", at.as_secs_f64());
    }
    println!(
        "  cpu (cores): server {:.2}, postgres {:.2}, load generator {:.2}, rest (kernel, other processes) {:.2}; machine busy {:.2}, iowait {:.2}",
        cpu.server,
        cpu.postgres,
        cpu.bench,
        (cpu.machine_busy - cpu.server - cpu.postgres - cpu.bench).max(0.0),
        cpu.machine_busy,
        cpu.machine_iowait
    );
    let writes = r
        .codes
        .iter()
        .filter(|((op, code), _)| matches!(op, Op::Book | Op::Cancel) && code.starts_with('2'))
        .map(|(_, n)| *n)
        .sum::<u64>();
    if let Some([commits, rollbacks, syncs]) = pg_delta {
        let ratios = format!(
            "; per request {:.2} commits, {:.2} WAL flushes{}",
            commits as f64 / r.total.count.max(1) as f64,
            syncs as f64 / r.total.count.max(1) as f64,
            if writes > 0 {
                format!(
                    "; per successful booking/cancellation {:.2} commits, {:.2} WAL flushes",
                    commits as f64 / writes as f64,
                    syncs as f64 / writes as f64
                )
            } else {
                String::new()
            }
        );
        println!(
            "  postgres until mail drained: {commits} commits, {rollbacks} rollbacks, {syncs} WAL flushes (fsync){ratios}"
        );
    }
    match drain {
        Some(d) => println!(
            "  mail: {pending_at_end} jobs pending when the load stopped, all sent {:.1} s later",
            d.as_secs_f64()
        ),
        None => {
            println!("  mail: {pending_at_end} jobs pending when the load stopped, NOT drained")
        }
    }
    println!("invariants:");
    let mut ok = true;
    let mut checks_json = Vec::new();
    for c in checks {
        let pass = c.violations == 0;
        ok &= pass;
        println!(
            "  {} {:<72} {}{}",
            if pass { "ok  " } else { "FAIL" },
            c.name,
            if pass {
                String::new()
            } else {
                format!("{} violations ", c.violations)
            },
            c.note
        );
        checks_json.push(json!({"name": c.name, "violations": c.violations, "note": c.note}));
    }
    println!("result: {}", if ok { "PASS" } else { "FAIL" });
    if let Some(path) = &cli.json {
        let line = json!({
            "scenario": scenario.name(),
            "backend": fresh.label,
            "clients": r.clients,
            "accounts": accounts,
            "duration_s": secs,
            "setup_s": setup.as_secs_f64(),
            "mail_outbox": format!("{:?}", cli.outbox).to_lowercase(),
            "hot": hot,
            "last_201_s": r.last_booking_at.map(|d| d.as_secs_f64()),
            "ops": ops_json,
            "codes": codes_json,
            "timeline": r.timeline.iter().map(|(op, per)| json!({"op": op.name(), "per_second": per})).collect::<Vec<_>>(),
            "cpu": {"server": cpu.server, "postgres": cpu.postgres, "bench": cpu.bench,
                     "machine_busy": cpu.machine_busy, "machine_iowait": cpu.machine_iowait},
            "pg_commits_rollbacks_walsyncs": pg_delta,
            "mail_pending_at_end": pending_at_end,
            "mail_drain_s": drain.map(|d| d.as_secs_f64()),
            "checks": checks_json,
            "ok": ok,
            "settings": settings.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>(),
        });
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)?;
        writeln!(f, "{line}")?;
    }
    Ok(ok)
}
