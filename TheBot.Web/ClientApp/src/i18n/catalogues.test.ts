import { describe, expect, it } from 'vitest';
import { loadCatalogue, loadedCatalogue } from './catalogues';
import { en } from './messages/en';

describe('catalogues', () => {
  it('has English at once and fetches Russian on first use, once', async () => {
    expect(loadedCatalogue('en')).toBe(en);
    expect(loadedCatalogue('ru')).toBeUndefined();

    const ru = await loadCatalogue('ru');
    expect(ru['nav.dashboard']).not.toBe(en['nav.dashboard']);
    expect(loadedCatalogue('ru')).toBe(ru);
    expect(await loadCatalogue('ru')).toBe(ru);
  });
});
