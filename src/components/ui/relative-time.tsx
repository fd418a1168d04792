import { absoluteTime, relativeTime } from '../../lib/format-time';
import { useNow } from '../../lib/use-now';

/** "12 minutes ago", with the exact time on hover and for assistive tech. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  const exact = absoluteTime(iso);
  return (
    <time dateTime={iso} title={exact} className="relative-time">
      {relativeTime(iso, now)}
    </time>
  );
}
