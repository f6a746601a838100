import { en, type MessageKey } from '../../i18n/messages/en';
import type { Translate } from '../../i18n/translate';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** An action in the reader's language; the API's own word for one the SPA does not know yet. */
export function actionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** A kind of thing in the reader's language; the API's own word for one the SPA does not know yet. */
export function entityTypeLabel(type: string, t: Translate): string {
  const key = `audit.entity.${type}`;
  return isMessageKey(key) ? t(key) : type;
}
