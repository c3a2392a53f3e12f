//! The binary as an operator uses it: migrate, create staff, refuse unsafe flags, explain itself.

use std::io::Write;
use std::process::{Command, Stdio};

fn termin(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_termin"));
    cmd.current_dir(dir)
        .env_remove("TERMIN_DATABASE_URL")
        .env_remove("TERMIN_BIND")
        .env("TERMIN_LOG", "error");
    cmd
}

#[test]
fn migrate_creates_the_sqlite_file_named_by_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested-name.db");
    let out = termin(dir.path())
        .args(["migrate", "--database"])
        .arg(format!("sqlite://{}", db.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(db.exists());
}

#[test]
fn admin_create_user_reads_the_password_from_stdin_and_refuses_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let create = || {
        let mut child = termin(dir.path())
            .args([
                "admin",
                "create-user",
                "--email",
                "Clerk@MVCR.cz",
                "--role",
                "staff",
            ])
            .args(["--office", "praha-2", "--database", &url])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"a long staff password\n")
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let first = create();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).contains("clerk@mvcr.cz"));
    let second = create();
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("already exists"));
}

#[test]
fn admin_create_user_refuses_an_unknown_office() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let mut child = termin(dir.path())
        .args([
            "admin",
            "create-user",
            "--email",
            "x@mvcr.cz",
            "--role",
            "staff",
        ])
        .args(["--office", "atlantis", "--database", &url])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long staff password\n")
        .unwrap();
    assert!(!child.wait_with_output().unwrap().status.success());
}

#[test]
fn serve_refuses_the_dev_clock_on_a_public_address() {
    let dir = tempfile::tempdir().unwrap();
    let out = termin(dir.path())
        .args(["serve", "--bind", "0.0.0.0:0", "--dev-clock", "--database"])
        .arg(format!("sqlite://{}", dir.path().join("t.db").display()))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("loopback"));
}

#[test]
fn every_subcommand_explains_its_flags() {
    let dir = tempfile::tempdir().unwrap();
    for (args, expect) in [
        (vec!["--help"], "serve"),
        (vec!["serve", "--help"], "--dev-clock"),
        (vec!["migrate", "--help"], "--database"),
        (vec!["admin", "create-user", "--help"], "--office"),
    ] {
        let out = termin(dir.path()).args(&args).output().unwrap();
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(expect),
            "{args:?}"
        );
    }
}

#[test]
fn settings_come_from_the_environment_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("from-env.db");
    let out = termin(dir.path())
        .arg("migrate")
        .env("TERMIN_DATABASE_URL", format!("sqlite://{}", db.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(db.exists());
}

#[test]
fn a_settings_file_is_read_and_a_flag_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let from_file = dir.path().join("from-file.db");
    let from_flag = dir.path().join("from-flag.db");
    std::fs::write(
        dir.path().join("termin.toml"),
        format!("database_url = \"sqlite://{}\"\n", from_file.display()),
    )
    .unwrap();
    assert!(
        termin(dir.path())
            .arg("migrate")
            .status()
            .unwrap()
            .success()
    );
    assert!(from_file.exists());
    let status = termin(dir.path())
        .args(["migrate", "--database"])
        .arg(format!("sqlite://{}", from_flag.display()))
        .status()
        .unwrap();
    assert!(status.success());
    assert!(from_flag.exists());
}
