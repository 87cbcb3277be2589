import { useMemo } from 'react';
import type { InsightsMessages } from '../provider/messages';
import { useReleasesContext } from '../provider/ReleasesProvider';
import { durationFormatter } from '../internal/time';
import type { DeliveryKeyId, DeliveryTrend } from 'gitops-releases/headless';

/** How the view writes its numbers, all in the provider's locale through `Intl`. */
export interface InsightsFormat {
  /** Counts: 1,234. */
  count: (value: number) => string;
  /** Rates of deployments: one decimal at most (3.1). */
  decimal: (value: number) => string;
  /** The same, with its sign (+0.6, −1.2). */
  signedDecimal: (value: number) => string;
  /** A rate from 0 to 1 as a percentage, one decimal at most (12.5%). */
  percent: (value: number) => string;
  /** The same, with its sign (+57%). */
  signedPercent: (value: number) => string;
  /** Durations in the locale's narrow units, rounded by `roundDuration` (4h 12m). */
  duration: (ms: number) => string;
  /** A bucket's start: its UTC day, as the series cuts them (Mar 9, 2026). */
  day: (iso: string) => string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A median's precision, as a reader wants it: whole hours from a day on, whole minutes from an
 * hour, whole seconds below ("2d 5h", "4h 12m", "5m 29s", never "7h 26m 59s").
 */
export function roundDuration(ms: number): number {
  const unit = ms >= DAY ? HOUR : ms >= HOUR ? MINUTE : SECOND;
  return Math.round(ms / unit) * unit;
}

const cache = /* @__PURE__ */ new Map<string, InsightsFormat>();

export function insightsFormat(locale: string): InsightsFormat {
  let format = cache.get(locale);
  if (!format) {
    const number = (options: Intl.NumberFormatOptions) => {
      const intl = new Intl.NumberFormat(locale, options);
      return (value: number) => intl.format(value);
    };
    const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const duration = durationFormatter(locale);
    format = {
      count: number({}),
      decimal: number({ maximumFractionDigits: 1 }),
      signedDecimal: number({ maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
      percent: number({ style: 'percent', maximumFractionDigits: 1 }),
      signedPercent: number({ style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
      duration: (ms) => duration(roundDuration(ms)),
      day: (iso) => {
        const ms = Date.parse(iso);
        return Number.isFinite(ms) ? days.format(ms) : iso;
      },
    };
    cache.set(locale, format);
  }
  return format;
}

export function useInsightsFormat(): InsightsFormat {
  const { locale } = useReleasesContext();
  return useMemo(() => insightsFormat(locale), [locale]);
}

/** Deployments per day in friendly units: per day from one a day (or none), else per week. */
export function frequencyText(perDay: number, text: InsightsMessages, format: InsightsFormat): string {
  return perDay === 0 || perDay >= 1 ? text.perDay(perDay, format.decimal) : text.perWeek(perDay * 7, format.decimal);
}

/** A key's value as the tile writes it. */
export function keyText(id: DeliveryKeyId, value: number | null, text: InsightsMessages, format: InsightsFormat): string {
  if (value === null || !Number.isFinite(value)) return text.noData;
  switch (id) {
    case 'deploymentFrequency':
      return frequencyText(value, text, format);
    case 'changeFailRate':
      return format.percent(value);
    default:
      return format.duration(value);
  }
}

/** A series' value as its chart's table and summary write it (deployments per bucket are counts). */
export function seriesValueText(id: DeliveryKeyId, value: number, format: InsightsFormat): string {
  switch (id) {
    case 'deploymentFrequency':
      return format.decimal(value);
    case 'changeFailRate':
      return format.percent(value);
    default:
      return format.duration(value);
  }
}

/** How much a key moved: a relative change (+57%), fail-rate points (+4 pts), or the difference in its unit. */
export function changeText(id: DeliveryKeyId, trend: DeliveryTrend, text: InsightsMessages, format: InsightsFormat): string {
  if (trend.relative !== undefined) return format.signedPercent(trend.relative);
  switch (id) {
    case 'changeFailRate':
      return text.points(trend.absolute * 100, format.signedDecimal);
    case 'deploymentFrequency':
      return text.perDay(trend.absolute, format.signedDecimal);
    default:
      return `${trend.absolute < 0 ? '−' : '+'}${format.duration(Math.abs(trend.absolute))}`;
  }
}
