import { Link, useLocation } from 'react-router';

const SECTION_LABELS: Record<string, string> = { namespaces: 'Namespaces' };

/** Where the user is, from the URL: the first segment names the section, the rest are ids. */
export function Breadcrumbs() {
  const { pathname } = useLocation();
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (segments.length === 0) return null;
  const crumbs = segments.map((segment, i) => ({
    label: i === 0 ? (SECTION_LABELS[segment] ?? segment) : segment,
    to: `/${segments.slice(0, i + 1).map(encodeURIComponent).join('/')}`,
  }));
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={crumb.to}>
            {i === crumbs.length - 1 ? <span aria-current="page">{crumb.label}</span> : <Link to={crumb.to}>{crumb.label}</Link>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
