import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CircleCheck, CircleX, Hourglass } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/ApiError';
import { useKnowledgeI18n } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from '../../ui/TextAreaField';
import { parseNumber } from './elementDraft';
import { nodeTitle } from './graphFlow';
import {
  answer,
  graphQuery,
  knowledgeKey,
  openedLessonQuery,
  type AnswerOutcome,
  type AnswerRequest,
  type AnswerResult,
  type KnowledgeGraph,
  type PlayerElement,
} from './knowledgeApi';
import { RichText } from './RichText';
import { StatusBadge } from './StatusBadge';
import { videoEmbedUrl } from './bodySegments';

/** A student works through one lesson of their graph: its elements in order, each answer checked at once. */
export function LessonPlayer({ graph, nodeId }: { graph: KnowledgeGraph; nodeId: string }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const lesson = useQuery({ ...openedLessonQuery(api, graph.id, nodeId), retry: false });
  const [unlocked, setUnlocked] = useState<string[]>([]);
  if (lesson.isPending) {
    return <LoadingState />;
  }
  if (lesson.isError) {
    if (isApiError(lesson.error) && lesson.error.problem.code === 'lessonLocked') {
      return <FormAlert message={t('knowledge.lessonLocked')} />;
    }
    return <ErrorState error={lesson.error} onRetry={() => void lesson.refetch()} />;
  }
  const data = lesson.data;
  const unlockedTitles = unlocked.map((id) => nodeTitle((graph.nodes ?? []).find((node) => node.id === id) ?? {})).filter((title) => title !== '');
  return (
    <article className="knowledge-player" aria-labelledby="knowledge-player-title" data-lesson-player>
      <h2 id="knowledge-player-title">{data.title}</h2>
      <p className="knowledge-player__status" data-lesson-status={data.status ?? undefined}>
        <StatusBadge status={data.status} scorePercent={data.scorePercent} />{' '}
        <span className="muted">{t('knowledge.passMark', { percent: data.passPercent })}</span>
      </p>
      {data.description ? <RichText body={data.description} className="muted" /> : null}
      <div role="status" aria-live="polite" data-unlocked-announcement>
        {unlockedTitles.length > 0 ? (
          <p className="alert alert--success">
            {t('knowledge.passedAndUnlocked', { lessons: unlockedTitles.join(', ') })}
          </p>
        ) : null}
      </div>
      <ol className="knowledge-player__elements">
        {data.elements.map((element, index) => (
          <li key={element.id} className="knowledge-player__element" data-element-kind={element.kind} data-element-check={element.check} data-element={element.title}>
            <h3>
              {index + 1}. {element.title}
            </h3>
            {element.body ? <RichText body={element.body} /> : null}
            {element.kind === 'video' && element.videoUrl ? <Video url={element.videoUrl} title={element.title} /> : null}
            {element.kind === 'question' || element.kind === 'problem' ? (
              <AnswerForm graphId={graph.id} nodeId={nodeId} element={element} onUnlocked={(ids) => setUnlocked((current) => [...new Set([...current, ...ids])])} />
            ) : null}
          </li>
        ))}
      </ol>
      <p>
        <Link to={`/knowledge/graphs/${graph.id}`}>{t('knowledge.backToGraph')}</Link>
      </p>
    </article>
  );
}

function Video({ url, title }: { url: string; title: string }) {
  const { t } = useKnowledgeI18n();
  const embed = videoEmbedUrl(url);
  if (embed === null) {
    return (
      <p>
        <a href={url} target="_blank" rel="noopener noreferrer">
          {t('knowledge.watchVideo', { title })}
        </a>
      </p>
    );
  }
  return (
    <div className="knowledge-video">
      <iframe
        src={embed}
        title={t('knowledge.videoTitle', { title })}
        loading="lazy"
        allow="encrypted-media; picture-in-picture; fullscreen"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
      />
    </div>
  );
}

