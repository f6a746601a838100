import { describe, expect, it } from 'vitest';
import { showsSandboxBanner, type SystemHealth } from './healthApi';

const base: SystemHealth = { status: 'Healthy', dependencies: [{ name: 'postgres', status: 'Healthy' }] };

describe('showsSandboxBanner', () => {
  it('warns admins when the health details say the sandbox runs outside Development', () => {
    const health: SystemHealth = {
      ...base,
      version: '1.0.0',
      payments: { mode: 'sandbox', sandboxOutsideDevelopment: true, detail: 'Payments run in the SANDBOX' },
    };
    expect(showsSandboxBanner('admin', health)).toBe(true);
  });

  it('stays quiet for the sandbox in Development, for YooKassa and when payments are not configured', () => {
    for (const payments of [
      { mode: 'sandbox', sandboxOutsideDevelopment: false, detail: '' },
      { mode: 'yooKassa', sandboxOutsideDevelopment: false, detail: '' },
      { mode: 'notConfigured', sandboxOutsideDevelopment: false, detail: '' },
    ] as const) {
      expect(showsSandboxBanner('admin', { ...base, payments })).toBe(false);
    }
  });

  it('is for admins only and needs the details an admin gets', () => {
    const health: SystemHealth = { ...base, payments: { mode: 'sandbox', sandboxOutsideDevelopment: true, detail: '' } };
    expect(showsSandboxBanner('tutor', health)).toBe(false);
    expect(showsSandboxBanner('admin', base)).toBe(false);
    expect(showsSandboxBanner('admin', undefined)).toBe(false);
  });
});
