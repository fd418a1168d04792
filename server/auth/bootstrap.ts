/**
 * Makes sure an admin can get in: the token from SWITCHYARD_ADMIN_TOKEN, or on first start a
 * generated one whose secret goes to `<db file>.admin-token` (mode 0600) and is printed once.
 */
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import type { Clock } from '../clock';
import type { Store } from '../store/types';
import { hashSecret, newId, newSecret } from './secrets';

const META_KEY = 'bootstrap_admin_token_id';

export interface Bootstrap {
  tokenId: string;
  /** The secret, only when it was generated just now (print it once). */
  generatedSecret: string | null;
  /** Where a generated secret was written, if that file exists. */
  secretFile: string | null;
  /** The token exists but was revoked or has expired: the login link will not work. */
  unusable: boolean;
}

export async function ensureBootstrapAdmin(
  store: Store,
  clock: Clock,
  options: { adminToken: string | null; dbPath: string },
): Promise<Bootstrap> {
  const secretFile = `${options.dbPath}.admin-token`;
  const now = clock().toISOString();
  const insert = async (secret: string) => {
    const id = newId('tok_');
    await store.insertToken({
      id,
      name: 'bootstrap-admin',
      role: 'admin',
      secretHash: hashSecret(secret),
      createdAt: now,
      createdBy: 'system',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    // Replicas starting at once on one PostgreSQL database with the same secret insert it once
    // (the second insert does nothing): take whichever row holds the secret.
    const tokenId = (await store.getTokenByHash(hashSecret(secret)))?.id ?? id;
    await store.setMeta(META_KEY, tokenId);
    return tokenId;
  };
  const unusable = async (id: string) => {
    const t = await store.getToken(id);
    return !t || t.revokedAt !== null || (t.expiresAt !== null && t.expiresAt <= now);
  };

  if (options.adminToken !== null) {
    const existing = await store.getTokenByHash(hashSecret(options.adminToken));
    // A revoked bootstrap token stays revoked: the revocation was a decision someone made.
    const tokenId = existing?.role === 'admin' ? existing.id : await insert(options.adminToken);
    if (existing?.role === 'admin') await store.setMeta(META_KEY, tokenId);
    return { tokenId, generatedSecret: null, secretFile: null, unusable: await unusable(tokenId) };
  }

  const known = await store.getMeta(META_KEY);
  if (known !== null && (await store.getToken(known))) {
    return { tokenId: known, generatedSecret: null, secretFile: existsSync(secretFile) ? secretFile : null, unusable: await unusable(known) };
  }
  const secret = newSecret('sy_');
  writeFileSync(secretFile, secret + '\n', { mode: 0o600 });
  chmodSync(secretFile, 0o600);
  const tokenId = await insert(secret);
  return { tokenId, generatedSecret: secret, secretFile, unusable: false };
}
