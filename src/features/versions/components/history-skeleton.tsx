import { Skeleton } from '../../../components/ui/skeleton';

export function HistorySkeleton() {
  return (
    <div className="history-table" role="status" aria-label="Loading the history">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="history-row history-row-static">
          <span />
          <Skeleton width={48} />
          <Skeleton width={64} />
          <div>
            <Skeleton width="70%" />
            <Skeleton width="40%" height={10} />
          </div>
          <Skeleton width="60%" />
          <Skeleton width={70} />
        </div>
      ))}
    </div>
  );
}
