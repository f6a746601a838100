import { en, type MessageKey } from '../../i18n/messages/en';
import type { Translate } from '../../i18n/translate';
import type { Job, JobRun } from './jobsApi';

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** What the job does in the reader's language; the server's English description for a job the SPA does not know yet. */
export function jobDescription(job: Pick<Job, 'name' | 'description'>, t: Translate): string {
  const key = `jobs.description.${job.name}`;
  return isMessageKey(key) ? t(key) : job.description;
}

/** "every 5 min", "hourly at :40", "daily at 03:00 UTC" in the reader's language, from the interval and UTC offset in seconds. */
export function jobSchedule(job: Pick<Job, 'intervalSeconds' | 'offsetSeconds'>, t: Translate): string {
  const interval = job.intervalSeconds;
  const offset = job.offsetSeconds;
  if (interval >= day && interval % day === 0) {
    const time = `${pad(Math.floor(offset / hour))}:${pad(Math.floor((offset % hour) / minute))}`;
    return interval === day ? t('jobs.schedule.daily', { time }) : t('jobs.schedule.everyDays', { days: interval / day, time });
  }
  if (interval >= hour && interval % hour === 0) {
    const minutes = Math.floor((offset % hour) / minute);
    if (interval === hour) {
      return minutes === 0 ? t('jobs.schedule.hourly') : t('jobs.schedule.hourlyAt', { minute: pad(minutes) });
    }
    return t('jobs.schedule.everyHours', { hours: interval / hour });
  }
  if (interval < minute) {
    return t('jobs.schedule.everySeconds', { seconds: interval });
  }
  return t('jobs.schedule.everyMinutes', { minutes: Math.round(interval / minute) });
}

/** What a run did in the reader's language (from its result code and counts); the English summary for an unknown code. */
export function jobResult(run: Pick<JobRun, 'resultCode' | 'counts' | 'summary'>, t: Translate): string {
  if (run.resultCode) {
    const key = `jobs.result.${run.resultCode}`;
    if (isMessageKey(key)) {
      return t(key, run.counts ?? {});
    }
  }
  return run.summary ?? '';
}
