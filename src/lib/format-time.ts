/**
 * Times as the dashboard shows them. Written against Intl (no date library: these are in the first
 * screen's code, and date-fns cost ~5 kB gzip of it). Wording and rounding follow date-fns's
 * formatDistanceStrict with a suffix ("12 minutes ago", "in 3 hours"), which these replaced.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** "12 minutes ago", "in 3 hours", "just now" (within 45 s). */
export function relativeTime(iso: string, now: number): string {
  const date = new Date(iso);
  const t = date.getTime();
  if (Number.isNaN(t)) return 'unknown time';
  const diff = t - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  const sign = diff < 0 ? -1 : 1;
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    abs < MINUTE
      ? [abs / 1000, 'second']
      : abs < HOUR
        ? [abs / MINUTE, 'minute']
        : abs < DAY
          ? [abs / HOUR, 'hour']
          : abs < MONTH
            ? [abs / DAY, 'day']
            : abs < YEAR
              ? [abs / MONTH, 'month']
              : [abs / YEAR, 'year'];
  // Math.round(-0.5) is -0: round the magnitude, then apply the sign.
  return relative.format(sign * Math.round(value), unit);
}

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** Local clock time "HH:mm:ss". */
export function clockTime(date: Date | number): string {
  const d = new Date(date);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "2026-03-01 14:05:09 UTC+01:00" in the browser's time zone (the ISO text itself when unreadable). */
export function absoluteTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const offset = -d.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clockTime(d)} UTC${zone}`;
}
