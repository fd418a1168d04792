import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { describeError } from '../../../lib/api-error';
import { downloadText } from '../../../lib/download';
import { showToast } from '../../../lib/toast-store';
import type { AuditFilters } from '../lib/audit-filters';
import { csvExportUrl, fetchAllEvents } from '../lib/export-events';

/** Both exports contain every event matching the current filters, not just the loaded pages. */
export function AuditExport({ filters }: { filters: AuditFilters }) {
  const [busy, setBusy] = useState(false);
  const exportJson = async () => {
    setBusy(true);
    try {
      const events = await fetchAllEvents(filters);
      downloadText('switchyard-audit-log.json', `${JSON.stringify(events, null, 2)}\n`);
    } catch (error) {
      showToast({ id: 'audit-export', tone: 'error', title: 'Could not export the audit log', description: describeError(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="audit-export" role="group" aria-label="Export">
      <a className="btn btn-secondary" href={csvExportUrl(filters)} download="switchyard-audit-log.csv">
        Export CSV
      </a>
      <Button onClick={() => void exportJson()} disabled={busy}>
        {busy ? 'Exporting…' : 'Export JSON'}
      </Button>
    </div>
  );
}
