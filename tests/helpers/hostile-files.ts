import { once } from "node:events";
import { crc32, createDeflateRaw } from "node:zlib";

/**
 * Hostile spreadsheets, generated: zip bombs, huge row counts, wide rows and long cells. The zip
 * writer streams its entries through deflate, so a test can make a file that unpacks to
 * gigabytes without holding them.
 */
interface Entry {
  name: string;
  content: Iterable<string | Buffer>;
  /** The uncompressed size the headers claim (a lying zip); the true size by default. */
  claimedSize?: number;
}

async function deflate(content: Iterable<string | Buffer>) {
  const deflater = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  let size = 0;
  for (const part of content) {
    const chunk = typeof part === "string" ? Buffer.from(part, "utf8") : part;
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflater.write(chunk)) await once(deflater, "drain");
  }
  deflater.end();
  await once(deflater, "end");
  return { data: Buffer.concat(out), crc, size };
}

/** A little-endian record: a signature, then (offset, value, width) fields; the rest zero. */
function record(length: number, signature: number, fields: [number, number, 2 | 4][]): Buffer {
  const buffer = Buffer.alloc(length);
  buffer.writeUInt32LE(signature, 0);
  for (const [at, value, width] of fields) {
    if (width === 2) buffer.writeUInt16LE(value, at);
    else buffer.writeUInt32LE(value >>> 0, at);
  }
  return buffer;
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

/** A zip archive (deflate, no zip64): local headers, data, central directory. */
export async function zip(entries: Entry[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = await deflate(entry.content);
    const name = Buffer.from(entry.name, "utf8");
    const claimed = Math.min(entry.claimedSize ?? size, 0xfffffffe);
    // version, flags, method, crc, compressed size, claimed size, name length: in both headers, 2 bytes apart.
    const common = (at: number): [number, number, 2 | 4][] => [
      [at, 20, 2],
      [at + 2, UTF8_NAMES, 2],
      [at + 4, DEFLATE, 2],
      [at + 10, crc, 4],
      [at + 14, data.length, 4],
      [at + 18, claimed, 4],
      [at + 22, name.length, 2],
    ];
    const local = record(30, 0x04034b50, common(4));
    const header = record(46, 0x02014b50, [[4, 20, 2], ...common(6), [42, offset, 4]]);
    locals.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = record(22, 0x06054b50, [
    [8, entries.length, 2],
    [10, entries.length, 2],
    [12, directory.length, 4],
    [16, offset, 4],
  ]);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts every workbook needs around one worksheet named `sheet`. */
function workbookParts(sheet: string, sharedStrings: boolean): Entry[] {
  return [
    {
      name: "[Content_Types].xml",
      content: [
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : ""}</Types>`,
      ],
    },
    {
      name: "_rels/.rels",
      content: [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
    },
    {
      name: "xl/workbook.xml",
      content: [
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
      ],
    },
  ];
}

function* worksheet(rows: Iterable<string>): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
  yield* rows;
  yield "</sheetData></worksheet>";
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The header of a firm sheet plus `rows` rows, produced as they are deflated. */
function* firmRows(rows: number, firstRow = 2): Generator<string> {
  yield `<row r="1">${inline("A1", "编号 (id)")}${inline("B1", "名称 (name)")}${inline("C1", "备注 (note)")}</row>`;
  let batch = "";
  for (let i = 0; i < rows; i++) {
    const r = firstRow + i;
    batch += `<row r="${r}">${inline(`A${r}`, `firm:hostile-${i}`)}${inline(`B${r}`, `丽水恶意测试企业${i}`)}${inline(`C${r}`, "生成的测试行")}</row>`;
    if (batch.length > 1 << 20) {
      yield batch;
      batch = "";
    }
  }
  yield batch;
}

/** A workbook whose shared strings unpack to `bytes` (a zip bomb), with headers claiming a tiny size. */
export function sharedStringsBomb(bytes: number): Promise<Buffer> {
  const one = "<si><t>丽水美妆日化产业链企业名称重复填充AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></si>";
  const block = Buffer.from(one.repeat(Math.ceil((1 << 20) / Buffer.byteLength(one))), "utf8");
  const count = Math.ceil(bytes / block.length);
  return zip([
    ...workbookParts("企业", true),
    {
      name: "xl/sharedStrings.xml",
      claimedSize: 4096,
      content: (function* () {
        yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">`;
        for (let i = 0; i < count; i++) yield block;
        yield "</sst>";
      })(),
    },
    { name: "xl/worksheets/sheet1.xml", content: worksheet([`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`]) },
  ]);
}

/** A firm workbook of `rows` rows (inline strings). */
export function manyRowsXlsx(rows: number): Promise<Buffer> {
  return zip([...workbookParts("企业", false), { name: "xl/worksheets/sheet1.xml", content: worksheet(firmRows(rows)) }]);
}

/** A firm workbook with one cell far to the right (column XFD) on each of `rows` rows. */
export function wideXlsx(rows: number): Promise<Buffer> {
  const cells = (function* () {
    for (let r = 1; r <= rows; r++) yield `<row r="${r}">${inline(`A${r}`, "x")}${inline(`XFD${r}`, "far right")}</row>`;
  })();
  return zip([...workbookParts("企业", false), { name: "xl/worksheets/sheet1.xml", content: worksheet(cells) }]);
}

/** A firm workbook with one inline cell of `chars` characters. */
export function longCellXlsx(chars: number): Promise<Buffer> {
  const rows = (function* () {
    yield `<row r="1">${inline("A1", "编号 (id)")}${inline("B1", "名称 (name)")}</row><row r="2">${inline("A2", "firm:long")}<c r="B2" t="inlineStr"><is><t>`;
    const block = "长".repeat(1 << 16);
    for (let left = chars; left > 0; left -= block.length) yield left >= block.length ? block : block.slice(0, left);
    yield "</t></is></c></row>";
  })();
  return zip([...workbookParts("企业", false), { name: "xl/worksheets/sheet1.xml", content: worksheet(rows) }]);
}

/** A firm CSV of rows with malformed ids, `bytes` long. */
export function badIdsCsv(bytes: number): Buffer {
  const lines = ["编号 (id),名称 (name),备注 (note)"];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `BAD ID ${i}!,恶意测试企业${i},生成的测试行`;
    lines.push(line);
    size += Buffer.byteLength(line) + 2;
  }
  return Buffer.from(lines.join("\r\n"), "utf8");
}

/** A firm CSV whose second row has `columns` columns. */
export function wideCsv(columns: number): Buffer {
  return Buffer.from(`编号 (id),名称 (name),备注 (note)\r\nfirm:wide,宽行企业,${"x,".repeat(columns)}\r\n`, "utf8");
}

/** A firm CSV with one name `chars` characters long. */
export function longCellCsv(chars: number): Buffer {
  return Buffer.from(`编号 (id),名称 (name),备注 (note)\r\nfirm:long-cell,${"长".repeat(chars)},生成的测试行\r\n`, "utf8");
}
