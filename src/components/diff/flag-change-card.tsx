import { useId, useState } from 'react';
import { Badge, type BadgeTone } from '../ui/badge';
import type { DiffEntry, DiffField, DiffKind } from './diff-model';

const KIND: Record<DiffKind, { word: string; tone: BadgeTone }> = {
  changed: { word: 'Changed', tone: 'warning' },
  added: { word: 'Added', tone: 'success' },
  removed: { word: 'Removed', tone: 'danger' },
};

/** Field changes shown before "show all" (a flag with many changed rules stays scannable). */
const FIELDS_SHOWN = 12;

export interface ColumnLabels {
  before: string;
  after: string;
}

export function FieldChangeTable({ fields, columns, caption }: { fields: DiffField[]; columns: ColumnLabels; caption: string }) {
  return (
    <table className="diff-fields" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">{columns.before}</th>
          <th scope="col" aria-hidden="true" className="diff-arrow-col" />
          <th scope="col">{columns.after}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.path}>
            <th scope="row" className="diff-field-label" title={f.path}>
              {f.label}
            </th>
            <td className="diff-before" title={f.before}>
              <del>{f.before}</del>
            </td>
            <td className="diff-arrow" aria-hidden="true">
              →
            </td>
            <td className="diff-after" title={f.after}>
              <ins>{f.after}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One flag: what kind of change, and each field before -> after. */
export function FlagChangeCard({ entry, columns }: { entry: DiffEntry; columns: ColumnLabels }) {
  const [allFields, setAllFields] = useState(false);
  const { word, tone } = KIND[entry.kind];
  const fields = allFields ? entry.fields : entry.fields.slice(0, FIELDS_SHOWN);
  const hidden = entry.fields.length - fields.length;
  const headingId = useId();
  return (
    <article className={`diff-card diff-card-${entry.kind}`} aria-labelledby={headingId}>
      <h4 className="diff-card-head" id={headingId}>
        <Badge tone={tone}>{word}</Badge>
        <span className="mono diff-card-name" title={entry.key}>
          {entry.name}
        </span>
        <span className="sr-only">: {entry.key}</span>
      </h4>
      <FieldChangeTable fields={fields} columns={columns} caption={`${word} fields of ${entry.name}`} />
      {hidden > 0 && (
        <button type="button" className="btn btn-ghost btn-sm diff-more" onClick={() => setAllFields(true)}>
          Show {hidden} more field {hidden === 1 ? 'change' : 'changes'}
        </button>
      )}
    </article>
  );
}
