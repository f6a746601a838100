import type { Role } from '../../auth/types';
import type { InvoiceStatus } from './invoicesApi';

export type InvoiceAction = 'edit' | 'send' | 'cancel' | 'markViewed' | 'pay';

const PAYABLE: readonly InvoiceStatus[] = ['sent', 'viewed', 'overdue'];

/**
 * What one person may do with an invoice in its current state — the API's workflow seen from the
 * buttons: tutors (and admins) edit and send drafts and cancel anything unpaid; the parent marks a sent
 * invoice viewed and pays what is payable. Students and teachers never see invoices.
 */
export function availableActions(status: InvoiceStatus, role: Role): InvoiceAction[] {
  switch (role) {
    case 'tutor':
    case 'admin': {
      const actions: InvoiceAction[] = [];
      if (status === 'draft') {
        actions.push('edit', 'send');
      }
      if (status !== 'paid' && status !== 'cancelled') {
        actions.push('cancel');
      }
      return actions;
    }
    case 'parent': {
      const actions: InvoiceAction[] = [];
      if (status === 'sent') {
        actions.push('markViewed');
      }
      if (PAYABLE.includes(status)) {
        actions.push('pay');
      }
      return actions;
    }
    default:
      return [];
  }
}

/** Settled invoices no longer change; the page stops expecting news about them. */
export function isFinal(status: InvoiceStatus): boolean {
  return status === 'paid' || status === 'cancelled';
}

/** The tone of an invoice's status badge. */
export function statusTone(status: InvoiceStatus): 'neutral' | 'pending' | 'approved' | 'rejected' {
  switch (status) {
    case 'paid':
      return 'approved';
    case 'overdue':
    case 'cancelled':
      return 'rejected';
    case 'sent':
    case 'viewed':
      return 'pending';
    default:
      return 'neutral';
  }
}

/** Today's date as yyyy-mm-dd in the browser's calendar, for date inputs' min. */
export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A due date a fortnight from now, the default for a new invoice. */
export function defaultDueDate(now: Date = new Date()): string {
  return todayIso(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 14));
}
