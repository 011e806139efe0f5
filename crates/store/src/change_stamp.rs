//! A cheap way to know that nothing was committed to an SQLite database since
//! a moment ago, without a query: the header of its WAL index (the `-shm`
//! file). SQLite rewrites that header in every commit before other
//! connections can see the commit: `iChange` counts transactions, `mxFrame`
//! marks the last frame, and the salts change with every WAL reset (SQLite's
//! "WAL-mode file format", section 2.2). Equal headers mean no commit in
//! between, from this process or any other. Anything unexpected (no file, a
//! short read, an uninitialised header) gives no stamp, and callers then ask
//! the database.

use std::io::Read;
use std::path::{Path, PathBuf};

/// The first 48 bytes of the WAL-index header: version, change counter,
/// init flag, page size, last frame, page count, frame checksum, salts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeStamp([u8; 48]);

/// The SQLite database file a URL names, if it names a file.
pub(crate) fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && !path.contains(":memory:") && !url.contains("mode=memory")).then(|| PathBuf::from(path))
}

/// Reads the stamp now. The file is opened each time: SQLite deletes and
/// recreates it when the last connection closes, and a kept handle would
/// go on reading the deleted one.
pub(crate) fn read(db: &Path) -> Option<ChangeStamp> {
    let mut shm = db.as_os_str().to_owned();
    shm.push("-shm");
    let mut header = [0u8; 48];
    std::fs::File::open(PathBuf::from(shm)).ok()?.read_exact(&mut header).ok()?;
    // isInit (byte 12) is 1 once the header describes the WAL.
    (header[12] == 1).then_some(ChangeStamp(header))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_file_urls_have_a_file() {
        assert_eq!(sqlite_file("sqlite:///tmp/a.db?mode=rwc"), Some(PathBuf::from("/tmp/a.db")));
        assert_eq!(sqlite_file("sqlite:rw.db"), Some(PathBuf::from("rw.db")));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://u@h/db"), None);
    }
}
