//! Values that come from people: email, password, name, language, PIN.
//!
//! Parse, don't validate: each type can only be built by parsing, so once a value exists
//! it is valid and nothing past the edge checks it again.

use std::fmt;

/// Which kind of value failed to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    OfficeId,
    VisitTypeId,
    Email,
    FullName,
    Language,
    Pin,
    AppointmentStatus,
}

impl ValueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::OfficeId => "office-id",
            ValueKind::VisitTypeId => "visit-type-id",
            ValueKind::Email => "email",
            ValueKind::FullName => "full-name",
            ValueKind::Language => "language",
            ValueKind::Pin => "pin",
            ValueKind::AppointmentStatus => "appointment-status",
        }
    }
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value could not be parsed. The message names the kind of value and the reason but
/// never repeats the input, which may be personal data (an email) or a secret (a PIN).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {kind}: {reason}")]
pub struct ParseError {
    kind: ValueKind,
    reason: &'static str,
}

impl ParseError {
    pub(crate) fn new(kind: ValueKind, reason: &'static str) -> ParseError {
        ParseError { kind, reason }
    }

    /// Which value was invalid.
    pub fn kind(&self) -> ValueKind {
        self.kind
    }

    /// Why, in English (for logs and developers; users get a translated message by kind).
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

/// Implements `Display`, `AsRef<str>`, `FromStr` and serde-as-string for a `String` newtype
/// with a `parse(&str)`.
macro_rules! string_value {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = ParseError;
            fn from_str(s: &str) -> Result<$name, ParseError> {
                $name::parse(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// An email address: the account's identity (domain.md §2: one account per email address),
/// so it is normalised (trimmed, lowercased) to make "one per address" hold.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Email(String);

/// RFC 5321 limit on a forward path.
const MAX_EMAIL_LEN: usize = 254;

impl Email {
    /// Trims, lowercases, then requires: at most 254 characters, no whitespace or control
    /// characters, exactly one `@`, a non-empty local part, and a domain with a dot that
    /// has no empty labels. Deliberately not a full RFC 5322 parser: the real check is the
    /// confirmation mail.
    pub fn parse(s: &str) -> Result<Email, ParseError> {
        let err = |reason| Err(ParseError::new(ValueKind::Email, reason));
        let email = s.trim().to_lowercase();
        if email.is_empty() {
            return err("is empty");
        }
        if email.chars().count() > MAX_EMAIL_LEN {
            return err("is longer than 254 characters");
        }
        if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return err("contains a space or control character");
        }
        let Some((local, domain)) = email.split_once('@') else {
            return err("has no '@'");
        };
        if domain.contains('@') {
            return err("has more than one '@'");
        }
        if local.is_empty() {
            return err("has nothing before '@'");
        }
        if !domain.contains('.') || domain.split('.').any(str::is_empty) {
            return err("has no valid domain after '@'");
        }
        Ok(Email(email))
    }

    /// The part before `@`.
    pub fn local_part(&self) -> &str {
        self.0.split_once('@').map_or("", |(local, _)| local)
    }

    /// The part after `@`.
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map_or("", |(_, domain)| domain)
    }

    /// The mailbox this address delivers to, for the rule "one account per e-mail": where the
    /// provider ignores dots in the local part or delivers `name+anything` to `name`
    /// ([`MAILBOX_RULES`]), those variants are one identity, so a script cannot open a
    /// hundred accounts on one mailbox. Other providers' addresses are their own identity.
    pub fn identity(&self) -> String {
        let (local, domain) = (self.local_part(), self.domain());
        let Some(rule) = MAILBOX_RULES
            .iter()
            .find(|rule| rule.domains.contains(&domain))
        else {
            return self.0.clone();
        };
        let mut local = local;
        if rule.plus_tags
            && let Some((name, _tag)) = local.split_once('+')
            && !name.is_empty()
        {
            local = name;
        }
        let local = if rule.ignores_dots {
            local.replace('.', "")
        } else {
            local.to_owned()
        };
        format!("{local}@{}", rule.domains[0])
    }
}

/// How a mail provider maps addresses to mailboxes.
pub struct MailboxRule {
    /// The provider's domains; the first is the one its identities are written with.
    pub domains: &'static [&'static str],
    /// `first.last` and `firstlast` are one mailbox.
    pub ignores_dots: bool,
    /// `name+anything` is delivered to `name`.
    pub plus_tags: bool,
}

/// The providers whose address variants reach one mailbox, from their published help on
/// "dots in addresses" and sub-addressing (plus addressing).
pub const MAILBOX_RULES: &[MailboxRule] = &[
    MailboxRule {
        domains: &["gmail.com", "googlemail.com"],
        ignores_dots: true,
        plus_tags: true,
    },
    MailboxRule {
        domains: &["outlook.com", "hotmail.com", "live.com", "msn.com"],
        ignores_dots: false,
        plus_tags: true,
    },
    MailboxRule {
        domains: &["icloud.com", "me.com", "mac.com"],
        ignores_dots: false,
        plus_tags: true,
    },
    MailboxRule {
        domains: &["proton.me", "protonmail.com", "pm.me"],
        ignores_dots: false,
        plus_tags: true,
    },
    MailboxRule {
        domains: &["fastmail.com", "fastmail.fm"],
        ignores_dots: false,
        plus_tags: true,
    },
];

string_value!(Email);

/// Why a password was refused. `as_str` is a stable code for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeakPassword {
    #[error("the password is shorter than 10 characters")]
    TooShort,
    #[error("the password is longer than 128 characters")]
    TooLong,
    #[error("the password is too common")]
    TooCommon,
    #[error("the password contains the email address")]
    ContainsEmail,
}

