import type { ReactNode } from 'react';
import { SortIcon } from './icons';

export interface SortableHeaderProps {
  label: ReactNode;
  direction: 'asc' | 'desc' | null;
  onSort: () => void;
  align?: 'start' | 'end';
  className?: string;
}

/** A column header whose button sorts the table; `aria-sort` tells assistive tech the current order. */
export function SortableHeader({ label, direction, onSort, align = 'start', className }: SortableHeaderProps) {
  const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={`${align === 'end' ? 'align-end' : ''} ${className ?? ''}`.trim()}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <SortIcon direction={direction ?? 'none'} />
      </button>
    </th>
  );
}
