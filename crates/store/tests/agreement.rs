//! The database's SQL versions of the booking rules agree with the pure rules of
//! `termin_domain::BookingPolicy` (policy.rs).
//!
//! Each case is a random history of two applicants on a fresh database (SQLite by default,
//! PostgreSQL with `TERMIN_TEST_BACKEND=postgres`): bookings at random starts ahead, client
//! cancellations, time passing (by random waits and by jumps to the instants where a rule
//! changes its answer, one second either side), appointments checked in at the kiosk and
//! then served, left waiting or marked no-show at the counter, and no-show sweeps. The test
//! keeps its own model of each account (its appointments, hence its no-show and
//! cancellation instants) and asks the policy's functions what the store must answer at
//! every step: `book` (booked, blocked until the policy's instant, already booked), `cancel`
//! (cancelled, refused for the policy's reason, not cancellable), `history`, the statuses of
//! `appointments` and the count of `sweep_no_shows`, all compared exactly.
//!
//! The policy is the sources' rules scaled down (hours instead of days, limits of 1 to 3),
//! drawn per case, so that blocks and refusals happen within a dozen operations.

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use proptest::strategy::{BoxedStrategy, Union};
use proptest::test_runner::TestCaseError;
use serde_json::json;
use termin_domain::{AppointmentStatus, BookingPolicy, CancelRefusal, Transition};
use termin_store::testing::test_database;
use termin_store::*;

const OFFICE: &str = "praha-1";
/// A few visit types: a second booking of one that is still active is `already-booked`, and
/// a `booked` appointment past its window that stands in the way is written as a no-show first.
const VISIT_TYPES: [&str; 3] = ["residence-permit", "biometrics", "permanent-residence"];
const ACCOUNTS: usize = 2;
/// Cases per test unless `PROPTEST_CASES` says otherwise; each one has a database of its own.
const CASES: u32 = 24;

fn hours(h: i64) -> SignedDuration {
    SignedDuration::from_hours(h)
}

fn mins(m: i64) -> SignedDuration {
    SignedDuration::from_mins(m)
}

fn secs(s: i64) -> SignedDuration {
    SignedDuration::from_secs(s)
}

/// When every history begins.
fn beginning() -> Timestamp {
    "2026-12-01T07:00:00Z".parse().unwrap()
}

/// Before anything happened: `history` from here returns all of it.
fn long_before() -> Timestamp {
    beginning() - hours(24 * 30)
}

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = CASES;
    }
    // Every case and every shrinking step needs a database: keep a failure's search bounded,
    // and write no regression files next to the sources.
    config.max_shrink_iters = 200;
    config.max_shrink_time = 120_000;
    config.failure_persistence = None;
    config
}

// ---- what a history is made of ------------------------------------------------------------

/// Which rule a test's histories lean towards (every test checks every answer).
#[derive(Debug, Clone, Copy)]
enum Focus {
    Block,
    Cancellation,
    History,
}

#[derive(Debug, Clone)]
struct Step {
    time: Move,
    act: Act,
}

/// How time moves before the step's action.
#[derive(Debug, Clone)]
enum Move {
    Wait {
        mins: i64,
    },
    /// To an instant where a rule changes its answer for the account, `delta_secs` (−1, 0
    /// or 1) either side; stays put when there is none ahead.
    Jump {
        account: usize,
        to: Boundary,
        pick: usize,
        delta_secs: i64,
    },
}

#[derive(Debug, Clone, Copy)]
enum Boundary {
    /// A booked appointment's check-in window closes: it becomes a no-show.
    NoShowAt,
    /// A no-show leaves the no-show window.
    NoShowLeavesWindow,
    /// A block that a no-show would start ends.
    BlockEnds,
    /// A cancellation leaves the cancellation window.
    CancellationLeavesWindow,
    /// The last instant a booked appointment may be cancelled (the notice).
    NoticeEnds,
}

