//! The system under test: a fresh database (SQLite file or PostgreSQL database), the `termin`
//! binary started on a loopback port, and CPU accounting of the processes involved.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sqlx::Connection;

use crate::db::DbResult;

pub enum Backend {
    Sqlite,
    Postgres { admin_url: String },
}

/// A fresh database for one run, removed on drop of the run (unless kept).
pub struct FreshDb {
    pub url: String,
    pub label: &'static str,
    pg: Option<(String, String)>,
}

impl FreshDb {
    pub async fn create(backend: &Backend, dir: &Path) -> DbResult<FreshDb> {
        match backend {
            Backend::Sqlite => Ok(FreshDb {
                url: format!("sqlite://{}", dir.join("termin-bench.db").display()),
                label: "sqlite",
                pg: None,
            }),
            Backend::Postgres { admin_url } => {
                let name = format!("termin_bench_{:08x}", rand::random::<u32>());
                let mut conn = sqlx::PgConnection::connect(admin_url).await?;
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await?;
                conn.close().await?;
                // Same server and credentials, the new database in the path.
                let host_start = admin_url.find("://").map_or(0, |i| i + 3);
                let base = match admin_url[host_start..].find('/') {
                    Some(i) => &admin_url[..host_start + i],
                    None => admin_url.split('?').next().unwrap_or(admin_url),
                };
                let url = format!("{base}/{name}");
                Ok(FreshDb {
                    url,
                    label: "postgres",
                    pg: Some((admin_url.clone(), name)),
                })
            }
        }
    }

    pub async fn drop_database(&self) {
        if let Some((admin, name)) = &self.pg
            && let Ok(mut conn) = sqlx::PgConnection::connect(admin).await
        {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut conn)
            .await;
            let _ = conn.close().await;
        }
    }
}

pub struct Server {
    child: Child,
    pub port: u16,
    pub log: PathBuf,
}

impl Server {
    /// Starts `termin serve` with its log in `dir` and its mail written to `outbox`.
    pub async fn start(bin: &Path, url: &str, dir: &Path, outbox: &Path) -> DbResult<Server> {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0")?;
            l.local_addr()?.port()
        };
        let log = dir.join("server.log");
        let out = std::fs::File::create(&log)?;
        let child = Command::new(bin)
            .arg("serve")
            .arg("--bind")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--database")
            .arg(url)
            .env("TERMIN_MAIL_OUTBOX", outbox)
            .env("TERMIN_LOG", "warn")
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let mut server = Server { child, port, log };
        let health = format!("http://127.0.0.1:{port}/ready");
        let http = reqwest::Client::new();
        let begin = Instant::now();
        loop {
            if let Ok(r) = http.get(&health).send().await
                && r.status().is_success()
            {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!(
                    "termin exited with {status}: {}",
                    std::fs::read_to_string(&server.log).unwrap_or_default()
                )
                .into());
            }
            if begin.elapsed() > Duration::from_secs(60) {
                server.stop();
                return Err("termin did not become ready within 60 s".into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGTERM (graceful: finishes requests, stops the worker), SIGKILL after 15 s.
    pub fn stop(&mut self) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let begin = Instant::now();
        while begin.elapsed() < Duration::from_secs(15) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.stop();
        }
    }
}

fn ticks_per_sec() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .unwrap_or(100.0)
}

/// utime + stime of a process, in ticks.
fn proc_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of stat(5); `after` starts at field 3.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Ticks of every process whose command name is `name` (PostgreSQL backends).
fn ticks_named(name: &str) -> u64 {
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for e in entries.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                continue;
            };
            let Ok(comm) = std::fs::read_to_string(format!("/proc/{pid}/comm")) else {
                continue;
            };
            if comm.trim() == name {
                total += proc_ticks(pid).unwrap_or(0);
            }
        }
    }
    total
}

/// (busy, iowait, total) jiffies of the whole machine.
fn machine() -> (u64, u64, u64) {
    let stat = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let line = stat.lines().next().unwrap_or("");
    let v: Vec<u64> = line
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    if v.len() < 5 {
        return (0, 0, 0);
    }
    let total: u64 = v.iter().take(8).sum();
    let idle = v[3];
    let iowait = v[4];
    (total - idle - iowait, iowait, total)
}

pub struct CpuMark {
    at: Instant,
    server: u64,
    bench: u64,
    postgres: u64,
    machine: (u64, u64, u64),
}

/// CPU used during the measured phase, in cores (1.0 = one core busy the whole time).
#[derive(Clone, Copy, Default)]
pub struct CpuUse {
    pub server: f64,
    pub bench: f64,
    pub postgres: f64,
    pub machine_busy: f64,
    pub machine_iowait: f64,
}

pub fn cpu_mark(server_pid: u32) -> CpuMark {
    CpuMark {
        at: Instant::now(),
        server: proc_ticks(server_pid).unwrap_or(0),
        bench: proc_ticks(std::process::id()).unwrap_or(0),
        postgres: ticks_named("postgres"),
        machine: machine(),
    }
}

pub fn cpu_since(mark: &CpuMark, server_pid: u32) -> CpuUse {
    let secs = mark.at.elapsed().as_secs_f64();
    let hz = ticks_per_sec();
    let now = cpu_mark(server_pid);
    let cores = |a: u64, b: u64| (b.saturating_sub(a)) as f64 / hz / secs;
    let total = (now.machine.2.saturating_sub(mark.machine.2)) as f64;
    let ncpu = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1) as f64;
    CpuUse {
        server: cores(mark.server, now.server),
        bench: cores(mark.bench, now.bench),
        postgres: cores(mark.postgres, now.postgres),
        machine_busy: if total > 0.0 {
            (now.machine.0.saturating_sub(mark.machine.0)) as f64 / total * ncpu
        } else {
            0.0
        },
        machine_iowait: if total > 0.0 {
            (now.machine.1.saturating_sub(mark.machine.1)) as f64 / total * ncpu
        } else {
            0.0
        },
    }
}
