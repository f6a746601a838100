import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { MaterialItem } from './MaterialItem';
import { groupBySubject, materialListQuery } from './materialsApi';
import { NewMaterialForm } from './NewMaterialForm';

/** Teachers publish materials and attach files; students (and their parents and tutors) read and download them. */
export function MaterialsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const teaches = user?.role === 'teacher';
  const query = useQuery(materialListQuery(api));
  const [creating, setCreating] = useState(false);

  return (
    <section className="page">
      <PageHeading title={t('materials.title')}>{t('materials.title')}</PageHeading>
      {teaches ? (
        creating ? (
          <NewMaterialForm onDone={() => setCreating(false)} />
        ) : (
          <div className="actions">
            <button type="button" className="button" onClick={() => setCreating(true)}>
              {t('materials.new')}
            </button>
          </div>
        )
      ) : null}
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.items.length === 0 ? (
          <EmptyState message={t('materials.empty')} />
        ) : (
          groupBySubject(query.data.items).map(([subject, materials]) => (
            <section key={subject} className="material-group" aria-label={subject}>
              <h2>{subject}</h2>
              <ul className="item-list">
                {materials.map((material) => (
                  <MaterialItem key={material.id} material={material} teaches={teaches} student={user?.role === 'student'} />
                ))}
              </ul>
            </section>
          ))
        )
      ) : null}
    </section>
  );
}
