import { Outlet, useParams } from 'react-router';
import { NamespaceNav } from '../../../components/namespace-nav';
import { KilledBanner } from './killed-banner';

/**
 * Every screen under /namespaces/:ns (overview, history, versions, diff) renders inside this
 * layout, so a killed namespace is unmistakable wherever the user is.
 */
export function NamespaceLayout() {
  const ns = useParams().ns ?? '';
  return (
    <>
      <NamespaceNav ns={ns} />
      <KilledBanner ns={ns} />
      <Outlet />
    </>
  );
}
