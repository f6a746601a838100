import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { PageHeading } from '../../ui/PageHeading';
import { EmptyState, ErrorState, LoadingState } from '../../ui/QueryStates';
import { mySubjectsQuery, setMySubjects, subjectsKey, subjectsQuery } from './subjectsApi';

/** A teacher declares the subjects they teach; tutors can then enrol students with them. */
export function TeacherSubjectsPage() {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const all = useQuery(subjectsQuery(api));
  const mine = useQuery(mySubjectsQuery(api));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const save = useMutation({
    mutationFn: () => setMySubjects(api, [...chosen]),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: subjectsKey }),
  });

  useEffect(() => {
    if (mine.data) {
      setChosen(new Set(mine.data.map((subject) => subject.id)));
    }
  }, [mine.data]);

  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <section className="page">
      <PageHeading title={t('teacherSubjects.title')}>{t('teacherSubjects.title')}</PageHeading>
      <p className="lead">{t('teacherSubjects.intro')}</p>
      {all.isPending || mine.isPending ? <LoadingState /> : null}
      {all.isError ? <ErrorState error={all.error} onRetry={() => void all.refetch()} /> : null}
      {mine.isError ? <ErrorState error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {all.isSuccess && mine.isSuccess ? (
        all.data.items.length === 0 ? (
          <EmptyState message={t('subjects.empty')} />
        ) : (
          <form className="panel form" onSubmit={submit}>
            <fieldset className="fieldset">
              <legend>{t('teacherSubjects.legend')}</legend>
              {all.data.items.map((subject) => (
                <label key={subject.id} className="checkbox">
                  <input type="checkbox" checked={chosen.has(subject.id)} onChange={() => toggle(subject.id)} />
                  <span>{subject.name}</span>
                </label>
              ))}
            </fieldset>
            <FormAlert message={save.isError ? describeError(save.error, t) : null} />
            <FormAlert tone="success" message={save.isSuccess ? t('teacherSubjects.saved') : null} />
            <button type="submit" className="button" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('common.save')}
            </button>
          </form>
        )
      ) : null}
    </section>
  );
}
