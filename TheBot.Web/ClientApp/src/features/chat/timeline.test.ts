import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chatApi';
import { buildTimeline, dayName, firstUnreadId } from './timeline';

function message(id: string, author: string, createdAt: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    roomId: 'r1',
    author: { id: author, fullName: author, role: 'teacher' },
    text: `text ${id}`,
    clientMessageId: null,
    createdAt,
    editedAt: null,
    edited: false,
    deleted: false,
    ...extra,
  };
}

const shape = (messages: ChatMessage[], timeZone: string, breakBefore: string | null = null) =>
  buildTimeline(messages, { timeZone, breakBefore }).map((day) => ({ day: day.day, runs: day.runs.map((run) => run.messages.map((m) => m.id)) }));

describe('buildTimeline', () => {
  it('puts one author’s messages a few minutes apart in one run', () => {
    const messages = [
      message('a1', 'ann', '2026-12-01T10:00:00Z'),
      message('a2', 'ann', '2026-12-01T10:02:00Z'),
      message('a3', 'ann', '2026-12-01T10:07:00Z'),
      message('b1', 'bob', '2026-12-01T10:08:00Z'),
      message('a4', 'ann', '2026-12-01T10:09:00Z'),
    ];
    expect(shape(messages, 'UTC')).toEqual([{ day: '2026-12-01', runs: [['a1', 'a2', 'a3'], ['b1'], ['a4']] }]);
  });

  it('starts a new run after a pause longer than the gap', () => {
    const messages = [message('a1', 'ann', '2026-12-01T10:00:00Z'), message('a2', 'ann', '2026-12-01T10:05:01Z')];
    expect(shape(messages, 'UTC')[0]?.runs).toEqual([['a1'], ['a2']]);
    expect(buildTimeline(messages, { timeZone: 'UTC', runGapMinutes: 10 })[0]?.runs).toHaveLength(1);
  });

  it('separates days at midnight in the reader’s zone, not UTC', () => {
    // 20:30 and 21:30 UTC on 1 December: the same day in UTC, but 23:30 and 00:30 in Moscow (UTC+3).
    const messages = [message('a1', 'ann', '2026-12-01T20:30:00Z'), message('a2', 'ann', '2026-12-01T21:30:00Z')];
    expect(shape(messages, 'UTC')).toEqual([{ day: '2026-12-01', runs: [['a1'], ['a2']] }]);
    expect(shape(messages, 'Europe/Moscow')).toEqual([
      { day: '2026-12-01', runs: [['a1']] },
      { day: '2026-12-02', runs: [['a2']] },
    ]);
  });

  it('never continues a run across a day separator, even within the gap', () => {
    const messages = [message('a1', 'ann', '2026-12-01T23:59:00Z'), message('a2', 'ann', '2026-12-02T00:01:00Z')];
    expect(shape(messages, 'UTC')).toEqual([
      { day: '2026-12-01', runs: [['a1']] },
      { day: '2026-12-02', runs: [['a2']] },
    ]);
  });

  it('starts a run at the unread divider', () => {
    const messages = [
      message('b1', 'bob', '2026-12-01T10:00:00Z'),
      message('b2', 'bob', '2026-12-01T10:01:00Z'),
      message('b3', 'bob', '2026-12-01T10:02:00Z'),
    ];
    expect(shape(messages, 'UTC', 'b2')[0]?.runs).toEqual([['b1'], ['b2', 'b3']]);
  });

  it('keys runs by their first message and keeps deleted and pending messages in place', () => {
    const messages = [
      message('a1', 'ann', '2026-12-01T10:00:00Z'),
      message('a2', 'ann', '2026-12-01T10:01:00Z', { deleted: true, text: '' }),
      message('pending:x', 'ann', '2026-12-01T10:02:00Z', { pending: true }),
    ];
    const [day] = buildTimeline(messages, { timeZone: 'UTC' });
    expect(day?.runs).toHaveLength(1);
    expect(day?.runs[0]?.key).toBe('a1');
    expect(day?.runs[0]?.authorId).toBe('ann');
    expect(day?.runs[0]?.messages.map((m) => m.id)).toEqual(['a1', 'a2', 'pending:x']);
  });

  it('is empty for no messages', () => {
    expect(buildTimeline([], { timeZone: 'UTC' })).toEqual([]);
  });
});

describe('dayName', () => {
  const now = new Date('2026-12-02T21:30:00Z'); // 00:30 on 3 December in Moscow
  it('names today and yesterday in the reader’s zone', () => {
    expect(dayName('2026-12-03', now, 'Europe/Moscow')).toBe('today');
    expect(dayName('2026-12-02', now, 'Europe/Moscow')).toBe('yesterday');
    expect(dayName('2026-12-01', now, 'Europe/Moscow')).toBe('date');
    expect(dayName('2026-12-02', now, 'UTC')).toBe('today');
    expect(dayName('2026-12-01', now, 'UTC')).toBe('yesterday');
  });

  it('knows yesterday across a daylight-saving change', () => {
    // London moved its clocks back on 25 October 2026: that day had 25 hours.
    expect(dayName('2026-10-25', new Date('2026-10-26T00:30:00Z'), 'Europe/London')).toBe('yesterday');
    expect(dayName('2026-10-24', new Date('2026-10-26T00:30:00Z'), 'Europe/London')).toBe('date');
  });
});

describe('firstUnreadId', () => {
  const messages = [
    message('b1', 'bob', '2026-12-01T10:00:00Z'),
    message('m1', 'me', '2026-12-01T10:05:00Z'),
    message('b2', 'bob', '2026-12-01T10:06:00Z'),
    message('b3', 'bob', '2026-12-01T10:07:00Z'),
  ];
  it('is the first message from someone else after my read position', () => {
    expect(firstUnreadId(messages, 'me', '2026-12-01T10:05:30Z')).toBe('b2');
    expect(firstUnreadId(messages, 'me', '2026-12-01T10:00:00Z')).toBe('b2');
  });
  it('is null when I have read everything', () => {
    expect(firstUnreadId(messages, 'me', '2026-12-01T10:07:00Z')).toBeNull();
  });
  it('is the first message of others when I never read the room', () => {
    expect(firstUnreadId(messages, 'me', null)).toBe('b1');
    expect(firstUnreadId([], 'me', null)).toBeNull();
  });
});
