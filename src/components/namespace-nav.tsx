import { Link, useLocation } from 'react-router';

type Screen = 'overview' | 'history' | 'diff';

/** Which screen of the namespace `pathname` is (a version belongs to its history). */
export function screenOf(pathname: string): Screen {
  const rest = pathname.split('/').slice(3);
  if (rest[0] === 'history' || rest[0] === 'versions') return 'history';
  if (rest[0] === 'diff') return 'diff';
  return 'overview';
}

/** The screens of one namespace, one click apart: overview, history, compare, and its audit log. */
export function NamespaceNav({ ns }: { ns: string }) {
  const { pathname } = useLocation();
  const current = screenOf(pathname);
  const base = `/namespaces/${encodeURIComponent(ns)}`;
  const items: { screen: Screen | 'audit'; label: string; to: string }[] = [
    { screen: 'overview', label: 'Overview', to: base },
    { screen: 'history', label: 'History', to: `${base}/history` },
    { screen: 'diff', label: 'Compare', to: `${base}/diff` },
    { screen: 'audit', label: 'Audit log', to: `/audit?namespace=${encodeURIComponent(ns)}` },
  ];
  return (
    <nav className="namespace-nav" aria-label={`Screens of ${ns}`}>
      {items.map((item) => (
        <Link key={item.screen} to={item.to} className="namespace-nav-link" aria-current={item.screen === current ? 'page' : undefined}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
