import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { useAuth } from '../../auth/useAuth';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { MaterialItem } from './MaterialItem';
import { MaterialProgressTable, SubjectProgressBar } from './MaterialProgress';
import { groupBySubject, materialListQuery, materialProgressSummaryQuery } from './materialsApi';
import { NewMaterialForm } from './NewMaterialForm';

/**
 * Teachers publish materials and attach files; students (and their parents and tutors) read and download them.
 * A student sees their progress per subject; the others a table of their students' progress. `?material=` opens one
 * (a notification about its questions links there).
 */
export function MaterialsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { user } = useAuth();
  const teaches = user?.role === 'teacher';
  const student = user?.role === 'student';
  const query = useQuery(materialListQuery(api));
  const progress = useQuery(materialProgressSummaryQuery(api));
  const [creating, setCreating] = useState(false);
  const [searchParams] = useSearchParams();
  const linked = searchParams.get('material');

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
              {student && progress.isSuccess ? <SubjectProgressBar rows={progress.data.items} subject={subject} /> : null}
              <ul className="item-list">
                {materials.map((material) => (
                  <MaterialItem key={material.id} material={material} teaches={teaches} student={student} initiallyOpen={material.id === linked} />
                ))}
              </ul>
            </section>
          ))
        )
      ) : null}
      {!student && progress.isSuccess && progress.data.items.length > 0 ? <MaterialProgressTable rows={progress.data.items} /> : null}
    </section>
  );
}
