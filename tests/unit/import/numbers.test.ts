import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "../../../server/import/numbers.ts";

const value = (text: string, options = { yuan: true }) => {
  const result = parseChineseNumber(text, options);
  if (!result.ok) throw new Error(`expected "${text}" to parse, got: ${result.message}`);
  return result.value;
};
const refusal = (text: string, options = { yuan: true }) => {
  const result = parseChineseNumber(text, options);
  if (result.ok) throw new Error(`expected "${text}" to be refused, got ${result.value}`);
  return result.message;
};

describe("parseChineseNumber: exact amounts as planners write them", () => {
  it.each([
    ["5亿", 500_000_000],
    ["5亿元", 500_000_000],
    ["1.85亿", 185_000_000],
    ["3000万", 30_000_000],
    ["3000万元", 30_000_000],
    ["1,234", 1234],
    ["1,234,567.5", 1_234_567.5],
    ["500000000", 500_000_000],
    ["0.5万", 5000],
    ["5千万", 50_000_000],
    ["1.2万亿", 1_200_000_000_000],
    ["5亿3000万", 530_000_000],
    ["１２３４", 1234],
    [" 42 ", 42],
    ["人民币5亿元", 500_000_000],
    ["1.23456789万", 12345.6789],
  ])("%s → %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it("keeps exact decimals (1.85亿 is not 185000000.00000003)", () => {
    expect(value("1.85亿")).toBe(185000000);
    expect(value("0.07亿")).toBe(7_000_000);
  });

  it("passes numbers from XLSX cells through", () => {
    expect(parseChineseNumber(12.5)).toEqual({ ok: true, value: 12.5 });
  });
});

describe("parseChineseNumber: refuses what is not one exact number", () => {
  it.each([
    ["约5亿", /approximate/],
    ["5亿左右", /approximate/],
    ["5亿多", /approximate/],
    ["近3000万", /approximate/],
    ["亿元以上", /approximate/],
    ["超10亿", /approximate/],
    ["5-6亿", /range/],
    ["5~6亿", /range/],
    ["5至6亿", /range/],
    ["五亿", /not a number/],
    ["5亿美元", /not in yuan/],
    ["3000万5亿", /unclear order/],
    ["5亿3000", /unclear order/],
    ["1,2345", /commas/],
    ["abc", /not a number/],
    ["", /empty/],
  ])("%s", (text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it("refuses a currency in a column that is not an amount", () => {
    expect(refusal("5亿元", { yuan: false })).toMatch(/plain number/);
    expect(value("1.2万", { yuan: false })).toBe(12000);
  });

  it("refuses fractions in whole-number columns", () => {
    expect(parseChineseNumber("2.5", { integer: true }).ok).toBe(false);
    expect(parseChineseNumber("12", { integer: true })).toEqual({ ok: true, value: 12 });
  });
});
