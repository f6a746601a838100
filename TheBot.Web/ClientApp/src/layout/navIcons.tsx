import {
  Activity,
  BookOpen,
  CalendarCheck,
  CalendarDays,
  FileText,
  ClipboardList,
  GraduationCap,
  House,
  Inbox,
  LayoutDashboard,
  Library,
  ListTodo,
  Megaphone,
  MessageCircle,
  MonitorSmartphone,
  Network,
  Receipt,
  Wallet,
  Timer,
  TrendingUp,
  UserCog,
  UserRound,
  Users,
  type LucideIcon,
} from 'lucide-react';

/** The icon beside each page's name in the navigation (lucide-react, imported one by one so the rest is left out). */
const icons: Record<string, LucideIcon> = {
  '/dashboard': LayoutDashboard,
  '/schedule': CalendarDays,
  '/chat': MessageCircle,
  '/assignments': ClipboardList,
  '/materials': BookOpen,
  '/progress': TrendingUp,
  '/study-plans': CalendarCheck,
  '/weekly-reports': FileText,
  '/my-week': ListTodo,
  '/knowledge': Network,
  '/students': Users,
  '/family': House,
  '/invoices': Receipt,
  '/billing': Wallet,
  '/my-subjects': GraduationCap,
  '/admin/users': UserCog,
  '/admin/applications': Inbox,
  '/admin/subjects': Library,
  '/admin/broadcasts': Megaphone,
  '/admin/jobs': Timer,
  '/admin/health': Activity,
  '/profile': UserRound,
  '/sessions': MonitorSmartphone,
};

export function NavIcon({ path }: { path: string }) {
  const Icon = icons[path] ?? LayoutDashboard;
  return <Icon className="icon" size={20} aria-hidden="true" focusable="false" />;
}
