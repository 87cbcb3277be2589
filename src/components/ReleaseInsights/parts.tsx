import { useId, type ReactNode } from 'react';
import type { DeliveryKeyId, DeliveryMetrics, EnvironmentMetrics, Release, ValueStreamShare, WorkflowSection } from 'gitops-releases/headless';
import { deliveryKeyChange, deliveryKeySeries, summarizeSeries, valueStreamShares, WORKFLOW_SECTIONS } from '../../headless/internal';
import { cx } from '../internal/cx';
import { FormattedTime } from '../internal/FormattedTime';
import { Link } from '../internal/Link';
import type { CommonMessages, InsightsMessages } from '../provider/messages';
import { Sparkline, StackedBar, TableToggle } from './charts';
import { changeText, keyText, seriesValueText, type InsightsFormat } from './format';

/** What every part of the view reads. */
export interface PartContext {
  metrics: DeliveryMetrics;
  text: InsightsMessages;
  common: CommonMessages;
  format: InsightsFormat;
  /** The window's length in whole days, as the sentences say it. */
  days: number;
  heading: 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}

const TREND_ICONS = {
  up: <path d="M6 10V2M2.5 5.5 6 2l3.5 3.5" />,
  down: <path d="M6 2v8M2.5 6.5 6 10l3.5-3.5" />,
  flat: <path d="M2 6h8" />,
};

/** A cell without a value: a dash the eye reads, and a word for screen readers. */
function None({ common }: { common: CommonMessages }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="gr-visually-hidden">{common.none}</span>
    </>
  );
}

const SERIES_NAMES = { deploymentFrequency: 'deployments', changeLeadTime: 'leadTime', changeFailRate: 'failRate', recoveryTime: 'recoveryTime' } as const;

