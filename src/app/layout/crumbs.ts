/** Where the user is, from the URL: each crumb a label and the link that opens it. Pure. */
export interface Crumb {
  label: string;
  to: string;
}

const SECTIONS: Record<string, string> = { namespaces: 'Namespaces', audit: 'Audit log', rollouts: 'Rollouts', insights: 'Insights', timeline: 'Timeline' };
const NAMESPACE_SCREENS: Record<string, string> = { history: 'History', diff: 'Compare', versions: 'History' };

export function crumbsFor(pathname: string): Crumb[] {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const path = (n: number) => `/${segments.slice(0, n).map(encodeURIComponent).join('/')}`;
  return segments.map((segment, i) => {
    if (i === 0) return { label: SECTIONS[segment] ?? segment, to: path(1) };
    if (segments[0] === 'namespaces' && i === 2) {
      // /namespaces/:ns/versions has no screen of its own: the list of versions is the history.
      return segment === 'versions' ? { label: 'History', to: `${path(2)}/history` } : { label: NAMESPACE_SCREENS[segment] ?? segment, to: path(3) };
    }
    if (segments[0] === 'namespaces' && i === 3 && segments[2] === 'versions') return { label: `v${segment}`, to: path(4) };
    if (segments[0] === 'rollouts' && i === 2 && segment === 'parity') return { label: 'Parity review', to: path(3) };
    return { label: segment, to: path(i + 1) };
  });
}
