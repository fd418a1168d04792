import { format, formatDistanceStrict } from 'date-fns';

export function relativeTime(iso: string, now: number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown time';
  if (Math.abs(now - date.getTime()) < 45_000) return 'just now';
  return formatDistanceStrict(date, now, { addSuffix: true });
}

export function absoluteTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, "yyyy-MM-dd HH:mm:ss 'UTC'xxx");
}
