import { useConnectionStore } from '../../lib/connection-store';
import { useNow } from '../../lib/use-now';
import { indicatorModel } from './connection-view';

/** Top bar: is what I see live? ("Live", "Polling", "Reconnecting…", "Offline", and how old the data is). */
export function ConnectionIndicator() {
  const link = useConnectionStore((s) => s.link);
  const lastSuccessAt = useConnectionStore((s) => s.lastSuccessAt);
  const now = useNow(1000);
  const model = indicatorModel(link, lastSuccessAt, now);
  return (
    <div className={`connection connection-${model.tone}`} title={model.description}>
      <span className="connection-dot" aria-hidden="true" />
      {/* Only the state is announced; the ticking age would be noise for a screen reader. */}
      <span role="status" aria-label={`Connection: ${model.label}`} className="connection-label">
        {model.label}
      </span>
      {model.age && <span className="connection-age">{model.age}</span>}
    </div>
  );
}
