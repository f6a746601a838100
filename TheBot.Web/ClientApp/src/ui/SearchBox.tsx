import { useState, type FormEvent } from 'react';
import { Search } from 'lucide-react';
import { useI18n } from '../i18n/I18nContext';

/** A search field with its button; the search runs on submit (Enter), not on every key. */
export function SearchBox({ label, onSearch, name = 'search' }: { label: string; onSearch: (value: string) => void; name?: string }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form className="search" role="search" onSubmit={submit}>
      <label className="field__label" htmlFor={name}>
        {label}
      </label>
      <div className="search__row">
        <input className="field__control" id={name} name={name} type="search" value={value} onChange={(event) => setValue(event.target.value)} />
        <button type="submit" className="button button--secondary">
          <Search className="icon" size={18} aria-hidden="true" focusable="false" />
          {t('common.search')}
        </button>
      </div>
    </form>
  );
}
