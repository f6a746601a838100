import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { SubjectForm } from './SubjectForm';
import { updateSubject, type Subject } from './subjectsApi';

/** A subject in the admin's list: its colour, name and state, editable in place. */
export function SubjectRow({ subject, editing, onEdit, onDone }: { subject: Subject; editing: boolean; onEdit: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const toggle = useMutation({ mutationFn: () => updateSubject(api, subject.id, { isActive: !subject.isActive }), onSettled: onDone });

  if (editing) {
    return (
      <li className="panel">
        <SubjectForm
          title={t('subjects.editNamed', { name: subject.name })}
          submitLabel={t('common.save')}
          initial={{ name: subject.name, description: subject.description ?? '', color: subject.color.toLowerCase() }}
          onSubmit={async (input) => {
            await updateSubject(api, subject.id, input);
            onDone();
          }}
          onCancel={onDone}
        />
      </li>
    );
  }
  return (
    <li className="subject" data-subject={subject.name}>
      <span className="subject__swatch" data-color={subject.color} aria-hidden="true" ref={(node) => node?.style.setProperty('--swatch', subject.color)} />
      <div className="subject__main">
        <p className="subject__name">
          {subject.name}{' '}
          {subject.isActive ? null : <span className="badge badge--rejected">{t('subjects.inactive')}</span>}
        </p>
        {subject.description ? <p className="muted">{subject.description}</p> : null}
      </div>
      <div className="actions">
        <button type="button" className="button button--secondary button--small" onClick={onEdit} aria-label={t('subjects.editNamed', { name: subject.name })}>
          {t('common.edit')}
        </button>
        <button type="button" className="button button--secondary button--small" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
          {subject.isActive ? t('subjects.deactivate') : t('subjects.activate')}
        </button>
      </div>
      <FormAlert message={toggle.isError ? describeError(toggle.error, t) : null} />
    </li>
  );
}