#[derive(Debug, Clone)]
enum Act {
    Book {
        account: usize,
        visit_type: usize,
        lead_mins: i64,
    },
    /// Its client cancels one of the appointments: a booked one (if there is none, nothing
    /// happens), or (`any`) any one.
    Cancel {
        pick: usize,
        any: bool,
    },
    /// Moves time into the check-in window of one of the account's booked appointments and
    /// checks it in at the kiosk; then the clerk acts.
    Floor {
        account: usize,
        pick: usize,
        offset_secs: i64,
        then: AtCounter,
    },
    Sweep,
    Nothing,
}

#[derive(Debug, Clone, Copy)]
enum AtCounter {
    /// Checked in and still waiting: active, never a no-show.
    LeftWaiting,
    Served,
    /// Called, never came to the counter.
    MarkedNoShow,
}

fn weighted<T: std::fmt::Debug + 'static>(
    arms: Vec<(u32, BoxedStrategy<T>)>,
) -> Union<BoxedStrategy<T>> {
    Union::new_weighted(arms.into_iter().filter(|(w, _)| *w > 0).collect())
}

/// Account 0 gets most of the history, so that its limits are reached; account 1 is there
/// to show that one account's events never count for another.
fn account() -> impl Strategy<Value = usize> {
    prop_oneof![4 => Just(0usize), 1 => Just(1usize)]
}

/// The sources' rules scaled down from days to hours, with small limits. A cancellation
/// history gets a longer cancellation window, so that its cancellations add up to the limit.
fn small_policy(focus: Focus) -> impl Strategy<Value = BookingPolicy> {
    let cancellation_hours = match focus {
        Focus::Cancellation => 8i64..=36,
        Focus::Block | Focus::History => 4i64..=16,
    };
    (
        1i64..=3,
        prop_oneof![3 => Just(2u32), 2 => Just(1u32), 1 => Just(3u32)],
        cancellation_hours,
        prop_oneof![3 => Just(2u32), 1 => Just(1u32), 1 => Just(3u32)],
        3i64..=12,
        1i64..=8,
        prop::sample::select(vec![10i64, 15, 20]),
    )
        .prop_map(
            |(
                notice,
                cancellations,
                cancellation_hours,
                no_shows,
                no_show_hours,
                block,
                closes,
            )| {
                BookingPolicy {
                    cancel_notice: hours(notice),
                    cancellation_limit: cancellations,
                    cancellation_window: hours(cancellation_hours),
                    no_show_limit: no_shows,
                    no_show_window: hours(no_show_hours),
                    block_for: hours(block),
                    checkin_opens_before: mins(30),
                    checkin_closes_after: mins(closes),
                    ..BookingPolicy::default()
                }
            },
        )
}

fn time_move(focus: Focus) -> impl Strategy<Value = Move> {
    // Long waits let events leave their windows; in a cancellation history they would
    // also leave no appointment far enough ahead to cancel.
    let long = match focus {
        Focus::Cancellation => 0,
        Focus::Block | Focus::History => 1,
    };
    let wait = weighted(vec![
        (2, Just(0i64).boxed()),
        (4, (1i64..=90).boxed()),
        (2, (90i64..=360).boxed()),
        (long, (360i64..=900).boxed()),
    ])
    .prop_map(|mins| Move::Wait { mins })
    .boxed();
    let (no_show_at, leaves, block_ends, cancellation_leaves, notice) = match focus {
        Focus::Block => (2, 2, 3, 0, 0),
        Focus::Cancellation => (1, 0, 0, 3, 3),
        Focus::History => (4, 1, 1, 1, 1),
    };
    let boundary = weighted(vec![
        (no_show_at, Just(Boundary::NoShowAt).boxed()),
        (leaves, Just(Boundary::NoShowLeavesWindow).boxed()),
        (block_ends, Just(Boundary::BlockEnds).boxed()),
        (
            cancellation_leaves,
            Just(Boundary::CancellationLeavesWindow).boxed(),
        ),
        (notice, Just(Boundary::NoticeEnds).boxed()),
    ]);
    let jump = (account(), boundary, any::<usize>(), -1i64..=1)
        .prop_map(|(account, to, pick, delta_secs)| Move::Jump {
            account,
            to,
            pick,
            delta_secs,
        })
        .boxed();
    weighted(vec![(2, wait), (1, jump)])
}