function AnswerForm({ graphId, nodeId, element, onUnlocked }: { graphId: string; nodeId: string; element: PlayerElement; onUnlocked: (ids: string[]) => void }) {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const latest = element.latestAttempt;
  const [optionIds, setOptionIds] = useState<string[]>(latest?.optionIds ?? []);
  const [value, setValue] = useState(latest?.number?.toString() ?? latest?.text ?? '');
  const [result, setResult] = useState<Pick<AnswerResult, 'outcome' | 'points' | 'maxPoints'> | null>(null);
  const [invalid, setInvalid] = useState(false);
  const send = useMutation({
    mutationFn: (request: AnswerRequest) => answer(api, graphId, nodeId, request),
    onSuccess: (response) => {
      setResult(response);
      const opened = response.unlocked;
      if (opened.length > 0) {
        onUnlocked(opened);
      }
      void queryClient.invalidateQueries({ queryKey: graphQuery(api, graphId).queryKey });
      void queryClient.invalidateQueries({ queryKey: [...knowledgeKey, 'graphs'] });
      void queryClient.invalidateQueries({ queryKey: openedLessonQuery(api, graphId, nodeId).queryKey });
    },
  });
  const name = `answer-${element.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (element.kind === 'question') {
      if (optionIds.length === 0) {
        setInvalid(true);
        return;
      }
      send.mutate({ elementId: element.id, optionIds });
    } else if (element.check === 'number') {
      const number = parseNumber(value);
      if (Number.isNaN(number)) {
        setInvalid(true);
        return;
      }
      send.mutate({ elementId: element.id, number });
    } else {
      if (value.trim() === '') {
        setInvalid(true);
        return;
      }
      send.mutate({ elementId: element.id, text: value });
    }
    setInvalid(false);
  };
  const outcome: AnswerOutcome | null = result?.outcome ?? latest?.outcome ?? null;
  const invalidMessage = invalid ? [t(element.kind === 'question' ? 'knowledge.chooseAnswer' : element.check === 'number' ? 'knowledge.problem.number' : 'knowledge.writeAnswer')] : undefined;
  return (
    <form className="form knowledge-answer" onSubmit={submit} noValidate data-answer-form>
      {element.kind === 'question' ? (
        <fieldset className="fieldset">
          <legend>{element.check === 'single' ? t('knowledge.chooseOne') : t('knowledge.chooseAll')}</legend>
          {element.options.map((option) => (
            <label key={option.id} className="checkbox">
              <input
                type={element.check === 'single' ? 'radio' : 'checkbox'}
                name={name}
                value={option.id}
                checked={optionIds.includes(option.id)}
                onChange={(event) =>
                  setOptionIds((current) =>
                    element.check === 'single' ? [option.id] : event.target.checked ? [...current, option.id] : current.filter((id) => id !== option.id),
                  )
                }
              />
              <RichText body={option.text} inline />
            </label>
          ))}
          {invalidMessage ? <p className="text-error">{invalidMessage[0]}</p> : null}
        </fieldset>
      ) : element.check === 'free' ? (
        <TextAreaField name={name} label={t('knowledge.yourAnswer')} rows={3} value={value} errors={invalidMessage} onChange={(event) => setValue(event.target.value)} />
      ) : (
        <TextField name={name} label={t('knowledge.yourAnswer')} inputMode={element.check === 'number' ? 'decimal' : 'text'} autoComplete="off" value={value} errors={invalidMessage} onChange={(event) => setValue(event.target.value)} />
      )}
      <div className="actions actions--compact">
        <button type="submit" className="button button--small" disabled={send.isPending}>
          {t('knowledge.checkAnswer')}
        </button>
        <span role="status" aria-live="polite">
          {outcome !== null ? <Outcome outcome={outcome} points={result?.points ?? latest?.points ?? null} maxPoints={result?.maxPoints ?? element.points ?? null} /> : null}
        </span>
      </div>
      {send.error ? <FormAlert message={describeError(send.error, t)} /> : null}
    </form>
  );
}

function Outcome({ outcome, points, maxPoints }: { outcome: AnswerOutcome; points: number | null; maxPoints: number | null }) {
  const { t } = useKnowledgeI18n();
  const Icon = outcome === 'correct' ? CircleCheck : outcome === 'wrong' ? CircleX : Hourglass;
  return (
    <span className="knowledge-outcome" data-outcome={outcome}>
      <Icon className="icon" size={18} aria-hidden="true" focusable="false" />
      {t(`knowledge.outcome.${outcome}`)}
      {points !== null && maxPoints !== null && outcome !== 'pending' ? ` · ${t('knowledge.points', { points, max: maxPoints })}` : null}
    </span>
  );
}
