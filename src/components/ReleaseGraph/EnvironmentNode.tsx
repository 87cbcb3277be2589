import { memo, type KeyboardEvent } from 'react';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { EnvironmentStep } from 'gitops-releases/headless';
import { durationMs, isActiveStatus, levelOfDetail, parseTime, WORKFLOW_SECTIONS } from '../../headless/internal';
import { StatusBadge } from '../StatusBadge';
import { cx } from '../internal/cx';
import { FormattedTime } from '../internal/FormattedTime';
import { useDurationFormatter, useNumberFormatter, useNow } from '../internal/time';
import { waitingText } from '../internal/waiting';
import { useGraphMessages, useStatusMessages, statusLabel } from '../provider/component-messages';
import type { GraphMessages } from '../provider/messages';
import { useGraphContext } from './context';
import type { EnvironmentFlowNode } from './flow-model';


function applicationsSummary(environment: EnvironmentStep, text: GraphMessages, format: (value: number) => string): string {
  const applications = environment.applications;
  const synced = applications.filter((a) => a.sync === 'synced').length;
  const healthy = applications.filter((a) => a.health === 'healthy').length;
  return text.applicationsSummary(synced, healthy, applications.length, format);
}

export function useEnvironmentTiming(environment: EnvironmentStep) {
  const running = isActiveStatus(environment.status) && !environment.finishedAt;
  const now = useNow(running && !!environment.startedAt);
  const formatDuration = useDurationFormatter();
  const ms = durationMs(environment.startedAt, environment.finishedAt, now);
  // While running, the server (now = 0) has no clock: show the duration once the browser does.
  const duration = ms === undefined || (!environment.finishedAt && now === 0) ? undefined : formatDuration(ms);
  return { now, duration };
}

/** A node's accessible name: name, status, live subtitle (or why it waits), duration and issues, in the messages' words. */
function describe(
  environment: EnvironmentStep,
  status: string,
  subtitle: string | undefined,
  duration: string | undefined,
  text: GraphMessages,
  format: (value: number) => string,
): string {
  const parts = [environment.name, status];
  if (subtitle) parts.push(subtitle);
  if (duration) parts.push(duration);
  const issues = environment.issues.length;
  if (issues > 0) parts.push(text.issueCount(issues, format));
  return parts.join(', ');
}

/** Whether nodes and edges draw less at this zoom (`levelOfDetail`): one selector per kind of graph. */
const selectCompact = (state: ReactFlowState) => levelOfDetail(state.transform[2]) !== 'full';
const selectCompactGrouped = (state: ReactFlowState) => levelOfDetail(state.transform[2], { grouped: true }) !== 'full';
/** Whether this graph's nodes and edges are drawn compact now; re-renders only when that flips. */
export function useCompact(grouped: boolean): boolean {
  return useStore(grouped ? selectCompactGrouped : selectCompact);
}