fn act(focus: Focus) -> impl Strategy<Value = Act> {
    // Short leads lapse soon (no-shows); long ones leave time to cancel.
    let lead = match focus {
        Focus::Block => 20i64..=300,
        Focus::Cancellation => 120i64..=1440,
        Focus::History => 20i64..=600,
    };
    let book = (account(), 0..VISIT_TYPES.len(), lead)
        .prop_map(|(account, visit_type, lead_mins)| Act::Book {
            account,
            visit_type,
            lead_mins,
        })
        .boxed();
    let cancel = (any::<usize>(), prop::bool::weighted(0.1))
        .prop_map(|(pick, any)| Act::Cancel { pick, any })
        .boxed();
    let then = prop_oneof![
        1 => Just(AtCounter::LeftWaiting),
        1 => Just(AtCounter::Served),
        3 => Just(AtCounter::MarkedNoShow),
    ];
    let floor = (account(), any::<usize>(), 0i64..3_600, then)
        .prop_map(|(account, pick, offset_secs, then)| Act::Floor {
            account,
            pick,
            offset_secs,
            then,
        })
        .boxed();
    let (b, c, f, s, n) = match focus {
        Focus::Block => (6, 1, 3, 1, 1),
        Focus::Cancellation => (7, 5, 1, 1, 0),
        Focus::History => (4, 2, 4, 2, 1),
    };
    weighted(vec![
        (b, book),
        (c, cancel),
        (f, floor),
        (s, Just(Act::Sweep).boxed()),
        (n, Just(Act::Nothing).boxed()),
    ])
}

fn history(focus: Focus) -> impl Strategy<Value = Vec<Step>> {
    // A cancellation needs a booking before it: those histories are longer.
    let length = match focus {
        Focus::Cancellation => 8..=16,
        Focus::Block | Focus::History => 4..=14,
    };
    prop::collection::vec(
        (time_move(focus), act(focus)).prop_map(|(time, act)| Step { time, act }),
        length,
    )
}

// ---- the model: what the policy says ------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// As booked; the policy decides whether time has made it a no-show.
    Booked,
    CheckedIn,
    Served,
    NoShow(Timestamp),
    Cancelled(Timestamp),
}

#[derive(Debug, Clone)]
struct Made {
    id: AppointmentId,
    account: usize,
    visit_type: usize,
    start: Timestamp,
    state: State,
}

impl Made {
    /// The status the policy gives it at `now`.
    fn status(&self, policy: &BookingPolicy, now: Timestamp) -> AppointmentStatus {
        match self.state {
            State::Booked => policy.effective_status(AppointmentStatus::Booked, self.start, now),
            State::CheckedIn => AppointmentStatus::CheckedIn,
            State::Served => AppointmentStatus::Served,
            State::NoShow(_) => AppointmentStatus::NoShow,
            State::Cancelled(_) => AppointmentStatus::Cancelled,
        }
    }

