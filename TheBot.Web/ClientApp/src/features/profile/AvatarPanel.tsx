import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ImageUp, Trash2 } from 'lucide-react';
import { useRef, useState } from 'react';
import { useServices } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { Avatar } from '../../ui/Avatar';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { avatarProblem, deleteAvatar, profileDetailsKey, uploadAvatar, type ProfileDetails } from './profileApi';

/** My picture: upload (PNG, JPEG or WebP up to 2 MB), replace or remove; the header and chats show it at once. */
export function AvatarPanel({ profile }: { profile: ProfileDetails }) {
  const { t } = useI18n();
  const { api, session } = useServices();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const saved = (next: ProfileDetails) => {
    queryClient.setQueryData(profileDetailsKey, next);
    session.updateUser({ avatarUrl: next.avatarUrl });
  };
  const upload = useMutation({ mutationFn: (file: File) => uploadAvatar(api, file), onSuccess: saved });
  const remove = useMutation({ mutationFn: () => deleteAvatar(api), onSuccess: () => saved({ ...profile, avatarUrl: null }) });
  const failure = upload.error ?? remove.error;
  const busy = upload.isPending || remove.isPending;

  const chosen = (file: File | undefined) => {
    if (input.current !== null) {
      input.current.value = '';
    }
    if (file === undefined) {
      return;
    }
    const refused = avatarProblem(file);
    setProblem(refused === null ? null : t(refused === 'type' ? 'profile.avatarWrongType' : 'profile.avatarTooLarge'));
    remove.reset();
    if (refused === null) {
      upload.mutate(file);
    }
  };

  return (
    <section className="panel avatar-panel" aria-labelledby="avatar-title">
      <h2 id="avatar-title">{t('profile.avatar')}</h2>
      <div className="avatar-panel__row">
        <Avatar id={profile.id} name={profile.fullName} size="lg" src={profile.avatarUrl} label={t('profile.avatarOf', { name: profile.fullName })} />
        <div className="actions">
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => input.current?.click()}>
            <ImageUp className="icon" size={18} aria-hidden="true" focusable="false" />
            {profile.avatarUrl === null ? t('profile.avatarUpload') : t('profile.avatarReplace')}
          </button>
          <input
            ref={input}
            hidden
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-label={t('profile.avatarUpload')}
            data-avatar-input
            onChange={(event) => chosen(event.target.files?.[0])}
          />
          {profile.avatarUrl !== null ? (
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => remove.mutate()}>
              <Trash2 className="icon" size={18} aria-hidden="true" focusable="false" />
              {t('profile.avatarRemove')}
            </button>
          ) : null}
        </div>
      </div>
      <p className="muted">{t('profile.avatarHint')}</p>
      {upload.isPending ? <p role="status">{t('profile.avatarUploading')}</p> : null}
      {problem !== null ? <FormAlert message={problem} /> : null}
      {failure !== null ? <FormAlert message={describeError(failure, t)} /> : null}
    </section>
  );
}
