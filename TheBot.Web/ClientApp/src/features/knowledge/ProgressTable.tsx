import { useMutation, useQuery } from '@tanstack/react-query';
import { FileSpreadsheet } from 'lucide-react';
import { Fragment } from 'react';
import { useKnowledgeI18n } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { saveFile } from '../../ui/saveFile';
import { downloadProgress, progressQuery } from './knowledgeApi';
import { answerText } from './graphFlow';
import { StatusBadge } from './StatusBadge';

/** Per lesson and per element: status, score, time, attempts and the wrong answers given most; with its Excel export. */
export function ProgressTable({ graphId }: { graphId: string }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const progress = useQuery(progressQuery(api, graphId));
  const exportFile = useMutation({
    mutationFn: () => downloadProgress(api, graphId),
    onSuccess: (file) => saveFile(file.blob, file.fileName ?? 'knowledge-progress.xlsx'),
  });
  return (
    <section className="knowledge-progress" aria-labelledby="knowledge-progress-title" data-knowledge-progress>
      <div className="knowledge-progress__heading">
        <h2 id="knowledge-progress-title">{t('knowledge.progress')}</h2>
        <button type="button" className="button button--secondary button--small" disabled={exportFile.isPending} onClick={() => exportFile.mutate()}>
          <FileSpreadsheet className="icon" size={16} aria-hidden="true" focusable="false" />
          {t('knowledge.export')}
        </button>
      </div>
      {exportFile.error ? <FormAlert message={describeError(exportFile.error, t)} /> : null}
      {progress.isPending ? (
        <LoadingState />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : progress.data.lessons.length === 0 ? (
        <EmptyState message={t('knowledge.noProgress')} />
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('knowledge.progress')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('knowledge.lessonOrElement')}</th>
                <th scope="col">{t('knowledge.statusColumn')}</th>
                <th scope="col">{t('knowledge.minutesColumn')}</th>
                <th scope="col">{t('knowledge.attemptsColumn')}</th>
                <th scope="col">{t('knowledge.wrongAnswersColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.data.lessons.map((lesson) => {
                const title = lesson.title;
                const minutes = lesson.minutesSpent;
                return (
                  <Fragment key={lesson.nodeId}>
                    <tr data-progress-lesson={title}>
                      <th scope="row">{title}</th>
                      <td>
                        <StatusBadge status={lesson.status} scorePercent={lesson.scorePercent} />
                      </td>
                      <td>{minutes !== null ? t('knowledge.minutes', { minutes: Math.round(minutes) }) : '—'}</td>
                      <td>{lesson.attempts}</td>
                      <td />
                    </tr>
                    {lesson.elements.map((element) => (
                      <tr key={`${lesson.nodeId}/${element.elementId}`} className="knowledge-progress__element" data-progress-element={element.title}>
                        <th scope="row">
                          <span className="visually-hidden">{title}: </span>
                          {element.title}
                        </th>
                        <td>{element.latestOutcome ? t(`knowledge.outcome.${element.latestOutcome}`) : '—'}</td>
                        <td />
                        <td>{element.attempts}</td>
                        <td>{element.commonWrongAnswers.map((wrong) => `${answerText(wrong.answer)} (${wrong.count})`).join(', ')}</td>
                      </tr>
                    ))}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
