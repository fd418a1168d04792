import { CodeBlock } from '../../../components/ui/code-block';
import { EmptyState } from '../../../components/ui/empty-state';

export function createNamespaceExample(origin: string): string {
  const body = {
    name: 'checkout',
    description: 'Checkout flow',
    reason: 'First namespace',
    adoptSnapshot: {
      flags: [{ key: 'feature::checkout::newAddressForm', defaultValue: { type: 'BOOLEAN', value: false } }],
    },
  };
  return [
    `curl -X POST ${origin}/api/v1/namespaces \\`,
    `  -H "Authorization: Bearer $SWITCHYARD_TOKEN" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Idempotency-Key: $(uuidgen)" \\`,
    `  -d '${JSON.stringify(body, null, 2).replace(/\n/g, '\n  ')}'`,
  ].join('\n');
}

/** No namespace exists yet: say what one is and exactly how to create the first. */
export function NoNamespaces() {
  return (
    <EmptyState title="No namespaces yet">
      <p>
        A namespace holds one application&apos;s flags and the full history of its snapshots. Create the first one with an{' '}
        <strong>admin</strong> token, declaring its features or adopting an existing Konditional snapshot (its flags become
        the declaration and version 1):
      </p>
      <CodeBlock label="create-namespace command" code={createNamespaceExample(window.location.origin)} />
      <p className="muted">
        It appears here as soon as it exists. New versions are loaded with <code>POST /api/v1/namespaces/&lt;name&gt;/load</code>.
      </p>
    </EmptyState>
  );
}
