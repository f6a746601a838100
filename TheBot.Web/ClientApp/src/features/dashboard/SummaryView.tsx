import { useI18n } from '../../i18n/I18nContext';
import { columnsOf, humanizeKey, isIsoDateTime, isPlainObject } from './summaryFormat';

/**
 * Renders any JSON value readably: objects as labelled sections, lists of objects as tables, other lists as
 * bullet lists, timestamps in the user's language. Used until each role's dashboard gets its own view.
 */
export function SummaryView({ value, depth = 0 }: { value: unknown; depth?: number }) {
  const { t } = useI18n();
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return <p className="muted">{t('common.empty')}</p>;
    }
    if (value.every(isPlainObject)) {
      return <SummaryTable rows={value} depth={depth} />;
    }
    return (
      <ul className="summary-list">
        {value.map((item, index) => (
          <li key={index}>
            <SummaryView value={item} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      return <p className="muted">{t('common.empty')}</p>;
    }
    return (
      <dl className={depth === 0 ? 'summary' : 'summary summary--nested'}>
        {entries.map(([key, item]) => (
          <div className="summary__item" key={key}>
            <dt>{humanizeKey(key)}</dt>
            <dd>
              <SummaryView value={item} depth={depth + 1} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <SummaryScalar value={value} />;
}

function SummaryTable({ rows, depth }: { rows: readonly Record<string, unknown>[]; depth: number }) {
  const columns = columnsOf(rows);
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {humanizeKey(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column}>
                  <SummaryView value={row[column]} depth={depth + 1} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SummaryScalar({ value }: { value: unknown }) {
  const { t, formatDateTime } = useI18n();
  if (value === null || value === undefined || value === '') {
    return <span className="muted">{t('common.notSet')}</span>;
  }
  if (typeof value === 'boolean') {
    return <>{value ? t('common.yes') : t('common.no')}</>;
  }
  if (typeof value === 'string' && isIsoDateTime(value)) {
    return <time dateTime={value}>{formatDateTime(value)}</time>;
  }
  return <>{String(value)}</>;
}
