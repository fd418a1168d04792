import { createHash, randomBytes } from 'node:crypto';

/** Secrets are stored only as their SHA-256: a stolen database grants nothing. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export const newSecret = (prefix: string): string => `${prefix}${randomBytes(32).toString('base64url')}`;

export const newId = (prefix: string): string => `${prefix}${randomBytes(9).toString('base64url')}`;
