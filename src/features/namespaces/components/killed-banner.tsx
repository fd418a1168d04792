import { useQuery } from '@tanstack/react-query';
import { namespaceQueries } from '../api/namespace-queries';
import { KillSwitchBanner } from './kill-switch-banner';

/** The kill-switch banner for whichever screen of the namespace is open (rendered by NamespaceLayout). */
export function KilledBanner({ ns }: { ns: string }) {
  const { data } = useQuery({ ...namespaceQueries.detail(ns), retryOnMount: false });
  if (!data?.killSwitch.enabled) return null;
  return (
    <div className="namespace-banner-slot">
      <KillSwitchBanner namespace={data.name} killSwitch={data.killSwitch} />
    </div>
  );
}
