import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormAlert } from '../../ui/FormAlert';
import { enrollmentsKey, setEnrollmentStatus, studentEnrollmentsQuery, type Enrollment } from './studentsApi';

/**
 * A student's subjects with their teachers; an active one can be dropped (after a confirmation that says what dropping
 * does), an ended one resumed.
 */
export function StudentEnrollments({ studentId, studentName }: { studentId: string; studentName: string }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery(studentEnrollmentsQuery(api, studentId));
  const [dropping, setDropping] = useState<Enrollment | null>(null);
  const change = useMutation({
    mutationFn: ({ id, status }: { id: string; status: Enrollment['status'] }) => setEnrollmentStatus(api, id, status),
    onSuccess: () => setDropping(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: enrollmentsKey }),
  });

  if (query.isPending) {
    return <p className="muted">{t('common.loading')}</p>;
  }
  if (query.isError) {
    return <FormAlert message={describeError(query.error, t)} />;
  }
  if (query.data.items.length === 0) {
    return <p className="muted">{t('students.noEnrollments')}</p>;
  }
  return (
    <>
      <ul className="chip-list">
        {query.data.items.map((enrollment) => (
          <li key={enrollment.id} className="chip">
            <span>
              {enrollment.subject.name} · {enrollment.teacher.fullName}{' '}
              <span className="muted">({t(`enrollment.status.${enrollment.status}`)})</span>
            </span>
            {enrollment.status === 'active' ? (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={change.isPending}
                aria-label={t('students.dropNamed', { subject: enrollment.subject.name })}
                onClick={() => setDropping(enrollment)}
              >
                {t('students.drop')}
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={change.isPending}
                aria-label={t('students.resumeNamed', { subject: enrollment.subject.name })}
                onClick={() => change.mutate({ id: enrollment.id, status: 'active' })}
              >
                {t('students.resume')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <FormAlert message={change.isError ? describeError(change.error, t) : null} />
      <ConfirmDialog
        open={dropping !== null}
        title={t('students.dropConfirmTitle', { subject: dropping?.subject.name ?? '' })}
        message={t('students.dropConfirm', {
          student: studentName,
          subject: dropping?.subject.name ?? '',
          teacher: dropping?.teacher.fullName ?? '',
        })}
        confirmLabel={t('students.dropNamed', { subject: dropping?.subject.name ?? '' })}
        busy={change.isPending}
        onConfirm={() => dropping && change.mutate({ id: dropping.id, status: 'dropped' })}
        onCancel={() => setDropping(null)}
      />
    </>
  );
}
