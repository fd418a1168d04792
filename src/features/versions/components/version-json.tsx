import { useMemo, useState } from 'react';
import type { SnapshotDto } from '@contract/schemas';
import { Button } from '../../../components/ui/button';
import { downloadText } from '../../../lib/download';
import { showToast } from '../../../lib/toast-store';
import { downloadName, snapshotJson } from '../lib/version-view';

/** The raw Konditional JSON of one version, to read, copy or download. */
export function VersionJson({ ns, version, snapshot }: { ns: string; version: number; snapshot: SnapshotDto }) {
  const json = useMemo(() => snapshotJson(snapshot), [snapshot]);
  const [copied, setCopied] = useState(false);
  const filename = downloadName(ns, version);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      showToast({ id: 'copy-json', tone: 'error', title: 'Could not copy', description: 'The browser refused clipboard access. Use Download instead, or select the text and copy it.' });
    }
  };

  return (
    <div className="json-view">
      <div className="json-view-bar">
        <span className="muted">
          Konditional JSON · {json.length.toLocaleString('en')} characters
        </span>
        <Button size="sm" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy JSON'}
        </Button>
        <Button size="sm" onClick={() => downloadText(filename, json)} aria-label={`Download ${filename}`}>
          Download
        </Button>
      </div>
      <pre className="json-view-code" aria-label={`Konditional JSON of v${version}`} tabIndex={0}>
        <code>{json}</code>
      </pre>
    </div>
  );
}
