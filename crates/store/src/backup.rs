//! Whole-database backup and restore, on either backend.
//!
//! A backup is always an SQLite file holding this version's schema and every
//! table's rows: accounts, tokens, sessions, calendar links and loaded
//! questionnaires included. One format for both backends means a backup of
//! the embedded default restores into PostgreSQL (the way a single walker's
//! install grows into a clinic's) and back, and any SQLite tool can read it.
//!
//! Consistency while a server runs: SQLite writes the file with `VACUUM INTO`,
//! which reads one snapshot; PostgreSQL is read in one repeatable-read,
//! read-only transaction. Either way the file appears under its name only when
//! it is complete (written beside it, then renamed).
//!
//! Restore copies into an empty database in one transaction, so a failed
//! restore leaves the target as empty as it was. The table list, column types
//! and the order that satisfies foreign keys come from the backup file's own
//! schema, so a table added by a later migration is carried without a change
//! here (and a test checks that every table is).

use crate::backend::{self, Backend};
use crate::prelude::*;
use crate::{Result, SqlStore, StoreError};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyConnection, AnyPool, AssertSqlSafe, Connection, Row};
use std::path::{Path, PathBuf};

/// Rows copied, per table, in the order they were copied.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub tables: Vec<TableCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TableCount {
    pub table: String,
    pub rows: u64,
}

impl Summary {
    pub fn rows(&self, table: &str) -> u64 {
        self.tables.iter().find(|t| t.table == table).map_or(0, |t| t.rows)
    }
}

/// A column's storage class. Our schema uses three (INTEGER/BIGINT, REAL/DOUBLE
/// PRECISION, TEXT); anything else in a backup is refused, not guessed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Int,
    Real,
    Text,
}

#[derive(Clone, Debug)]
struct Table {
    name: String,
    columns: Vec<(String, Kind)>,
    /// An `id INTEGER PRIMARY KEY`: an identity column on PostgreSQL, whose
    /// sequence must move past the copied ids.
    identity: bool,
}

/// One value of a row, for copying and for comparing two databases.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// Every table's rows, sorted, keyed by table name: what two databases are
/// compared by in the round-trip tests.
pub type Contents = Vec<(String, Vec<Vec<Value>>)>;

fn bad(message: impl Into<String>) -> StoreError {
    StoreError::Backup(message.into())
}

/// A path as an SQL string literal (for `VACUUM INTO`, which takes no parameter
/// on every driver).
fn sql_literal(path: &Path) -> Result<String> {
    let text = path.to_str().ok_or_else(|| bad(format!("{}: the path is not valid UTF-8", path.display())))?;
    Ok(format!("'{}'", text.replace('\'', "''")))
}

/// Where a file is written before it is renamed into place.
fn partial_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".partial-{}", std::process::id()));
    out.with_file_name(name)
}

/// Removes a file and SQLite's companions of it, ignoring ones that are absent.
fn remove_db_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Writes a backup of `store` to `out`, replacing an earlier backup there only
/// once the new one is complete.
pub async fn backup(store: &SqlStore, out: &Path) -> Result<Summary> {
    if out.is_dir() {
        return Err(bad(format!("{}: is a folder; give a file name, e.g. retrowalk-backup.db", out.display())));
    }
    if let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        return Err(bad(format!("{}: the folder {} does not exist", out.display(), folder.display())));
    }
    let partial = partial_path(out);
    remove_db_files(&partial);
    let written = match store.backend() {
        Backend::Sqlite => vacuum_into(store.pool(), &partial).await,
        Backend::Postgres => copy_postgres_to_file(store.pool(), &partial).await,
    };
    let summary = match written {
        Ok(()) => summarise(&partial).await,
        Err(e) => Err(e),
    };
    match summary {
        Ok(summary) => {
            std::fs::rename(&partial, out).map_err(|e| bad(format!("{}: {e}", out.display())))?;
            Ok(summary)
        }
        Err(e) => {
            remove_db_files(&partial);
            Err(e)
        }
    }
}

