import { useMemo, useState } from 'react';
import { matchesSearch, sortByLabel } from '../format/collation';
import { useI18n } from '../i18n/I18nContext';
import { SelectField, type SelectFieldProps } from './SelectField';

/** From this many choices on, a picker of people gets a search box. */
export const SEARCHABLE_FROM = 8;

/**
 * A picker of people (or of anything named): choices in the reader's collation, and from {@link SEARCHABLE_FROM}
 * choices on a search box that narrows the list (the chosen one always stays).
 */
export function PersonSelectField({ options, value, label, name, ...props }: SelectFieldProps) {
  const { t, language } = useI18n();
  const [search, setSearch] = useState('');
  const sorted = useMemo(() => sortByLabel(options, (option) => option.label, language), [options, language]);
  const searchable = sorted.length >= SEARCHABLE_FROM;
  const shown = searchable ? sorted.filter((option) => option.value === value || matchesSearch(option.label, search, language)) : sorted;
  return (
    <div className="picker">
      <SelectField {...props} name={name} label={label} value={value} options={shown} />
      {searchable ? (
        <input
          type="search"
          className="field__control picker__search"
          name={`${name}Search`}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder={t('picker.search')}
          aria-label={t('picker.search')}
          aria-controls={name}
        />
      ) : null}
    </div>
  );
}
