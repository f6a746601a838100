import { describe, expect, it } from 'vitest';
import { internalLink, NOTIFICATION_TYPES, notificationTypesFor } from './notificationsApi';

describe('notification links', () => {
  it('follows only paths of this site', () => {
    expect(internalLink('/schedule?lesson=1')).toBe('/schedule?lesson=1');
    expect(internalLink('//evil.example/x')).toBeNull();
    expect(internalLink('https://evil.example/x')).toBeNull();
    expect(internalLink('javascript:alert(1)')).toBeNull();
    expect(internalLink(null)).toBeNull();
  });
});

describe('notification types in the settings', () => {
  it('offers each role the types it can receive', () => {
    expect(notificationTypesFor('parent')).toContain('reportSent');
    expect(notificationTypesFor('parent')).toContain('grade');
    expect(notificationTypesFor('parent')).not.toContain('applicationDecided');
    expect(notificationTypesFor('admin')).toContain('applicationDecided');
    expect(notificationTypesFor('admin')).toContain('applicationSubmitted');
    expect(notificationTypesFor('tutor')).not.toContain('applicationSubmitted');
    expect(notificationTypesFor('student')).not.toContain('reportSent');
    expect(notificationTypesFor('student')).toEqual(expect.arrayContaining(['lessonBooked', 'lessonMoved', 'lessonConfirmed', 'lessonCancelled', 'assignment']));
    expect(NOTIFICATION_TYPES).not.toContain('lessonChanged');
  });
});
