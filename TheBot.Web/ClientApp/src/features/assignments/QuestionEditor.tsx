import { ListPlus, Plus, Trash2 } from 'lucide-react';
import { useI18n } from '../../i18n/I18nContext';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import {
  markCorrect,
  MAX_OPTIONS,
  newQuestion,
  QUESTION_KINDS,
  questionProblems,
  totalPoints,
  withOption,
  type QuestionDraft,
  type QuestionKind,
} from './quiz';

/**
 * A quiz's questions in the new-assignment form: one compact block per question with the fields its kind takes. Client
 * problems show once the teacher has tried to save (<paramref name="checked" />); the server's come in
 * <paramref name="serverErrors" /> by its names (`questions[0].options`).
 */
export function QuestionEditor({
  questions,
  onChange,
  checked,
  serverErrors,
}: {
  questions: QuestionDraft[];
  onChange: (questions: QuestionDraft[]) => void;
  checked: boolean;
  serverErrors: Readonly<Record<string, readonly string[]>>;
}) {
  const { t } = useI18n();
  const update = (index: number, question: QuestionDraft) => onChange(questions.map((q, i) => (i === index ? question : q)));
  const add = () => onChange([...questions, newQuestion(`q-${Date.now()}-${questions.length}`)]);

  return (
    <fieldset className="fieldset quiz-editor" data-quiz-editor>
      <legend>{t('quiz.questions')}</legend>
      <p className="hint">{t('quiz.questionsHint')}</p>
      {questions.map((question, index) => {
        const number = index + 1;
        const at = `question-${index}`;
        const problems = checked ? questionProblems(question) : {};
        const errorsOf = (field: keyof ReturnType<typeof questionProblems>, server: string) => {
          const messages = [...(problems[field] ? [t(problems[field])] : []), ...(serverErrors[`questions[${index}].${server}`] ?? [])];
          return messages.length > 0 ? messages : undefined;
        };
        const choice = question.kind === 'singleChoice' || question.kind === 'multipleChoice';
        const optionErrors = [...(errorsOf('options', 'options') ?? []), ...(serverErrors[`questions[${index}].correctOptionIds`] ?? [])];
        return (
          <fieldset className="fieldset quiz-editor__question" key={question.key} data-question={index}>
            <legend>{t('quiz.question', { number })}</legend>
            <div className="quiz-editor__row">
              <SelectField
                name={`${at}-kind`}
                label={t('quiz.kindField')}
                value={question.kind}
                options={QUESTION_KINDS.map((value) => ({ value, label: t(`quiz.kind.${value}`) }))}
                onChange={(event) => update(index, { ...question, kind: event.target.value as QuestionKind, options: question.options.map((o) => ({ ...o, correct: false })) })}
              />
              <TextField
                name={`${at}-points`}
                label={t('quiz.points')}
                inputMode="decimal"
                value={question.points}
                errors={errorsOf('points', 'points')}
                onChange={(event) => update(index, { ...question, points: event.target.value })}
              />
            </div>
            <TextAreaField
              name={`${at}-prompt`}
              label={t('quiz.prompt')}
              rows={2}
              maxLength={2000}
              required
              value={question.prompt}
              errors={errorsOf('prompt', 'prompt')}
              onChange={(event) => update(index, { ...question, prompt: event.target.value })}
            />
            {choice ? (
              <div className="quiz-editor__options" role="group" aria-label={t('quiz.optionsOf', { number })}>
                {question.options.map((option, optionIndex) => (
                  <div className="quiz-editor__option" key={option.id}>
                    <TextField
                      name={`${at}-option-${option.id}`}
                      label={t('quiz.option', { id: option.id })}
                      maxLength={500}
                      value={option.text}
                      onChange={(event) =>
                        update(index, { ...question, options: question.options.map((o, i) => (i === optionIndex ? { ...o, text: event.target.value } : o)) })
                      }
                    />
                    <label className="checkbox">
                      <input
                        type={question.kind === 'singleChoice' ? 'radio' : 'checkbox'}
                        name={`${at}-correct`}
                        checked={option.correct}
                        aria-label={t('quiz.correctOption', { id: option.id })}
                        onChange={() => update(index, markCorrect(question, option.id))}
                      />{' '}
                      <span aria-hidden="true">{t('quiz.correct')}</span>
                    </label>
                  </div>
                ))}
                {optionErrors.length > 0 ? (
                  <ul className="field__errors" role="alert">
                    {optionErrors.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                ) : null}
                {question.options.length < MAX_OPTIONS ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => update(index, withOption(question))}>
                    <Plus aria-hidden="true" size={16} /> {t('quiz.addOption')}
                  </button>
                ) : null}
              </div>
            ) : null}
            {question.kind === 'number' ? (
              <div className="quiz-editor__row">
                <TextField
                  name={`${at}-number`}
                  label={t('quiz.correctNumber')}
                  inputMode="decimal"
                  value={question.correctNumber}
                  errors={errorsOf('correctNumber', 'correctNumber')}
                  onChange={(event) => update(index, { ...question, correctNumber: event.target.value })}
                />
                <TextField
                  name={`${at}-tolerance`}
                  label={t('quiz.tolerance')}
                  inputMode="decimal"
                  value={question.tolerance}
                  errors={errorsOf('tolerance', 'tolerance')}
                  onChange={(event) => update(index, { ...question, tolerance: event.target.value })}
                />
              </div>
            ) : null}
            {question.kind === 'shortText' ? (
              <TextAreaField
                name={`${at}-accepted`}
                label={t('quiz.accepted')}
                hint={t('quiz.acceptedHint')}
                rows={2}
                value={question.accepted}
                errors={errorsOf('accepted', 'acceptedAnswers')}
                onChange={(event) => update(index, { ...question, accepted: event.target.value })}
              />
            ) : null}
            <div className="actions actions--compact">
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={t('quiz.removeQuestion', { number })}
                onClick={() => onChange(questions.filter((_, i) => i !== index))}
              >
                <Trash2 aria-hidden="true" size={16} /> {t('quiz.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      {questions.length > 0 ? <p data-quiz-total>{t('quiz.total', { points: String(totalPoints(questions)) })}</p> : null}
      <div className="actions actions--compact">
        <button type="button" className="button button--secondary" onClick={add}>
          <ListPlus aria-hidden="true" size={18} /> {t('quiz.addQuestion')}
        </button>
      </div>
    </fieldset>
  );
}
