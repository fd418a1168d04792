import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { withDrill, type Drill } from '../lib/insight-params';

/** A number that opens the events behind it (the drawer's state is in the URL, so it can be shared). */
export function DrillLink({ drill, label, children, className }: { drill: Drill; label: string; children: ReactNode; className?: string }) {
  const [search] = useSearchParams();
  return (
    <Link to={{ search: `?${withDrill(search, drill).toString()}` }} className={`drill-link${className ? ` ${className}` : ''}`} aria-label={label} title={label} preventScrollReset>
      {children}
    </Link>
  );
}
