import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { matchPath } from 'react-router';
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
  Page: LazyPage;
}

/** A page whose code loads when it is first shown, or earlier through `preload` (the address opened at start). */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload(): Promise<unknown> };

function page(load: () => Promise<{ default: ComponentType }>): LazyPage {
  return Object.assign(lazy(load), { preload: load });
}

export const featureRoutes: readonly FeatureRoute[] = [
  {
    path: 'dashboard',
    navLabel: 'nav.dashboard',
    roles: 'everyone',
    Page: page(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage }))),
  },
  {
    path: 'schedule',
    navLabel: 'nav.schedule',
    roles: 'everyone',
    Page: page(() => import('../features/schedule/SchedulePage').then((m) => ({ default: m.SchedulePage }))),
  },
  {
    path: 'schedule/:lessonId',
    roles: 'everyone',
    Page: page(() => import('../features/schedule/LessonDetailPage').then((m) => ({ default: m.LessonDetailPage }))),
  },
  {
    path: 'chat',
    navLabel: 'nav.chat',
    roles: 'everyone',
    Page: page(() => import('../features/chat/ChatPage').then((m) => ({ default: m.ChatPage }))),
  },
  {
    path: 'chat/:roomId',
    roles: 'everyone',
    Page: page(() => import('../features/chat/ChatPage').then((m) => ({ default: m.ChatPage }))),
  },
  {
    path: 'assignments',
    navLabel: 'nav.assignments',
    roles: ['student', 'teacher'],
    Page: page(() => import('../features/assignments/AssignmentsPage').then((m) => ({ default: m.AssignmentsPage }))),
  },
  {
    path: 'materials',
    navLabel: 'nav.materials',
    roles: ['student', 'teacher', 'parent', 'tutor'],
    Page: page(() => import('../features/materials/MaterialsPage').then((m) => ({ default: m.MaterialsPage }))),
  },
  {
    path: 'progress',
    navLabel: 'nav.progress',
    roles: ['student', 'parent', 'tutor', 'teacher'],
    Page: page(() => import('../features/progress/ProgressPage').then((m) => ({ default: m.ProgressPage }))),
  },
  {
    path: 'study-plans',
    navLabel: 'nav.studyPlans',
    roles: ['teacher', 'tutor', 'parent'],
    Page: page(() => import('../features/studyplans/StudyPlansPage').then((m) => ({ default: m.StudyPlansPage }))),
  },
  {
    path: 'weekly-reports',
    navLabel: 'nav.weeklyReports',
    roles: ['teacher', 'tutor', 'parent'],
    Page: page(() => import('../features/weeklyreports/WeeklyReportsPage').then((m) => ({ default: m.WeeklyReportsPage }))),
  },
  {
    path: 'my-week',
    navLabel: 'nav.myWeek',
    roles: ['student'],
    Page: page(() => import('../features/studyplans/MyWeekPage').then((m) => ({ default: m.MyWeekPage }))),
  },
  {
    path: 'knowledge',
    navLabel: 'nav.knowledge',
    roles: ['student', 'teacher', 'tutor', 'parent'],
    Page: page(() => import('../features/knowledge/KnowledgePage').then((m) => ({ default: m.KnowledgePage }))),
  },
  {
    path: 'knowledge/graphs/:graphId',
    roles: ['student', 'teacher', 'tutor', 'parent', 'admin'],
    Page: page(() => import('../features/knowledge/GraphPage').then((m) => ({ default: m.GraphPage }))),
  },
  {
    path: 'knowledge/graphs/:graphId/lessons/:nodeId',
    roles: ['student'],
    Page: page(() => import('../features/knowledge/GraphPage').then((m) => ({ default: m.GraphPage }))),
  },
  {
    path: 'notifications',
    roles: 'everyone',
    Page: page(() => import('../features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage }))),
  },
  {
    path: 'students',
    navLabel: 'nav.students',
    roles: ['tutor'],
    Page: page(() => import('../features/students/StudentsPage').then((m) => ({ default: m.StudentsPage }))),
  },
  {
    path: 'family',
    navLabel: 'nav.family',
    roles: ['parent'],
    Page: page(() => import('../features/family/FamilyPage').then((m) => ({ default: m.FamilyPage }))),
  },
  {
    path: 'invoices',
    navLabel: 'nav.invoices',
    roles: ['tutor', 'parent', 'admin'],
    Page: page(() => import('../features/invoices/InvoicesPage').then((m) => ({ default: m.InvoicesPage }))),
  },
  {
    path: 'billing',
    navLabel: 'nav.billing',
    roles: ['tutor', 'parent', 'teacher', 'admin'],
    Page: page(() => import('../features/billing/BillingPage').then((m) => ({ default: m.BillingPage }))),
  },
  {
    path: 'invoices/:invoiceId',
    roles: ['tutor', 'parent', 'admin'],
    Page: page(() => import('../features/invoices/InvoiceDetailPage').then((m) => ({ default: m.InvoiceDetailPage }))),
  },
  {
    path: 'my-subjects',
    navLabel: 'nav.mySubjects',
    roles: ['teacher'],
    Page: page(() => import('../features/subjects/TeacherSubjectsPage').then((m) => ({ default: m.TeacherSubjectsPage }))),
  },
  {
    path: 'admin/users',
    navLabel: 'nav.users',
    roles: ['admin'],
    Page: page(() => import('../features/users/UsersPage').then((m) => ({ default: m.UsersPage }))),
  },
  {
    path: 'admin/statistics',
    navLabel: 'nav.statistics',
    roles: ['admin'],
    Page: page(() => import('../features/users/StatisticsPage').then((m) => ({ default: m.StatisticsPage }))),
  },
  {
    path: 'admin/applications',
    navLabel: 'nav.applications',
    roles: ['admin'],
    Page: page(() => import('../features/applications/AdminApplicationsPage').then((m) => ({ default: m.AdminApplicationsPage }))),
  },
  {
    path: 'admin/subjects',
    navLabel: 'nav.subjects',
    roles: ['admin'],
    Page: page(() => import('../features/subjects/SubjectsPage').then((m) => ({ default: m.SubjectsPage }))),
  },
  {
    path: 'admin/enrollments',
    roles: ['admin'],
    Page: page(() => import('../features/students/AdminEnrollmentsPage').then((m) => ({ default: m.AdminEnrollmentsPage }))),
  },
  {
    path: 'admin/grading',
    roles: ['admin'],
    Page: page(() => import('../features/assignments/AdminGradingPage').then((m) => ({ default: m.AdminGradingPage }))),
  },
  {
    path: 'admin/broadcasts',
    navLabel: 'nav.broadcasts',
    roles: ['admin'],
    Page: page(() => import('../features/notifications/BroadcastsPage').then((m) => ({ default: m.BroadcastsPage }))),
  },
  {
    path: 'admin/deliveries',
    navLabel: 'nav.deliveries',
    roles: ['admin'],
    Page: page(() => import('../features/deliveries/DeliveriesPage').then((m) => ({ default: m.DeliveriesPage }))),
  },
  {
    path: 'admin/jobs',
    navLabel: 'nav.jobs',
    roles: ['admin'],
    Page: page(() => import('../features/jobs/JobsPage').then((m) => ({ default: m.JobsPage }))),
  },
  {
    path: 'admin/audit',
    navLabel: 'nav.audit',
    roles: ['admin'],
    Page: page(() => import('../features/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage }))),
  },
  {
    path: 'admin/chat-moderation',
    navLabel: 'nav.chatModeration',
    roles: ['admin'],
    Page: page(() => import('../features/moderation/ChatModerationPage').then((m) => ({ default: m.ChatModerationPage }))),
  },
  {
    path: 'admin/health',
    navLabel: 'nav.health',
    roles: ['admin'],
    Page: page(() => import('../features/health/SystemHealthPage').then((m) => ({ default: m.SystemHealthPage }))),
  },
  {
    path: 'profile',
    navLabel: 'nav.profile',
    roles: 'everyone',
    Page: page(() => import('../features/profile/ProfilePage').then((m) => ({ default: m.ProfilePage }))),
  },
  {
    path: 'sessions',
    navLabel: 'nav.sessions',
    roles: 'everyone',
    Page: page(() => import('../features/sessions/SessionsPage').then((m) => ({ default: m.SessionsPage }))),
  },
];

/**
 * Starts loading the code of the signed-in page at `pathname` (none for other addresses), so that it arrives
 * while the session is restored instead of after.
 */
export function preloadPage(pathname: string): boolean {
  const route = featureRoutes.find((candidate) => matchPath(candidate.path, pathname) !== null);
  void route?.Page.preload().catch(() => undefined);
  return route !== undefined;
}

export function isAllowed(route: Pick<FeatureRoute, 'roles'>, role: Role): boolean {
  return route.roles === 'everyone' || route.roles.includes(role);
}

/** The navigation entries one role sees, in the order they are listed. */
export function navigationFor(role: Role, routes: readonly FeatureRoute[] = featureRoutes): { path: string; label: MessageKey }[] {
  return routes
    .filter((route) => route.navLabel !== undefined && isAllowed(route, role))
    .map((route) => ({ path: `/${route.path}`, label: route.navLabel as MessageKey }));
}
