import { Skeleton } from '../../../components/ui/skeleton';

export function RolloutSkeleton() {
  return (
    <div className="rollout-skeleton" role="status" aria-busy="true">
      <span className="sr-only">Loading the rollout…</span>
      <Skeleton width="32%" height={22} />
      <Skeleton width="55%" height={12} />
      <div className="card">
        <Skeleton width="100%" height={56} />
      </div>
      <div className="chart-grid">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="chart-card">
            <div className="chart-placeholder skeleton" />
          </div>
        ))}
      </div>
    </div>
  );
}