/** One environment of the graph. Its box has exactly the size `environmentNodeSize` computed. */
function EnvironmentNodeView({ id, data, width, height }: NodeProps<EnvironmentFlowNode>) {
  // A level of detail: a 300-environment flow seen whole is thousands of unreadable elements
  // fewer, which is most of what mounting it costs the browser.
  const graph = useGraphContext();
  const compact = useCompact(graph.grouped);
  const environment = data.environment;
  // The node's id is the name as the page can carry it (`domId`); the host hears of the name.
  const name = environment.name;
  const { text, common } = useGraphMessages();
  const labels = useStatusMessages();
  const formatNumber = useNumberFormatter();
  const { duration } = useEnvironmentTiming(environment);
  const active = graph.activeId === id;
  const waitingForPr = environment.status === 'suspended' && environment.pullRequest?.state === 'open';
  const isTrigger = graph.triggerEnvironment === name;
  const issues = environment.issues.length;
  const tab = active ? 0 : -1;
  // The source's own live text first; without one, why it waits (grouped layouts know).
  const waiting = !environment.statusText && data.waiting ? waitingText(data.waiting, data.waitingOn ?? '', common.waiting, formatNumber) : undefined;
  const subtitle = environment.statusText || waiting;
  const label = describe(environment, statusLabel(labels, environment.status), subtitle, duration, text, formatNumber);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      graph.select(name);
      graph.open(name);
    } else if (event.key === 'Escape') {
      graph.focusGroupAround(id);
    }
  };

  const targetPosition = graph.direction === 'LR' ? Position.Left : Position.Top;
  const sourcePosition = graph.direction === 'LR' ? Position.Right : Position.Bottom;
  if (compact) {
    return (
      <div
        className={cx('gr-release-graph__node', graph.nodeClassName)}
        data-compact=""
        data-env-id={id}
        data-status={environment.status}
        data-selected={graph.selectedId === name ? '' : undefined}
        data-match={graph.matches?.has(name) ? '' : undefined}
        style={{ width, height }}
        tabIndex={tab}
        role="group"
        aria-roledescription={text.environment}
        aria-label={label}
        onKeyDown={onKeyDown}
      >
        <Handle type="target" position={targetPosition} isConnectable={false} className="gr-release-graph__handle" />
        <span className="gr-release-graph__compact-name">{environment.name}</span>
        <Handle type="source" position={sourcePosition} isConnectable={false} className="gr-release-graph__handle" />
      </div>
    );
  }

  return (
    <div
      className={cx('gr-release-graph__node', graph.nodeClassName)}
      data-env-id={id}
      data-status={environment.status}
      data-selected={graph.selectedId === name ? '' : undefined}
      data-match={graph.matches?.has(name) ? '' : undefined}
      data-production={environment.kind === 'production' ? '' : undefined}
      style={{ width, height }}
      tabIndex={tab}
      role="group"
      aria-roledescription={text.environment}
      aria-label={label}
      onKeyDown={onKeyDown}
    >
      <Handle type="target" position={graph.direction === 'LR' ? Position.Left : Position.Top} isConnectable={false} className="gr-release-graph__handle" />
      <div className="gr-release-graph__node-header">
        <div className="gr-release-graph__node-title">
          <span className="gr-release-graph__node-name" title={environment.name}>
            {environment.name}
          </span>
          {isTrigger ? <span className="gr-release-graph__tag" data-tag="trigger">{common.trigger}</span> : null}
          {environment.kind === 'production' ? <span className="gr-release-graph__tag" data-tag="production">{common.production}</span> : null}
          {data.hasDependents ? (
            <button
              type="button"
              className="gr-release-graph__collapse"
              tabIndex={tab}
              aria-label={text.collapse(environment.name)}
              title={text.collapseTitle}
              onClick={(event) => {
                event.stopPropagation();
                graph.toggleCollapsed(name);
              }}
            >
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
                <path d="M4 8h8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
              </svg>
            </button>
          ) : null}
        </div>
        <div className="gr-release-graph__node-status">
          <StatusBadge status={environment.status} waitingFor={waitingForPr ? 'pull-request' : undefined} size="sm" />
          {subtitle ? (
            <span className="gr-release-graph__node-subtitle" data-waiting={waiting ? '' : undefined} title={subtitle}>
              {subtitle}
            </span>
          ) : null}
        </div>
        <div className="gr-release-graph__node-time">
          {parseTime(environment.startedAt) === undefined ? <span>{common.notStarted}</span> : <FormattedTime iso={environment.startedAt} />}
          {duration ? <span className="gr-release-graph__duration">{duration}</span> : null}
        </div>
      </div>
      {issues > 0 ? (
        <button
          type="button"
          className="gr-release-graph__row gr-release-graph__issues"
          tabIndex={tab}
          onClick={(event) => {
            event.stopPropagation();
            graph.select(name);
            graph.open(name);
          }}
        >
          {text.issues(issues, formatNumber)}
        </button>
      ) : null}
      {WORKFLOW_SECTIONS.map((section) => {
        const steps = environment.workflows[section];
        if (steps.length === 0) return null;
        return (
          <div key={section} className="gr-release-graph__section">
            <div className="gr-release-graph__section-title">{common.workflows[section]}</div>
            {steps.map((step) => (
              <button
                key={step.name}
                type="button"
                className="gr-release-graph__row gr-release-graph__step"
                tabIndex={tab}
                title={step.name}
                onClick={(event) => {
                  event.stopPropagation();
                  graph.selectStep({ environment: name, section, name: step.name }, step);
                }}
              >
                <StatusBadge status={step.status} variant="icon-only" size="sm" />
                <span className="gr-release-graph__step-name">{step.name}</span>
              </button>
            ))}
          </div>
        );
      })}
      {environment.applications.length > 0 ? (
        <div className="gr-release-graph__row gr-release-graph__apps">
          <span className="gr-release-graph__apps-label">
            {(isActiveStatus(environment.status) ? text.applications : text.snapshot)(environment.applications.length, formatNumber)}
          </span>
          <span className="gr-release-graph__apps-summary">{applicationsSummary(environment, text, formatNumber)}</span>
        </div>
      ) : null}
      <Handle type="source" position={graph.direction === 'LR' ? Position.Right : Position.Bottom} isConnectable={false} className="gr-release-graph__handle" />
    </div>
  );
}

// Pure annotations let a bundler drop the graph (and React Flow) when a host imports only a badge.
export const EnvironmentNode = /* @__PURE__ */ memo(EnvironmentNodeView);

/** The "N more environments" placeholder of a collapsed subtree. */
function CollapsedNodeView({ id, data, width, height }: NodeProps<EnvironmentFlowNode>) {
  const graph = useGraphContext();
  const { text } = useGraphMessages();
  const formatNumber = useNumberFormatter();
  const count = data.hidden?.length ?? 0;
  const from = data.collapsedFrom ?? '';
  return (
    <div className="gr-release-graph__node gr-release-graph__node--collapsed" data-env-id={id} style={{ width, height }}>
      <Handle type="target" position={graph.direction === 'LR' ? Position.Left : Position.Top} isConnectable={false} className="gr-release-graph__handle" />
      <button
        type="button"
        className="gr-release-graph__expand"
        onClick={() => graph.toggleCollapsed(from)}
        title={(data.hidden ?? []).join(', ')}
      >
        {text.more(count, formatNumber)}
        <span className="gr-release-graph__expand-hint">{text.show}</span>
      </button>
    </div>
  );
}

export const CollapsedNode = /* @__PURE__ */ memo(CollapsedNodeView);
