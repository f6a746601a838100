// Lighthouse scores of the sign-in page, the student's dashboard and the teacher's calendar, at desktop and mobile
// settings, with Debian's Chromium (no browser download). Signs the people in through the sign-in page first.
//
//   node scripts/lighthouse.mjs --base http://localhost:5000 --student EMAIL:PASSWORD --teacher EMAIL:PASSWORD [--out scores.json]
//
// Writes [{ page, formFactor, performance, accessibility, bestPractices, seo, metrics, opportunities, failed, retried }]
// (scores 0-100) to --out or stdout. An audit whose trace Lighthouse failed to record is run again, up to 3 times
// (`retried` lists why); any other failure ends the run.
// THEBOT_CHROMIUM overrides /usr/bin/chromium.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    student: { type: 'string' },
    teacher: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!values.base || !values.student || !values.teacher) {
  console.error('Usage: node scripts/lighthouse.mjs --base URL --student EMAIL:PASSWORD --teacher EMAIL:PASSWORD [--out FILE]');
  process.exit(2);
}

const base = values.base.replace(/\/$/, '');
const chromium = process.env.THEBOT_CHROMIUM || '/usr/bin/chromium';
const mobileConfig = { extends: 'lighthouse:default' };
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Who is signed in (null: no one) and which page is audited. */
const audits = [
  { page: 'sign-in', person: null, path: '/sign-in' },
  { page: 'student-dashboard', person: values.student, path: '/dashboard' },
  { page: 'teacher-calendar', person: values.teacher, path: '/schedule' },
];

async function signIn(page, person) {
  const colon = person.indexOf(':');
  // Not 'networkidle': a signed-in page keeps its live-updates connection open.
  await page.goto(`${base}/sign-in`, { waitUntil: 'load' });
  await page.waitForSelector('input[type=email]');
  await page.type('input[type=email]', person.slice(0, colon));
  await page.type('input[type=password]', person.slice(colon + 1));
  await Promise.all([page.waitForFunction(() => location.pathname === '/dashboard'), page.click('button[type=submit]')]);
  await page.waitForSelector('main h1');
}

/**
 * Lighthouse's own "please run Lighthouse again" failures: its trace of the page load missed an event (on a busy
 * machine the browser sometimes drops the first navigation's markers). Not a page that failed to draw: NO_FCP and
 * NO_LCP (nothing painted) still fail the run at once.
 */
const traceRecordingErrors = new Set(['NO_TRACING_STARTED', 'NO_RESOURCE_REQUEST', 'NO_NAVSTART', 'NO_DCL', 'PROTOCOL_TIMEOUT']);
const attemptsPerAudit = 3;

class TraceRecordingError extends Error {}

const results = [];
for (const audit of audits) {
  for (const formFactor of ['desktop', 'mobile']) {
    const retried = [];
    for (let attempt = 1; ; attempt++) {
      try {
        results.push({ ...(await run(audit, formFactor)), retried });
        break;
      } catch (error) {
        if (!(error instanceof TraceRecordingError) || attempt === attemptsPerAudit) {
          throw error;
        }
        retried.push(error.message);
        console.error(`${error.message}; running it again (attempt ${attempt + 1} of ${attemptsPerAudit})`);
      }
    }
  }
}

const json = JSON.stringify(results, null, 2);
if (values.out) {
  await writeFile(values.out, json);
} else {
  console.log(json);
}

async function run(audit, formFactor) {
  // A fresh browser (cold caches, no service worker yet) per audit, as a first visit.
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    if (audit.person) {
      await signIn(page, audit.person);
    }
    const config = formFactor === 'desktop' ? desktopConfig : mobileConfig;
    // Storage is kept: the refresh cookie is what signs the person in on the audited page.
    const flags = { onlyCategories: categories, disableStorageReset: true, logLevel: 'error', output: 'json' };
    const runner = await lighthouse(`${base}${audit.path}`, flags, config, page);
    const lhr = runner?.lhr;
    if (lhr && traceRecordingErrors.has(lhr.runtimeError?.code)) {
      throw new TraceRecordingError(`${audit.page} (${formFactor}): ${lhr.runtimeError.code}`);
    }
    if (!lhr || lhr.runtimeError) {
      throw new Error(`${audit.page} (${formFactor}): ${lhr?.runtimeError?.message ?? 'no result'}`);
    }
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const result = {
      page: audit.page,
      formFactor,
      url: lhr.finalDisplayedUrl,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      // The metrics behind the performance score (ms; CLS unitless), to tell a slow page from a busy machine.
      metrics: {
        fcp: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? 0),
        lcp: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
        tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
        speedIndex: Math.round(lhr.audits['speed-index']?.numericValue ?? 0),
        cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
      },
      // What costs performance most, to act on.
      opportunities: Object.values(lhr.audits)
        .filter((a) => a.details?.type === 'opportunity' && (a.numericValue ?? 0) > 0 && a.score !== null && a.score < 0.9)
        .map((a) => `${a.id}: ${Math.round(a.numericValue)} ms`),
      failed: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id),
      // Where the main thread's time went: by kind of work, and the scripts that took most (ms).
      mainThread: (lhr.audits['mainthread-work-breakdown']?.details?.items ?? [])
        .slice(0, 5)
        .map((item) => `${item.groupLabel ?? item.group}: ${Math.round(item.duration)}`),
      // What moved, when the page shifted its layout (CSS selector and the shift's score).
      shifts: (lhr.audits['layout-shifts']?.details?.items ?? [])
        .slice(0, 5)
        .map((item) => `${item.node?.selector ?? item.node?.snippet ?? '?'}: ${Number(item.score ?? 0).toFixed(3)}`),
      scripts: (lhr.audits['bootup-time']?.details?.items ?? [])
        .slice(0, 5)
        .map((item) => `${String(item.url).replace(/^https?:\/\/[^/]+/, '')}: ${Math.round(item.scripting ?? 0)}`),
    };
    const m = result.metrics;
    console.error(
      `${audit.page} ${formFactor}: perf ${result.performance}, a11y ${result.accessibility}, bp ${result.bestPractices}, seo ${result.seo}` +
        ` (FCP ${m.fcp} ms, LCP ${m.lcp} ms, TBT ${m.tbt} ms, CLS ${m.cls})`,
    );
    return result;
  } finally {
    await browser.close();
  }
}
