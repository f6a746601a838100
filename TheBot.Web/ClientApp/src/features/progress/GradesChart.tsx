import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/I18nContext';
import type { ChartPoint } from './progressApi';

/** Grades over time as a line of percentages; the same grades are listed in the table below it. */
export function GradesChart({ points }: { points: readonly ChartPoint[] }) {
  const { t, language, timeZone } = useI18n();
  const date = new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'short', timeZone });
  return (
    <figure className="chart" aria-label={t('progress.chartTitle')}>
      <figcaption className="chart__caption">{t('progress.chartTitle')}</figcaption>
      <div className="chart__area">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(value: number) => date.format(value)} />
            <YAxis domain={[0, 100]} unit="%" />
            <Tooltip
              labelFormatter={(value) => date.format(Number(value))}
              formatter={(value, _name, item) => [`${String(value)}%`, (item.payload as ChartPoint).assignment]}
            />
            <Line type="monotone" dataKey="percent" name={t('progress.percent')} stroke="#1d4ed8" strokeWidth={2} dot isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
