import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prefixedSha256Word } from './bucket-hash';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest().readUInt32BE(0);
const text = (n: number, seed: string) => Array.from({ length: n }, (_, i) => seed.charAt(i % seed.length)).join('');

describe('prefixedSha256Word', () => {
  it('matches node:crypto across block boundaries of prefix and suffix', () => {
    const encoder = new TextEncoder();
    for (const prefixLength of [0, 1, 20, 55, 56, 63, 64, 65, 119, 120, 128, 200]) {
      const prefix = text(prefixLength, 'v1:feature::ns::flag:');
      const word = prefixedSha256Word(prefix);
      for (const suffixLength of [0, 1, 8, 16, 32, 47, 55, 56, 64, 100, 130, 300]) {
        const suffix = text(suffixLength, '0123456789abcdef');
        expect(word(encoder.encode(suffix))).toBe(reference(prefix + suffix));
      }
    }
  });

  it('hashes UTF-8, and gives the same answer on reuse', () => {
    const word = prefixedSha256Word('sålt:feature::ünï::x:');
    const id = new TextEncoder().encode('é😀');
    expect(word(id)).toBe(reference('sålt:feature::ünï::x:é😀'));
    expect(word(new TextEncoder().encode('ab'))).toBe(reference('sålt:feature::ünï::x:ab'));
    expect(word(id)).toBe(reference('sålt:feature::ünï::x:é😀'));
  });
});
