import type { NamespaceDetail } from '@contract/schemas';
import { loadSentence, patchSentence } from '../lib/guard-sentences';

export type LoadMode = 'load' | 'patch';

export interface ModeText {
  what: 'snapshot' | 'patch';
  title: (ns: string) => string;
  editorLabel: string;
  help: string;
  sentence: (ns: string, from: number, n: number) => string;
  initial: (detail: NamespaceDetail) => string;
  successTitle: (ns: string, version: number) => string;
}

const PATCH_TEMPLATE = `{
  "flags": [],
  "removeKeys": []
}
`;

export const MODES: Record<LoadMode, ModeText> = {
  load: {
    what: 'snapshot',
    title: (ns) => `Load snapshot into ${ns}`,
    editorLabel: 'Snapshot JSON',
    help: 'A whole Konditional snapshot ({"meta", "flags"}) replaces the live one. It starts as the live snapshot: edit it, paste another or upload a file.',
    sentence: loadSentence,
    initial: (d) => `${JSON.stringify(d.snapshot, null, 2)}\n`,
    successTitle: (ns, v) => `Loaded a new snapshot into ${ns}: v${v} is live`,
  },
  patch: {
    what: 'patch',
    title: (ns) => `Apply patch to ${ns}`,
    editorLabel: 'Patch JSON',
    help: 'A Konditional patch: "flags" are upserted by key, "removeKeys" are removed, "meta" (optional) replaces the meta. The result must validate against the declared features.',
    sentence: patchSentence,
    initial: () => PATCH_TEMPLATE,
    successTitle: (ns, v) => `Patched ${ns}: v${v} is live`,
  },
};
