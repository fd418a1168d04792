/** What the connection indicator and the degraded banner say, from the connection store's state. */
import type { LinkState } from '../../lib/connection-store';
import { clockTime } from '../../lib/format-time';

export type IndicatorTone = 'live' | 'polling' | 'connecting' | 'offline';

export interface IndicatorModel {
  label: string;
  tone: IndicatorTone;
  /** Longer explanation, for the tooltip and assistive tech. */
  description: string;
  /** "updated 12 s ago", when the age of the data matters (not while live). */
  age: string | null;
}

/** "4 s ago", "3 min ago", "2 h ago". */
export function ageText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  return `${Math.floor(min / 60)} h ago`;
}

export function indicatorModel(link: LinkState, lastSuccessAt: number | null, now: number): IndicatorModel {
  const age = lastSuccessAt === null ? null : `updated ${ageText(now - lastSuccessAt)}`;
  switch (link) {
    case 'live':
      return { label: 'Live', tone: 'live', description: 'Connected to the change stream: screens update as soon as anything changes.', age: null };
    case 'polling':
      return { label: 'Polling', tone: 'polling', description: 'The change stream is unavailable: screens re-read their data every 5 seconds while it reconnects.', age };
    case 'connecting':
      return {
        label: lastSuccessAt === null ? 'Connecting…' : 'Reconnecting…',
        tone: 'connecting',
        description: 'Connecting to the change stream.',
        age,
      };
    case 'offline':
      return { label: 'Offline', tone: 'offline', description: 'The Switchyard API cannot be reached. The screens show the last data received.', age };
  }
}

/** The degraded banner's sentences (X5): since when, how old the data is, what is paused. */
export function degradedText(offlineSince: number, lastSuccessAt: number | null, now: number): { title: string; detail: string } {
  const data = lastSuccessAt === null ? 'No data has been received yet.' : `Showing data from ${ageText(now - lastSuccessAt)}.`;
  return {
    title: `Can't reach the Switchyard API since ${clockTime(offlineSince)}.`,
    detail: `${data} Changes are paused until the connection returns.`,
  };
}
