import { useQuery } from '@tanstack/react-query';
import { Navigate, useSearchParams } from 'react-router';
import { LogoMark } from '../../../components/ui/icons';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { authQueries } from '../api/auth-queries';
import { safeNextPath } from '../lib/next-path';
import { CodeExchange } from './code-exchange';
import { TokenForm } from './token-form';

export function LoginPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const code = params.get('code');
  const next = safeNextPath(params.get('next'));
  const me = useQuery({ ...authQueries.me(), enabled: !code, retry: false });

  if (!code && me.data && !me.isError) return <Navigate to={next} replace />;

  return (
    <main className="login-screen">
      <div className="login-card">
        <div className="login-brand">
          <LogoMark width={32} height={32} />
          <span>Switchyard</span>
        </div>
        <h1 className="login-title">Sign in</h1>
        <p className="login-lede">Configuration snapshots and rollouts, with a safe way back.</p>
        {code ? <CodeExchange code={code} next={next} /> : <TokenForm next={next} />}
      </div>
      <p className="login-footnote">Signing in sets an http-only session cookie for this browser.</p>
    </main>
  );
}
