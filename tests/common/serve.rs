//! A `cchc serve` process for the tests, and plain HTTP requests to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::root;

pub const PATIENCE: Duration = Duration::from_secs(120);

/// The serve process, stopped when the test ends however it ends.
pub struct Serve {
    child: Child,
    pub addr: String,
    // Kept open: serve's stdout is not closed under it.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `cchc serve` in `dir` with the default theme.
pub fn start(dir: &Path) -> Serve {
    start_with(dir, &root().join("themes/default"))
}

/// `cchc serve` in `dir` with the theme folder `theme`, printing the address it serves.
pub fn start_with(dir: &Path, theme: &Path) -> Serve {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .args(["serve", "--port", "0", "--khong-word", "--theme"])
        .arg(theme)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("cchc serve starts");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let at = line
        .find("http://")
        .unwrap_or_else(|| panic!("an address: {line:?}"));
    let addr = line[at + 7..].split('/').next().unwrap().to_string();
    Serve {
        child,
        addr,
        _stdout: stdout,
    }
}

/// GET `path`: (status, body).
pub fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, body.to_string())
}