impl WeakPassword {
    pub fn as_str(self) -> &'static str {
        match self {
            WeakPassword::TooShort => "too-short",
            WeakPassword::TooLong => "too-long",
            WeakPassword::TooCommon => "too-common",
            WeakPassword::ContainsEmail => "contains-email",
        }
    }
}

/// A password that passed [`Password::check`]. Only ever held on the way to the hasher;
/// `Debug` does not print it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Passwords that pass the length rule but are among the first tried by anyone guessing.
/// Compared case-insensitively.
const COMMON_PASSWORDS: &[&str] = &[
    "password",
    "password1",
    "password12",
    "password123",
    "password1234",
    "1234567890",
    "12345678901",
    "123456789012",
    "0123456789",
    "0987654321",
    "9876543210",
    "1111111111",
    "0000000000",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "qwertyuiop",
    "qwertzuiop",
    "asdfghjkl;",
    "qwerty1234",
    "qwerty12345",
    "qwerty123456",
    "iloveyou12",
    "administrator",
    "letmein123",
    "welcome123",
    "changeme123",
    "heslo12345",
    "hesloheslo",
    "abcdefghij",
    "abc1234567",
    "passw0rd12",
];

impl Password {
    /// The password rules: 10 to 128 characters (counted as Unicode scalar values, so
    /// Cyrillic or Vietnamese passwords are not penalised), not a well-known password, and
    /// not containing the account's email address or its local part.
    pub fn check(pw: &str, email: &str) -> Result<(), WeakPassword> {
        let chars = pw.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(WeakPassword::TooShort);
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(WeakPassword::TooLong);
        }
        let lower = pw.to_lowercase();
        let email = email.trim().to_lowercase();
        let local = email.split('@').next().unwrap_or("");
        // A local part of one or two letters would refuse half of all passwords.
        if (!email.is_empty() && lower.contains(&email))
            || (local.chars().count() >= 3 && lower.contains(local))
        {
            return Err(WeakPassword::ContainsEmail);
        }
        if COMMON_PASSWORDS.contains(&lower.as_str()) {
            return Err(WeakPassword::TooCommon);
        }
        Ok(())
    }

    /// Checks and wraps.
    pub fn new(pw: &str, email: &str) -> Result<Password, WeakPassword> {
        Password::check(pw, email)?;
        Ok(Password(pw.to_owned()))
    }

    /// The plain text, for the hasher only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// A person's full name as they write it (any script), trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FullName(String);

