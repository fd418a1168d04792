import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { useLogin } from '../api/use-session';
import { loginErrorMessage } from '../lib/login-error';

export function TokenForm({ next }: { next: string }) {
  const id = useId();
  const navigate = useNavigate();
  const login = useLogin();
  const [token, setToken] = useState('');
  const [missing, setMissing] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = token.trim();
    setMissing(!value);
    if (!value) return;
    login.mutate({ token: value }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  const error = missing ? 'Paste a token to sign in.' : login.isError ? loginErrorMessage(login.error, 'token') : null;
  return (
    <form className="login-form" onSubmit={onSubmit} aria-label="Sign in with a token" noValidate>
      <label htmlFor={`${id}-token`} className="field-label">
        API token
      </label>
      <input
        id={`${id}-token`}
        className="input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder="sy_…"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        autoFocus
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          Admins create tokens. At start, the server prints a one-time login link (and, on first start, the admin token).
        </p>
      )}
      <Button type="submit" variant="primary" className="login-submit" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
