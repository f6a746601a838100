import { describe, expect, it } from 'vitest';
import { pickLanguage, languageOfTag } from './language';
import { en } from './messages/en';
import { ru } from './messages/ru';
import { createTranslator, interpolate } from './translate';

describe('translator', () => {
  it('uses the chosen language', () => {
    const t = createTranslator({ en, ru }, 'ru');
    expect(t('signIn.title')).toBe('Вход');
  });

  it('falls back to English for a key the language lacks', () => {
    const t = createTranslator({ en, ru: { 'signIn.title': 'Вход' } }, 'ru');
    expect(t('signIn.title')).toBe('Вход');
    expect(t('signIn.password')).toBe('Password');
  });

  it('falls back to the built-in English when the English catalogue lacks it too', () => {
    const t = createTranslator({ en: {}, ru: {} }, 'ru');
    expect(t('apply.submit')).toBe('Send application');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator({ en, ru }, 'en');
    expect(t('dashboard.greeting', { name: 'Anna' })).toBe('Hello, Anna!');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('has a Russian text for every English key', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const value of Object.values(ru)) {
      expect(value.trim()).not.toBe('');
    }
  });
});

describe('pickLanguage', () => {
  it('prefers the signed-in profile, then the choice made on this device, then the browser', () => {
    expect(pickLanguage({ chosen: 'en', profile: 'ru', browser: ['en-GB'] })).toBe('ru');
    expect(pickLanguage({ chosen: 'en', profile: null, browser: ['ru-RU'] })).toBe('en');
    expect(pickLanguage({ chosen: null, profile: 'ru', browser: ['en-US'] })).toBe('ru');
    expect(pickLanguage({ browser: ['de-DE', 'ru-RU', 'en'] })).toBe('ru');
  });

  it('defaults to English when nothing matches', () => {
    expect(pickLanguage({ chosen: 'fr', browser: ['de', 'uk-UA'] })).toBe('en');
    expect(pickLanguage({})).toBe('en');
  });

  it('reads primary language subtags', () => {
    expect(languageOfTag('RU_ru')).toBe('ru');
    expect(languageOfTag('en-GB')).toBe('en');
    expect(languageOfTag('kk-KZ')).toBeNull();
  });
});
