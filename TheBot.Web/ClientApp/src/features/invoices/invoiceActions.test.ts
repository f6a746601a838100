import { describe, expect, it } from 'vitest';
import { availableActions, defaultDueDate, isFinal, statusTone, todayIso } from './invoiceActions';

describe('availableActions', () => {
  it('lets the tutor edit, send and cancel a draft', () => {
    expect(availableActions('draft', 'tutor')).toEqual(['edit', 'send', 'cancel']);
  });

  it.each(['sent', 'viewed', 'overdue'] as const)('lets the tutor only cancel a %s invoice', (status) => {
    expect(availableActions(status, 'tutor')).toEqual(['cancel']);
  });

  it.each(['paid', 'cancelled'] as const)('leaves nothing to do with a %s invoice', (status) => {
    expect(availableActions(status, 'tutor')).toEqual([]);
    expect(availableActions(status, 'parent')).toEqual([]);
    expect(availableActions(status, 'admin')).toEqual([]);
  });

  it('gives admins the tutor buttons', () => {
    expect(availableActions('draft', 'admin')).toEqual(['edit', 'send', 'cancel']);
  });

  it('lets the parent mark a sent invoice viewed and pay it', () => {
    expect(availableActions('sent', 'parent')).toEqual(['markViewed', 'pay']);
  });

  it.each(['viewed', 'overdue'] as const)('lets the parent pay a %s invoice', (status) => {
    expect(availableActions(status, 'parent')).toEqual(['pay']);
  });

  it('never shows the parent a draft action', () => {
    expect(availableActions('draft', 'parent')).toEqual([]);
  });

  it.each(['student', 'teacher'] as const)('gives a %s nothing', (role) => {
    expect(availableActions('sent', role)).toEqual([]);
  });
});

describe('invoice helpers', () => {
  it('knows the final states', () => {
    expect(isFinal('paid')).toBe(true);
    expect(isFinal('cancelled')).toBe(true);
    expect(isFinal('overdue')).toBe(false);
  });

  it('colours statuses', () => {
    expect(statusTone('paid')).toBe('approved');
    expect(statusTone('overdue')).toBe('rejected');
    expect(statusTone('draft')).toBe('neutral');
    expect(statusTone('viewed')).toBe('pending');
  });

  it('writes dates for date inputs', () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(defaultDueDate(new Date(2026, 11, 25))).toBe('2027-01-08');
  });
});
