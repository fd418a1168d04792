import type { SortKey } from '../lib/overview';

export const COLUMNS: { key: SortKey; label: string; numeric?: boolean; className?: string }[] = [
  { key: 'name', label: 'Namespace', className: 'col-name' },
  { key: 'version', label: 'Version', numeric: true, className: 'col-version' },
  { key: 'flags', label: 'Flags', numeric: true, className: 'col-flags' },
  { key: 'status', label: 'Status', className: 'col-status' },
  { key: 'lastChange', label: 'Last change', className: 'col-last-change' },
  { key: 'rollbacks', label: 'Rollbacks 7d', numeric: true, className: 'col-rollbacks' },
  { key: 'failureRate', label: 'Failure rate 7d', numeric: true, className: 'col-failure-rate' },
];
