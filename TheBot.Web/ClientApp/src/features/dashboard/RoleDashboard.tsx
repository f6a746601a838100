import { AdminDashboard } from './AdminDashboard';
import type { DashboardSummary } from './dashboardApi';
import { ParentDashboard } from './ParentDashboard';
import { StudentDashboard } from './StudentDashboard';
import { TeacherDashboard } from './TeacherDashboard';
import { TutorDashboard } from './TutorDashboard';

/** The dashboard for the caller's role: the summary fills only that role's section, and each has its own component. */
export function RoleDashboard({ summary }: { summary: DashboardSummary }) {
  const { student, teacher, tutor, parent, admin } = summary;
  return (
    <div className="dashboard">
      {student ? <StudentDashboard section={student} /> : null}
      {teacher ? <TeacherDashboard section={teacher} /> : null}
      {tutor ? <TutorDashboard section={tutor} /> : null}
      {parent ? <ParentDashboard section={parent} /> : null}
      {admin ? <AdminDashboard section={admin} /> : null}
    </div>
  );
}
