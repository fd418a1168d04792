import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { AlertIcon } from '../../components/ui/icons';
import { useConnectionStore } from '../../lib/connection-store';
import { probeHealth } from '../../lib/health-probe';
import { useNow } from '../../lib/use-now';
import { degradedText } from './connection-view';

/** On every screen while the API is unreachable (X5): since when, how old the data is, what is paused. */
export function DegradedBanner() {
  const offlineSince = useConnectionStore((s) => (s.link === 'offline' ? s.offlineSince : null));
  return offlineSince === null ? null : <Banner offlineSince={offlineSince} />;
}

function Banner({ offlineSince }: { offlineSince: number }) {
  const lastSuccessAt = useConnectionStore((s) => s.lastSuccessAt);
  const now = useNow(1000);
  const [checking, setChecking] = useState(false);
  const { title, detail } = degradedText(offlineSince, lastSuccessAt, Math.max(now, offlineSince));
  const retry = async () => {
    setChecking(true);
    await probeHealth();
    setChecking(false);
  };
  return (
    <section className="degraded-banner" aria-label="API unreachable">
      <AlertIcon width={18} height={18} className="degraded-banner-icon" />
      <div className="degraded-banner-text">
        <p role="alert" className="degraded-banner-title">{title}</p>
        <p className="degraded-banner-detail">{detail} Checking again every few seconds.</p>
      </div>
      <Button size="sm" onClick={() => void retry()} disabled={checking}>
        {checking ? 'Checking…' : 'Check now'}
      </Button>
    </section>
  );
}
