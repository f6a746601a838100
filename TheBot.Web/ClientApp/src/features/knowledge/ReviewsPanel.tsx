import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Check, X } from 'lucide-react';
import { useState } from 'react';
import { useKnowledgeI18n } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { Pager } from '../../ui/Pager';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { knowledgeKey, markReview, reviewsQuery, type PendingReview } from './knowledgeApi';

/** Free answers waiting for the teacher: right or wrong, which may pass the lesson and open what follows. */
export function ReviewsPanel() {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const [page, setPage] = useState(1);
  const reviews = useQuery(reviewsQuery(api, page));
  if (reviews.isPending) {
    return <LoadingState />;
  }
  if (reviews.isError) {
    return <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />;
  }
  if (reviews.data.items.length === 0) {
    return <EmptyState message={t('knowledge.noReviews')} />;
  }
  return (
    <>
      <ul className="card-list">
        {reviews.data.items.map((review) => (
          <Review key={review.attemptId} review={review} />
        ))}
      </ul>
      <Pager page={page} totalPages={reviews.data.totalPages} onPage={setPage} />
    </>
  );
}

function Review({ review }: { review: PendingReview }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: (correct: boolean) => markReview(api, review.attemptId, correct),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: knowledgeKey }),
  });
  const heading = [review.student.fullName, review.lessonTitle, review.elementTitle].join(' · ');
  return (
    <li className="card" data-review={review.elementTitle}>
      <h3>{heading}</h3>
      <p className="prewrap">{review.text ?? ''}</p>
      <div className="actions actions--compact">
        <button type="button" className="button button--small" disabled={mark.isPending} onClick={() => mark.mutate(true)}>
          <Check className="icon" size={16} aria-hidden="true" focusable="false" />
          {t('knowledge.markRight')}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={mark.isPending} onClick={() => mark.mutate(false)}>
          <X className="icon" size={16} aria-hidden="true" focusable="false" />
          {t('knowledge.markWrong')}
        </button>
      </div>
      {mark.error ? <FormAlert message={describeError(mark.error, t)} /> : null}
    </li>
  );
}
