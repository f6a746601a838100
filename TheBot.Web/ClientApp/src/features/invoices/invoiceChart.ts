import type { InvoiceStatistics } from './invoicesApi';

export interface TotalsRow {
  currency: string;
  outstanding: number;
  overdue: number;
  paidThisMonth: number;
}

/**
 * The chart's rows: one group of bars per currency (amounts in different currencies are never added up),
 * currencies with nothing to show left out.
 */
export function totalsRows(statistics: InvoiceStatistics): TotalsRow[] {
  return statistics.totals
    .filter((row) => row.outstanding > 0 || row.overdue > 0 || row.paidThisMonth > 0)
    .map((row) => ({ currency: row.currency, outstanding: row.outstanding, overdue: row.overdue, paidThisMonth: row.paidThisMonth }));
}
