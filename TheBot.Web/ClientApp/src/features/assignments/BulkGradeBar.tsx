import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { assignmentsKey, parseScore, type Submission } from './assignmentsApi';
import { commonMaxScore, gradeSubmissions } from './bulkGradingApi';

/** One score and comment for every submission ticked in the grade queue, sent as one request (all or none). */
export function BulkGradeBar({ selected, onDone, onClear }: { selected: readonly Submission[]; onDone: () => void; onClear: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [score, setScore] = useState('');
  const [feedback, setFeedback] = useState('');
  const [scoreError, setScoreError] = useState<string | null>(null);
  const [graded, setGraded] = useState<number | null>(null);
  const max = commonMaxScore(selected);
  const mutation = useMutation({
    mutationFn: (value: number) => gradeSubmissions(api, selected.map((submission) => submission.id), value, feedback.trim() === '' ? null : feedback.trim()),
    onSuccess: (done) => {
      setGraded(done.length);
      setScore('');
      setFeedback('');
      onDone();
      void queryClient.invalidateQueries({ queryKey: assignmentsKey });
    },
  });
  if (max === null) {
    return graded === null ? null : <FormAlert tone="success" message={t('assignments.bulkDone', { count: String(graded) })} />;
  }
  const grade = () => {
    const value = parseScore(score);
    if (value === null || value > max) {
      setScoreError(t('assignments.scoreRange', { max: String(max) }));
      return;
    }
    setScoreError(null);
    setGraded(null);
    mutation.mutate(value);
  };
  return (
    <section className="bulk-grade" aria-labelledby="bulk-grade-title" data-bulk-grade>
      <h3 id="bulk-grade-title">
        {t('assignments.bulkTitle')} <span className="muted">({t('assignments.bulkSelected', { count: String(selected.length) })})</span>
      </h3>
      <div className="form">
        <TextField
          name="bulk-score"
          label={t('assignments.bulkScore', { max: String(max) })}
          inputMode="decimal"
          value={score}
          errors={scoreError === null ? undefined : [scoreError]}
          onChange={(event) => setScore(event.target.value)}
        />
        <TextAreaField name="bulk-feedback" label={t('assignments.bulkFeedback')} rows={2} value={feedback} onChange={(event) => setFeedback(event.target.value)} />
        {mutation.isError ? <FormAlert message={describeError(mutation.error, t)} /> : null}
        <div className="actions">
          <button type="button" className="button" disabled={mutation.isPending} onClick={grade}>
            {t('assignments.bulkGrade')}
          </button>
          <button type="button" className="button button--secondary" disabled={mutation.isPending} onClick={onClear}>
            {t('assignments.bulkClear')}
          </button>
        </div>
      </div>
    </section>
  );
}
