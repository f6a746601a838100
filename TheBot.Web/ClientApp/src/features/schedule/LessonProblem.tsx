import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { lessonConflictOf } from './conflict';
import { LessonConflictAlert } from './LessonConflictAlert';

/** Why booking or changing a lesson failed: the clash (with a link to the lesson in the way), or the error itself. */
export function LessonProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === null) {
    return null;
  }
  const conflict = lessonConflictOf(error);
  return conflict !== null ? <LessonConflictAlert conflict={conflict} /> : <FormAlert message={describeError(error, t)} />;
}
