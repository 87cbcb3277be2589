import { useId, useState, type ReactNode } from 'react';
import { cx } from '../internal/cx';
import type { InsightsMessages } from '../provider/messages';
import type { ValueStreamShare } from 'gitops-releases/headless';

/** The sparkline's drawing box: stretched to the tile's width, strokes kept at their width. */
const WIDTH = 100;
const HEIGHT = 32;
const PAD = 2;

/**
 * The path of a series: a line through its values, broken where a bucket has none, over a linear
 * mapping from 0 (bottom) to the highest value (top). A value alone between gaps is a short dash.
 */
export function sparklinePath(values: readonly (number | null)[]): { line: string; area: string } {
  const highest = values.reduce<number>((max, value) => (value !== null && value > max ? value : max), 0);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : WIDTH;
  const x = (i: number) => (values.length > 1 ? i * step : WIDTH / 2);
  const y = (value: number) => HEIGHT - PAD - (highest > 0 ? (value / highest) * (HEIGHT - 2 * PAD) : 0);
  const runs: Array<Array<[number, number]>> = [];
  let run: Array<[number, number]> | undefined;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      run = undefined;
      return;
    }
    if (!run) runs.push((run = []));
    run.push([x(i), y(value)]);
  });
  const dash = Math.min(step / 2, 2);
  const fmt = (n: number) => Math.round(n * 100) / 100;
  const points = (points: Array<[number, number]>) =>
    points.length === 1 ? [[points[0]![0] - dash, points[0]![1]] as [number, number], [points[0]![0] + dash, points[0]![1]] as [number, number]] : points;
  const line = runs.map((r) => points(r).map(([px, py], i) => `${i ? 'L' : 'M'}${fmt(px)} ${fmt(py)}`).join('')).join('');
  const area = runs
    .map((r) => {
      const p = points(r);
      return `M${fmt(p[0]![0])} ${HEIGHT}${p.map(([px, py]) => `L${fmt(px)} ${fmt(py)}`).join('')}L${fmt(p.at(-1)![0])} ${HEIGHT}Z`;
    })
    .join('');
  return { line, area };
}

/** A "Show as table" button and the table it opens, under a chart. */
export function TableToggle({ title, text, className, children }: { title: string; text: InsightsMessages; className?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button type="button" className="gr-release-insights__toggle" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen((was) => !was)}>
        {text.showTable}
        <span className="gr-visually-hidden">: {title}</span>
      </button>
      {open ? (
        // Focusable, so a table wider than its tile scrolls from the keyboard too.
        <div id={id} className={cx('gr-release-insights__scroller', className)} role="group" aria-label={title} tabIndex={0}>
          {children}
        </div>
      ) : null}
    </>
  );
}

/** A series as a small line chart, named by its summary. */
export function Sparkline({ values, label, className }: { values: readonly (number | null)[]; label: string; className?: string }) {
  const { line, area } = sparklinePath(values);
  return (
    <svg
      className={cx('gr-release-insights__sparkline', className)}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      focusable="false"
    >
      <path className="gr-release-insights__sparkline-area" d={area} />
      <path className="gr-release-insights__sparkline-line" d={line} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

/**
 * The value stream as one stacked bar: a segment per stage, as wide as its share of the time,
 * filled by kind (commit, waiting hatched, running solid) so the kinds differ without colour.
 */
export function StackedBar({ shares, label, stageName }: { shares: readonly ValueStreamShare[]; label: string; stageName: (share: ValueStreamShare) => string }) {
  const id = useId();
  const hatch = `${id}-wait`;
  // Each segment starts where the ones before it end.
  const starts = shares.map((_, index) => shares.slice(0, index).reduce((sum, share) => sum + share.share * 1000, 0));
  return (
    <svg className="gr-release-insights__bar" role="img" aria-label={label} viewBox="0 0 1000 24" preserveAspectRatio="none" focusable="false">
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect className="gr-release-insights__bar-hatch-bg" width="6" height="6" />
          <rect className="gr-release-insights__bar-hatch" width="3" height="6" />
        </pattern>
      </defs>
      {shares.map((share, index) => (
        <rect
          key={index}
          className="gr-release-insights__segment"
          data-kind={share.stage.kind}
          x={starts[index]}
          width={share.share * 1000}
          height="24"
          fill={share.stage.kind === 'wait' ? `url(#${hatch})` : undefined}
        >
          <title>{stageName(share)}</title>
        </rect>
      ))}
    </svg>
  );
}