async fn vacuum_into(pool: &AnyPool, partial: &Path) -> Result<()> {
    // VACUUM INTO reads one snapshot of the live database and writes a compact
    // copy in rollback-journal mode: one self-contained file.
    let sql = format!("VACUUM INTO {}", sql_literal(partial)?);
    sqlx::query(AssertSqlSafe(sql)).execute(pool).await?;
    Ok(())
}

async fn copy_postgres_to_file(pool: &AnyPool, partial: &Path) -> Result<()> {
    // Copied into a working file with this version's schema, then written out
    // by VACUUM INTO as one compact file, as from SQLite.
    let work = scratch_path("backup");
    let file = backend::connect(&backend::sqlite_url(&work)).await?;
    let result = async {
        let mut dst = file.pool().acquire().await?;
        let tables = schema(&mut dst).await?;
        let mut src = pool.begin().await?;
        // The first statement of the transaction: every table is read from
        // one snapshot, however long the copy takes.
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *src).await?;
        let mut tx = dst.begin().await?;
        for t in &tables {
            copy_table(&mut src, &mut tx, t, Backend::Sqlite).await?;
        }
        tx.commit().await?;
        src.rollback().await?;
        drop(dst);
        vacuum_into(file.pool(), partial).await
    }
    .await;
    file.close().await;
    remove_db_files(&work);
    result
}

/// A working file in the temporary folder, unique to this process and moment.
fn scratch_path(what: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "retrowalk-{what}-{}-{}.db",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    ))
}

/// Opens a backup file read-only after checking it is one of ours.
async fn open_backup(file: &Path) -> Result<AnyPool> {
    let mut head = [0u8; 16];
    let readable = std::fs::File::open(file).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head));
    match readable {
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            return Err(bad(format!("{}: not a retrowalk backup (too short to be a database)", file.display())));
        }
        Err(e) => return Err(bad(format!("{}: {e}", file.display()))),
        Ok(()) if &head != b"SQLite format 3\0" => {
            return Err(bad(format!("{}: not a retrowalk backup (not an SQLite database file)", file.display())));
        }
        Ok(()) => {}
    }
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}?mode=ro", file.display());
    let pool = AnyPoolOptions::new().max_connections(1).connect(&url).await?;
    check_backup(&pool, file).await.map_err(|e| match e {
        StoreError::Database(e) => bad(format!("{}: the backup is damaged or unreadable ({e})", file.display())),
        other => other,
    })?;
    Ok(pool)
}

async fn check_backup(pool: &AnyPool, file: &Path) -> Result<()> {
    let ours = sqlx::query(
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('_sqlx_migrations', 'walkers')",
    )
    .fetch_one(pool)
    .await?;
    if ours.try_get::<i64, _>("n")? != 2 {
        pool.close().await;
        return Err(bad(format!("{}: an SQLite file, but not a retrowalk backup", file.display())));
    }
    let check = sqlx::query("PRAGMA integrity_check").fetch_one(pool).await?;
    let verdict: String = check.try_get(0)?;
    if verdict != "ok" {
        pool.close().await;
        return Err(bad(format!("{}: the backup is damaged ({verdict})", file.display())));
    }
    Ok(())
}

/// The rows per table of a backup file.
pub async fn summarise(file: &Path) -> Result<Summary> {
    let pool = open_backup(file).await?;
    let result = async {
        let mut conn = pool.acquire().await?;
        let mut tables = Vec::new();
        for t in schema(&mut conn).await? {
            let sql = format!("SELECT COUNT(*) AS n FROM \"{}\"", t.name);
            let n: i64 = sqlx::query(AssertSqlSafe(sql)).fetch_one(&mut *conn).await?.try_get("n")?;
            tables.push(TableCount { table: t.name, rows: u64::try_from(n).unwrap_or(0) });
        }
        Ok(Summary { tables })
    }
    .await;
    pool.close().await;
    result
}

/// Restores the backup `file` into the database at `target_url`, which must
/// hold no data (a new file, or a database only migrated). All or nothing.
pub async fn restore(file: &Path, target_url: &str) -> Result<Summary> {
    // An older backup is brought to this version's schema on a copy, never
    // in place: the backup file itself is only read.
    open_backup(file).await?.close().await;
    let work = scratch_path("restore");
    std::fs::copy(file, &work).map_err(|e| bad(format!("{}: {e}", file.display())))?;
    let result = restore_from_copy(&work, target_url).await;
    remove_db_files(&work);
    result
}

