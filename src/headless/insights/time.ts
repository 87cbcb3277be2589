/**
 * ISO-8601 to epoch milliseconds, fast for the forms adapters write (`YYYY-MM-DDTHH:MM:SS`, with
 * or without `.sss`, then `Z` or an offset `±HH:MM`): a release history holds millions of times
 * and `Date.parse` costs about 100 ns each (several hundred with an offset). Anything else goes
 * to `Date.parse`, so the answer is always `Date.parse`'s (NaN for what it cannot read), only
 * sooner.
 */
export function isoMs(text: string): number {
  const n = text.length;
  // Where the zone starts, and its offset in minutes (NaN when it is not digits).
  const zone = text.charCodeAt(n - 1) === 90 ? n - 1 : n - 6;
  const sign = text.charCodeAt(zone);
  const offset = zone === n - 1 ? 0 : (sign === 43 ? 1 : sign === 45 ? -1 : NaN) * (pair(text, n - 5) * 60 + pair(text, n - 2));
  if (
    (zone === 19 || (zone === 23 && text.charCodeAt(19) === 46)) &&
    (zone === n - 1 || (text.charCodeAt(n - 3) === 58 && pair(text, n - 5) <= 23 && pair(text, n - 2) <= 59)) &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58
  ) {
    const year = pair(text, 0) * 100 + pair(text, 2);
    const month = pair(text, 5);
    const day = pair(text, 8);
    const hour = pair(text, 11);
    const minute = pair(text, 14);
    const second = pair(text, 17);
    const ms = zone === 23 ? pair(text, 20) * 10 + digit(text, 22) : 0;
    // NaN when any is not a digit. Out of these ranges `Date.parse` has its own rules (24:00, day
    // 31 of April rolls over): leave them to it. Day 29-31 of any month rolls over here exactly
    // as it does there.
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59 && ms >= 0 && offset === offset) {
      return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
    }
  }
  return Date.parse(text);
}

/** The digit at `at`; NaN when it is not one. */
function digit(text: string, at: number): number {
  const value = text.charCodeAt(at) - 48;
  return value >>> 0 < 10 ? value : NaN;
}
/** The two digits at `at`; NaN when either is not one. */
const pair = (text: string, at: number): number => digit(text, at) * 10 + digit(text, at + 1);

/**
 * Days from 1970-01-01 to a proleptic Gregorian date of years 0-9999 (H. Hinnant's
 * `days_from_civil`, in integers: counted from the year −400 so that nothing is negative).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = year + 400 - (month <= 2 ? 1 : 0);
  const era = (y / 400) | 0;
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  return (era - 1) * 146_097 + yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear - 719_468;
}
