import { describe, expect, it } from 'vitest';
import { avatarProblem, MAX_AVATAR_BYTES } from './profileApi';

describe('avatarProblem', () => {
  it('accepts PNG, JPEG and WebP up to 2 MB', () => {
    expect(avatarProblem({ type: 'image/png', size: 1000 })).toBeNull();
    expect(avatarProblem({ type: 'image/jpeg', size: MAX_AVATAR_BYTES })).toBeNull();
    expect(avatarProblem({ type: 'image/webp', size: 1 })).toBeNull();
  });

  it('refuses other types and larger files', () => {
    expect(avatarProblem({ type: 'image/gif', size: 1000 })).toBe('type');
    expect(avatarProblem({ type: 'image/svg+xml', size: 1000 })).toBe('type');
    expect(avatarProblem({ type: 'image/png', size: MAX_AVATAR_BYTES + 1 })).toBe('size');
  });
});