async fn restore_from_copy(work: &Path, target_url: &str) -> Result<Summary> {
    let source = backend::connect(&backend::sqlite_url(work)).await.map_err(|e| match e {
        StoreError::Migrate(sqlx::migrate::MigrateError::VersionMissing(v)) => {
            bad(format!("the backup was made by a newer retrowalk (schema {v}); restore it with that version or later"))
        }
        other => other,
    })?;
    let target = backend::connect(target_url).await?;
    let result = async {
        let mut src = source.pool().acquire().await?;
        let tables = schema(&mut src).await?;
        let mut dst = target.pool().begin().await?;
        let held = count_rows(&mut dst, &tables).await?;
        if held > 0 {
            return Err(bad(format!(
                "{} already holds data ({held} rows); restore needs an empty database, so nothing was changed",
                backend::redact(target_url)
            )));
        }
        let mut counts = Vec::new();
        for t in &tables {
            let rows = copy_table(&mut src, &mut dst, t, target.backend()).await?;
            counts.push(TableCount { table: t.name.clone(), rows });
        }
        if target.backend() == Backend::Postgres {
            for t in tables.iter().filter(|t| t.identity) {
                // The next id after the largest copied one.
                let sql = format!(
                    "SELECT setval(pg_get_serial_sequence('{0}', 'id'), COALESCE((SELECT MAX(id) FROM \"{0}\"), 0) + 1, false)",
                    t.name
                );
                sqlx::query(AssertSqlSafe(sql)).execute(&mut *dst).await?;
            }
        }
        dst.commit().await?;
        Ok(Summary { tables: counts })
    }
    .await;
    source.close().await;
    target.close().await;
    result
}

async fn count_rows(conn: &mut AnyConnection, tables: &[Table]) -> Result<i64> {
    let mut total = 0;
    for t in tables {
        let sql = format!("SELECT COUNT(*) AS n FROM \"{}\"", t.name);
        let n: i64 = sqlx::query(AssertSqlSafe(sql)).fetch_one(&mut *conn).await?.try_get("n")?;
        total += n;
    }
    Ok(total)
}

/// Copies every row of one table, streaming, and returns how many.
async fn copy_table(src: &mut AnyConnection, dst: &mut AnyConnection, t: &Table, to: Backend) -> Result<u64> {
    use futures_util::TryStreamExt as _;
    let names: Vec<String> = t.columns.iter().map(|(n, _)| format!("\"{n}\"")).collect();
    let select = format!("SELECT {} FROM \"{}\"", names.join(", "), t.name);
    let params: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
    // PostgreSQL's identity columns take a given id only when told to.
    let overriding = if to == Backend::Postgres && t.identity { " OVERRIDING SYSTEM VALUE" } else { "" };
    let insert =
        format!("INSERT INTO \"{}\" ({}){overriding} VALUES ({})", t.name, names.join(", "), params.join(", "));
    let mut rows = sqlx::query(AssertSqlSafe(select)).fetch(&mut *src);
    let mut n = 0;
    while let Some(row) = rows.try_next().await? {
        let mut q = sqlx::query(AssertSqlSafe(insert.clone()));
        for (value, (_, kind)) in read_row(&row, t)?.into_iter().zip(&t.columns) {
            q = match value {
                // PostgreSQL wants a NULL of the column's own type.
                Value::Null => match kind {
                    Kind::Int => q.bind(None::<i64>),
                    Kind::Real => q.bind(None::<f64>),
                    Kind::Text => q.bind(None::<String>),
                },
                Value::Int(v) => q.bind(v),
                Value::Real(v) => q.bind(v),
                Value::Text(v) => q.bind(v),
            };
        }
        q.execute(&mut *dst).await.map_err(|e| match StoreError::from(e) {
            StoreError::Database(e) => bad(format!("table {}: {e}", t.name)),
            other => other,
        })?;
        n += 1;
    }
    Ok(n)
}