    /// The instant of its no-show at `now`, if it is one: marked at the counter, or still
    /// booked when the check-in window closed.
    fn no_show(&self, policy: &BookingPolicy, now: Timestamp) -> Option<Timestamp> {
        match self.state {
            State::NoShow(at) => Some(at),
            State::Booked if self.status(policy, now) == AppointmentStatus::NoShow => {
                Some(policy.no_show_at(self.start))
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum BookAnswer {
    Booked,
    Blocked { until: Timestamp },
    AlreadyBooked,
    Unexpected(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum CancelAnswer {
    Cancelled,
    Refused(CancelRefusal),
    NotCancellable,
    Unexpected(String),
}

struct Model {
    policy: BookingPolicy,
    made: Vec<Made>,
}

impl Model {
    fn of(&self, account: usize) -> impl Iterator<Item = &Made> {
        self.made.iter().filter(move |m| m.account == account)
    }

    fn no_shows(&self, account: usize, now: Timestamp) -> Vec<Timestamp> {
        let mut at: Vec<Timestamp> = self
            .of(account)
            .filter_map(|m| m.no_show(&self.policy, now))
            .collect();
        at.sort_unstable();
        at
    }

    fn cancellations(&self, account: usize) -> Vec<Timestamp> {
        let mut at: Vec<Timestamp> = self
            .of(account)
            .filter_map(|m| match m.state {
                State::Cancelled(at) => Some(at),
                _ => None,
            })
            .collect();
        at.sort_unstable();
        at
    }

    /// The no-show block first (`BookingPolicy::blocked_until` on the account's no-shows),
    /// then one active appointment per person and visit type.
    fn book(&self, account: usize, visit_type: usize, now: Timestamp) -> BookAnswer {
        if let Some(until) = self.policy.blocked_until(&self.no_shows(account, now), now) {
            return BookAnswer::Blocked { until };
        }
        let active = self
            .of(account)
            .any(|m| m.visit_type == visit_type && m.status(&self.policy, now).is_active());
        if active {
            BookAnswer::AlreadyBooked
        } else {
            BookAnswer::Booked
        }
    }

    /// Only a booked appointment can be cancelled by its client; then
    /// `BookingPolicy::check_cancel` on the account's cancellations decides.
    fn cancel(&self, k: usize, now: Timestamp) -> CancelAnswer {
        let m = &self.made[k];
        if m.status(&self.policy, now) != AppointmentStatus::Booked {
            return CancelAnswer::NotCancellable;
        }
        match self
            .policy
            .check_cancel(m.start, &self.cancellations(m.account), now)
        {
            Ok(()) => CancelAnswer::Cancelled,
            Err(refusal) => CancelAnswer::Refused(refusal),
        }
    }

    /// The instants where a rule changes its answer for the account.
    fn boundaries(&self, account: usize, to: Boundary) -> Vec<Timestamp> {
        let p = &self.policy;
        // Every instant that is or will be a no-show if nothing else happens.
        let no_shows = self.of(account).filter_map(|m| match m.state {
            State::Booked => Some(p.no_show_at(m.start)),
            State::NoShow(at) => Some(at),
            _ => None,
        });
        let booked = self.of(account).filter(|m| m.state == State::Booked);
        match to {
            Boundary::NoShowAt => booked.map(|m| p.no_show_at(m.start)).collect(),
            Boundary::NoShowLeavesWindow => no_shows.map(|t| t + p.no_show_window).collect(),
            Boundary::BlockEnds => no_shows.map(|t| t + p.block_for).collect(),
            Boundary::CancellationLeavesWindow => self
                .cancellations(account)
                .into_iter()
                .map(|t| t + p.cancellation_window)
                .collect(),
            Boundary::NoticeEnds => booked.map(|m| m.start - p.cancel_notice).collect(),
        }
    }
}

// ---- running a history against the store -------------------------------------------------

fn fail(what: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(what.to_string())
}

fn booking_mail() -> BookingJob {
    Box::new(|a: &Appointment| NewJob {
        kind: "booking-confirmation".into(),
        payload: json!({ "appointment": a.id, "sequence": a.sequence }),
        run_at: a.status_changed_at,
        dedupe_key: Some(format!("booked:{}", a.id)),
    })
}

fn cancellation_mail() -> JobFor<'static, Appointment> {
    Box::new(|a: &Appointment| NewJob {
        kind: "cancellation-confirmation".into(),
        payload: json!({ "appointment": a.id, "sequence": a.sequence }),
        run_at: a.status_changed_at,
        dedupe_key: None,
    })
}

fn new_account(email: &str, role: Role) -> NewAccount {
    NewAccount {
        email: email.into(),
        password_hash: "$argon2id$dummy".into(),
        full_name: "Olena Kovalenko".into(),
        date_of_birth: "1995-04-12".parse().unwrap(),
        language: "uk".into(),
        role,
        email_verified: true,
        offices: if role.is_staff() {
            vec![OFFICE.into()]
        } else {
            vec![]
        },
    }
}

struct Run<'a> {
    store: &'a dyn Store,
    model: Model,
    accounts: Vec<AccountId>,
    clerk: Actor,
    now: Timestamp,
}

/// One case: a fresh database, the history, then a day later everything time has decided.
fn run(policy: BookingPolicy, steps: Vec<Step>) -> Result<(), TestCaseError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(fail)?;
    runtime.block_on(async move {
        let dir = tempfile::tempdir().map_err(fail)?;
        // Declared after the database, so dropped before it: the pool goes first.
        let db = test_database(dir.path()).await;
        let store = connect(&db.url).await.map_err(fail)?;
        let mut run = Run::start(&*store, policy).await?;
        for (i, step) in steps.iter().enumerate() {
            run.step(step)
                .await
                .map_err(|e| fail(format!("step {i} ({step:?}), now {}: {e}", run.now)))?;
        }
        run.now += hours(48);
        run.agree("two days after the history").await?;
        run.sweep().await?;
        run.agree("after the last sweep").await
    })
}

impl<'a> Run<'a> {
    async fn start(store: &'a dyn Store, policy: BookingPolicy) -> Result<Run<'a>, TestCaseError> {
        let now = beginning();
        let mut accounts = Vec::new();
        for n in 0..ACCOUNTS {
            let email = format!("client{n}@example.cz");
            let account = store
                .create_account(new_account(&email, Role::Applicant), None, None, now)
                .await
                .map_err(fail)?;
            accounts.push(account.id);
        }
        let clerk = store
            .create_account(new_account("clerk@mvcr.cz", Role::Staff), None, None, now)
            .await
            .map_err(fail)?;
        Ok(Run {
            store,
            model: Model {
                policy,
                made: Vec::new(),
            },
            accounts,
            clerk: Actor::Staff(clerk.id),
            now,
        })
    }

    fn policy(&self) -> &BookingPolicy {
        &self.model.policy
    }

    async fn step(&mut self, step: &Step) -> Result<(), TestCaseError> {
        match step.time {
            Move::Wait { mins: m } => self.now += mins(m),
            Move::Jump {
                account,
                to,
                pick,
                delta_secs,
            } => {
                let ahead: Vec<Timestamp> = self
                    .model
                    .boundaries(account, to)
                    .into_iter()
                    .map(|t| t + secs(delta_secs))
                    .filter(|&t| t >= self.now)
                    .collect();
                if !ahead.is_empty() {
                    self.now = ahead[pick % ahead.len()];
                }
            }
        }
        match step.act {
            Act::Book {
                account,
                visit_type,
                lead_mins,
            } => self.book(account, visit_type, lead_mins).await?,
            Act::Cancel { pick, any } => self.cancel(pick, any).await?,
            Act::Floor {
                account,
                pick,
                offset_secs,
                then,
            } => self.floor(account, pick, offset_secs, then).await?,
            Act::Sweep => self.sweep().await?,
            Act::Nothing => {}
        }
        self.agree("after the step").await
    }

    async fn book(
        &mut self,
        account: usize,
        visit_type: usize,
        lead_mins: i64,
    ) -> Result<(), TestCaseError> {
        let now = self.now;
        let start = now + mins(lead_mins);
        let expected = self.model.book(account, visit_type, now);
        let booking = NewBooking {
            account_id: self.accounts[account],
            person_id: None,
            office_id: OFFICE.into(),
            visit_type_id: VISIT_TYPES[visit_type].into(),
            start,
            end: start + mins(15),
            local_date: termin_domain::time::local_date(start),
            capacity: 10,
            language: "uk".into(),
            idempotency_key: None,
        };
        let result = self
            .store
            .book(booking, self.policy(), booking_mail(), now)
            .await;
        let answer = match &result {
            Ok(_) => BookAnswer::Booked,
            Err(BookError::Blocked { until }) => BookAnswer::Blocked { until: *until },
            Err(BookError::AlreadyBooked) => BookAnswer::AlreadyBooked,
            Err(e) => BookAnswer::Unexpected(e.to_string()),
        };
        prop_assert_eq!(
            &answer,
            &expected,
            "book for client {} ({}) at {}: the database's answer (left) is not the policy's \
             (right); the account's no-shows per the policy: {:?}",
            account,
            VISIT_TYPES[visit_type],
            now,
            self.model.no_shows(account, now)
        );
        if let Ok(appointment) = result {
            prop_assert_eq!(appointment.start, start);
            prop_assert_eq!(appointment.status, AppointmentStatus::Booked);
            self.model.made.push(Made {
                id: appointment.id,
                account,
                visit_type,
                start,
                state: State::Booked,
            });
        }
        Ok(())
    }

    async fn cancel(&mut self, pick: usize, any: bool) -> Result<(), TestCaseError> {
        let now = self.now;
        let policy = self.policy().clone();
        let from: Vec<usize> = (0..self.model.made.len())
            .filter(|&k| {
                any || self.model.made[k].status(&policy, now) == AppointmentStatus::Booked
            })
            .collect();
        if from.is_empty() {
            return Ok(());
        }
        let k = from[pick % from.len()];
        let account = self.model.made[k].account;
        let expected = self.model.cancel(k, now);
        let result = self
            .store
            .cancel(
                self.accounts[account],
                self.model.made[k].id,
                &policy,
                cancellation_mail(),
                now,
            )
            .await;
        let answer = match &result {
            Ok(_) => CancelAnswer::Cancelled,
            Err(CancelError::Refused(refusal)) => CancelAnswer::Refused(*refusal),
            Err(CancelError::NotCancellable) => CancelAnswer::NotCancellable,
            Err(e) => CancelAnswer::Unexpected(e.to_string()),
        };
        prop_assert_eq!(
            &answer,
            &expected,
            "cancel by client {} of the appointment at {} at {}: the database's answer (left) \
             is not the policy's (right); the account's cancellations per the policy: {:?}",
            account,
            self.model.made[k].start,
            now,
            self.model.cancellations(account)
        );
        if let Ok(cancelled) = result {
            prop_assert_eq!(cancelled.status, AppointmentStatus::Cancelled);
            prop_assert_eq!(cancelled.status_changed_at, now);
            self.model.made[k].state = State::Cancelled(now);
        }
        Ok(())
    }

    async fn floor(
        &mut self,
        account: usize,
        pick: usize,
        offset_secs: i64,
        then: AtCounter,
    ) -> Result<(), TestCaseError> {
        let policy = self.policy().clone();
        let now = self.now;
        // Booked ones whose check-in window has not closed yet.
        let open: Vec<usize> = (0..self.model.made.len())
            .filter(|&k| {
                let m = &self.model.made[k];
                m.account == account
                    && m.state == State::Booked
                    && m.status(&policy, now) == AppointmentStatus::Booked
            })
            .collect();
        if open.is_empty() {
            return Ok(());
        }
        let k = open[pick % open.len()];
        let (id, start, visit_type) = {
            let m = &self.model.made[k];
            (m.id, m.start, m.visit_type)
        };
        // Somewhere in the check-in window, not before now.
        let (opens, closes) = policy.checkin_window(start);
        let width = closes.duration_since(opens).as_secs().max(1);
        let at = (opens + secs(offset_secs % width)).max(now);
        prop_assert!(at < closes);
        self.now = at;
        let day = termin_domain::time::local_date(start);
        let ticket = NewTicket {
            office_id: OFFICE.into(),
            local_date: day,
            group: 'B',
            visit_type_id: VISIT_TYPES[visit_type].into(),
            language: "uk".into(),
            appointment_id: Some(id),
            rank: 0,
            priority_at: start,
        };
        let (ticket, _) = self
            .store
            .check_in(id, ticket, self.clerk, at)
            .await
            .map_err(|e| {
                fail(format!(
                    "check-in at {at} of the appointment at {start}: {e}"
                ))
            })?;
        self.model.made[k].state = State::CheckedIn;
        let (last, state) = match then {
            AtCounter::LeftWaiting => return Ok(()),
            AtCounter::Served => (Transition::Serve, State::Served),
            AtCounter::MarkedNoShow => (Transition::MarkNoShow, State::NoShow(at)),
        };
        for transition in [Transition::Call, last] {
            let action = TicketAction {
                office: OFFICE,
                local_date: day,
                number: &ticket.number,
                transition,
                counter: None,
            };
            self.store
                .transition_ticket(action, self.clerk, at)
                .await
                .map_err(|e| fail(format!("{transition:?} at {at}: {e}")))?;
        }
        self.model.made[k].state = state;
        Ok(())
    }

    /// The sweep writes exactly the appointments whose stored status is `booked` and whose
    /// window the policy says has closed.
    async fn sweep(&mut self) -> Result<(), TestCaseError> {
        let now = self.now;
        let policy = self.policy().clone();
        let mut due = 0;
        for &account in &self.accounts {
            let stored = self.store.appointments(account).await.map_err(fail)?;
            due += stored
                .iter()
                .filter(|a| {
                    a.status == AppointmentStatus::Booked
                        && policy.effective_status(a.status, a.start, now)
                            == AppointmentStatus::NoShow
                })
                .count() as u64;
        }
        let swept = self
            .store
            .sweep_no_shows(&policy, now)
            .await
            .map_err(fail)?;
        prop_assert_eq!(
            swept,
            due,
            "sweep at {}: rows written (left) against booked ones past the policy's window",
            now
        );
        // Now what is stored is what the policy says, without `effective_status`.
        for (n, &account) in self.accounts.iter().enumerate() {
            for a in self.store.appointments(account).await.map_err(fail)? {
                let m = self.model.made.iter().find(|m| m.id == a.id);
                let m = m.ok_or_else(|| fail(format!("unknown appointment {}", a.id)))?;
                prop_assert_eq!(
                    a.status,
                    m.status(&policy, now),
                    "client {}'s appointment at {} after the sweep at {}",
                    n,
                    a.start,
                    now
                );
            }
        }
        Ok(())
    }

    /// `history` and the statuses of `appointments` are the policy's, for every account.
    async fn agree(&self, when: &str) -> Result<(), TestCaseError> {
        let now = self.now;
        let policy = self.policy();
        for (n, &account) in self.accounts.iter().enumerate() {
            let history = self
                .store
                .history(account, long_before(), policy, now)
                .await
                .map_err(fail)?;
            prop_assert_eq!(
                &history.no_shows,
                &self.model.no_shows(n, now),
                "{}: client {}'s no-shows at {}: the database's history (left) against the \
                 policy's",
                when,
                n,
                now
            );
            prop_assert_eq!(
                &history.cancellations,
                &self.model.cancellations(n),
                "{}: client {}'s cancellations at {}: the database's history (left) against \
                 the model's",
                when,
                n,
                now
            );
            let stored = self.store.appointments(account).await.map_err(fail)?;
            prop_assert_eq!(stored.len(), self.model.of(n).count());
            for a in stored {
                let m = self.model.made.iter().find(|m| m.id == a.id);
                let m = m.ok_or_else(|| fail(format!("unknown appointment {}", a.id)))?;
                prop_assert_eq!(
                    policy.effective_status(a.status, a.start, now),
                    m.status(policy, now),
                    "{}: client {}'s appointment at {} (stored {:?}) at {}",
                    when,
                    n,
                    a.start,
                    a.status,
                    now
                );
            }
        }
        Ok(())
    }
}

// ---- the properties -----------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    /// `book` refuses with `blocked` exactly when `BookingPolicy::blocked_until` on the
    /// account's no-shows (booked ones past their window included) says so, until the
    /// policy's instant.
    #[test]
    fn booking_refusal_in_the_database_agrees_with_the_no_show_block_rule(
        policy in small_policy(Focus::Block),
        steps in history(Focus::Block),
    ) {
        run(policy, steps)?;
    }

    /// `cancel` refuses exactly when `BookingPolicy::check_cancel` does (the notice, then the
    /// limit in the window, with the policy's `retry_after`), on the client cancellations the
    /// database has counted.
    #[test]
    fn cancellation_refusal_in_the_database_agrees_with_the_ten_in_ninety_days_rule(
        policy in small_policy(Focus::Cancellation),
        steps in history(Focus::Cancellation),
    ) {
        run(policy, steps)?;
    }

    /// `history` gives a `booked` appointment as a no-show from the instant its check-in
    /// window closes (`BookingPolicy::no_show_at`), a counter's no-show at its instant, and
    /// the sweep writes exactly those the policy's `effective_status` calls no-shows.
    #[test]
    fn history_in_the_database_agrees_with_the_policy_no_show_rule(
        policy in small_policy(Focus::History),
        steps in history(Focus::History),
    ) {
        run(policy, steps)?;
    }
}
