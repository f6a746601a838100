import { useI18n } from '../../i18n/I18nContext';
import { formatWeekStart } from '../studyplans/weeks';
import type { TrendPoint } from './weeklyReportsApi';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 36, left: 40 };

/**
 * Attendance and average score per week as two lines (0–100 %), drawn as inline SVG; the same figures follow it
 * as a table, which is what screen readers read (the drawing is hidden from them).
 */
export function TrendChart({ points }: { points: readonly TrendPoint[] }) {
  const { t, language } = useI18n();
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (points.length === 1 ? innerWidth / 2 : (index * innerWidth) / (points.length - 1));
  const y = (value: number) => PAD.top + innerHeight - (value * innerHeight) / 100;
  const line = (pick: (point: TrendPoint) => number | null) =>
    points
      .map((point, index) => ({ value: pick(point), index }))
      .filter((point): point is { value: number; index: number } => point.value !== null)
      .map((point) => `${x(point.index)},${y(point.value)}`)
      .join(' ');
  const shortWeek = (week: string) => formatWeekStart(week, language).replace(/\s?\d{4}\s?г?\.?$/u, '');
  return (
    <figure className="chart trend-chart" aria-labelledby="weekly-trend-caption">
      <figcaption id="weekly-trend-caption" className="chart__caption">
        {t('weeklyReports.trendTitle')}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="trend-chart__svg" aria-hidden="true" focusable="false">
        {[0, 50, 100].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="trend-chart__grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="trend-chart__label">
              {tick}%
            </text>
          </g>
        ))}
        {points.map((point, index) => (
          <text key={point.weekStart} x={x(index)} y={HEIGHT - 12} textAnchor="middle" className="trend-chart__label">
            {shortWeek(point.weekStart)}
          </text>
        ))}
        <polyline points={line((p) => p.attendance)} className="trend-chart__line trend-chart__line--attendance" />
        <polyline points={line((p) => p.averageScore)} className="trend-chart__line trend-chart__line--score" />
        {points.map((point, index) => (
          <g key={`dots-${point.weekStart}`}>
            {point.attendance !== null ? <circle cx={x(index)} cy={y(point.attendance)} r={4} className="trend-chart__dot--attendance" /> : null}
            {point.averageScore !== null ? <rect x={x(index) - 4} y={y(point.averageScore) - 4} width={8} height={8} className="trend-chart__dot--score" /> : null}
          </g>
        ))}
      </svg>
      <ul className="trend-chart__legend" aria-hidden="true">
        <li className="trend-chart__key trend-chart__key--attendance">{t('weeklyReports.attendance')}</li>
        <li className="trend-chart__key trend-chart__key--score">{t('weeklyReports.averageScore')}</li>
      </ul>
      <table className="table visually-hidden">
        <caption>{t('weeklyReports.trendTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('weeklyReports.weekColumn')}</th>
            <th scope="col">{t('weeklyReports.attendance')}</th>
            <th scope="col">{t('weeklyReports.averageScore')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.weekStart}>
              <th scope="row">{formatWeekStart(point.weekStart, language)}</th>
              <td>{point.attendance === null ? '—' : `${point.attendance}%`}</td>
              <td>{point.averageScore === null ? '—' : `${point.averageScore}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
