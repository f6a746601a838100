import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../auth/types';
import type { MessageKey } from '../i18n/messages/en';

/**
 * A page of the signed-in app. Each one is listed here once: the router mounts it, the navigation shows it
 * to the roles it names, and its code loads only when it is first opened.
 *
 * To add a page: create `features/<name>/<Name>Page.tsx` (and `<name>Api.ts` for its calls), add a
 * `nav.<name>` text to both catalogues in `i18n/messages`, and add an entry below.
 */
export interface FeatureRoute {
  /** Path under the site root, without the leading slash ("dashboard", "schedule/:lessonId"). */
  path: string;
  /** Label in the navigation; routes without one are reachable but not listed (detail pages). */
  navLabel?: MessageKey;
  /** Who may open it. */
  roles: readonly Role[] | 'everyone';
  Page: LazyExoticComponent<ComponentType>;
}

export const featureRoutes: readonly FeatureRoute[] = [
  {
    path: 'dashboard',
    navLabel: 'nav.dashboard',
    roles: 'everyone',
    Page: lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage }))),
  },
  {
    path: 'schedule',
    navLabel: 'nav.schedule',
    roles: 'everyone',
    Page: lazy(() => import('../features/schedule/SchedulePage').then((m) => ({ default: m.SchedulePage }))),
  },
  {
    path: 'schedule/:lessonId',
    roles: 'everyone',
    Page: lazy(() => import('../features/schedule/LessonDetailPage').then((m) => ({ default: m.LessonDetailPage }))),
  },
  {
    path: 'chat',
    navLabel: 'nav.chat',
    roles: 'everyone',
    Page: lazy(() => import('../features/chat/ChatPage').then((m) => ({ default: m.ChatPage }))),
  },
  {
    path: 'chat/:roomId',
    roles: 'everyone',
    Page: lazy(() => import('../features/chat/ChatPage').then((m) => ({ default: m.ChatPage }))),
  },
  {
    path: 'assignments',
    navLabel: 'nav.assignments',
    roles: ['student', 'teacher'],
    Page: lazy(() => import('../features/assignments/AssignmentsPage').then((m) => ({ default: m.AssignmentsPage }))),
  },
  {
    path: 'materials',
    navLabel: 'nav.materials',
    roles: ['student', 'teacher', 'parent', 'tutor'],
    Page: lazy(() => import('../features/materials/MaterialsPage').then((m) => ({ default: m.MaterialsPage }))),
  },
  {
    path: 'progress',
    navLabel: 'nav.progress',
    roles: ['student', 'parent', 'tutor', 'teacher'],
    Page: lazy(() => import('../features/progress/ProgressPage').then((m) => ({ default: m.ProgressPage }))),
  },
  {
    path: 'study-plans',
    navLabel: 'nav.studyPlans',
    roles: ['teacher', 'tutor', 'parent'],
    Page: lazy(() => import('../features/studyplans/StudyPlansPage').then((m) => ({ default: m.StudyPlansPage }))),
  },
  {
    path: 'weekly-reports',
    navLabel: 'nav.weeklyReports',
    roles: ['teacher', 'tutor', 'parent'],
    Page: lazy(() => import('../features/weeklyreports/WeeklyReportsPage').then((m) => ({ default: m.WeeklyReportsPage }))),
  },
  {
    path: 'my-week',
    navLabel: 'nav.myWeek',
    roles: ['student'],
    Page: lazy(() => import('../features/studyplans/MyWeekPage').then((m) => ({ default: m.MyWeekPage }))),
  },
  {
    path: 'knowledge',
    navLabel: 'nav.knowledge',
    roles: ['student', 'teacher', 'tutor', 'parent'],
    Page: lazy(() => import('../features/knowledge/KnowledgePage').then((m) => ({ default: m.KnowledgePage }))),
  },
  {
    path: 'knowledge/graphs/:graphId',
    roles: ['student', 'teacher', 'tutor', 'parent', 'admin'],
    Page: lazy(() => import('../features/knowledge/GraphPage').then((m) => ({ default: m.GraphPage }))),
  },
  {
    path: 'knowledge/graphs/:graphId/lessons/:nodeId',
    roles: ['student'],
    Page: lazy(() => import('../features/knowledge/GraphPage').then((m) => ({ default: m.GraphPage }))),
  },
  {
    path: 'notifications',
    roles: 'everyone',
    Page: lazy(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage }))),
  },
  {
    path: 'students',
    navLabel: 'nav.students',
    roles: ['tutor'],
    Page: lazy(() => import('../features/students/StudentsPage').then((m) => ({ default: m.StudentsPage }))),
  },
  {
    path: 'family',
    navLabel: 'nav.family',
    roles: ['parent'],
    Page: lazy(() => import('../features/family/FamilyPage').then((m) => ({ default: m.FamilyPage }))),
  },
  {
    path: 'invoices',
    navLabel: 'nav.invoices',
    roles: ['tutor', 'parent', 'admin'],
    Page: lazy(() => import('../features/invoices/InvoicesPage').then((m) => ({ default: m.InvoicesPage }))),
  },
  {
    path: 'invoices/:invoiceId',
    roles: ['tutor', 'parent', 'admin'],
    Page: lazy(() => import('../features/invoices/InvoiceDetailPage').then((m) => ({ default: m.InvoiceDetailPage }))),
  },
  {
    path: 'my-subjects',
    navLabel: 'nav.mySubjects',
    roles: ['teacher'],
    Page: lazy(() => import('../features/subjects/TeacherSubjectsPage').then((m) => ({ default: m.TeacherSubjectsPage }))),
  },
  {
    path: 'admin/users',
    navLabel: 'nav.users',
    roles: ['admin'],
    Page: lazy(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage }))),
  },
  {
    path: 'admin/applications',
    navLabel: 'nav.applications',
    roles: ['admin'],
    Page: lazy(() => import('../features/applications/AdminApplicationsPage').then((m) => ({ default: m.AdminApplicationsPage }))),
  },
  {
    path: 'admin/subjects',
    navLabel: 'nav.subjects',
    roles: ['admin'],
    Page: lazy(() => import('../features/subjects/SubjectsPage').then((m) => ({ default: m.SubjectsPage }))),
  },
  {
    path: 'admin/enrollments',
    roles: ['admin'],
    Page: lazy(() => import('../features/students/AdminEnrollmentsPage').then((m) => ({ default: m.AdminEnrollmentsPage }))),
  },
  {
    path: 'admin/grading',
    roles: ['admin'],
    Page: lazy(() => import('../features/assignments/AdminGradingPage').then((m) => ({ default: m.AdminGradingPage }))),
  },
  {
    path: 'admin/broadcasts',
    navLabel: 'nav.broadcasts',
    roles: ['admin'],
    Page: lazy(() => import('../features/notifications/BroadcastsPage').then((m) => ({ default: m.BroadcastsPage }))),
  },
  {
    path: 'admin/deliveries',
    navLabel: 'nav.deliveries',
    roles: ['admin'],
    Page: lazy(() => import('../features/deliveries/DeliveriesPage').then((m) => ({ default: m.DeliveriesPage }))),
  },
  {
    path: 'admin/jobs',
    navLabel: 'nav.jobs',
    roles: ['admin'],
    Page: lazy(() => import('../features/jobs/JobsPage').then((m) => ({ default: m.JobsPage }))),
  },
  {
    path: 'admin/health',
    navLabel: 'nav.health',
    roles: ['admin'],
    Page: lazy(() => import('../features/health/SystemHealthPage').then((m) => ({ default: m.SystemHealthPage }))),
  },
  {
    path: 'profile',
    navLabel: 'nav.profile',
    roles: 'everyone',
    Page: lazy(() => import('../features/profile/ProfilePage').then((m) => ({ default: m.ProfilePage }))),
  },
  {
    path: 'sessions',
    navLabel: 'nav.sessions',
    roles: 'everyone',
    Page: lazy(() => import('../features/sessions/SessionsPage').then((m) => ({ default: m.SessionsPage }))),
  },
];

export function isAllowed(route: Pick<FeatureRoute, 'roles'>, role: Role): boolean {
  return route.roles === 'everyone' || route.roles.includes(role);
}

/** The navigation entries one role sees, in the order they are listed. */
export function navigationFor(role: Role, routes: readonly FeatureRoute[] = featureRoutes): { path: string; label: MessageKey }[] {
  return routes
    .filter((route) => route.navLabel !== undefined && isAllowed(route, role))
    .map((route) => ({ path: `/${route.path}`, label: route.navLabel as MessageKey }));
}