fn read_row(row: &AnyRow, t: &Table) -> Result<Vec<Value>> {
    let mut values = Vec::with_capacity(t.columns.len());
    for (i, (name, kind)) in t.columns.iter().enumerate() {
        let wrong = |e: sqlx::Error| bad(format!("table {}, column {name}: {e}", t.name));
        let value = match kind {
            Kind::Int => row.try_get::<Option<i64>, _>(i).map_err(wrong)?.map(Value::Int),
            Kind::Real => row.try_get::<Option<f64>, _>(i).map_err(wrong)?.map(Value::Real),
            Kind::Text => row.try_get::<Option<String>, _>(i).map_err(wrong)?.map(Value::Text),
        };
        values.push(value.unwrap_or(Value::Null));
    }
    Ok(values)
}

/// The tables of an SQLite database of ours, parents before children, with
/// their columns' storage classes.
async fn schema(conn: &mut AnyConnection) -> Result<Vec<Table>> {
    let rows = sqlx::query(
        "SELECT m.name AS tbl, p.name AS col, UPPER(p.type) AS ty, p.pk AS pk \
         FROM sqlite_master m JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' \
         ORDER BY m.name, p.cid",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut tables: Vec<Table> = Vec::new();
    for row in &rows {
        let (tbl, col, ty): (String, String, String) = (row.try_get("tbl")?, row.try_get("col")?, row.try_get("ty")?);
        let pk: i64 = row.try_get("pk")?;
        let kind = match ty.as_str() {
            "INTEGER" | "BIGINT" => Kind::Int,
            "REAL" | "DOUBLE PRECISION" => Kind::Real,
            "TEXT" => Kind::Text,
            other => return Err(bad(format!("table {tbl}, column {col}: unexpected type {other}"))),
        };
        let identity = col == "id" && pk == 1 && kind == Kind::Int;
        match tables.last_mut() {
            Some(t) if t.name == tbl => {
                t.identity |= identity;
                t.columns.push((col, kind));
            }
            _ => tables.push(Table { name: tbl, columns: vec![(col, kind)], identity }),
        }
    }
    let edges = sqlx::query(
        "SELECT m.name AS child, f.\"table\" AS parent FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f \
         WHERE m.type = 'table'",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut parents: Vec<(String, String)> = Vec::new();
    for e in &edges {
        let (child, parent): (String, String) = (e.try_get("child")?, e.try_get("parent")?);
        if child != parent {
            parents.push((child, parent));
        }
    }
    // Parents first: repeatedly take the tables whose parents are all placed.
    let mut ordered: Vec<Table> = Vec::with_capacity(tables.len());
    while !tables.is_empty() {
        let ready = tables.iter().position(|t| {
            parents.iter().filter(|(c, _)| *c == t.name).all(|(_, p)| ordered.iter().any(|o| o.name == *p))
        });
        match ready {
            Some(i) => ordered.push(tables.remove(i)),
            None => return Err(bad("the tables' foreign keys form a cycle")),
        }
    }
    Ok(ordered)
}

/// Every table's rows, sorted: for checking that two databases hold the same.
pub async fn contents(store: &SqlStore) -> Result<Contents> {
    // The schema is read from a backup, the one place it is always SQLite's.
    let file = scratch_path("contents");
    let result = async {
        backup(store, &file).await?;
        let pool = open_backup(&file).await?;
        let mut conn = pool.acquire().await?;
        let mut out = Vec::new();
        for t in schema(&mut conn).await? {
            let names: Vec<String> = t.columns.iter().map(|(n, _)| format!("\"{n}\"")).collect();
            let sql = format!("SELECT {} FROM \"{}\"", names.join(", "), t.name);
            let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(&mut *conn).await?;
            let mut table: Vec<Vec<Value>> = rows.iter().map(|r| read_row(r, &t)).collect::<Result<_>>()?;
            table.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            out.push((t.name.clone(), table));
        }
        drop(conn);
        pool.close().await;
        Ok(out)
    }
    .await;
    remove_db_files(&file);
    result
}
