import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages/en';
import { ru } from '../../i18n/messages/ru';
import { createTranslator } from '../../i18n/translate';
import { jobDescription, jobResult, jobSchedule } from './jobText';

const english = createTranslator({ en, ru }, 'en');
const russian = createTranslator({ en, ru }, 'ru');

describe('jobSchedule', () => {
  it.each([
    [300, 0, 'every 5 min', 'каждые 5 мин'],
    [30, 0, 'every 30 s', 'каждые 30 с'],
    [3600, 0, 'hourly', 'каждый час'],
    [3600, 2400, 'hourly at :40', 'каждый час в :40'],
    [7200, 0, 'every 2 h', 'каждые 2 ч'],
    [86400, 3 * 3600, 'daily at 03:00 UTC', 'ежедневно в 03:00 UTC'],
  ])('%i s from %i → %s / %s', (intervalSeconds, offsetSeconds, inEnglish, inRussian) => {
    expect(jobSchedule({ intervalSeconds, offsetSeconds }, english)).toBe(inEnglish);
    expect(jobSchedule({ intervalSeconds, offsetSeconds }, russian)).toBe(inRussian);
  });
});

describe('jobResult', () => {
  it('words a known result code with its counts', () => {
    const run = { resultCode: 'remindersSent', counts: { sent: 0 }, summary: '0 reminder(s) sent' };
    expect(jobResult(run, english)).toBe('Reminders sent: 0');
    expect(jobResult(run, russian)).toBe('Отправлено напоминаний: 0');
  });

  it('falls back to the server summary for an unknown code', () => {
    expect(jobResult({ resultCode: 'somethingNew', counts: { n: 1 }, summary: '1 thing' }, russian)).toBe('1 thing');
    expect(jobResult({ resultCode: null, counts: null, summary: null }, russian)).toBe('');
  });
});

describe('jobDescription', () => {
  it('translates a known job and keeps the server text for an unknown one', () => {
    expect(jobDescription({ name: 'lesson-reminders', description: 'x' }, russian)).toMatch(/Напомина/);
    expect(jobDescription({ name: 'new-job', description: 'Does new things' }, russian)).toBe('Does new things');
  });
});
