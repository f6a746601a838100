import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/I18nContext';
import type { AttendanceBar } from './progressApi';

const COLORS: Record<AttendanceBar['kind'], string> = { attended: '#166534', missed: '#b91c1c', cancelled: '#92400e' };

/** Lessons attended, missed and cancelled as bars; the same counts are in the figures above it. */
export function AttendanceChart({ bars }: { bars: readonly AttendanceBar[] }) {
  const { t } = useI18n();
  const data = bars.map((bar) => ({ ...bar, label: t(`progress.attendance.${bar.kind}`) }));
  return (
    <figure className="chart chart--small" aria-label={t('progress.attendanceTitle')}>
      <figcaption className="chart__caption">{t('progress.attendanceTitle')}</figcaption>
      <div className="chart__area">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={110} />
            <Tooltip />
            <Bar dataKey="count" name={t('progress.lessons')} isAnimationActive={false}>
              {data.map((bar) => (
                <Cell key={bar.kind} fill={COLORS[bar.kind]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
