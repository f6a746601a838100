/** What a user-agent string says in words people know: the browser's and the system's names (both proper nouns). */
export interface DeviceName {
  browser: string | null;
  os: string | null;
}

const browsers: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\b(iPhone|iPad).*AppleWebKit\//, 'Safari'],
];

const systems: readonly (readonly [RegExp, string])[] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\b(Macintosh|Mac OS X)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** "Mozilla/5.0 (X11; Linux x86_64) … Chrome/131…" → Chrome on Linux; a tool ("curl/8.5.0") by its own name. */
export function parseUserAgent(userAgent: string | null | undefined): DeviceName {
  const text = userAgent?.trim() ?? '';
  if (text === '') {
    return { browser: null, os: null };
  }
  const browser = browsers.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  const os = systems.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  if (browser === null && os === null && !text.startsWith('Mozilla/')) {
    const tool = /^([A-Za-z][\w.-]{0,39})\//.exec(text)?.[1];
    return { browser: tool ?? null, os: null };
  }
  return { browser, os };
}