/** One of the four keys: its value, what it was measured on, its change, and its sparkline. */
export function KeyTile({ id, context, className }: { id: DeliveryKeyId; context: PartContext; className?: string }) {
  const { metrics, text, format, days } = context;
  const titleId = useId();
  const Heading = context.heading;
  const { value: current, previous, trend } = deliveryKeyChange(metrics, id);
  const values = deliveryKeySeries(metrics, id);
  const seriesName = text.series[SERIES_NAMES[id]][metrics.series.length > 0 && isWeekly(metrics) ? 'week' : 'day'];
  const summary = summarizeSeries(values);
  const label = summary
    ? text.chartSummary(
        seriesName,
        days,
        seriesValueText(id, summary.lowest, format),
        seriesValueText(id, summary.highest, format),
        seriesValueText(id, summary.average, format),
        format.count,
      )
    : text.chartEmpty(seriesName, days, format.count);
  return (
    <section className={cx('gr-release-insights__tile', className)} aria-labelledby={titleId} data-key={id}>
      <Heading id={titleId} className="gr-release-insights__tile-title">
        {text.keys[id]}
      </Heading>
      <p className="gr-release-insights__value" data-empty={current === null || undefined}>
        {keyText(id, current, text, format)}
      </p>
      <p className="gr-release-insights__basis">{basisText(id, metrics, text, format)}</p>
      {trend ? (
        <p className="gr-release-insights__trend" data-verdict={trend.verdict} data-direction={trend.direction}>
          <svg className="gr-release-insights__trend-icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            {TREND_ICONS[trend.direction]}
          </svg>
          {trend.direction === 'flat' ? null : <span className="gr-release-insights__change">{changeText(id, trend, text, format)}</span>}
          <span className="gr-release-insights__verdict">{text.verdicts[trend.verdict]}</span>
        </p>
      ) : (
        // Its line kept empty, so the four tiles stay level whether or not each has a trend.
        <p className="gr-release-insights__trend" aria-hidden="true" />
      )}
      <p className="gr-release-insights__previous">
        {previous === null ? text.noPrevious(days, format.count) : text.previous(keyText(id, previous, text, format), days, format.count)}
      </p>
      <Sparkline values={values} label={label} />
      <TableToggle title={seriesName} text={text}>
        <table className="gr-release-insights__table">
          <caption className="gr-visually-hidden">{seriesName}</caption>
          <thead>
            <tr>
              <th scope="col">{text.period}</th>
              <th scope="col" className="gr-release-insights__end">{seriesName}</th>
            </tr>
          </thead>
          <tbody>
            {metrics.series.map((point, i) => (
              <tr key={point.from}>
                <th scope="row" className="gr-release-insights__period">{format.day(point.from)}</th>
                <td className="gr-release-insights__number">{values[i] === null ? <None common={context.common} /> : seriesValueText(id, values[i]!, format)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableToggle>
    </section>
  );
}

/** Buckets longer than a day are weeks. */
function isWeekly(metrics: DeliveryMetrics): boolean {
  return metrics.series.some((point) => Date.parse(point.to) - Date.parse(point.from) > 26 * 60 * 60 * 1000);
}

function basisText(id: DeliveryKeyId, metrics: DeliveryMetrics, text: InsightsMessages, format: InsightsFormat): string {
  switch (id) {
    case 'deploymentFrequency':
      return text.basis.deployments(metrics.deploymentFrequency.deployments, format.count);
    case 'changeLeadTime':
      return text.basis.changes(metrics.changeLeadTime.changes, format.count);
    case 'changeFailRate':
      return text.basis.failures(metrics.changeFailRate.failed, metrics.changeFailRate.deployments, format.count);
    case 'recoveryTime':
      return text.basis.recoveries(metrics.failedDeploymentRecoveryTime.recoveries, metrics.failedDeploymentRecoveryTime.unrecovered, format.count);
  }
}

/** A titled part of the view below the tiles. */
function Section({ title, context, className, children, description }: { title: string; context: PartContext; className?: string; children: ReactNode; description?: string }) {
  const id = useId();
  const Heading = context.heading;
  return (
    <section className={cx('gr-release-insights__section', className)} aria-labelledby={id}>
      <Heading id={id} className="gr-release-insights__section-title">
        {title}
      </Heading>
      {description ? <p className="gr-release-insights__description">{description}</p> : null}
      {children}
    </section>
  );
}

/** Where the time from first commit to production goes: one stacked bar with its legend. */
export function ValueStream({ context, className }: { context: PartContext; className?: string }) {
  const { metrics, text, format, days } = context;
  const words = text.valueStream;
  const { total, shares } = valueStreamShares(metrics.valueStream);
  const stageName = (share: ValueStreamShare) =>
    share.stage.kind === 'commit' ? words.commit : words[share.stage.kind](share.stage.environment ?? '');
  const stageText = (share: ValueStreamShare) => words.stage(stageName(share), format.duration(share.stage.medianMs), format.percent(share.share));
  return (
    <Section title={words.title} description={words.description} context={context} className={className}>
      {shares.length === 0 ? (
        <p className="gr-release-insights__none">{words.empty}</p>
      ) : (
        <>
          <p className="gr-release-insights__total">{format.duration(total)}</p>
          <StackedBar shares={shares} stageName={stageText} label={words.summary(format.duration(total), days, shares.map(stageText).join(', '), format.count)} />
          <ul className="gr-release-insights__legend">
            {shares.map((share, index) => (
              <li key={index} className="gr-release-insights__legend-item">
                <span className="gr-release-insights__swatch" data-kind={share.stage.kind} aria-hidden="true" />
                <span className="gr-release-insights__stage" title={stageName(share)}>
                  {stageName(share)}
                </span>
                <span className="gr-release-insights__number">
                  {format.duration(share.stage.medianMs)} ({format.percent(share.share)})
                </span>
              </li>
            ))}
          </ul>
          <TableToggle title={words.title} text={text}>
            <table className="gr-release-insights__table">
              <caption className="gr-visually-hidden">{words.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.columns.stage}</th>
                  <th scope="col" className="gr-release-insights__end">{words.columns.median}</th>
                  <th scope="col" className="gr-release-insights__end">{words.columns.share}</th>
                </tr>
              </thead>
              <tbody>
                {shares.map((share, index) => (
                  <tr key={index}>
                    <th scope="row">{stageName(share)}</th>
                    <td className="gr-release-insights__number">{format.duration(share.stage.medianMs)}</td>
                    <td className="gr-release-insights__number">{format.percent(share.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableToggle>
        </>
      )}
    </Section>
  );
}

const optional = (value: number | null, write: (value: number) => string, common: CommonMessages) =>
  value === null || !Number.isFinite(value) ? <None common={common} /> : write(value);

/** Runs, outcomes and times per environment. */
export function EnvironmentsTable({ context, className }: { context: PartContext; className?: string }) {
  const { metrics, text, format, common } = context;
  const words = text.environments;
  return (
    <Section title={words.title} context={context} className={className}>
      {metrics.environments.length === 0 ? (
        <p className="gr-release-insights__none">{words.empty}</p>
      ) : (
        <div className="gr-release-insights__scroller" role="group" aria-label={words.title} tabIndex={0} data-scroll>
          <table className="gr-release-insights__table">
            <caption className="gr-visually-hidden">{words.title}</caption>
            <thead>
              <tr>
                <th scope="col">{words.columns.name}</th>
                <th scope="col" className="gr-release-insights__end">{words.columns.runs}</th>
                <th scope="col" className="gr-release-insights__end">{words.columns.succeeded}</th>
                <th scope="col" className="gr-release-insights__end">{words.columns.failed}</th>
                <th scope="col" className="gr-release-insights__end">{words.columns.successRate}</th>
                <th scope="col" className="gr-release-insights__end">{words.columns.medianDuration}</th>
                <th scope="col" className="gr-release-insights__end">{words.columns.medianWait}</th>
              </tr>
            </thead>
            <tbody>
              {metrics.environments.map((environment: EnvironmentMetrics, index) => (
                <tr key={index}>
                  <th scope="row" className="gr-release-insights__name">
                    {environment.name}
                  </th>
                  <td className="gr-release-insights__number">{format.count(environment.runs)}</td>
                  <td className="gr-release-insights__number">{format.count(environment.succeeded)}</td>
                  <td className="gr-release-insights__number" data-failed={environment.failed > 0 || undefined}>
                    {format.count(environment.failed)}
                  </td>
                  <td className="gr-release-insights__number">{optional(environment.successRate, format.percent, common)}</td>
                  <td className="gr-release-insights__number">{optional(environment.medianDurationMs, format.duration, common)}</td>
                  <td className="gr-release-insights__number">{optional(environment.medianWaitMs, format.duration, common)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** A section's words, only for the three known sections (a name from data may be anything). */
function sectionLabel(section: WorkflowSection, common: CommonMessages): string {
  return WORKFLOW_SECTIONS.includes(section) ? common.workflows[section] : String(section);
}

/** The steps that failed, most failures first. */
export function FailingSteps({ context, className }: { context: PartContext; className?: string }) {
  const { metrics, text, format, common } = context;
  const words = text.failingSteps;
  return (
    <Section title={words.title} context={context} className={className}>
      {metrics.failingSteps.length === 0 ? (
        <p className="gr-release-insights__none">{words.empty}</p>
      ) : (
        <div className="gr-release-insights__scroller" role="group" aria-label={words.title} tabIndex={0} data-scroll>
          <table className="gr-release-insights__table">
            <caption className="gr-visually-hidden">{words.title}</caption>
            <thead>
              <tr>
                <th scope="col">{words.columns.step}</th>
                <th scope="col">{words.columns.environment}</th>
                <th scope="col">{words.columns.section}</th>
                <th scope="col" className="gr-release-insights__end">{words.columns.failures}</th>
                <th scope="col" className="gr-release-insights__end">{words.columns.runs}</th>
              </tr>
            </thead>
            <tbody>
              {metrics.failingSteps.map((step, index) => (
                <tr key={index}>
                  <th scope="row" className="gr-release-insights__name">
                    {step.name}
                  </th>
                  <td className="gr-release-insights__name">{step.environment}</td>
                  <td>{sectionLabel(step.section, common)}</td>
                  <td className="gr-release-insights__number" data-failed>
                    {format.count(step.failures)}
                  </td>
                  <td className="gr-release-insights__number">{format.count(step.runs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** A release's short name: its version, else its name, else its id. */
const releaseName = (release: Release) => release.version ?? release.name ?? release.id;

/** The window's failed deployments, newest first, each linked to its release. */
export function FailedDeployments({
  context,
  className,
  getReleaseHref,
}: {
  context: PartContext;
  className?: string;
  getReleaseHref: ((release: Release) => string | undefined) | undefined;
}) {
  const { metrics, text, format } = context;
  const words = text.failedDeployments;
  return (
    <Section title={words.title} context={context} className={className}>
      {metrics.failedDeployments.length === 0 ? (
        <p className="gr-release-insights__none">{words.empty}</p>
      ) : (
        <div className="gr-release-insights__scroller" role="group" aria-label={words.title} tabIndex={0} data-scroll>
          <table className="gr-release-insights__table">
            <caption className="gr-visually-hidden">{words.title}</caption>
            <thead>
              <tr>
                <th scope="col">{words.columns.release}</th>
                <th scope="col">{words.columns.environment}</th>
                <th scope="col">{words.columns.failedAt}</th>
                <th scope="col" className="gr-release-insights__end">{words.columns.recovery}</th>
              </tr>
            </thead>
            <tbody>
              {metrics.failedDeployments.map((failure, index) => (
                <tr key={index}>
                  <th scope="row" className="gr-release-insights__name">
                    <Link href={getReleaseHref?.(failure.release)} external={false} className="gr-release-insights__link">
                      {releaseName(failure.release)}
                    </Link>
                  </th>
                  <td className="gr-release-insights__name">{failure.environment}</td>
                  <td>
                    <FormattedTime iso={failure.at} />
                  </td>
                  <td className="gr-release-insights__number" data-unrecovered={failure.recoveryMs === null || undefined}>
                    {failure.recoveryMs === null ? words.unrecovered : format.duration(failure.recoveryMs)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
