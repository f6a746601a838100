import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { SubjectForm } from './SubjectForm';
import { SubjectRow } from './SubjectRow';
import { createSubject, subjectsKey, subjectsQuery } from './subjectsApi';

/** The admin's subject catalogue: add, rename, recolour, deactivate. */
export function SubjectsPage() {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery(subjectsQuery(api, true));
  const [editingId, setEditingId] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: subjectsKey });

  return (
    <section className="page">
      <PageHeading title={t('subjects.title')}>{t('subjects.title')}</PageHeading>
      <section className="panel" aria-labelledby="new-subject-title">
        <h2 id="new-subject-title">{t('subjects.new')}</h2>
        {editingId === null ? (
          <SubjectForm
            title={t('subjects.new')}
            submitLabel={t('subjects.create')}
            initial={{ name: '', description: '', color: '#4f46e5' }}
            onSubmit={async (input) => {
              await createSubject(api, input);
              refresh();
            }}
          />
        ) : (
          <p className="muted">{t('subjects.finishEditing')}</p>
        )}
      </section>
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.items.length === 0 ? (
          <EmptyState message={t('subjects.empty')} />
        ) : (
          <ul className="subject-list">
            {query.data.items.map((subject) => (
              <SubjectRow
                key={subject.id}
                subject={subject}
                editing={editingId === subject.id}
                onEdit={() => setEditingId(subject.id)}
                onDone={() => {
                  setEditingId(null);
                  refresh();
                }}
              />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
