/**
 * Amounts of money as people read them in the UI language: "1 500,00 ₽" in Russian, "RUB 1,500.00" or
 * "₽1,500.00" in English. An unknown currency code still shows the amount with the code.
 */
export function formatMoney(amount: number, currency: string, language: string): string {
  const locale = language === 'ru' ? 'ru-RU' : 'en-GB';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)} ${currency}`;
  }
}

/**
 * Reads an amount typed by a person: spaces (also non-breaking) as thousands separators, a comma or a
 * dot as the decimal mark, at most two decimals. Null when it is not a positive amount.
 */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(compact)) {
    return null;
  }
  const value = Number(compact);
  return value > 0 ? value : null;
}

/** An amount for an input field: "1500.5" → "1500.50". */
export function amountInputValue(amount: number): string {
  return amount.toFixed(2);
}