pub const MAX_NAME_CHARS: usize = 200;

impl FullName {
    /// Trimmed, 1 to 200 characters, no control characters (which would break mails, ICS
    /// files and logs).
    pub fn parse(s: &str) -> Result<FullName, ParseError> {
        let err = |reason| Err(ParseError::new(ValueKind::FullName, reason));
        let name = s.trim();
        if name.is_empty() {
            return err("is empty");
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return err("is longer than 200 characters");
        }
        if name.chars().any(char::is_control) {
            return err("contains a control character");
        }
        Ok(FullName(name.to_owned()))
    }
}

string_value!(FullName);

/// The languages of the sources and of the user interface (domain.md: Czech, English,
/// Ukrainian, Russian, Vietnamese). Czech is the official language and the default.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Cs,
    En,
    Uk,
    Ru,
    Vi,
}

impl Language {
    pub const ALL: [Language; 5] = [
        Language::Cs,
        Language::En,
        Language::Uk,
        Language::Ru,
        Language::Vi,
    ];

    /// Accepts a language code or tag, case-insensitively: `cs`, `EN`, `uk-UA`, `vi_VN`.
    pub fn parse(s: &str) -> Result<Language, ParseError> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        Language::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(primary))
            .ok_or(ParseError::new(
                ValueKind::Language,
                "is not one of cs, en, uk, ru, vi",
            ))
    }

    /// The ISO 639-1 code.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Cs => "cs",
            Language::En => "en",
            Language::Uk => "uk",
            Language::Ru => "ru",
            Language::Vi => "vi",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Language {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Language, ParseError> {
        Language::parse(s)
    }
}

/// The four-digit PIN generated with an appointment and typed into the kiosk (domain.md §2).
/// Leading zeros are part of it: `0042` is not `42`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pin([u8; 4]);

impl Pin {
    /// Exactly four ASCII digits, nothing else (no trimming: the kiosk sends what was typed).
    pub fn parse(s: &str) -> Result<Pin, ParseError> {
        match s.as_bytes() {
            &[a, b, c, d] if [a, b, c, d].iter().all(u8::is_ascii_digit) => Ok(Pin([a, b, c, d])),
            _ => Err(ParseError::new(ValueKind::Pin, "is not four digits")),
        }
    }

    /// The PIN for a number in 0..=9999, zero-padded (7 → `0007`).
    pub fn from_number(n: u16) -> Option<Pin> {
        if n > 9999 {
            return None;
        }
        let digit = |d: u16| b'0' + (d % 10) as u8;
        Some(Pin([
            digit(n / 1000),
            digit(n / 100),
            digit(n / 10),
            digit(n),
        ]))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("a PIN holds ASCII digits only")
    }

    /// The numeric value (`0042` → 42).
    pub fn number(&self) -> u16 {
        self.0.iter().fold(0, |n, &d| n * 10 + u16::from(d - b'0'))
    }
}

impl fmt::Display for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Not printed: `Debug` output ends up in logs, and a PIN with a name is enough to take
/// someone's place in the queue.
impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pin(****)")
    }
}

impl std::str::FromStr for Pin {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Pin, ParseError> {
        Pin::parse(s)
    }
}

impl serde::Serialize for Pin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Pin {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Pin, D::Error> {
        let s = String::deserialize(d)?;
        Pin::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lowercased() {
        let e = Email::parse("  Jana.Novakova@Example.CZ \n").unwrap();
        assert_eq!(e.as_str(), "jana.novakova@example.cz");
        assert_eq!(e.local_part(), "jana.novakova");
        assert_eq!(e.domain(), "example.cz");
    }

