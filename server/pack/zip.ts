import { unzipSync, type Zippable, zipSync } from "fflate";

/**
 * ZIP files whose bytes depend only on their entries: entries in the order given, each stamped
 * with the one time passed in. fflate (pure JS, no dependencies) writes them.
 */
export function writeZip(entries: [name: string, content: Uint8Array][], time: Date): Buffer {
  const files: Zippable = {};
  // Unix as the system of origin (with rw-r--r--): Info-ZIP's unzip re-encodes the names of
  // "MS-DOS" entries from a code page even when their UTF-8 flag is set, garbling Chinese names.
  for (const [name, content] of entries) files[name] = [content, { mtime: time, level: 6, os: 3, attrs: 0o100644 << 16 }];
  return Buffer.from(zipSync(files));
}

/** The same archive re-packed with a fixed time (exceljs stamps every entry with "now"). */
export function restampZip(archive: Uint8Array, time: Date): Buffer {
  return writeZip(Object.entries(unzipSync(archive)), time);
}
