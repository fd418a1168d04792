import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const ACTION_PARAMS = ['rollback', 'restore', 'load', 'patch', 'kill-switch'] as const;
export type ActionParam = (typeof ACTION_PARAMS)[number];

export interface OpenAction {
  action: ActionParam;
  /** ?steps= for a rollback, ?version= for a restore. */
  steps?: number;
  version?: number;
}

const isAction = (v: string | null): v is ActionParam => ACTION_PARAMS.some((a) => a === v);

function positive(v: string | null): number | undefined {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n >= 1 ? n : undefined;
}

export function parseActionParam(search: URLSearchParams): OpenAction | null {
  const action = search.get('action');
  if (!isAction(action)) return null;
  const steps = positive(search.get('steps'));
  const version = positive(search.get('version'));
  return { action, ...(steps !== undefined && { steps }), ...(version !== undefined && { version }) };
}

/** Which guard dialog is open lives in the URL: /namespaces/payments?action=rollback opens it directly. */
export function useActionParam() {
  const [search, setSearch] = useSearchParams();
  const open = useMemo(() => parseActionParam(search), [search]);
  const openAction = useCallback(
    (action: ActionParam) =>
      setSearch((prev) => {
        const next = new URLSearchParams(prev);
        next.set('action', action);
        return next;
      }),
    [setSearch],
  );
  const close = useCallback(
    () =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const key of ['action', 'steps', 'version']) next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return { open, openAction, close };
}
