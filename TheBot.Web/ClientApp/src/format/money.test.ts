import { describe, expect, it } from 'vitest';
import { amountInputValue, formatMoney, parseAmount } from './money';

const normalizeSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('writes roubles the Russian way', () => {
    expect(normalizeSpaces(formatMoney(1500, 'RUB', 'ru'))).toBe('1 500,00 ₽');
  });

  it('writes English amounts with a decimal point and thousands commas', () => {
    expect(formatMoney(1234.5, 'USD', 'en')).toBe('US$1,234.50');
  });

  it('keeps unknown currency codes readable', () => {
    expect(normalizeSpaces(formatMoney(10, 'XYZ1', 'ru'))).toBe('10,00 XYZ1');
  });
});

describe('parseAmount', () => {
  it.each([
    ['1500', 1500],
    ['1 500,50', 1500.5],
    ['1\u00a0500.5', 1500.5],
    ['0.01', 0.01],
  ])('reads %s', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it.each(['', 'abc', '0', '1.234', '-5', '1,2,3'])('refuses %s', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('amountInputValue', () => {
  it('always shows two decimals', () => {
    expect(amountInputValue(1500.5)).toBe('1500.50');
  });
});
