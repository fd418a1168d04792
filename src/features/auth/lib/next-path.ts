export const DEFAULT_PATH = '/namespaces';

/**
 * Where to go after signing in. Only same-origin app paths are accepted, so a crafted
 * `?next=//evil.example` link cannot bounce a fresh session to another site.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_PATH;
  if ([...next].some((c) => c.charCodeAt(0) < 0x20)) return DEFAULT_PATH;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return DEFAULT_PATH;
  return next;
}

export function loginPathFor(location: { pathname: string; search: string; hash?: string }): string {
  const here = `${location.pathname}${location.search}${location.hash ?? ''}`;
  return here === '/' || here === DEFAULT_PATH ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}
