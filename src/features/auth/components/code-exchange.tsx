import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { Spinner } from '../../../components/ui/spinner';
import { useLogin } from '../api/use-session';
import { loginErrorMessage } from '../lib/login-error';
import { TokenForm } from './token-form';

/** Signs in with the one-time code from the server's login link, exactly once. */
export function CodeExchange({ code, next }: { code: string; next: string }) {
  const navigate = useNavigate();
  const login = useLogin();
  const { mutate } = login;
  // A code works once; StrictMode's double effect must not spend it twice.
  const sent = useRef<string | null>(null);

  useEffect(() => {
    if (sent.current === code) return;
    sent.current = code;
    mutate({ code }, { onSuccess: () => navigate(next, { replace: true }) });
  }, [code, next, mutate, navigate]);

  if (login.isError) {
    return (
      <>
        <p className="login-alert" role="alert">
          {loginErrorMessage(login.error, 'code')}
        </p>
        <TokenForm next={next} />
      </>
    );
  }
  return <Spinner label="Signing you in with the login link…" />;
}
