/**
 * What a news page's date can be, for every reader of dates (published.ts for the markup's,
 * byline-date.ts for the byline's written one): a real calendar day in a plausible year.
 */

/** The earliest and latest years a news page's date can plausibly have. */
const YEARS = { first: 1990, last: 2100 } as const;

/** Whether year-month-day is a real calendar day (no 31 April, no 29 February 2025) in YEARS. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (year < YEARS.first || year > YEARS.last || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
