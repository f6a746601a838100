import { describe, expect, it } from 'vitest';
import { internalLink } from './notificationsApi';

describe('notification links', () => {
  it('follows only paths of this site', () => {
    expect(internalLink('/schedule?lesson=1')).toBe('/schedule?lesson=1');
    expect(internalLink('//evil.example/x')).toBeNull();
    expect(internalLink('https://evil.example/x')).toBeNull();
    expect(internalLink('javascript:alert(1)')).toBeNull();
    expect(internalLink(null)).toBeNull();
  });
});