    #[test]
    fn the_same_address_in_other_case_is_the_same_email() {
        // domain.md §2: one account per email address.
        assert_eq!(
            Email::parse("Ivan@Mail.RU").unwrap(),
            Email::parse("ivan@mail.ru").unwrap()
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "   ",
            "no-at-sign.cz",
            "@example.cz",
            "a@@example.cz",
            "a@b@example.cz",
            "a@localhost",
            "a@example.",
            "a@.example.cz",
            "a@example..cz",
            "jan novak@example.cz",
            "jan@exa\tmple.cz",
        ] {
            let err = Email::parse(bad).unwrap_err();
            assert_eq!(err.kind(), ValueKind::Email, "{bad:?}");
        }
    }

    #[test]
    fn gmail_ignores_dots_and_plus_tags_so_they_are_one_identity() {
        let id = |s: &str| Email::parse(s).unwrap().identity();
        assert_eq!(
            id("Olena.Kovalenko+termin@gmail.com"),
            "olenakovalenko@gmail.com"
        );
        assert_eq!(
            id("o.l.e.n.a.kovalenko@googlemail.com"),
            "olenakovalenko@gmail.com"
        );
        assert_eq!(id("olenakovalenko@gmail.com"), "olenakovalenko@gmail.com");
    }

    #[test]
    fn plus_tags_are_one_identity_where_the_provider_delivers_them_to_one_mailbox() {
        let id = |s: &str| Email::parse(s).unwrap().identity();
        assert_eq!(id("nguyen.van+x@outlook.com"), "nguyen.van@outlook.com");
        assert_eq!(id("nguyen.van+1@hotmail.com"), "nguyen.van@outlook.com");
        // Dots count there: another mailbox.
        assert_ne!(id("nguyenvan@outlook.com"), id("nguyen.van@outlook.com"));
        assert_eq!(id("ivan+oamp@proton.me"), "ivan@proton.me");
    }

    proptest::proptest! {
        #[test]
        fn dotted_and_tagged_gmail_variants_are_one_identity_and_identity_is_stable(
            name in "[a-z0-9]{1,12}",
            dots in proptest::collection::vec(0usize..12, 0..4),
            tag in proptest::option::of("[a-z0-9]{0,8}"),
            googlemail in proptest::bool::ANY,
        ) {
            let mut local: String = name.clone();
            for at in dots {
                let at = at.min(local.len());
                local.insert(at, '.');
            }
            if let Some(tag) = tag {
                local = format!("{local}+{tag}");
            }
            let domain = if googlemail { "googlemail.com" } else { "gmail.com" };
            let variant = Email::parse(&format!("{local}@{domain}")).unwrap();
            let plain = Email::parse(&format!("{name}@gmail.com")).unwrap();
            proptest::prop_assert_eq!(variant.identity(), plain.identity());
            let again = Email::parse(&variant.identity()).unwrap().identity();
            proptest::prop_assert_eq!(again, variant.identity());
        }
    }

    #[test]
    fn other_providers_addresses_are_their_own_identity() {
        let id = |s: &str| Email::parse(s).unwrap().identity();
        assert_eq!(id("jan.novak+x@seznam.cz"), "jan.novak+x@seznam.cz");
        assert_eq!(id("a.b@example.org"), "a.b@example.org");
        // A local part that is only a tag is kept whole.
        assert_eq!(id("+x@gmail.com"), "+x@gmail.com");
    }

    #[test]
    fn email_length_limit_is_254() {
        let domain = "@example.cz"; // 11 characters
        let ok = format!("{}{domain}", "a".repeat(254 - 11));
        assert!(Email::parse(&ok).is_ok());
        let too_long = format!("{}{domain}", "a".repeat(255 - 11));
        assert!(Email::parse(&too_long).is_err());
    }

    #[test]
    fn parse_error_does_not_repeat_the_input() {
        let err = Email::parse("secret person@example.cz").unwrap_err();
        assert!(!err.to_string().contains("secret"));
        assert!(err.to_string().starts_with("invalid email"));
    }

