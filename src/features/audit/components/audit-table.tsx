import type { AuditEvent } from '@contract/schemas';
import { AuditRow } from './audit-row';

export function AuditTable({ events, onActor }: { events: AuditEvent[]; onActor: (actor: string) => void }) {
  return (
    <div className="table-wrap">
      <table className="data-table audit-table" aria-label="Audit log">
        <thead>
          <tr>
            <th scope="col" className="col-audit-time">When</th>
            <th scope="col" className="col-audit-ns">Namespace</th>
            <th scope="col" className="col-audit-actor">Who</th>
            <th scope="col" className="col-audit-action">What</th>
            <th scope="col">Why</th>
            <th scope="col" className="col-audit-versions">Versions</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <AuditRow key={e.id} event={e} onActor={onActor} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
