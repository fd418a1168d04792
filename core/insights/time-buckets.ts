/**
 * Time buckets aligned to a user's time zone (an IANA name), with Intl only: an hour bucket
 * starts at a local full hour, a day bucket at local midnight, a week bucket at local midnight
 * on Monday (ISO weeks). Days are 23 or 25 hours long on DST days; a local time that does not
 * exist (a spring-forward gap, e.g. midnight in America/Santiago) starts its bucket at the first
 * instant after the gap; a local hour that happens twice (fall back) is two hour buckets.
 */

export const BUCKET_SIZES = ['hour', 'day', 'week'] as const;
export type BucketSize = (typeof BUCKET_SIZES)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    // Throws RangeError for an unknown zone; only valid zones are cached.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

const TZ_SHAPE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** An IANA time zone this runtime knows (`UTC`, `Europe/Berlin`, `America/New_York`, …). */
export function isTimeZone(tz: string): boolean {
  if (!TZ_SHAPE.test(tz)) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The local wall clock at an instant. */
export function wallClock(ms: number, tz: string): WallClock {
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(tz).formatToParts(ms)) {
    if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'hour' || p.type === 'minute' || p.type === 'second') {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

const wallMs = (w: WallClock): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** Local time minus UTC at an instant, in ms (+3,600,000 in Berlin in winter). */
export function offsetAt(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallMs(wallClock(whole, tz)) - whole;
}

/**
 * The instant a local wall-clock time names. Twice-happening times (fall back) give the earlier
 * instant; times in a spring-forward gap give the instant the old offset would name (so midnight
 * that does not exist maps to the first instant of the day).
 */
export function zonedToInstant(year: number, month: number, day: number, hour: number, minute: number, tz: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = wall - offsetAt(wall - DAY_MS, tz);
  const after = wall - offsetAt(wall + DAY_MS, tz);
  const valid = [before, after].filter((t) => wallMs(wallClock(t, tz)) === wall);
  if (valid.length > 0) return Math.min(...valid);
  return Math.max(before, after);
}

function floorHour(ms: number, tz: string): number {
  const local = ms + offsetAt(ms, tz);
  return ms - (((local % HOUR_MS) + HOUR_MS) % HOUR_MS);
}

function floorDay(ms: number, tz: string, plusDays = 0): number {
  const w = wallClock(ms, tz);
  return zonedToInstant(w.year, w.month, w.day + plusDays, 0, 0, tz);
}

/** Days back to the Monday of the local date's ISO week. */
function daysSinceMonday(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7;
}

/** The start of the bucket holding `ms`. */
export function bucketStart(ms: number, size: BucketSize, tz: string): number {
  if (size === 'hour') return floorHour(ms, tz);
  if (size === 'day') return floorDay(ms, tz);
  return floorDay(ms, tz, -daysSinceMonday(ms, tz));
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucketStart(start: number, size: BucketSize, tz: string): number {
  if (size === 'hour') {
    const next = floorHour(start + HOUR_MS, tz);
    return next > start ? next : start + HOUR_MS;
  }
  // Noon of the bucket's first day is never in a DST gap: its local date is the bucket's.
  const noon = start + 12 * HOUR_MS;
  return floorDay(noon, tz, size === 'day' ? 1 : 7);
}

export interface Buckets {
  /** Bucket starts, ascending; bucket i is [starts[i], ends[i]). */
  starts: number[];
  ends: number[];
}

/** How many buckets a range may be cut into. */
export const MAX_BUCKETS = 2_000;

/** Approximate bucket count, for validating a request before cutting. */
export const approxBuckets = (from: number, to: number, size: BucketSize): number =>
  Math.ceil((to - from) / (size === 'hour' ? HOUR_MS : size === 'day' ? DAY_MS : 7 * DAY_MS)) + 1;

/**
 * The buckets covering [from, to): the first starts at or before `from` (the bucket holding it),
 * the last ends at or after `to`. Every bucket is present, also those without events.
 */
export function bucketsBetween(from: number, to: number, size: BucketSize, tz: string): Buckets {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = bucketStart(from, size, tz);
  while (start < to && starts.length < MAX_BUCKETS) {
    const end = nextBucketStart(start, size, tz);
    starts.push(start);
    ends.push(end);
    start = end;
  }
  return { starts, ends };
}

/** Index of the bucket holding `t`, or -1 outside every bucket (binary search). */
export function bucketIndex(b: Buckets, t: number): number {
  let lo = 0;
  let hi = b.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = b.starts[mid] ?? 0;
    if (t < s) hi = mid - 1;
    else if (t >= (b.ends[mid] ?? 0)) lo = mid + 1;
    else return mid;
  }
  return -1;
}