    #[test]
    fn password_rules() {
        let email = "jana@example.cz";
        assert_eq!(Password::check("short", email), Err(WeakPassword::TooShort));
        assert_eq!(
            Password::check("123456789", email),
            Err(WeakPassword::TooShort)
        );
        assert_eq!(
            Password::check(&"x".repeat(129), email),
            Err(WeakPassword::TooLong)
        );
        assert_eq!(Password::check(&"x".repeat(128), email), Ok(()));
        assert_eq!(
            Password::check("Password", email),
            Err(WeakPassword::TooShort)
        );
        assert_eq!(
            Password::check("1234567890", email),
            Err(WeakPassword::TooCommon)
        );
        assert_eq!(
            Password::check("QwertyUiop", email),
            Err(WeakPassword::TooCommon)
        );
        assert_eq!(
            Password::check("my-JANA-is-long", email),
            Err(WeakPassword::ContainsEmail)
        );
        assert_eq!(
            Password::check("xxjana@example.czxx", email),
            Err(WeakPassword::ContainsEmail)
        );
        assert_eq!(Password::check("correct horse battery", email), Ok(()));
        // Ten Cyrillic letters are ten characters, although twenty bytes.
        assert_eq!(Password::check("пароль-дом", email), Ok(()));
    }

    #[test]
    fn password_debug_hides_the_secret() {
        let pw = Password::new("correct horse battery", "a@b.cz").unwrap();
        assert_eq!(format!("{pw:?}"), "Password(***)");
        assert_eq!(pw.expose(), "correct horse battery");
    }

    #[test]
    fn full_name_is_trimmed_and_bounded() {
        assert_eq!(
            FullName::parse("  Nguyễn Văn An ").unwrap().as_str(),
            "Nguyễn Văn An"
        );
        assert_eq!(
            FullName::parse("Олена Шевченко").unwrap().as_str(),
            "Олена Шевченко"
        );
        assert!(FullName::parse("   ").is_err());
        assert!(FullName::parse(&"я".repeat(200)).is_ok());
        assert!(FullName::parse(&"я".repeat(201)).is_err());
        assert_eq!(
            FullName::parse("Jan\u{7}Novák").unwrap_err().kind(),
            ValueKind::FullName
        );
    }

    #[test]
    fn languages_parse_from_codes_and_tags() {
        assert_eq!(Language::parse("cs"), Ok(Language::Cs));
        assert_eq!(Language::parse("EN"), Ok(Language::En));
        assert_eq!(Language::parse("uk-UA"), Ok(Language::Uk));
        assert_eq!(Language::parse("vi_VN"), Ok(Language::Vi));
        assert_eq!(Language::parse("ru"), Ok(Language::Ru));
        assert_eq!(
            Language::parse("de").unwrap_err().kind(),
            ValueKind::Language
        );
        assert_eq!(Language::default(), Language::Cs);
        for l in Language::ALL {
            assert_eq!(Language::parse(l.as_str()), Ok(l));
        }
    }

    #[test]
    fn pin_keeps_leading_zeros() {
        assert_eq!(Pin::parse("0042").unwrap().as_str(), "0042");
        assert_eq!(Pin::parse("0042").unwrap().number(), 42);
        assert_eq!(Pin::from_number(7).unwrap().as_str(), "0007");
        assert_eq!(Pin::from_number(0).unwrap().to_string(), "0000");
        assert_eq!(Pin::from_number(9999).unwrap().as_str(), "9999");
        assert_eq!(Pin::from_number(10000), None);
        assert_ne!(Pin::parse("0042"), Pin::parse("4200"));
    }

    #[test]
    fn pin_is_exactly_four_digits() {
        for bad in ["", "123", "12345", "12a4", " 123", "١٢٣٤", "-123"] {
            assert_eq!(
                Pin::parse(bad).unwrap_err().kind(),
                ValueKind::Pin,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn pin_debug_hides_the_digits() {
        assert_eq!(format!("{:?}", Pin::parse("1234").unwrap()), "Pin(****)");
    }

    #[test]
    fn every_pin_round_trips_through_its_number() {
        for n in 0..=9999 {
            let pin = Pin::from_number(n).unwrap();
            assert_eq!(pin.number(), n);
            assert_eq!(Pin::parse(pin.as_str()), Ok(pin));
        }
    }
}
