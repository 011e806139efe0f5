use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{0} not found")]
    NotFound(String),
    #[error("{0}")]
    Duplicate(String),
    /// Text the database cannot store (PostgreSQL refuses a NUL character).
    /// The service refuses such text first; this is the net under it.
    #[error("a text field holds a character that cannot be stored (a NUL); nothing was saved")]
    BadText,
    /// A backup that cannot be written or restored, in words for the operator.
    #[error("{0}")]
    Backup(String),
    #[error("the database URL is not supported: {0}")]
    BadUrl(String),
    #[error("stored data could not be read ({0}); the database may have been edited by hand")]
    Corrupt(String),
    // The cause is part of the message rather than a `source`, so that error
    // chains print it once.
    #[error("database error: {0}")]
    Database(sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        // 22021: character_not_in_repertoire (PostgreSQL's answer to a NUL in text).
        match &e {
            sqlx::Error::Database(db) if db.code().as_deref() == Some("22021") => StoreError::BadText,
            _ => StoreError::Database(e),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        StoreError::Migrate(e)
    }
}

impl StoreError {
    /// True when a unique constraint refused the write.
    pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
        matches!(e, sqlx::Error::Database(db) if db.is_unique_violation())
    }
}

/// A conversion that cannot fail (a stored format read into the same shape).
impl From<std::convert::Infallible> for StoreError {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}
