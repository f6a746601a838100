import { useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { EnrollForm } from './EnrollForm';
import { InviteParentForm } from './InviteParentForm';
import { StudentEnrollments } from './StudentEnrollments';
import type { TutorStudent } from './studentsApi';
import { Detail } from '../../ui/Detail';

/** One of the tutor's students: who they are, their parents (and invitations), their subjects, and enrolling them in another. */
export function StudentCard({ student, enrolling, onEnroll, onEnrollDone }: {
  student: TutorStudent;
  enrolling: boolean;
  onEnroll: () => void;
  onEnrollDone: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const [inviting, setInviting] = useState(false);
  return (
    <li className="panel student" data-student={student.email}>
      <h2 className="student__name">
        {student.fullName} {student.isActive ? null : <span className="badge badge--rejected">{t('users.inactive')}</span>}
      </h2>
      <dl className="details details--compact">
        <dt>{t('students.email')}</dt>
        <dd>{student.email}</dd>
        <dt>{t('students.grade')}</dt>
        <dd>{student.grade ?? t('common.notSet')}</dd>
        <Detail term={t('students.goal')}>{student.goal}</Detail>
        <dt>{t('students.parents')}</dt>
        <dd>{student.parents.length === 0 ? t('common.notSet') : student.parents.map((p) => `${p.fullName} (${p.email})`).join(', ')}</dd>
        {student.invitations.length > 0 ? (
          <>
            <dt>{t('students.invitations')}</dt>
            {student.invitations.map((invitation) => (
              <dd key={invitation.id} data-invitation-status={invitation.status}>
                {invitation.email}: {t(`students.invitation.${invitation.status}`, { expiresAt: formatDateTime(invitation.expiresAt) })}
              </dd>
            ))}
          </>
        ) : null}
      </dl>
      {inviting ? (
        <InviteParentForm studentId={student.id} onClose={() => setInviting(false)} />
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => setInviting(true)}>
          {t('students.inviteNamed', { name: student.fullName })}
        </button>
      )}
      <h3>{t('students.subjects')}</h3>
      <StudentEnrollments studentId={student.id} />
      {enrolling ? (
        <EnrollForm studentId={student.id} onDone={onEnrollDone} />
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={onEnroll}>
          {t('students.enrollNamed', { name: student.fullName })}
        </button>
      )}
    </li>
  );
}
