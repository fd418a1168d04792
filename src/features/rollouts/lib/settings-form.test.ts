import { describe, expect, it } from 'vitest';
import { fromForm, parseList, settingsChange, toForm } from './settings-form';

const canary = { enabled: true, subjects: [], tenantIds: ['acme', 'globex'], channels: ['web'] };
const parity = { enabled: true, sampleRate: 0.05 };

describe('settings form', () => {
  it('round-trips the settings through the form', () => {
    const form = toForm(canary, parity);
    expect(form.tenantIds).toBe('acme\nglobex');
    expect(form.ratePct).toBe('5');
    expect(fromForm(form)).toEqual({ ok: true, canary, parity });
  });

  it('splits allowlists on lines and commas, dropping blanks and repeats', () => {
    expect(parseList(' acme, globex\n\nacme \ninitech')).toEqual(['acme', 'globex', 'initech']);
  });

  it('refuses a sample rate outside 0..100', () => {
    expect(fromForm({ ...toForm(canary, parity), ratePct: '140' })).toEqual({ ok: false, field: 'ratePct', message: 'The sample rate is a percentage from 0 to 100.' });
    expect(fromForm({ ...toForm(canary, parity), ratePct: '' }).ok).toBe(false);
    expect(fromForm({ ...toForm(canary, parity), ratePct: '12.5%' })).toMatchObject({ ok: true, parity: { sampleRate: 0.125 } });
  });
});

describe('settingsChange', () => {
  it('says what changes', () => {
    const after = { canary: { ...canary, tenantIds: ['globex', 'initech'] }, parity: { enabled: true, sampleRate: 0.1 } };
    expect(settingsChange({ canary, parity }, after)).toBe('Canary tenants +initech −acme; parity sampling 5% → 10%');
    expect(settingsChange({ canary, parity }, { canary: { ...canary, enabled: false }, parity: { ...parity, enabled: false } })).toBe(
      'Canary filtering off (every signal may go to V2); parity sampling off',
    );
  });

  it('is null when nothing changes', () => {
    expect(settingsChange({ canary, parity }, { canary: { ...canary }, parity: { ...parity } })).toBeNull();
  });
});
