import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, Eye, EyeOff, Megaphone, Trash2, Undo2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { RowMenu, type RowAction } from '../../ui/RowMenu';
import { TextAreaField } from '../../ui/TextAreaField';
import {
  askMaterialQuestion,
  deleteMaterialQuestion,
  deleteMaterialReply,
  materialQuestionsQuery,
  materialsKey,
  moderateMaterialQuestion,
  moderateMaterialReply,
  replyToMaterialQuestion,
  type Material,
  type MaterialQuestion,
  type MaterialQuestionReply,
} from './materialsApi';

const MAX_TEXT = 2000;

/** The questions under a material: students ask and follow up, the teacher answers and moderates from each item's menu. */
export function MaterialQuestions({ material, teaches, student }: { material: Material; teaches: boolean; student: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery(materialQuestionsQuery(api, material.id));
  const headingId = useId();

  return (
    <section className="material-questions" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('materials.questions.title')}</h3>
      {student ? <TextForm materialId={material.id} label={t('materials.questions.ask')} submitLabel={t('materials.questions.askSubmit')} send={(text) => askMaterialQuestion(api, material.id, text)} /> : null}
      {query.isPending ? <LoadingState /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess ? (
        query.data.items.length === 0 ? (
          <EmptyState message={t('materials.questions.empty')} />
        ) : (
          <ul className="item-list">
            {query.data.items.map((question) => (
              <QuestionItem key={question.id} material={material} question={question} teaches={teaches} student={student} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function QuestionItem({ material, question, teaches, student }: { material: Material; question: MaterialQuestion; teaches: boolean; student: boolean }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [replying, setReplying] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: materialsKey });
  const moderate = useMutation({
    mutationFn: (change: Parameters<typeof moderateMaterialQuestion>[3]) => moderateMaterialQuestion(api, material.id, question.id, change),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: () => deleteMaterialQuestion(api, material.id, question.id), onSuccess: refresh });
  const canReply = teaches || (student && question.status !== 'hidden');
  const actions: RowAction[] = teaches
    ? [
        question.status === 'published'
          ? { label: t('materials.questions.unpublish'), icon: <Undo2 size={16} aria-hidden="true" />, onSelect: () => moderate.mutate({ status: 'pending' }) }
          : { label: t('materials.questions.publish'), icon: <Megaphone size={16} aria-hidden="true" />, onSelect: () => moderate.mutate({ status: 'published' }) },
        question.status === 'hidden'
          ? { label: t('materials.questions.show'), icon: <Eye size={16} aria-hidden="true" />, onSelect: () => moderate.mutate({ status: 'pending' }) }
          : { label: t('materials.questions.hide'), icon: <EyeOff size={16} aria-hidden="true" />, onSelect: () => moderate.mutate({ status: 'hidden' }) },
        {
          label: question.answeredAt === null ? t('materials.questions.markAnswered') : t('materials.questions.markUnanswered'),
          icon: <CheckCircle2 size={16} aria-hidden="true" />,
          onSelect: () => moderate.mutate({ answered: question.answeredAt === null }),
        },
        { label: t('materials.questions.delete'), icon: <Trash2 size={16} aria-hidden="true" />, destructive: true, onSelect: () => setConfirming(true) },
      ]
    : [];
  const error = moderate.error ?? remove.error;

  return (
    <li className="item-list__item material-question" data-question={question.id} data-question-status={question.status}>
      <div className="material-question__head">
        <p>
          <strong>{question.author.fullName}</strong> · <time dateTime={question.createdAt}>{formatDateTime(question.createdAt)}</time>{' '}
          {question.status !== 'published' ? <span className="badge badge--neutral">{t(`materials.questions.status.${question.status}`)}</span> : null}{' '}
          {question.answeredAt !== null ? <span className="badge badge--approved">{t('materials.questions.answered')}</span> : null}
        </p>
        <RowMenu label={t('materials.questions.actions')} actions={actions} />
      </div>
      <p className="pre-wrap">{question.text}</p>
      {question.replies.length > 0 ? (
        <ul className="material-question__replies" aria-label={t('materials.questions.replies')}>
          {question.replies.map((reply) => (
            <ReplyItem key={reply.id} material={material} questionId={question.id} reply={reply} teaches={teaches} />
          ))}
        </ul>
      ) : null}
      {canReply ? (
        replying ? (
          <TextForm
            materialId={material.id}
            label={teaches ? t('materials.questions.answerField') : t('materials.questions.followUpField')}
            submitLabel={t('materials.questions.send')}
            send={(text) => replyToMaterialQuestion(api, material.id, question.id, text)}
            onDone={() => setReplying(false)}
          />
        ) : (
          <div className="actions actions--compact">
            <button type="button" className="button button--secondary button--small" onClick={() => setReplying(true)}>
              {teaches ? t('materials.questions.answer') : t('materials.questions.followUp')}
            </button>
          </div>
        )
      ) : null}
      {error ? <FormAlert message={describeError(error, t)} /> : null}
      <ConfirmDialog
        open={confirming}
        title={t('materials.questions.deleteTitle')}
        message={t('materials.questions.deleteMessage')}
        confirmLabel={t('materials.questions.delete')}
        busy={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSettled: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      />
    </li>
  );
}

function ReplyItem({ material, questionId, reply, teaches }: { material: Material; questionId: string; reply: MaterialQuestionReply; teaches: boolean }) {
  const { t, formatDateTime } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: materialsKey });
  const hide = useMutation({ mutationFn: (hidden: boolean) => moderateMaterialReply(api, material.id, questionId, reply.id, hidden), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => deleteMaterialReply(api, material.id, questionId, reply.id), onSuccess: refresh });
  const actions: RowAction[] = teaches
    ? [
        reply.hidden
          ? { label: t('materials.questions.show'), icon: <Eye size={16} aria-hidden="true" />, onSelect: () => hide.mutate(false) }
          : { label: t('materials.questions.hide'), icon: <EyeOff size={16} aria-hidden="true" />, onSelect: () => hide.mutate(true) },
        { label: t('materials.questions.deleteReply'), icon: <Trash2 size={16} aria-hidden="true" />, destructive: true, onSelect: () => remove.mutate() },
      ]
    : [];
  const error = hide.error ?? remove.error;

  return (
    <li className="material-question__reply" data-reply={reply.id} data-by-teacher={reply.byTeacher ? 'true' : 'false'}>
      <div className="material-question__head">
        <p>
          <strong>{reply.author.fullName}</strong>
          {reply.byTeacher ? <span className="badge badge--neutral">{t('materials.questions.teacher')}</span> : null} ·{' '}
          <time dateTime={reply.createdAt}>{formatDateTime(reply.createdAt)}</time>
          {reply.hidden ? <span className="badge badge--neutral">{t('materials.questions.status.hidden')}</span> : null}
        </p>
        <RowMenu label={t('materials.questions.replyActions')} actions={actions} />
      </div>
      <p className="pre-wrap">{reply.text}</p>
      {error ? <FormAlert message={describeError(error, t)} /> : null}
    </li>
  );
}

/** One text box and a send button: a question, an answer or a follow-up. */
function TextForm({
  materialId,
  label,
  submitLabel,
  send,
  onDone,
}: {
  materialId: string;
  label: string;
  submitLabel: string;
  send: (text: string) => Promise<unknown>;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const fieldName = `${useId()}-${materialId}`;
  const mutation = useMutation({
    mutationFn: () => send(text.trim()),
    onSuccess: () => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: materialsKey });
      onDone?.();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() !== '') {
      mutation.mutate();
    }
  };

  return (
    <form className="form material-question__form" onSubmit={submit} noValidate>
      <TextAreaField name={fieldName} label={label} rows={2} maxLength={MAX_TEXT} value={text} onChange={(event) => setText(event.target.value)} />
      {mutation.error ? <FormAlert message={describeError(mutation.error, t)} /> : null}
      <div className="actions actions--compact">
        <button type="submit" className="button button--small" disabled={mutation.isPending || text.trim() === ''}>
          {mutation.isPending ? t('common.saving') : submitLabel}
        </button>
      </div>
    </form>
  );
}
