import { inflateSync } from "node:zlib";

/**
 * Decodes a PNG far enough to know it is whole: signature, IHDR, every chunk's length, and the
 * inflated IDAT stream's size against width × height × bytes per pixel (plus a filter byte per row).
 */
export function decodePng(buffer: Buffer): { width: number; height: number } {
  if (!buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error("not a PNG signature");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  let depth = 8;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("latin1", offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (data.length !== length) throw new Error(`chunk ${type} is cut short`);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8] ?? 8;
      channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[data[9] ?? -1] ?? 0;
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") ended = true;
    offset += 12 + length;
  }
  if (!ended || !width || !height || !channels) throw new Error("PNG without IHDR or IEND");
  const pixels = inflateSync(Buffer.concat(idat));
  const expected = height * (1 + Math.ceil((width * channels * depth) / 8));
  if (pixels.length !== expected) throw new Error(`PNG pixel data is ${pixels.length} bytes, expected ${expected}`);
  return { width, height };
}
