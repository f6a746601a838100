import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { Avatar } from '../../ui/Avatar';
import { Detail } from '../../ui/Detail';
import { RowMenu } from '../../ui/RowMenu';
import { EnrollForm } from './EnrollForm';
import { InviteParentForm } from './InviteParentForm';
import { StudentEnrollments } from './StudentEnrollments';
import type { TutorStudent } from './studentsApi';

type Open = 'none' | 'details' | 'invite' | 'enroll';

/**
 * One of the tutor's students as a compact row: name, grade and parents at a glance; "Details" opens their email, goal,
 * parents, invitations and subjects (with dropping a subject behind a confirmation); the "⋯" menu invites a parent or
 * enrols them in a subject.
 */
export function StudentCard({ student }: { student: TutorStudent }) {
  const { t, formatDateTime } = useI18n();
  const [open, setOpen] = useState<Open>('none');
  const detailsId = useId();
  const expanded = open !== 'none';
  const meta = [
    student.grade == null ? null : t('students.gradeShort', { grade: student.grade }),
    t('students.parentCount', { count: student.parents.length }),
    student.invitations.length > 0 ? t('students.invitationCount', { count: student.invitations.length }) : null,
  ].filter((part) => part !== null);

  return (
    <li className="compact-row student" data-student={student.email}>
      <div className="compact-row__line">
        <Avatar id={student.id} name={student.fullName} src={student.avatarUrl} size="sm" />
        <h2 className="compact-row__title student__name">
          {student.fullName} {student.isActive ? null : <span className="badge badge--rejected">{t('users.inactive')}</span>}
        </h2>
        <span className="compact-row__meta">{meta.join(' · ')}</span>
        <div className="compact-row__end">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-label={t(expanded ? 'list.hideDetailsOf' : 'list.detailsOf', { name: student.fullName })}
            onClick={() => setOpen(expanded ? 'none' : 'details')}
          >
            {t(expanded ? 'list.hideDetails' : 'list.details')}
          </button>
          <RowMenu
            label={t('list.actionsFor', { name: student.fullName })}
            actions={[
              { label: t('students.inviteNamed', { name: student.fullName }), onSelect: () => setOpen('invite') },
              { label: t('students.enrollNamed', { name: student.fullName }), onSelect: () => setOpen('enroll') },
            ]}
          />
        </div>
      </div>
      {expanded ? (
        <div className="compact-row__details" id={detailsId}>
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
          {open === 'invite' ? <InviteParentForm studentId={student.id} onClose={() => setOpen('details')} /> : null}
          <h3>{t('students.subjects')}</h3>
          <StudentEnrollments studentId={student.id} studentName={student.fullName} />
          {open === 'enroll' ? <EnrollForm studentId={student.id} onDone={() => setOpen('details')} /> : null}
        </div>
      ) : null}
    </li>
  );
}
