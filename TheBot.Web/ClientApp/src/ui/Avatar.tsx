import { useQuery } from '@tanstack/react-query';
import { avatarColourIndex, initialsOf } from './avatar';
import { useI18n } from '../i18n/I18nContext';
import { useApi } from '../services/ServicesContext';

/**
 * A person's avatar: their picture when they uploaded one (`src`, the address the API gives as `avatarUrl`), else
 * their initials on their own colour, which also show while the picture loads or when it cannot be loaded. Beside
 * the name it is decoration (hidden from screen readers); `label` names it when it stands alone.
 */
export function Avatar({
  id,
  name,
  size = 'md',
  label,
  src,
}: {
  id: string;
  name: string;
  size?: 'sm' | 'md' | 'lg';
  label?: string;
  src?: string | null | undefined;
}) {
  const { language } = useI18n();
  const initials = initialsOf(name, language);
  const picture = useAvatarPicture(src ?? null);
  return (
    <span
      className={`avatar avatar--${size} avatar--c${avatarColourIndex(id)}${picture === null ? '' : ' avatar--picture'}`}
      data-initials={initials}
      {...(label === undefined ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label })}
    >
      {picture === null ? initials : <img className="avatar__picture" src={picture} alt="" data-avatar-src={src} />}
    </span>
  );
}

/**
 * The picture as an object URL: fetched once per address with the access token (an <img> cannot send it), kept for the
 * page's life; the address changes with each new picture, and the browser revalidates it by its ETag.
 */
function useAvatarPicture(src: string | null): string | null {
  const api = useApi();
  const query = useQuery({
    queryKey: ['avatar', src],
    queryFn: async ({ signal }) => URL.createObjectURL((await api.download(src ?? '', { signal })).blob),
    enabled: src !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return src !== null && query.isSuccess ? query.data : null;
}
