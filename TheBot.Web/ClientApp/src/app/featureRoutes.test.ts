import { describe, expect, it } from 'vitest';
import type { FeatureRoute } from './featureRoutes';
import { isAllowed, navigationFor } from './featureRoutes';

const Page = (() => null) as unknown as FeatureRoute['Page'];
const routes: FeatureRoute[] = [
  { path: 'dashboard', navLabel: 'nav.dashboard', roles: 'everyone', Page },
  { path: 'admin/users', navLabel: 'nav.profile', roles: ['admin'], Page },
  { path: 'lessons/:id', roles: ['teacher', 'student'], Page },
];

describe('navigation by role', () => {
  it('lists the pages a role may open, and only those with a label', () => {
    expect(navigationFor('student', routes)).toEqual([{ path: '/dashboard', label: 'nav.dashboard' }]);
    expect(navigationFor('admin', routes).map((item) => item.path)).toEqual(['/dashboard', '/admin/users']);
  });

  it('checks access by role', () => {
    expect(isAllowed(routes[2]!, 'teacher')).toBe(true);
    expect(isAllowed(routes[2]!, 'parent')).toBe(false);
    expect(isAllowed(routes[0]!, 'parent')).toBe(true);
  });
});
