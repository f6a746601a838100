import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/ApiError';
import { useApi } from '../../services/ServicesContext';
import { useForm } from '../../forms/useForm';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { fromLocalInputValue } from '../schedule/week';
import { MySubjectSelect } from '../subjects/MySubjectSelect';
import { ASSIGNMENT_KINDS, assignmentsKey, createAssignment, parseScore } from './assignmentsApi';
import { defaultDueAt, MAX_TIME_LIMIT_MINUTES, newAssignmentRules } from './newAssignmentForm';
import { StudentPicker, type StudentChoice } from './StudentPicker';
import { QuestionEditor } from './QuestionEditor';
import { questionProblems, toQuestionRequest, type QuestionDraft } from './quiz';

export function NewAssignmentForm({ onDone }: { onDone: () => void }) {
  const { t, timeZone } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  // A checkbox and the chosen students are not text: they stay beside the form's text fields.
  const [publish, setPublish] = useState(true);
  const [students, setStudents] = useState<StudentChoice>({ all: true, ids: [] });
  const [studentsError, setStudentsError] = useState(false);
  // A quiz's questions: checked here on save, and by the server (its errors named questions[i].field).
  const [questions, setQuestions] = useState<QuestionDraft[]>([]);
  const [showAnswers, setShowAnswers] = useState(false);
  const [questionsChecked, setQuestionsChecked] = useState(false);
  const [questionErrors, setQuestionErrors] = useState<Readonly<Record<string, readonly string[]>>>({});
  const [questionsInvalid, setQuestionsInvalid] = useState(false);
  const form = useForm(
    {
      subjectId: '',
      title: '',
      kind: 'homework',
      dueAt: defaultDueAt(new Date(), timeZone),
      startsAt: '',
      timeLimitMinutes: '',
      maxScore: '10',
      latePenaltyPercent: '0',
      maxAttempts: '1',
      description: '',
    },
    newAssignmentRules,
    async (values) => {
      if (!students.all && students.ids.length === 0) {
        setStudentsError(true);
        return;
      }
      setStudentsError(false);
      setQuestionsChecked(true);
      const invalid = questions.some((q) => Object.keys(questionProblems(q)).length > 0);
      setQuestionsInvalid(invalid);
      if (invalid) {
        return;
      }
      const quiz = questions.length > 0;
      const startsAt = values.startsAt.trim() === '' ? null : fromLocalInputValue(values.startsAt, timeZone);
      setQuestionErrors({});
      await createAssignment(api, {
        subjectId: values.subjectId,
        title: values.title.trim(),
        description: values.description.trim() === '' ? null : values.description.trim(),
        kind: values.kind,
        dueAt: (fromLocalInputValue(values.dueAt, timeZone) ?? new Date(NaN)).toISOString(),
        startsAt: startsAt === null ? null : startsAt.toISOString(),
        timeLimitMinutes: values.timeLimitMinutes.trim() === '' ? null : Number(values.timeLimitMinutes),
        studentIds: students.all ? null : [...students.ids],
        maxScore: quiz ? null : (parseScore(values.maxScore) ?? 0),
        questions: quiz ? questions.map(toQuestionRequest) : null,
        showAnswersAfterDue: quiz ? showAnswers : null,
        latePenaltyPercent: Number(values.latePenaltyPercent) || 0,
        maxAttempts: Number(values.maxAttempts) || 1,
        publish,
      }).catch((error: unknown) => {
        if (isApiError(error)) {
          setQuestionErrors(error.fieldErrors);
        }
        throw error;
      });
      void queryClient.invalidateQueries({ queryKey: assignmentsKey });
      onDone();
    },
  );
  const subject = form.field('subjectId');

  return (
    <form className="panel form" onSubmit={form.onSubmit} noValidate aria-labelledby="new-assignment">
      <h2 id="new-assignment">{t('assignments.new')}</h2>
      <MySubjectSelect
        {...subject}
        onChange={(event) => {
          subject.onChange(event);
          setStudents({ all: students.all, ids: [] });
        }}
      />
      <TextField {...form.field('title')} label={t('assignments.titleField')} required maxLength={200} />
      <SelectField
        {...form.field('kind')}
        label={t('assignments.kindField')}
        options={ASSIGNMENT_KINDS.map((value) => ({ value, label: t(`assignments.kind.${value}`) }))}
      />
      <StudentPicker
        subjectId={form.values.subjectId}
        value={students}
        onChange={(choice) => {
          setStudents(choice);
          setStudentsError(false);
        }}
      />
      {studentsError ? <FormAlert message={t('assignments.chooseStudents')} /> : null}
      <TextField {...form.field('startsAt')} label={t('assignments.startsAtField')} hint={t('assignments.startsAtHint')} type="datetime-local" />
      <TextField {...form.field('dueAt')} label={t('assignments.dueAt')} type="datetime-local" required />
      <TextField
        {...form.field('timeLimitMinutes')}
        label={t('assignments.timeLimitField')}
        hint={t('assignments.timeLimitHint')}
        type="number"
        min={1}
        max={MAX_TIME_LIMIT_MINUTES}
      />
      {questions.length === 0 ? <TextField {...form.field('maxScore')} label={t('assignments.maxScoreField')} inputMode="decimal" required /> : null}
      <TextField {...form.field('latePenaltyPercent')} label={t('assignments.penaltyField')} type="number" min={0} max={100} />
      <TextField {...form.field('maxAttempts')} label={t('assignments.attemptsField')} type="number" min={1} max={20} />
      <TextAreaField {...form.field('description')} label={t('assignments.description')} rows={4} maxLength={4000} />
      <QuestionEditor questions={questions} onChange={setQuestions} checked={questionsChecked} serverErrors={questionErrors} />
      {questions.length > 0 ? (
        <label className="checkbox">
          <input type="checkbox" name="showAnswersAfterDue" checked={showAnswers} onChange={(event) => setShowAnswers(event.target.checked)} />{' '}
          {t('quiz.showAnswers')}
        </label>
      ) : null}
      {questionsInvalid ? <FormAlert message={t('quiz.fixQuestions')} /> : null}
      <label className="checkbox">
        <input type="checkbox" checked={publish} onChange={(event) => setPublish(event.target.checked)} /> {t('assignments.publishNow')}
      </label>
      <FormAlert message={form.formError} />
      <FormActions
        submitLabel={t('assignments.create')}
        busy={form.submitting}
        busyLabel={t('common.saving')}
        disabled={form.values.subjectId === '' || form.values.title.trim() === ''}
        dismiss={{ label: t('common.cancel'), onClick: onDone }}
      />
    </form>
  );
}
