import { describeError, isApiError } from '../../../lib/api-error';

/** Why a sign-in failed, and what to do about it, for a token or for a one-time login link. */
export function loginErrorMessage(error: unknown, method: 'token' | 'code'): string {
  if (isApiError(error)) {
    if (error.status === 401 || error.code === 'Unauthorized' || error.code === 'NotFound') {
      return method === 'token'
        ? 'That token was not accepted: it may be revoked or mistyped. Check it, or ask an admin for a new one.'
        : 'That login link is no longer valid: each link works once. Restart the server for a new link, or sign in with a token.';
    }
    if (error.status === 400 || error.code === 'BadRequest') {
      return method === 'token'
        ? 'That does not look like a Switchyard token. Paste the whole token, without quotes or spaces.'
        : 'That login link is malformed. Copy the whole link the server printed, or sign in with a token.';
    }
  }
  return describeError(error);
}
