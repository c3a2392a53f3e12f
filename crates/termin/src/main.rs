//! `termin`: the reservation and queue system of the foreigners' residence offices (OAMP).
//!
//! Settings are layered: built-in defaults → `termin.toml` (or `--config FILE`) → `TERMIN_*`
//! environment variables (nested keys with `__`, e.g. `TERMIN_POLICY__HORIZON_DAYS=30`) →
//! command-line flags.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use termin_server::Config;
use termin_store::Role;

/// mimalloc instead of the system allocator: availability answers allocate a lot (slot
/// lists, strings, JSON), and glibc malloc/free took a fifth of the server's CPU there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "termin",
    version,
    about = "Reservations and queues for the foreigners' residence offices of the Czech Ministry of the Interior (OAMP)."
)]
struct Cli {
    /// Settings file (TOML); default: ./termin.toml when it exists.
    #[arg(long, global = true, env = "TERMIN_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Default)]
struct Common {
    /// Database URL: sqlite://path/termin.db (created when missing) or postgres://…
    #[arg(long = "database", value_name = "URL")]
    database_url: Option<String>,
    /// Folder with offices.toml and visit_types.toml replacing the shipped office data.
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server and the job worker (creates and migrates the database).
    Serve {
        #[command(flatten)]
        common: Common,
        /// Address to listen on, e.g. 127.0.0.1:8080.
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
        /// Public address for links in e-mails, e.g. https://termin.example.cz.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Write outgoing e-mail as files into DIR instead of sending it (env TERMIN_MAIL_OUTBOX).
        #[arg(long, value_name = "DIR")]
        mail_outbox: Option<PathBuf>,
        /// Enable PUT /api/v1/dev/clock for tests (loopback addresses only).
        #[arg(long)]
        dev_clock: bool,
    },
    /// Create or upgrade the database schema, then exit.
    Migrate {
        #[command(flatten)]
        common: Common,
    },
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a staff member or administrator; reads the password from the first line of
    /// standard input. The e-mail counts as verified.
    CreateUser {
        #[command(flatten)]
        common: Common,
        #[arg(long)]
        email: String,
        #[arg(long, value_enum)]
        role: CliRole,
        /// Full name shown to colleagues (default: the e-mail).
        #[arg(long)]
        name: Option<String>,
        /// Office the staff member works at (repeatable), e.g. --office praha-2.
        #[arg(long = "office", value_name = "ID")]
        offices: Vec<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum CliRole {
    Staff,
    Admin,
}

fn load_config(file: Option<&PathBuf>, common: &Common) -> Result<Config, Box<figment::Error>> {
    let mut figment = Figment::from(Serialized::defaults(Config::default()));
    figment = match file {
        Some(path) => figment.merge(Toml::file_exact(path)),
        None => figment.merge(Toml::file("termin.toml")),
    };
    figment = figment.merge(Env::prefixed("TERMIN_").split("__"));
    if let Some(url) = &common.database_url {
        figment = figment.merge(("database_url", url));
    }
    if let Some(dir) = &common.data_dir {
        figment = figment.merge(("data_dir", dir));
    }
    Ok(figment.extract()?)
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("TERMIN_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let json = std::env::var("TERMIN_LOG_FORMAT").is_ok_and(|f| f == "json");
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    init_tracing();
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("termin: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> termin_server::anyhow_free::Result<()> {
    match cli.command {
        Command::Serve {
            common,
            bind,
            base_url,
            mail_outbox,
            dev_clock,
        } => {
            let mut config = load_config(cli.config.as_ref(), &common)?;
            if let Some(bind) = bind {
                config.bind = bind;
            }
            if base_url.is_some() {
                config.base_url = base_url;
            }
            if mail_outbox.is_some() {
                config.mail_outbox = mail_outbox;
            }
            config.dev_clock |= dev_clock;
            let state = termin_server::build(config).await?;
            termin_server::serve(state).await
        }
        Command::Migrate { common } => {
            let config = load_config(cli.config.as_ref(), &common)?;
            termin_store::connect(&config.database_url).await?;
            println!("database at {} is up to date", config.database_url);
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::CreateUser {
                    common,
                    email,
                    role,
                    name,
                    offices,
                },
        } => {
            let config = load_config(cli.config.as_ref(), &common)?;
            let mut password = String::new();
            std::io::stdin().lock().read_line(&mut password)?;
            let password = password.trim_end_matches(['\r', '\n']);
            let state = termin_server::build(config).await?;
            let role = match role {
                CliRole::Staff => Role::Staff,
                CliRole::Admin => Role::Admin,
            };
            let name = name.unwrap_or_else(|| email.clone());
            let account = termin_server::services::accounts::create_user(
                &state, &email, password, &name, role, offices,
            )
            .await
            .map_err(|e| e.message(termin_domain::Language::En))?;
            println!(
                "created {} {} (account {})",
                role.as_str(),
                account.email,
                account.id
            );
            Ok(())
        }
    }
}
