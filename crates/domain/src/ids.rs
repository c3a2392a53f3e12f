//! Identifiers of catalog entries: URL-safe slugs `[a-z0-9-]{1,64}` (e.g. `praha-5`,
//! `permanent-residence`). They appear in URLs, TOML and the database, so they are
//! checked once, here.

use std::fmt;

use crate::values::{ParseError, ValueKind};

/// Longest allowed identifier.
pub const MAX_ID_LEN: usize = 64;

fn parse_slug(s: &str, kind: ValueKind) -> Result<String, ParseError> {
    if s.is_empty() {
        return Err(ParseError::new(kind, "is empty"));
    }
    if s.len() > MAX_ID_LEN {
        return Err(ParseError::new(kind, "is longer than 64 characters"));
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(ParseError::new(kind, "may contain only a-z, 0-9 and '-'"));
    }
    Ok(s.to_owned())
}

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident, $kind:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Accepts exactly `[a-z0-9-]{1,64}`; no trimming or case folding, because an
            /// id that needed fixing is a bug in whoever produced it.
            pub fn parse(s: &str) -> Result<$name, ParseError> {
                parse_slug(s, $kind).map($name)
            }

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

        impl TryFrom<String> for $name {
            type Error = ParseError;
            fn try_from(s: String) -> Result<$name, ParseError> {
                parse_slug(&s, $kind)?;
                Ok($name(s))
            }
        }

        impl TryFrom<&str> for $name {
            type Error = ParseError;
            fn try_from(s: &str) -> Result<$name, ParseError> {
                $name::parse(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

slug_id!(
    /// Identifier of an office (workplace), e.g. `praha-5`, `usti-nad-labem`.
    OfficeId,
    ValueKind::OfficeId
);

slug_id!(
    /// Identifier of a visit type, e.g. `permanent-residence`, `card-pickup`.
    VisitTypeId,
    ValueKind::VisitTypeId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_accepted_as_they_are() {
        assert_eq!(OfficeId::parse("praha-5").unwrap().as_str(), "praha-5");
        assert_eq!(
            VisitTypeId::parse("card-pickup").unwrap().to_string(),
            "card-pickup"
        );
        assert!(OfficeId::parse(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn anything_else_is_refused_with_the_kind_of_value() {
        for bad in [
            "",
            "Praha-5",
            "praha 5",
            "praha_5",
            "plzeň",
            " praha-5",
            &"a".repeat(65),
        ] {
            let err = OfficeId::parse(bad).unwrap_err();
            assert_eq!(err.kind(), ValueKind::OfficeId, "{bad:?}");
        }
        assert_eq!(
            VisitTypeId::parse("A").unwrap_err().kind(),
            ValueKind::VisitTypeId
        );
    }

    #[test]
    fn serde_goes_through_parse() {
        let id: OfficeId = serde_json_like("\"brno\"");
        assert_eq!(id.as_str(), "brno");
        assert!(toml::from_str::<Wrapper>("id = \"Brno\"").is_err());
    }

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Wrapper {
        id: OfficeId,
    }

    fn serde_json_like(quoted: &str) -> OfficeId {
        toml::from_str::<Wrapper>(&format!("id = {quoted}"))
            .unwrap()
            .id
    }
}
