import { avatarColourIndex, initialsOf } from './avatar';
import { useI18n } from '../i18n/I18nContext';

/**
 * A person's avatar: their initials on their own colour (uploaded pictures are a later addition). Beside the name
 * it is decoration (hidden from screen readers); `label` names it when it stands alone.
 */
export function Avatar({ id, name, size = 'md', label }: { id: string; name: string; size?: 'sm' | 'md' | 'lg'; label?: string }) {
  const { language } = useI18n();
  const initials = initialsOf(name, language);
  return (
    <span
      className={`avatar avatar--${size} avatar--c${avatarColourIndex(id)}`}
      data-initials={initials}
      {...(label === undefined ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label })}
    >
      {initials}
    </span>
  );
}
