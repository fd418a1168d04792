import { Link, useLocation } from 'react-router';
import { EmptyState } from '../components/ui/empty-state';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFound() {
  useDocumentTitle('Not found');
  const { pathname } = useLocation();
  return (
    <div className="page">
      <EmptyState title="There is no screen here" action={<Link to="/namespaces" className="btn btn-secondary">Go to namespaces</Link>}>
        <p>
          Nothing lives at <code>{pathname}</code>. The link may be old or mistyped.
        </p>
      </EmptyState>
    </div>
  );
}
