/**
 * Numbers as planners type them in Chinese spreadsheets: "5亿", "1.85亿元", "3000万", "1,234".
 * Only exact amounts are accepted; approximations and ranges ("约5亿", "5-6亿", "亿元以上")
 * are refused with a message, because the graph stores one number per fact.
 */
export type NumberResult = { ok: true; value: number } | { ok: false; message: string };

/** Chinese magnitude words as powers of ten, longest first so 千万 wins over 万. */
const UNITS: [string, number][] = [
  ["万亿", 12],
  ["千亿", 11],
  ["百亿", 10],
  ["十亿", 9],
  ["亿", 8],
  ["千万", 7],
  ["百万", 6],
  ["十万", 5],
  ["万", 4],
];

const VAGUE: [RegExp, string][] = [
  [/\d\s*[-–—~～至到]\s*\d/, "a range"],
  [/约|大约|左右|上下|近|将近|接近|超过|超|逾|余|多|以上|以下|不足|不到|至少|最多|up to|about|approx|~|≈/i, "an approximate amount"],
];

export interface NumberOptions {
  /** Accept a trailing 元 / 人民币 (amount columns in yuan). */
  yuan?: boolean;
  integer?: boolean;
}

export function parseChineseNumber(input: string | number, options: NumberOptions = {}): NumberResult {
  if (typeof input === "number") return checkFinite(input, options);
  const text = toHalfWidth(input).trim().replace(/\s+/g, "");
  if (text === "") return { ok: false, message: "empty" };
  for (const [pattern, what] of VAGUE) {
    if (pattern.test(text)) return { ok: false, message: `"${input}" is ${what}; write one exact number, e.g. 500000000 or 5亿` };
  }
  if (/美元|美金|US\$|\$|USD|欧元|港元|港币|日元|EUR|HKD|JPY/i.test(text)) {
    return { ok: false, message: `"${input}" is not in yuan (人民币); convert it to yuan first` };
  }
  let rest = text;
  if (/[元圆]$/.test(rest) || /^(人民币|RMB|¥|￥)/i.test(rest)) {
    if (!options.yuan) return { ok: false, message: `"${input}" carries a currency; this column takes a plain number` };
    rest = rest.replace(/^(人民币|RMB|¥|￥)/i, "").replace(/[元圆]$/, "");
  }
  // Thousands separators only between digit groups, so "1,2" (a decimal comma?) is refused below.
  if (/,/.test(rest)) {
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?(?![\d,])/.test(rest))
      return { ok: false, message: `"${input}" has commas that are not thousands separators` };
    rest = rest.replace(/,/g, "");
  }
  const parts = [...rest.matchAll(/(-?\d+(?:\.\d+)?)(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万)?/g)];
  if (parts.length === 0 || parts.map((m) => m[0]).join("") !== rest) {
    return { ok: false, message: `"${input}" is not a number; write digits with at most one of 万/亿 (e.g. 3000万, 1.85亿)` };
  }
  let total = 0n;
  let scale = 0;
  let previousExponent = Number.POSITIVE_INFINITY;
  for (const [index, match] of parts.entries()) {
    const digits = match[1]!;
    const unit = match[2];
    const exponent = unit ? UNITS.find(([word]) => word === unit)![1] : 0;
    // "5亿3000万" is fine; "3000万5亿" or "5亿3000" (which unit is 3000?) is not.
    if (exponent >= previousExponent || (index > 0 && !unit)) {
      return { ok: false, message: `"${input}" mixes units in an unclear order; write one number, e.g. 530000000` };
    }
    if (index > 0 && digits.startsWith("-")) return { ok: false, message: `"${input}" is not a number` };
    previousExponent = exponent;
    const [intPart, fracPart = ""] = digits.replace("-", "").split(".");
    // Exact decimal arithmetic: 1.85亿 is 185000000, not 185000000.00000003.
    const scaledFrac = fracPart.length;
    const value = BigInt(`${intPart}${fracPart}`) * 10n ** BigInt(Math.max(exponent - scaledFrac, 0));
    const valueScale = Math.max(scaledFrac - exponent, 0);
    if (valueScale > scale) {
      total *= 10n ** BigInt(valueScale - scale);
      scale = valueScale;
    }
    total += value * 10n ** BigInt(scale - valueScale);
  }
  const negative = parts[0]![1]!.startsWith("-");
  const magnitude =
    scale === 0
      ? Number(total)
      : Number(`${total / 10n ** BigInt(scale)}.${(total % 10n ** BigInt(scale)).toString().padStart(scale, "0")}`);
  return checkFinite(negative ? -magnitude : magnitude, options, input);
}

function checkFinite(value: number, options: NumberOptions, input: string | number = value): NumberResult {
  if (!Number.isFinite(value)) return { ok: false, message: `"${input}" is not a number` };
  if (!Number.isSafeInteger(Math.round(value))) return { ok: false, message: `"${input}" is too large` };
  if (options.integer && !Number.isInteger(value)) return { ok: false, message: `"${input}" must be a whole number` };
  return { ok: true, value };
}

/** Full-width digits, comma and point (１，２３４．５) as Excel users on Chinese input methods type them. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９．，－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
