import { forwardRef, useCallback, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import type { EnvironmentStep, IssueKeyResolver, Release, WorkflowStepRef } from 'gitops-releases/headless';
import { releaseActions, topologicalOrder, isProblemStatus } from '../../headless/internal';
import { cx } from '../internal/cx';
import { rootElementProps, type RootElementProps } from '../internal/root-props';
import { DataErrorBoundary, StateMessage, describeError } from '../internal/StateMessage';
import { useErrorReporter, useReportedError } from '../internal/report-error';
import { useGraphMessages, useStatusMessages, useViewMessages, statusLabel } from '../provider/component-messages';
import { type ReleasesErrorHandler, useRootClassName } from '../provider/ReleasesProvider';
import { EnvironmentDetails } from '../EnvironmentDetails';
import { ReleaseGraph, type ReleaseGraphProps } from '../ReleaseGraph';
import { ReleaseNotes } from '../ReleaseNotes';
import { ApplicationsTable } from './ApplicationsTable';
import { environmentsOf } from './clock';
import { ReleaseHeader, ReleaseHeaderSkeleton, type ReleaseHrefGetter } from './ReleaseHeader';
import { Timeline } from './Timeline';
import { useControllableState } from '../internal/use-controllable-state';

/** The tabs of a release view. */
export type ReleaseViewTab = 'graph' | 'notes' | 'applications' | 'timeline';

const TABS: readonly ReleaseViewTab[] = ['graph', 'notes', 'applications', 'timeline'];

/** Extra class names for the view's parts. */
export interface ReleaseViewClassNames {
  /** The outer `div.gr-release-view`. @default undefined */
  root?: string;
  /** The header (`div.gr-release-header`). @default undefined */
  header?: string;
  /** The error banner (`div.gr-release-view__banner`, role=alert). @default undefined */
  banner?: string;
  /** The row of action buttons (`div.gr-release-view__actions`). @default undefined */
  actions?: string;
  /** The tab list (`div.gr-release-view__tab-list`). @default undefined */
  tabList?: string;
  /** Each tab (`button.gr-release-view__tab`). @default undefined */
  tab?: string;
  /** Each tab panel (`div.gr-release-view__panel`). @default undefined */
  panel?: string;
  /** The graph and its details panel side by side (`div.gr-release-view__graph-area`). @default undefined */
  graph?: string;
  /** The environment details beside the graph (`div.gr-release-view__details`). @default undefined */
  details?: string;
  /** The applications table's box (`div.gr-release-applications`). @default undefined */
  applications?: string;
  /** The timeline (`div.gr-release-timeline`). @default undefined */
  timeline?: string;
}

/** @deprecated Use `WorkflowStepRef` (the same shape); this name goes in the next minor version. */
export type ReleaseViewWorkflowStep = WorkflowStepRef;

export interface ReleaseViewProps extends RootElementProps {
  /**
   * Called when the release cannot be shown (a cycle, an environment removed from the flow, a field of
   * the wrong type: a `ReleaseDataError` naming the path); the graph, notes and details inside
   * report theirs through it too, after the error is shown inline in its place. Takes the place of the
   * provider's `onError`.
   * @default the nearest `ReleasesProvider`'s `onError`
   */
  onError?: ReleasesErrorHandler;
  /**
   * The release to show.
   * @default undefined (an empty state, or the skeleton while `loading`)
   */
  release?: Release;
  /**
   * The host is fetching the release: a skeleton header and a busy message. With a `release`
   * already shown (a refresh), the view stays and is only marked `aria-busy`.
   * @default false
   */
  loading?: boolean;
  /**
   * The host's fetch failed: shown inline (role=alert) with the error's message, above the
   * release when one is still shown.
   * @default undefined
   */
  error?: unknown;
  /**
   * The open tab (controlled).
   * @default undefined (uncontrolled)
   */
  tab?: ReleaseViewTab;
  /**
   * The tab open at first when uncontrolled.
   * @default 'graph'
   */
  defaultTab?: ReleaseViewTab;
  /**
   * Called when the reader opens another tab.
   * @default undefined
   */
  onTabChange?: (tab: ReleaseViewTab) => void;
  /**
   * The selected environment's name (controlled); `null` selects nothing.
   * @default undefined (uncontrolled)
   */
  selectedEnvironment?: string | null;
  /**
   * The environment selected at first when uncontrolled.
   * @default null
   */
  defaultSelectedEnvironment?: string | null;
  /**
   * Called when the selection in the graph changes.
   * @default undefined
   */
  onSelectedEnvironmentChange?: (name: string | null) => void;
  /**
   * The environment whose details are open beside the graph (controlled), e.g. from the URL;
   * `null` closes them. The graph selects it too.
   * @default undefined (uncontrolled)
   */
  openEnvironment?: string | null;
  /**
   * The environment whose details are open at first when uncontrolled (the graph is centred on it).
   * @default null
   */
  defaultOpenEnvironment?: string | null;
  /**
   * Called when the reader opens an environment (Enter, a double click, its Issues row, a workflow
   * step) or closes its details (Close, Escape): the name, or `null`.
   * @default undefined
   */
  onOpenEnvironmentChange?: (name: string | null) => void;
  /**
   * Draw the open environment's details beside the graph. `false` for a host that shows them in
   * its own drawer or page, from `openEnvironment` / `onOpenEnvironmentChange`.
   * @default true
   */
  showDetails?: boolean;
  /**
   * The workflow step highlighted in the open environment's details (controlled); `null` for none.
   * @default undefined (uncontrolled)
   */
  workflowStep?: WorkflowStepRef | null;
  /**
   * Called when the reader picks a workflow step in the graph (which also opens its environment),
   * or with `null` when the details close.
   * @default undefined
   */
  onWorkflowStepChange?: (step: WorkflowStepRef | null) => void;
  /**
   * An environment to select, centre the graph on and focus when it mounts (a deep link). Read
   * at mount only.
   * @default the open environment, if any
   */
  defaultFocusEnvironment?: string;
  /**
   * @deprecated Renamed `defaultFocusEnvironment` (it is read at mount only); this name goes in
   * the next minor version.
   * @default undefined
   */
  focusEnvironment?: string;
  /**
   * The group path of each environment, for the graph and the details (see ReleaseGraph's `groupBy`).
   * @default the environment's own `group`
   */
  groupBy?: (environment: EnvironmentStep) => string | undefined;
  /**
   * More structurally identical environments than this show as one automatic group (see ReleaseGraph).
   * @default 12
   */
  autoGroupThreshold?: number;
  /**
   * The graph's layout made on the host's server (ReleaseGraph's `layout`).
   * @default undefined
   */
  graphLayout?: ReleaseGraphProps['layout'];
  /**
   * Where the graph's big layouts run (ReleaseGraph's `layoutWorker`).
   * @default the library's worker
   */
  layoutWorker?: ReleaseGraphProps['layoutWorker'];
  /**
   * The ids of the groups open in the graph (controlled), e.g. from the URL: release links carry
   * them as `groups` (`createReleaseLinks`).
   * @default undefined (uncontrolled)
   */
  expandedGroups?: readonly string[];
  /**
   * The groups open at first when uncontrolled (a deep link's environment opens its own too).
   * @default []
   */
  defaultExpandedGroups?: readonly string[];
  /**
   * Called with the ids of the open groups when the reader opens or closes one in the graph.
   * @default undefined
   */
  onExpandedGroupsChange?: (expandedGroups: string[]) => void;
  /**
   * Shows a "Release notes" button that calls this (e.g. to open the host's notes drawer).
   * @default undefined (no button)
   */
  onReleaseNotes?: () => void;
  /**
   * Shows a "Retry" button while the release is failed or errored.
   * @default undefined (no button)
   */
  onRetry?: () => void;
  /**
   * Shows a "Terminate" button while the release is queued, pending, running or suspended.
   * @default undefined (no button)
   */
  onTerminate?: () => void;
  /**
   * Content of the "Release notes" tab, to replace the default, e.g. `<ReleaseNotes notes={changesSinceLastRelease(history, 'production').notes} />`.
   * @default `<ReleaseNotes release={release} issueKeys={issueKeys} />` (the release's own notes)
   */
  releaseNotes?: ReactNode;
  /** Issue-key resolvers for the default release notes, e.g. `[jiraKeys('https://acme.atlassian.net')]`. @default undefined (no issue links) */
  issueKeys?: readonly IssueKeyResolver[];
  /**
   * The product's page in the host: a path of the host's router (`/products/checkout`) or an http(s) URL; anything else is not linked.
   * @default undefined (plain text)
   */
  getProductHref?: ReleaseHrefGetter;
  /**
   * The promotion flow's page in the host, from the flow's name: a router path or an http(s)
   * URL, like `getProductHref` (the same function as ReleasesTable's `getFlowHref`).
   * @default undefined (plain text)
   */
  getFlowHref?: (flow: string, release: Release) => string | undefined;
  /**
   * URL of the triggering commit.
   * @default undefined (falls back to `release.trigger.commit.url`)
   */
  getCommitHref?: ReleaseHrefGetter;
  /**
   * Height of the graph canvas.
   * @default 520
   */
  graphHeight?: number | string;
  /**
   * Level of the heading that names the release; the environment details use the next one.
   * @default 2
   */
  headingLevel?: 2 | 3;
  /**
   * Extra class names for the root.
   * @default undefined
   */
  className?: string;
  /**
   * Inline styles for the root (e.g. `--gr-*` tokens for this view).
   * @default undefined
   */
  style?: CSSProperties;
  /**
   * Extra class names per part.
   * @default undefined
   */
  classNames?: ReleaseViewClassNames;
}


const isTab = (value: unknown): value is ReleaseViewTab => TABS.includes(value as ReleaseViewTab);

/**
 * The whole release detail screen: header, error banner, actions, then tabs for the promotion
 * graph (with an environment's details beside it), release notes, every application, and a
 * timeline. Loading, empty, error and bad-data states are shown inline; the host page never goes
 * blank. Renders `div.gr-release-view[data-state][data-status]`.
 */
export const ReleaseView = /* @__PURE__ */ forwardRef<HTMLDivElement, ReleaseViewProps>(function ReleaseView(props, ref) {
  const { release, loading = false, error, className, style, classNames } = props;
  const report = useErrorReporter('ReleaseView', props.onError);
  const rootClassName = useRootClassName();
  const { text } = useViewMessages();
  const hasError = error !== undefined && error !== null && error !== false;
  const state = release ? 'ready' : hasError ? 'error' : loading ? 'loading' : 'empty';

  return (
    <div
      {...rootElementProps(props)}
      ref={ref}
      className={cx(rootClassName, 'gr-release-view', classNames?.root, className)}
      data-state={state}
      data-status={release?.status}
      aria-busy={loading ? true : undefined}
      style={style}
    >
      {hasError ? (
        <StateMessage kind="error" title={text.loadError} detail={describeError(error)} className="gr-release-view__state" />
      ) : null}
      {release ? (
        <DataErrorBoundary title={text.error} resetKey={release} onError={report}>
          <ReleaseContent {...props} release={release} />
        </DataErrorBoundary>
      ) : hasError ? null : loading ? (
        <>
          <ReleaseHeaderSkeleton className={classNames?.header} />
          <StateMessage kind="loading" title={text.loading} className="gr-release-view__state" />
        </>
      ) : (
        <StateMessage kind="empty" title={text.empty} detail={text.emptyDetail} className="gr-release-view__state" />
      )}
    </div>
  );
});

function ReleaseContent({
  release,
  tab,
  defaultTab,
  onTabChange,
  selectedEnvironment,
  defaultSelectedEnvironment,
  onSelectedEnvironmentChange,
  openEnvironment,
  defaultOpenEnvironment,
  onOpenEnvironmentChange,
  showDetails = true,
  workflowStep,
  onWorkflowStepChange,
  defaultFocusEnvironment,
  focusEnvironment,
  groupBy,
  autoGroupThreshold,
  graphLayout,
  layoutWorker,
  expandedGroups,
  defaultExpandedGroups,
  onExpandedGroupsChange,
  onReleaseNotes,
  onRetry,
  onTerminate,
  releaseNotes,
  issueKeys,
  getProductHref,
  getFlowHref,
  getCommitHref,
  graphHeight = 520,
  headingLevel = 2,
  classNames,
  onError,
}: ReleaseViewProps & { release: Release }) {
  const report = useErrorReporter('ReleaseView', onError);
  const labels = useStatusMessages();
  const { text } = useViewMessages();
  const [activeTab, setActiveTab] = useControllableState<ReleaseViewTab>(
    tab,
    isTab(defaultTab) ? defaultTab : 'graph',
    onTabChange,
  );
  const status = release.status;
  const applicationCount = environmentsOf(release).reduce(
    (sum, environment) => sum + (Array.isArray(environment.applications) ? environment.applications.length : 0),
    0,
  );

  const allowed = releaseActions(release);
  const showRetry = onRetry && allowed.retry;
  const showTerminate = onTerminate && allowed.terminate;
  const hasActions = onReleaseNotes || showRetry || showTerminate;

  return (
    <>
      <Banner release={release} className={classNames?.banner} fallback={text.banner(statusLabel(labels, status))} />
      <ReleaseHeader
        release={release}
        getProductHref={getProductHref}
        getFlowHref={getFlowHref}
        getCommitHref={getCommitHref}
        headingLevel={headingLevel}
        className={classNames?.header}
      />
      {hasActions ? (
        <div className={cx('gr-release-view__actions', classNames?.actions)} role="group" aria-label={text.actionsLabel}>
          {onReleaseNotes ? (
            <button type="button" className="gr-release-view__action" data-action="release-notes" onClick={onReleaseNotes}>
              <NotesIcon />
              {text.releaseNotes}
            </button>
          ) : null}
          {showRetry ? (
            <button type="button" className="gr-release-view__action" data-action="retry" onClick={onRetry}>
              <RetryIcon />
              {text.retry}
            </button>
          ) : null}
          {showTerminate ? (
            <button type="button" className="gr-release-view__action" data-action="terminate" data-tone="danger" onClick={onTerminate}>
              <StopIcon />
              {text.terminate}
            </button>
          ) : null}
        </div>
      ) : null}

      <Tabs.Root
        className="gr-release-view__tabs"
        value={isTab(activeTab) ? activeTab : 'graph'}
        onValueChange={(value) => {
          if (isTab(value)) setActiveTab(value);
        }}
      >
        <Tabs.List className={cx('gr-release-view__tab-list', classNames?.tabList)} aria-label={text.tabListLabel}>
          {TABS.map((value) => (
            <Tabs.Trigger key={value} value={value} className={cx('gr-release-view__tab', classNames?.tab)}>
              {text.tabs[value]}
              {value === 'applications' ? (
                <span className="gr-release-view__tab-count">
                  <span className="gr-visually-hidden"> (</span>
                  {applicationCount}
                  <span className="gr-visually-hidden">)</span>
                </span>
              ) : null}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="graph" className={cx('gr-release-view__panel', classNames?.panel)} data-tab="graph">
          <GraphPanel
            release={release}
            selectedEnvironment={selectedEnvironment}
            defaultSelectedEnvironment={defaultSelectedEnvironment}
            onSelectedEnvironmentChange={onSelectedEnvironmentChange}
            openEnvironment={openEnvironment}
            defaultOpenEnvironment={defaultOpenEnvironment}
            onOpenEnvironmentChange={onOpenEnvironmentChange}
            showDetails={showDetails}
            workflowStep={workflowStep}
            onWorkflowStepChange={onWorkflowStepChange}
            defaultFocusEnvironment={defaultFocusEnvironment ?? focusEnvironment}
            groupBy={groupBy}
            autoGroupThreshold={autoGroupThreshold}
            graphLayout={graphLayout}
            layoutWorker={layoutWorker}
            expandedGroups={expandedGroups}
            defaultExpandedGroups={defaultExpandedGroups}
            onExpandedGroupsChange={onExpandedGroupsChange}
            graphHeight={graphHeight}
            headingLevel={headingLevel}
            classNames={classNames}
            onError={onError}
          />
        </Tabs.Content>
        <Tabs.Content value="notes" className={cx('gr-release-view__panel', classNames?.panel)} data-tab="notes">
          {releaseNotes ?? <ReleaseNotes release={release} issueKeys={issueKeys} headingLevel={headingLevel === 2 ? 3 : 4} onError={onError} />}
        </Tabs.Content>
        <Tabs.Content value="applications" className={cx('gr-release-view__panel', classNames?.panel)} data-tab="applications">
          <DataErrorBoundary title={text.applications.error} resetKey={release} onError={report}>
            <ApplicationsTable release={release} className={classNames?.applications} />
          </DataErrorBoundary>
        </Tabs.Content>
        <Tabs.Content value="timeline" className={cx('gr-release-view__panel', classNames?.panel)} data-tab="timeline">
          <DataErrorBoundary title={text.timeline.error} resetKey={release} onError={report}>
            <Timeline release={release} className={classNames?.timeline} />
          </DataErrorBoundary>
        </Tabs.Content>
      </Tabs.Root>
    </>
  );
}

/** A failed, errored or terminated release says why (role=alert); a waiting one says what for. */
function Banner({ release, fallback, className }: { release: Release; fallback: string; className?: string }) {
  const error = release.error;
  const problem = Boolean(error) || isProblemStatus(release.status);
  const message = typeof error?.message === 'string' && error.message !== '' ? error.message : undefined;
  const code = typeof error?.code === 'string' && error.code !== '' ? error.code : undefined;
  const reason = typeof release.statusReason === 'string' && release.statusReason !== '' ? release.statusReason : undefined;
  if (problem) {
    return (
      <div className={cx('gr-release-view__banner', className)} role="alert" data-status={release.status}>
        <AlertIcon />
        <p className="gr-release-view__banner-text">
          {code ? <span className="gr-release-view__banner-code">{code}</span> : null}
          {message ?? reason ?? fallback}
        </p>
      </div>
    );
  }
  if (!reason) return null;
  return (
    <div className={cx('gr-release-view__notice', className)} role="status" data-status={release.status}>
      <InfoIcon />
      <p className="gr-release-view__banner-text">{reason}</p>
    </div>
  );
}

interface GraphPanelProps {
  release: Release;
  onError: ReleasesErrorHandler | undefined;
  selectedEnvironment?: string | null;
  defaultSelectedEnvironment?: string | null;
  onSelectedEnvironmentChange?: (name: string | null) => void;
  openEnvironment?: string | null;
  defaultOpenEnvironment?: string | null;
  onOpenEnvironmentChange?: (name: string | null) => void;
  showDetails: boolean;
  workflowStep?: WorkflowStepRef | null;
  onWorkflowStepChange?: (step: WorkflowStepRef | null) => void;
  defaultFocusEnvironment?: string;
  groupBy?: ReleaseViewProps['groupBy'];
  autoGroupThreshold?: number;
  graphLayout?: ReleaseViewProps['graphLayout'];
  layoutWorker?: ReleaseViewProps['layoutWorker'];
  expandedGroups?: readonly string[];
  defaultExpandedGroups?: readonly string[];
  onExpandedGroupsChange?: (expandedGroups: string[]) => void;
  graphHeight: number | string;
  headingLevel: 2 | 3;
  classNames?: ReleaseViewClassNames;
}

function GraphPanel({
  release,
  selectedEnvironment,
  defaultSelectedEnvironment,
  onSelectedEnvironmentChange,
  openEnvironment,
  defaultOpenEnvironment,
  onOpenEnvironmentChange,
  showDetails,
  workflowStep,
  onWorkflowStepChange,
  defaultFocusEnvironment,
  groupBy,
  autoGroupThreshold,
  graphLayout,
  layoutWorker,
  expandedGroups,
  defaultExpandedGroups,
  onExpandedGroupsChange,
  graphHeight,
  headingLevel,
  classNames,
  onError,
}: GraphPanelProps) {
  const report = useErrorReporter('ReleaseView', onError);
  const [selectedState, setSelected] = useControllableState<string | null>(
    selectedEnvironment,
    defaultSelectedEnvironment ?? null,
    onSelectedEnvironmentChange,
  );
  const [open, setOpen] = useControllableState<string | null>(openEnvironment, defaultOpenEnvironment ?? null, onOpenEnvironmentChange);
  const [step, setStep] = useControllableState<WorkflowStepRef | null>(workflowStep, null, onWorkflowStepChange);
  // An open environment is the selected one.
  const selected = open ?? selectedState;
  // Centred on mount: a deep link's environment. Only the first value counts (as in ReleaseGraph).
  const [initialFocus] = useState(() => defaultFocusEnvironment ?? open ?? undefined);

  // Where focus was when the panel opened (the graph node, usually): it goes back there on close.
  const returnFocus = useRef<HTMLElement | null>(null);

  const openEnvironmentDetails = useCallback(
    (name: string) => {
      if (open === null && typeof document !== 'undefined' && document.activeElement instanceof HTMLElement) {
        returnFocus.current = document.activeElement;
      }
      setSelected(name);
      setOpen(name);
    },
    [open, setSelected, setOpen],
  );
  // While details are open they follow the selection (arrow keys move both).
  const select = useCallback(
    (name: string | null) => {
      setSelected(name);
      if (open !== null && name !== open) {
        setOpen(name);
        if (step) setStep(null);
      }
    },
    [open, step, setSelected, setOpen, setStep],
  );
  const selectStep = useCallback(
    (picked: WorkflowStepRef) => {
      // The environment first, the step last: a host writing each to its URL ends on the step.
      openEnvironmentDetails(picked.environment);
      setStep(picked);
    },
    [openEnvironmentDetails, setStep],
  );

  const { text: graphText } = useGraphMessages();
  const environments = environmentsOf(release);
  const invalid = useMemo(() => (environmentsOf(release).length === 0 ? undefined : structureError(release)), [release]);
  useReportedError('ReleaseView', invalid, onError);
  if (environments.length === 0) {
    return <StateMessage kind="empty" title={graphText.noEnvironments} />;
  }
  // Checked here rather than thrown to the boundary: error boundaries do not run in server
  // rendering, and a cycle or a removed environment must not break a host's server page.
  if (invalid !== undefined) {
    return <StateMessage kind="error" title={graphText.error} detail={describeError(invalid)} />;
  }
  const opened = showDetails && open !== null ? environments.find((environment) => environment.name === open) : undefined;

  return (
    // Whatever else the graph throws on (client side) is shown the same way.
    <DataErrorBoundary title={graphText.error} resetKey={release} onError={report}>
      <div className={cx('gr-release-view__graph-area', classNames?.graph)} data-details-open={opened ? '' : undefined}>
        <div className="gr-release-view__graph">
          <ReleaseGraph
            release={release}
            selectedEnvironment={selected}
            onSelectedEnvironmentChange={select}
            onEnvironmentOpen={openEnvironmentDetails}
            onWorkflowStepSelect={selectStep}
            defaultFocusEnvironment={initialFocus}
            groupBy={groupBy}
            autoGroupThreshold={autoGroupThreshold}
            layout={graphLayout}
            layoutWorker={layoutWorker}
            expandedGroups={expandedGroups}
            defaultExpandedGroups={defaultExpandedGroups}
            onExpandedGroupsChange={onExpandedGroupsChange}
            height={graphHeight}
            onError={onError}
          />
        </div>
        {opened ? (
          // As tall as the graph at most: the panel scrolls inside (EnvironmentDetails does).
          <div className={cx('gr-release-view__details', classNames?.details)} style={{ maxHeight: graphHeight }}>
            <EnvironmentDetails
              environment={opened}
              release={release}
              headingLevel={headingLevel === 2 ? 3 : 4}
              selectedWorkflowStep={step}
              groupBy={groupBy}
              autoGroupThreshold={autoGroupThreshold}
              onError={onError}
              onClose={() => {
                setOpen(null);
                if (step) setStep(null);
                const target = returnFocus.current;
                returnFocus.current = null;
                if (target?.isConnected) target.focus();
              }}
            />
          </div>
        ) : null}
      </div>
    </DataErrorBoundary>
  );
}

/**
 * The `ReleaseDataError` of a release whose environments are not a DAG (a cycle, a duplicate, or
 * a `dependsOn` naming an environment removed from the flow since), or `undefined`.
 */
function structureError(release: Release): unknown {
  try {
    topologicalOrder(environmentsOf(release));
    return undefined;
  } catch (error) {
    return error ?? new Error('Invalid environments');
  }
}

function ActionIcon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="gr-release-view__action-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

const NotesIcon = () => (
  <ActionIcon>
    <path d="M4 1.75h5.5L12.25 4.5v9.75H4Z" />
    <path d="M6.25 7.25h3.5M6.25 9.75h3.5" />
  </ActionIcon>
);
const RetryIcon = () => (
  <ActionIcon>
    <path d="M13.25 8A5.25 5.25 0 1 1 11.7 4.3" />
    <path d="M11.7 1.8v2.5H9.2" />
  </ActionIcon>
);
const StopIcon = () => (
  <ActionIcon>
    <circle cx="8" cy="8" r="6.25" />
    <rect x="5.75" y="5.75" width="4.5" height="4.5" rx="0.75" />
  </ActionIcon>
);
const AlertIcon = () => (
  <svg className="gr-release-view__banner-icon" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" aria-hidden="true" focusable="false">
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 4.75v3.75" />
    <circle cx="8" cy="11.1" r="0.9" fill="currentColor" stroke="none" />
  </svg>
);
const InfoIcon = () => (
  <svg className="gr-release-view__banner-icon" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" aria-hidden="true" focusable="false">
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 7.25v4" />
    <circle cx="8" cy="4.9" r="0.9" fill="currentColor" stroke="none" />
  </svg>
);
