/**
 * The one rule for dates people type: YYYY, YYYY-MM or YYYY-MM-DD naming a day the calendar has.
 * A pattern alone lets 2026-02-30 through, and `Date` then quietly reads it as 2 March; every date
 * parameter and date field (the change report's moments, a document's date, an imported cell)
 * checks it here instead.
 */

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether year, month and day name a real day (month and day optional, for YYYY and YYYY-MM). */
export function isCalendarDay(year: number, month?: number, day?: number): boolean {
  if (!Number.isInteger(year) || year < 1) return false;
  if (month === undefined) return day === undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

/** "2026-02-28" yes, "2026-02" yes, "2026" yes; "2026-02-30", "2026-13", "26-01-01" no. */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  return isCalendarDay(Number(year), month === undefined ? undefined : Number(month), day === undefined ? undefined : Number(day));
}

/** The message for a date that has the right shape but names no day, e.g. 2026-02-30. */
export const NOT_A_CALENDAR_DATE = "must be a day the calendar has (no 30 February, no month 13)";
