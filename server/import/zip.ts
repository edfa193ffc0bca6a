import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

/**
 * The entries of a zip archive held in memory (an uploaded XLSX), read from its central
 * directory. Sizes in the headers are never trusted: entries are inflated as streams and the
 * caller counts the bytes that really come out.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_U32 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("zip64 size out of range");
  return Number(value);
}

function endOfCentralDirectory(bytes: Buffer): { count: number; offset: number } {
  // The record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) !== EOCD) continue;
    let count = bytes.readUInt16LE(at + 10);
    let offset = bytes.readUInt32LE(at + 16);
    if ((offset === MAX_U32 || count === 0xffff) && at >= 20 && bytes.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const record = safeNumber(bytes.readBigUInt64LE(at - 20 + 8));
      if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD) throw new ZipFormatError("damaged zip64 directory");
      count = safeNumber(bytes.readBigUInt64LE(record + 32));
      offset = safeNumber(bytes.readBigUInt64LE(record + 48));
    }
    return { count, offset };
  }
  throw new ZipFormatError("no zip directory (not an XLSX workbook, or a truncated one)");
}

/** Every entry by name. Throws ZipFormatError on anything that does not add up. */
export function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  if (bytes.length < 22) throw new ZipFormatError("too short to be a workbook");
  const { count, offset } = endOfCentralDirectory(bytes);
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError("damaged zip directory");
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    let compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    let localHeaderOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    if (flags & 1) throw new ZipFormatError("the workbook is encrypted; save it without a password first");
    // Zip64: the 32-bit fields that overflowed are in the extra field, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = bytes.readUInt16LE(extra);
      const size = bytes.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (uncompressedSize === MAX_U32) field += 8;
        if (compressedSize === MAX_U32) {
          compressedSize = safeNumber(bytes.readBigUInt64LE(field));
          field += 8;
        }
        if (localHeaderOffset === MAX_U32) localHeaderOffset = safeNumber(bytes.readBigUInt64LE(field));
      }
      extra += 4 + size;
    }
    entries.set(name, { name, method, compressedSize, localHeaderOffset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, located through its local header. */
function compressedData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new ZipFormatError(`damaged entry ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`entry ${entry.name} runs past the end of the file`);
  return bytes.subarray(start, end);
}

const CHUNK = 64 * 1024;

/**
 * The entry's content, chunk by chunk as it inflates. `count` sees every chunk before the
 * caller does and throws to stop: nothing beyond the limit is ever inflated, whatever the
 * headers claim.
 */
export async function* inflateEntry(bytes: Buffer, entry: ZipEntry, count: (bytes: number) => void): AsyncGenerator<Buffer> {
  const data = compressedData(bytes, entry);
  if (entry.method === STORED) {
    for (let at = 0; at < data.length; at += CHUNK) {
      const chunk = data.subarray(at, at + CHUNK);
      count(chunk.length);
      yield chunk;
    }
    return;
  }
  if (entry.method !== DEFLATED) throw new ZipFormatError(`entry ${entry.name} uses an unsupported compression (${entry.method})`);
  const inflate = createInflateRaw();
  const source = Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
    })(),
  );
  source.on("error", (error) => inflate.destroy(error));
  source.pipe(inflate);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      count(chunk.length);
      yield chunk;
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("Z_")) throw new ZipFormatError(`entry ${entry.name} is damaged`);
    throw error;
  } finally {
    source.unpipe(inflate);
    source.destroy();
    inflate.destroy();
  }
}
