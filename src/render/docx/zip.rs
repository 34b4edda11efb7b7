//! The zip container of a .docx, written by hand: a handful of deflated parts in a fixed
//! order with a fixed date, so that the same document always gives the same bytes (the
//! `zip` crate stamps the clock unless told otherwise, and brings a dozen codecs a .docx
//! never uses). flate2 is already in the build through Typst.

use std::io::Write;

use flate2::Crc;
use flate2::write::DeflateEncoder;

/// 1980-01-01 00:00:00 in MS-DOS form, the earliest date a zip can hold: no clock is read.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Version 2.0: deflate.
const VERSION: u16 = 20;
const DEFLATE: u16 = 8;

struct Entry {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    offset: u32,
}

/// Zips `parts` (name, bytes) in the order given. Fails only on a part or archive past
/// 4 GiB, which a document never reaches (zip64 is not written).
pub fn zip(parts: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let too_big = |what: &str| format!("{what} is too large for a zip without zip64");
    let mut out = Vec::new();
    let mut entries = Vec::with_capacity(parts.len());
    for (name, bytes) in parts {
        let mut crc = Crc::new();
        crc.update(bytes);
        let mut enc = DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(bytes).map_err(|e| e.to_string())?;
        let data = enc.finish().map_err(|e| e.to_string())?;
        let entry = Entry {
            name: (*name).to_string(),
            crc: crc.sum(),
            compressed: u32::try_from(data.len()).map_err(|_| too_big(name))?,
            size: u32::try_from(bytes.len()).map_err(|_| too_big(name))?,
            offset: u32::try_from(out.len()).map_err(|_| too_big("the document"))?,
        };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut out, &entry);
        out.extend_from_slice(entry.name.as_bytes());
        out.extend_from_slice(&data);
        entries.push(entry);
    }
    let directory = u32::try_from(out.len()).map_err(|_| too_big("the document"))?;
    for entry in &entries {
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&VERSION.to_le_bytes()); // made by
        common(&mut out, entry);
        out.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        out.extend_from_slice(&entry.offset.to_le_bytes());
        out.extend_from_slice(entry.name.as_bytes());
    }
    let size = u32::try_from(out.len()).map_err(|_| too_big("the document"))? - directory;
    let count = u16::try_from(entries.len()).map_err(|_| too_big("the part list"))?;
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the directory's disk
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&directory.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    Ok(out)
}

/// The fields a local header and a directory entry share, from "version needed" to "extra
/// field length".
fn common(out: &mut Vec<u8>, e: &Entry) {
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // flags: names are ASCII
    out.extend_from_slice(&DEFLATE.to_le_bytes());
    out.extend_from_slice(&DOS_TIME.to_le_bytes());
    out.extend_from_slice(&DOS_DATE.to_le_bytes());
    out.extend_from_slice(&e.crc.to_le_bytes());
    out.extend_from_slice(&e.compressed.to_le_bytes());
    out.extend_from_slice(&e.size.to_le_bytes());
    // The name fits: part names are a few dozen ASCII characters chosen by this module.
    out.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Reads the archive back through its central directory, as a reader does.
    fn unzip(z: &[u8]) -> Vec<(String, Vec<u8>)> {
        let u16_at = |i: usize| u16::from_le_bytes([z[i], z[i + 1]]) as usize;
        let u32_at = |i: usize| u32::from_le_bytes(z[i..i + 4].try_into().unwrap()) as usize;
        let end = z.len() - 22;
        assert_eq!(u32_at(end), 0x0605_4b50);
        let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
        let mut parts = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(at), 0x0201_4b50);
            let (crc, csize, name_len) = (u32_at(at + 16), u32_at(at + 20), u16_at(at + 28));
            let name = String::from_utf8(z[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let local = u32_at(at + 42);
            let data = local + 30 + u16_at(local + 26) + u16_at(local + 28);
            let mut bytes = Vec::new();
            flate2::read::DeflateDecoder::new(&z[data..data + csize])
                .read_to_end(&mut bytes)
                .unwrap();
            let mut check = Crc::new();
            check.update(&bytes);
            assert_eq!(check.sum() as usize, crc, "{name}");
            parts.push((name, bytes));
            at += 46 + name_len;
        }
        parts
    }

    #[test]
    fn parts_come_back_in_order_and_intact() {
        let parts = [
            ("[Content_Types].xml", b"<a/>".to_vec()),
            ("word/document.xml", "Hòa Sơn ".repeat(500).into_bytes()),
            ("empty", Vec::new()),
        ];
        let z = zip(&parts).unwrap();
        let back = unzip(&z);
        assert_eq!(back.len(), 3);
        for ((name, bytes), (n, b)) in parts.iter().zip(&back) {
            assert_eq!((*name, bytes), (n.as_str(), b));
        }
        // 5 000 bytes of repeated text deflate to a few dozen; the rest is headers.
        assert!(z.len() < 600, "deflated: {} bytes", z.len());
    }

    #[test]
    fn same_parts_same_bytes() {
        let parts = [("a.xml", b"<x>1</x>".to_vec())];
        assert_eq!(zip(&parts).unwrap(), zip(&parts).unwrap());
        // The date is the fixed one, not today's.
        let z = zip(&parts).unwrap();
        assert_eq!(&z[10..14], &[0, 0, 0x21, 0]);
    }
}
