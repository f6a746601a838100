/** A plan's week (its Monday, yyyy-MM-dd) as a date in the reader's language; calendar dates, so no time zone applies. */
export function formatWeekStart(weekStart: string, language: string): string {
  const [year, month, day] = weekStart.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}
