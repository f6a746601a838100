import { useI18n } from '../i18n/I18nContext';

/** Says which zone times are in, when the profile's zone (which every page uses) is not the device's. */
export function TimeZoneNote() {
  const { t, timeZone, timeZoneDiffers } = useI18n();
  if (!timeZoneDiffers) {
    return null;
  }
  // The zone's id ("Europe/Moscow") is a name, not text to translate.
  const [before, after] = t('time.zoneNote', { zone: '\u0000' }).split('\u0000');
  return (
    <p className="muted time-zone-note" data-time-zone={timeZone}>
      {before}
      <span translate="no">{timeZone}</span>
      {after}
    </p>
  );
}
