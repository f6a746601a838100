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

describe("the app's navigation", () => {
  const paths = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((item) => item.path);

  it('gives the tutor students and invoices', () => {
    expect(paths('tutor')).toEqual(['/dashboard', '/schedule', '/chat', '/materials', '/progress', '/study-plans', '/weekly-reports', '/knowledge', '/students', '/invoices', '/billing', '/profile', '/sessions']);
  });

  it('gives the parent their family (invitations to confirm) and invoices', () => {
    expect(paths('parent')).toEqual(['/dashboard', '/schedule', '/chat', '/materials', '/progress', '/study-plans', '/weekly-reports', '/knowledge', '/family', '/invoices', '/billing', '/profile', '/sessions']);
  });

  it('gives the teacher their subjects', () => {
    expect(paths('teacher')).toEqual(['/dashboard', '/schedule', '/chat', '/assignments', '/materials', '/progress', '/study-plans', '/weekly-reports', '/knowledge', '/billing', '/my-subjects', '/profile', '/sessions']);
  });

  it('gives the admin the administration pages', () => {
    expect(paths('admin')).toEqual([
      '/dashboard',
      '/schedule',
      '/chat',
      '/invoices',
      '/billing',
      '/admin/users',
      '/admin/statistics',
      '/admin/applications',
      '/admin/subjects',
      '/admin/broadcasts',
      '/admin/deliveries',
      '/admin/jobs',
      '/admin/audit',
      '/admin/chat-moderation',
      '/admin/health',
      '/profile',
      '/sessions',
    ]);
  });

  it('gives the student the common pages', () => {
    expect(paths('student')).toEqual(['/dashboard', '/schedule', '/chat', '/assignments', '/materials', '/progress', '/my-week', '/knowledge', '/profile', '/sessions']);
  });
});
