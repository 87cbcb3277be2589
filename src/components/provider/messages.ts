import type { DiffChange, GroupCountKind, HealthStatus, IssueKind, IssueLevel, PullRequestState, Status, SyncStatus } from 'gitops-releases/headless';
import { HEALTH_LABELS, STATUS_LABELS, SYNC_LABELS } from '../../headless/internal';
import { errorOnce } from '../internal/dev';

/**
 * Writes a number in the provider's locale ("1,234" in en-US, "1.234" in de-DE). Every message
 * function that takes counts receives one as its last argument.
 */
export type NumberFormatter = (value: number) => string;

/** Words several components share. */
export interface CommonMessages {
  /** A release without a promotion flow. */
  manual: string;
  /** Read by screen readers for an empty cell shown as a dash. */
  none: string;
  /** Titles of the workflow lists of an environment. */
  workflows: { trigger: string; preAction: string; postAction: string };
  /** The tag of a production environment (graph node, environment details). */
  production: string;
  /** The tag of the environment the release started from (graph node, environment details). */
  trigger: string;
  /** In place of a start time or a duration: the environment or release has not started. */
  notStarted: string;
  /**
   * Why an environment or a group of environments has not started, or waits (graph nodes,
   * environment details): sentences with named placeholders. `{unit}` is a group (`wave-1`) or
   * an environment; numbers arrive written in the provider's locale.
   */
  waiting: WaitingMessages;
}

/** Why something waits: sentences with named placeholders (see `CommonMessages.waiting`). */
export interface WaitingMessages {
  /** What it waits for ended with problems: `{unit}`, `{failed}` of its `{total}` environments. */
  blocked: string;
  /** What it waits for is one environment, which failed: `{unit}`. */
  blockedOne: string;
  /** It, or what it waits for, waits for a person to approve in `{environment}`. */
  approval: string;
  /** …for a pull request in `{environment}` to be merged. */
  pullRequest: string;
  /** What it waits for is still under way: `{unit}`, `{finished}` of its `{total}` environments done. */
  upstream: string;
  /** What it waits for is one environment, still under way: `{unit}`. */
  upstreamOne: string;
  /** The release itself has not started. */
  queued: string;
  /** The release ended before this ran. */
  stopped: string;
  /** The release was terminated before this ran. */
  terminated: string;
}

/** StatusBadge's own words (its labels are `status`, `sync`, `health`). */
export interface BadgeMessages {
  /** Tooltip of a value outside the vocabulary: its label (Unknown) and the raw value received. */
  received: (label: string, raw: string) => string;
}

export interface TableMessages {
  columns: { date: string; status: string; initiator: string; version: string; flow: string; duration: string; commit: string };
  noDate: string;
  notPartOfRelease: string;
  /** The table's accessible name (also the pager's). */
  tableLabel: string;
  filters: string;
  statusFilter: string;
  flowFilter: string;
  environmentFilter: string;
  anyEnvironment: string;
  from: string;
  to: string;
  search: string;
  searchPlaceholder: string;
  columnsMenu: string;
  /** Summary of the columns menu: environments shown of all. */
  columnsShown: (shown: number, total: number, format: NumberFormatter) => string;
  clearFilters: string;
  /** Summary of a filter menu with `count` options checked (none checked means any). */
  selectedCount: (count: number, format: NumberFormatter) => string;
  /** The count of releases shown; `total` only in server mode when the host gives it. */
  count: (shown: number, total: number | undefined, format: NumberFormatter) => string;
  loading: string;
  loadingPage: string;
  errorTitle: string;
  dataErrorTitle: string;
  retry: string;
  emptyFiltered: string;
  emptyFilteredDetail: string;
  empty: string;
  emptyDetail: string;
  previousPage: string;
  nextPage: string;
  /** `pageCount` is absent in server mode (the host pages by cursor). */
  page: (page: number, pageCount: number | undefined, format: NumberFormatter) => string;
  /** Tooltip of a sortable header, with the column's label. */
  sortBy: (column: string) => string;
  /** Group columns: the environments of a group (`wave-2`) rolled up for each release. */
  groups: {
    /** A group cell where members ended with a problem (failed, error, terminated). */
    failed: (failed: number, total: number, format: NumberFormatter) => string;
    /** A group cell where every member succeeded. */
    succeeded: (total: number, format: NumberFormatter) => string;
    /** A group cell while members run, or once all are done but not all succeeded (some skipped). */
    done: (finished: number, total: number, format: NumberFormatter) => string;
    /** A group cell where no member has started. */
    notStarted: (total: number, format: NumberFormatter) => string;
    /** A group cell's accessible name: the group's path, its size, and its `count`s joined. */
    summary: (group: string, total: number, counts: string, format: NumberFormatter) => string;
    /** One count of a summary, with the status's label. */
    count: (count: number, status: string, format: NumberFormatter) => string;
    /** Tooltip of a collapsed group's header button: it shows the group's columns. */
    expand: (group: string) => string;
    /** Tooltip of an expanded group's header button. */
    collapse: (group: string) => string;
    /** A group among the choices of the Columns menu and the Environment filter, by its path. */
    option: (group: string) => string;
  };
  /** Selection mode (`selectable`): a checkbox per row, and the bar above the table. */
  selection: {
    /** The accessible name of the checkbox column's header. */
    column: string;
    /** A row's checkbox, with the release's name (product and version, e.g. "checkout 1.4.2"). */
    select: (release: string) => string;
    /** The bar's accessible name. */
    label: string;
    /** How many releases are selected, `hidden` of them not shown (filtered out, or on another page). */
    count: (selected: number, hidden: number, format: NumberFormatter) => string;
    clear: string;
    /** The button that compares the two selected releases (`onCompare`). */
    compare: string;
    /** Next to the compare button while it is disabled (not exactly two selected). */
    compareHint: string;
  };
}

export interface GraphMessages {
  /** The canvas's accessible name, with the release's name (or id). */
  label: (release: string) => string;
  /**
   * How the graph is used from the keyboard: the canvas's description, and React Flow's hidden
   * descriptions of its nodes and edges.
   */
  keyboardHelp: string;
  layoutTopToBottom: string;
  layoutLeftToRight: string;
  /** The canvas controls (React Flow's panel, buttons and minimap). */
  controls: string;
  zoomIn: string;
  zoomOut: string;
  fitView: string;
  minimap: string;
  /** Label and placeholder of the search box. */
  search: string;
  /** How many environments match the search (0 included). */
  matches: (count: number, format: NumberFormatter) => string;
  noEnvironments: string;
  /** While a big graph is laid out (in a worker): how many environments it has. */
  layingOut: (count: number, format: NumberFormatter) => string;
  error: string;
  /** How screen readers call a node (`aria-roledescription`). */
  environment: string;
  collapse: (environment: string) => string;
  collapseTitle: string;
  /** The Issues row of a node. */
  issues: (count: number, format: NumberFormatter) => string;
  /** Part of a node's accessible name. */
  issueCount: (count: number, format: NumberFormatter) => string;
  /** The applications row while the environment runs… */
  applications: (count: number, format: NumberFormatter) => string;
  /** …and once it is done: what was deployed then. */
  snapshot: (count: number, format: NumberFormatter) => string;
  applicationsSummary: (synced: number, healthy: number, total: number, format: NumberFormatter) => string;
  /** The placeholder of a collapsed subtree. */
  more: (count: number, format: NumberFormatter) => string;
  show: string;
  /** Tooltips of the promotion-action marker on an edge. */
  action: { commit: string; pullRequest: string; none: string };
  /** How screen readers call a group node (`aria-roledescription`). */
  group: string;
  /** How many environments a group holds ("250 environments"). */
  members: (count: number, format: NumberFormatter) => string;
  /** A group node's title, a sentence with `{group}` (its name) and `{members}` (the `members` text). */
  groupTitle: string;
  /** One count of a group's summary by kind, a sentence with `{count}` ("3 failed"). */
  groupCounts: Readonly<Record<GroupCountKind, string>>;
  /**
   * A group's accessible name, a sentence with `{group}` (its path), `{members}`, `{counts}` (the
   * `groupCounts` in a list) and `{waiting}` (why it waits; the part in `[…]` is left out when it
   * does not).
   */
  groupLabel: string;
  /** How much of a group is done, a sentence with `{finished}` and `{total}`. */
  groupProgress: string;
  /** After the names a group node lists: how many it left out ("+3 more"). */
  moreMembers: (count: number, format: NumberFormatter) => string;
  /** After the sub-groups a group node lists: how many it left out. */
  moreGroups: (count: number, format: NumberFormatter) => string;
  /** The tooltip of a closed group, a sentence with `{group}`: what a click does. */
  expandGroup: string;
  /** The header of an open group's frame, a button, a sentence with `{group}`: what a click does. */
  collapseGroup: string;
  /** The accessible name of an open group's grid of tiles, a sentence with `{group}`. */
  tiles: string;
  /** One tile's accessible name and tooltip, a sentence with `{environment}` and `{status}`. */
  tile: string;
  /**
   * An edge's accessible name, a sentence with `{from}` and `{to}`: the names of the environments
   * or groups it joins (a hidden subtree's is the `more` text).
   */
  edge: string;
}

export interface EnvironmentMessages {
  close: string;
  closeTitle: string;
  started: string;
  duration: string;
  pullRequest: string;
  /**
   * Where a pull request comes from, a sentence with `{repository}` and `{author}`; a part in
   * `[…]` is left out with its words when its value is missing.
   */
  pullRequestSource: string;
  issues: (count: number, format: NumberFormatter) => string;
  applications: (count: number, format: NumberFormatter) => string;
  applicationsCaption: (environment: string) => string;
  viewApplication: string;
  workflow: string;
  runs: (count: number, format: NumberFormatter) => string;
  failedRuns: (count: number, format: NumberFormatter) => string;
  runsOf: (step: string) => string;
  template: string;
  /** Read before a step's duration ("9:54 AM took 1m 25s"). */
  took: string;
  columns: { name: string; sync: string; health: string; promotion: string; version: string; commit: string; namespace: string };
  nothingRanYet: string;
  nothingRan: string;
  /** With the release's status label. */
  releaseEnded: (status: string) => string;
  loading: string;
  error: string;
  issueKinds: Record<IssueKind, string>;
  issueLevels: Record<IssueLevel, string>;
  pullRequestStates: Record<PullRequestState, string>;
}

export interface ViewMessages {
  tabs: { graph: string; notes: string; applications: string; timeline: string };
  tabListLabel: string;
  actionsLabel: string;
  releaseNotes: string;
  retry: string;
  terminate: string;
  loadError: string;
  error: string;
  loading: string;
  empty: string;
  emptyDetail: string;
  /** The banner of a failed release without a message, with its status label. */
  banner: (status: string) => string;
  header: {
    unknownProduct: string;
    unnamedFlow: string;
    /** Read before the short SHA. */
    commit: string;
    /**
     * The trigger commit's line ("git commit by Ada in acme/app on main"), a sentence with
     * `{author}`, `{repository}` (a link) and `{branch}`; a part in `[…]` is left out with its
     * words when its value is missing.
     */
    commitLine: string;
    startedBy: string;
    created: string;
    duration: string;
    countersLabel: string;
    /** A counter: how many environments are in a status group, with the group's label. */
    counter: (count: number, status: string, format: NumberFormatter) => string;
    showMore: string;
    showLess: string;
  };
  applications: {
    columns: { environment: string; application: string; namespace: string; version: string; commit: string; sync: string; health: string; promotion: string };
    /** With the release's name (or `unnamedRelease`), and the counts of applications and environments. */
    caption: (release: string, applications: number, environments: number, format: NumberFormatter) => string;
    unnamedRelease: string;
    unnamedApplication: string;
    empty: string;
    emptyDetail: string;
    error: string;
  };
  timeline: {
    title: string;
    noneStarted: string;
    /** Tooltip of a bar. */
    bar: (environment: string, status: string, duration: string) => string;
    /** Read after a row: status, start and `finished` or `stillRunning`. */
    detail: (status: string, started: string, end: string) => string;
    finished: (date: string) => string;
    stillRunning: string;
    error: string;
  };
}

export interface NotesMessages {
  kinds: { image: string; issue: string; pullRequest: string; commit: string };
  /** Section titles by conventional-commit type (`groupBy="type"`); another type shows as written. */
  types: {
    breaking: string;
    feat: string;
    fix: string;
    perf: string;
    refactor: string;
    revert: string;
    docs: string;
    test: string;
    build: string;
    ci: string;
    style: string;
    chore: string;
    other: string;
  };
  noApplication: string;
  loadError: string;
  loading: string;
  error: string;
  empty: string;
  emptyDetail: string;
  search: string;
  searchPlaceholder: string;
  /** How many changes there are (`shown` differs from `total` while searching). */
  count: (shown: number, total: number, format: NumberFormatter) => string;
  noMatch: string;
  /** An issue's assignee, a sentence with `{person}` (the name with its avatar). */
  assignee: string;
  /** A pull request's or commit's author, a sentence with `{person}` (the name with its avatar). */
  author: string;
  application: (name: string) => string;
  /** With the environments' names, comma-separated. */
  inEnvironments: (environments: string) => string;
  listed: (times: number, format: NumberFormatter) => string;
  copy: string;
  copied: string;
  copyManually: string;
  markdownLabel: string;
}

export interface DiffMessages {
  changes: Record<DiffChange, string>;
  /** One tag of the summary: how many rows have this change. */
  summary: (count: number, change: DiffChange, format: NumberFormatter) => string;
  showUnchanged: string;
  columns: { environment: string; application: string; change: string; version: string; image: string; commit: string };
  /** How a screen reader reads a changed value, a sentence with `{before}` and `{after}`. */
  change: string;
  tableLabel: string;
  loadError: string;
  loading: string;
  error: string;
  empty: string;
  emptyDetail: string;
  noChange: string;
  noChangeDetail: string;
}

/** The delivery metrics' words (`ReleaseInsights`). Numbers arrive written in the provider's locale. */
export interface InsightsMessages {
  /** The accessible name of the whole view. */
  label: string;
  /** The name of the window's radio group. */
  window: string;
  /** One choice of the window, and the window named in sentences ("30 days"). */
  days: (days: number, format: NumberFormatter) => string;
  /** The titles of the four key tiles. */
  keys: { deploymentFrequency: string; changeLeadTime: string; changeFailRate: string; recoveryTime: string };
  /** Deployments per day, the number written with one decimal at most ("3.2 per day"). */
  perDay: (value: number, format: NumberFormatter) => string;
  /** Deployments per week, for fewer than one a day ("2.8 per week"). */
  perWeek: (value: number, format: NumberFormatter) => string;
  /** A tile, a stage or a cell without a value (no deployment, no change measured). */
  noData: string;
  /** How a change against the previous window is judged: better, worse, or the same. */
  verdicts: { better: string; worse: string; same: string };
  /** A fail rate's change, in percentage points ("4 pts"). */
  points: (value: number, format: NumberFormatter) => string;
  /** Under a tile's change: the previous window's value (written) and its length. */
  previous: (value: string, days: number, format: NumberFormatter) => string;
  /** Under a tile when the previous window has no value to compare with. */
  noPrevious: (days: number, format: NumberFormatter) => string;
  /** How many measured a tile's value ("from 42 changes", "of 18 deployments", "3 not recovered"). */
  basis: {
    deployments: (count: number, format: NumberFormatter) => string;
    changes: (count: number, format: NumberFormatter) => string;
    failures: (failed: number, deployments: number, format: NumberFormatter) => string;
    recoveries: (recovered: number, unrecovered: number, format: NumberFormatter) => string;
  };
  /** What each sparkline shows, by the series' bucket. */
  series: {
    deployments: { day: string; week: string };
    leadTime: { day: string; week: string };
    failRate: { day: string; week: string };
    recoveryTime: { day: string; week: string };
  };
  /**
   * A chart's accessible name: what it shows, over the window, its lowest and highest values and
   * their mean, each written ("Deployments per day over the last 30 days: from 2 to 5, 3.1 on average").
   */
  chartSummary: (series: string, days: number, lowest: string, highest: string, average: string, format: NumberFormatter) => string;
  /** A chart's accessible name when it has no value at all. */
  chartEmpty: (series: string, days: number, format: NumberFormatter) => string;
  /** The button under each chart that shows its numbers as a table (`aria-expanded` says whether it is open). */
  showTable: string;
  /** The first column of a chart's table: the bucket's start. */
  period: string;
  valueStream: {
    title: string;
    /** Under the title: what the bar shows. */
    description: string;
    /** The stage from a deployment's oldest new commit to its release. */
    commit: string;
    /** An environment waiting for what it depends on. */
    wait: (environment: string) => string;
    /** An environment running. */
    run: (environment: string) => string;
    /** The bar's accessible name: the stages' total, over the window, then each stage (`stage`s, joined). */
    summary: (total: string, days: number, stages: string, format: NumberFormatter) => string;
    /** One stage in the summary and the legend: its name, median time and share of the total. */
    stage: (stage: string, duration: string, share: string) => string;
    /** The legend's words for the stage kinds. */
    kinds: { commit: string; wait: string; run: string };
    columns: { stage: string; median: string; share: string };
    empty: string;
  };
  environments: {
    title: string;
    columns: { name: string; runs: string; succeeded: string; failed: string; successRate: string; medianDuration: string; medianWait: string };
    empty: string;
  };
  failingSteps: {
    title: string;
    columns: { step: string; environment: string; section: string; failures: string; runs: string };
    empty: string;
  };
  failedDeployments: {
    title: string;
    columns: { release: string; environment: string; failedAt: string; recovery: string };
    /** A failure with no successful deployment after it yet. */
    unrecovered: string;
    empty: string;
  };
  loading: string;
  /** The host's fetch failed (`error`). */
  loadError: string;
  /** The releases could not be measured (bad data). */
  error: string;
  /** No deployment in the window: its length in days. */
  empty: (days: number, format: NumberFormatter) => string;
  emptyDetail: string;
}

/** ReleaseComparison's words. */
export interface ComparisonMessages {
  /** The heading: a sentence with `{older}` and `{newer}` (each a release's product and version). */
  title: string;
  /** The labels of the two releases' cards in the header. */
  older: string;
  newer: string;
  /** Before a release's creation time. */
  created: string;
  /** A release with neither product nor version. */
  unnamed: string;
  environments: string;
  /** The environments table's accessible name. */
  environmentsLabel: string;
  columns: { environment: string; before: string; after: string; change: string };
  /** How a screen reader reads a changed value, a sentence with `{before}` and `{after}`. */
  change: string;
  applications: string;
  /** The notes' heading: the changes the newer release brings, with their count. */
  changes: (count: number, format: NumberFormatter) => string;
  /** Under the notes' heading: a sentence with `{older}` and `{newer}`; `{between}` counts the releases in between. */
  changesDetail: (between: number, format: NumberFormatter) => string;
  noChanges: string;
  noChangesDetail: string;
  loadError: string;
  loading: string;
  error: string;
  empty: string;
  emptyDetail: string;
  same: string;
  sameDetail: string;
  nothingChanged: string;
  nothingChangedDetail: string;
}

/**
 * Every text the components show, fully resolved (English by default). Plain strings, and small
 * functions of numbers and strings for plurals and interpolation: all return plain text, never
 * markup. Dates, relative times and durations are not messages: they follow the provider's
 * `locale` and `timeZone` through `Intl`.
 */
export interface ReleasesMessages {
  /** Labels of the release/environment/workflow status vocabulary. */
  status: Readonly<Record<Status, string>>;
  /** Labels of an application's sync status. */
  sync: Readonly<Record<SyncStatus, string>>;
  /** Labels of an application's health status. */
  health: Readonly<Record<HealthStatus, string>>;
  /** Label of a suspended step that waits for its pull request to be merged. */
  waitingForPullRequest: string;
  /** Accessible name of a status that is still being fetched. */
  loading: string;
  badge: BadgeMessages;
  common: CommonMessages;
  table: TableMessages;
  graph: GraphMessages;
  view: ViewMessages;
  environment: EnvironmentMessages;
  notes: NotesMessages;
  diff: DiffMessages;
  insights: InsightsMessages;
  comparison: ComparisonMessages;
}

/** Every key optional, at every depth: a function stays a function, a record becomes partial. */
export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/**
 * What a host passes to `ReleasesProvider`'s `messages`: any subset of `ReleasesMessages`, at any
 * depth. Unknown keys and values of the wrong kind are ignored.
 */
export type PartialReleasesMessages = DeepPartial<ReleasesMessages>;

// English defaults, one constant per group, so a bundle holds only the groups its components use.
const s = (n: number) => (n === 1 ? '' : 's');

const WAITING_FOR_PULL_REQUEST = 'Waiting for PR merge';
const LOADING_STATUS = 'Loading status';

export const BADGE_MESSAGES: BadgeMessages = {
  received: (label, raw) => `${label} (received ${raw})`,
};

export const COMMON_MESSAGES: CommonMessages = {
  manual: 'manual',
  none: 'none',
  workflows: { trigger: 'Trigger Workflow', preAction: 'Pre-Action Workflow', postAction: 'Post-Action Workflow' },
  production: 'Production',
  trigger: 'Trigger',
  notStarted: 'not started',
  waiting: {
    blocked: 'waiting for {unit}: {failed} of {total} failed',
    blockedOne: 'waiting for {unit}, which failed',
    approval: 'waiting for approval in {environment}',
    pullRequest: 'waiting for the pull request in {environment} to merge',
    upstream: 'waiting for {unit}: {finished} of {total} done',
    upstreamOne: 'waiting for {unit}',
    queued: 'queued: the release has not started',
    stopped: 'not run: the release ended',
    terminated: 'not run: the release was stopped',
  },
};

export const TABLE_MESSAGES: TableMessages = {
  columns: {
    date: 'Date',
    status: 'Status',
    initiator: 'Initiator',
    version: 'Version',
    flow: 'Promotion Flow',
    duration: 'Duration',
    commit: 'Trigger commit',
  },
  noDate: 'No date',
  notPartOfRelease: 'Not part of this release',
  tableLabel: 'Releases',
  filters: 'Release filters',
  statusFilter: 'Status',
  flowFilter: 'Promotion flow',
  environmentFilter: 'Environment',
  anyEnvironment: 'Any environment',
  from: 'From',
  to: 'To',
  search: 'Search releases',
  searchPlaceholder: 'Search version, SHA, message, initiator',
  columnsMenu: 'Columns',
  columnsShown: (shown, total, f) => `${f(shown)} / ${f(total)}`,
  clearFilters: 'Clear filters',
  selectedCount: (n, f) => (n === 0 ? 'Any' : `${f(n)} selected`),
  count: (shown, total, f) => (total !== undefined && total !== shown ? `${f(shown)} of ${f(total)} releases` : `${f(shown)} release${s(shown)}`),
  loading: 'Loading releases',
  loadingPage: 'Loading the page',
  errorTitle: 'Could not load the releases',
  dataErrorTitle: 'Could not show the releases',
  retry: 'Try again',
  emptyFiltered: 'No releases match these filters',
  emptyFilteredDetail: 'Change or clear the filters to see more.',
  empty: 'No releases yet',
  emptyDetail: 'A release appears here when a promotion starts.',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  page: (page, count, f) => (count ? `Page ${f(page)} of ${f(count)}` : `Page ${f(page)}`),
  sortBy: (column) => `Sort by ${column}`,
  groups: {
    failed: (failed, total, f) => `${f(failed)} failed / ${f(total)}`,
    succeeded: (total, f) => `${f(total)} succeeded`,
    done: (finished, total, f) => (finished === total ? `${f(total)} done` : `${f(finished)} / ${f(total)} done`),
    notStarted: (total, f) => `${f(total)} not started`,
    summary: (group, total, counts, f) => `${group}, ${f(total)} environment${s(total)}: ${counts}`,
    count: (n, status, f) => `${f(n)} ${status}`,
    expand: (group) => `Show the columns of ${group}`,
    collapse: (group) => `Hide the columns of ${group}`,
    option: (group) => `${group} (group)`,
  },
  selection: {
    column: 'Select',
    select: (release) => `Select ${release}`,
    label: 'Selected releases',
    count: (n, hidden, f) => (hidden > 0 ? `${f(n)} selected, ${f(hidden)} not shown` : `${f(n)} selected`),
    clear: 'Clear selection',
    compare: 'Compare',
    compareHint: 'Select two releases to compare',
  },
};

export const GRAPH_MESSAGES: GraphMessages = {
  label: (release) => `Promotion graph of release ${release}`,
  keyboardHelp:
    'Arrow keys go from one environment or group to another, along the promotion or across to the ones beside it. Enter or Space opens the details of an environment, or opens a group; Escape goes back to the group around it. In a grid of environments, arrow keys go from one to the next and Escape leaves the grid.',
  layoutTopToBottom: 'Lay out top to bottom',
  layoutLeftToRight: 'Lay out left to right',
  controls: 'Graph controls',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fitView: 'Fit view',
  minimap: 'Mini map',
  search: 'Find environment',
  matches: (n, f) => (n === 0 ? 'No match' : `${f(n)} match${n === 1 ? '' : 'es'}`),
  noEnvironments: 'This release has no environments.',
  layingOut: (n, f) => `Laying out ${f(n)} environment${s(n)}…`,
  error: 'Could not show the release graph',
  environment: 'environment',
  collapse: (environment) => `Hide the environments after ${environment}`,
  collapseTitle: 'Hide the environments after this one',
  issues: (n, f) => `Issues (${f(n)})`,
  issueCount: (n, f) => `${f(n)} issue${s(n)}`,
  applications: (n, f) => `Applications (${f(n)})`,
  snapshot: (n, f) => `Snapshot (${f(n)})`,
  applicationsSummary: (synced, healthy, total, f) => `${f(synced)}/${f(total)} synced · ${f(healthy)}/${f(total)} healthy`,
  more: (n, f) => `${f(n)} more environment${s(n)}`,
  show: 'Show',
  action: { commit: 'Promotion by commit', pullRequest: 'Promotion by pull request', none: 'Promotion by no action' },
  group: 'environment group',
  members: (n, f) => `${f(n)} environment${s(n)}`,
  groupTitle: '{group} · {members}',
  groupCounts: {
    succeeded: '{count} succeeded',
    failed: '{count} failed',
    terminated: '{count} terminated',
    running: '{count} running',
    waiting: '{count} waiting for a person',
    notStarted: '{count} not started',
    skipped: '{count} skipped',
  },
  groupLabel: '{group}, {members}: {counts}[, {waiting}]',
  groupProgress: '{finished} of {total} done',
  moreMembers: (n, f) => `+${f(n)} more`,
  moreGroups: (n, f) => `+${f(n)} more group${s(n)}`,
  expandGroup: 'Show what is in {group}',
  collapseGroup: 'Hide what is in {group}',
  tiles: 'Environments in {group}',
  tile: '{environment}, {status}',
  edge: 'Promotion from {from} to {to}',
};

export const ENVIRONMENT_MESSAGES: EnvironmentMessages = {
  close: 'Close',
  closeTitle: 'Close (Esc)',
  started: 'Started',
  duration: 'Duration',
  pullRequest: 'Pull request',
  pullRequestSource: '[in {repository}][ by {author}]',
  issues: (n, f) => `Issues (${f(n)})`,
  applications: (n, f) => `Applications (${f(n)})`,
  applicationsCaption: (environment) => `Applications in ${environment}`,
  viewApplication: 'View application',
  workflow: 'Workflow',
  runs: (n, f) => `${f(n)} run${s(n)}`,
  failedRuns: (n, f) => `${f(n)} failed`,
  runsOf: (step) => `Runs of ${step}`,
  template: 'Template',
  took: 'took',
  columns: {
    name: 'Application',
    sync: 'Sync',
    health: 'Health',
    promotion: 'Promotion',
    version: 'Version',
    commit: 'Commit',
    namespace: 'Namespace',
  },
  nothingRanYet: 'Nothing ran in this environment yet.',
  nothingRan: 'Nothing ran in this environment.',
  releaseEnded: (status) => `The release ended (${status}) before it reached this environment.`,
  loading: 'Loading environment details…',
  error: 'Could not show the environment details',
  issueKinds: { workflow: 'Workflow', application: 'Application', git: 'Git' },
  issueLevels: { error: 'Error', warning: 'Warning' },
  pullRequestStates: { open: 'Open', merged: 'Merged', closed: 'Closed' },
};

export const VIEW_MESSAGES: ViewMessages = {
  tabs: { graph: 'Graph', notes: 'Release notes', applications: 'Applications', timeline: 'Timeline' },
  tabListLabel: 'Release details',
  actionsLabel: 'Release actions',
  releaseNotes: 'Release notes',
  retry: 'Retry',
  terminate: 'Terminate',
  loadError: 'Could not load the release',
  error: 'Could not show the release',
  loading: 'Loading the release…',
  empty: 'No release to show',
  emptyDetail: 'Pick a release to see how it was promoted.',
  banner: (status) => `Release ${status}`,
  header: {
    unknownProduct: 'Unknown product',
    unnamedFlow: 'Unnamed flow',
    commit: 'commit',
    commitLine: 'git commit[ by {author}][ in {repository}][ on {branch}]',
    startedBy: 'Started by',
    created: 'Created',
    duration: 'Duration',
    countersLabel: 'Environments by status',
    counter: (n, status, f) => `${f(n)} ${status}`,
    showMore: 'Show more',
    showLess: 'Show less',
  },
  applications: {
    columns: {
      environment: 'Environment',
      application: 'Application',
      namespace: 'Namespace',
      version: 'Version',
      commit: 'Commit',
      sync: 'Sync',
      health: 'Health',
      promotion: 'Promotion',
    },
    caption: (release, apps, environments, f) => `Applications of ${release}: ${f(apps)} in ${f(environments)} environment${s(environments)}`,
    unnamedRelease: 'the release',
    unnamedApplication: 'Unnamed application',
    empty: 'No applications',
    emptyDetail: 'This release records no application in any environment.',
    error: 'Could not show the applications',
  },
  timeline: {
    title: 'When each environment started and finished',
    noneStarted: '(no environment has started yet)',
    bar: (environment, status, duration) => `${environment}: ${status}, ${duration}`,
    detail: (status, started, end) => `${status}, started ${started}, ${end}`,
    finished: (date) => `finished ${date}`,
    stillRunning: 'still running',
    error: 'Could not show the timeline',
  },
};

export const NOTES_MESSAGES: NotesMessages = {
  kinds: { image: 'Images', issue: 'Issues', pullRequest: 'Pull Requests', commit: 'Commits' },
  types: {
    breaking: 'Breaking changes',
    feat: 'Features',
    fix: 'Fixes',
    perf: 'Performance',
    refactor: 'Refactoring',
    revert: 'Reverts',
    docs: 'Documentation',
    test: 'Tests',
    build: 'Build',
    ci: 'Continuous integration',
    style: 'Style',
    chore: 'Chores',
    other: 'Other changes',
  },
  noApplication: 'No application',
  loadError: 'Could not load the release notes',
  loading: 'Loading release notes',
  error: 'Could not show the release notes',
  empty: 'No changes in this release',
  emptyDetail: 'No images, issues, pull requests or commits were recorded.',
  search: 'Search release notes',
  searchPlaceholder: 'Search changes',
  count: (shown, total, f) => (shown === total ? `${f(total)} change${s(total)}` : `${f(shown)} of ${f(total)} changes`),
  noMatch: 'No changes match this search',
  assignee: 'assigned to {person}',
  author: 'by {person}',
  application: (name) => `Application ${name}`,
  inEnvironments: (environments) => `in ${environments}`,
  listed: (n, f) => `listed ${f(n)} times`,
  copy: 'Copy as Markdown',
  copied: 'Copied',
  copyManually: 'Copy the Markdown below',
  markdownLabel: 'Release notes as Markdown',
};

export const DIFF_MESSAGES: DiffMessages = {
  changes: { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Unchanged' },
  summary: (n, change, f) => `${f(n)} ${change}`,
  showUnchanged: 'Show unchanged',
  columns: { environment: 'Environment', application: 'Application', change: 'Change', version: 'Version', image: 'Image', commit: 'Commit' },
  change: '{before} to {after}',
  tableLabel: 'Changes between the two releases',
  loadError: 'Could not load the releases to compare',
  loading: 'Comparing the releases',
  error: 'Could not compare the releases',
  empty: 'Nothing to compare',
  emptyDetail: 'Neither release lists any application.',
  noChange: 'No application changed',
  noChangeDetail: 'Every application runs the same version, image and commit in both releases.',
};

export const INSIGHTS_MESSAGES: InsightsMessages = {
  label: 'Delivery insights',
  window: 'Window',
  days: (n, f) => `${f(n)} day${s(n)}`,
  keys: {
    deploymentFrequency: 'Deployment frequency',
    changeLeadTime: 'Change lead time',
    changeFailRate: 'Change fail rate',
    recoveryTime: 'Failed deployment recovery time',
  },
  perDay: (n, f) => `${f(n)} per day`,
  perWeek: (n, f) => `${f(n)} per week`,
  noData: 'No data',
  verdicts: { better: 'better', worse: 'worse', same: 'no change' },
  points: (n, f) => `${f(n)} pts`,
  previous: (value, days, f) => `previous ${f(days)} day${s(days)}: ${value}`,
  noPrevious: (days, f) => `nothing to compare with in the previous ${f(days)} day${s(days)}`,
  basis: {
    deployments: (n, f) => `${f(n)} deployment${s(n)}`,
    changes: (n, f) => `from ${f(n)} change${s(n)}`,
    failures: (failed, deployments, f) => `${f(failed)} of ${f(deployments)} deployment${s(deployments)} failed`,
    recoveries: (recovered, unrecovered, f) =>
      unrecovered > 0 ? `${f(recovered)} recovered, ${f(unrecovered)} not yet` : `${f(recovered)} recover${recovered === 1 ? 'y' : 'ies'}`,
  },
  series: {
    deployments: { day: 'Deployments per day', week: 'Deployments per week' },
    leadTime: { day: 'Median change lead time per day', week: 'Median change lead time per week' },
    failRate: { day: 'Change fail rate per day', week: 'Change fail rate per week' },
    recoveryTime: { day: 'Median recovery time per day', week: 'Median recovery time per week' },
  },
  chartSummary: (series, days, lowest, highest, average, f) =>
    `${series} over the last ${f(days)} day${s(days)}: from ${lowest} to ${highest}, ${average} on average`,
  chartEmpty: (series, days, f) => `${series} over the last ${f(days)} day${s(days)}: no data`,
  showTable: 'Show as table',
  period: 'Period',
  valueStream: {
    title: 'Value stream',
    description: 'Median time from first commit to production, and where it goes',
    commit: 'Commit to release',
    wait: (environment) => `${environment} waiting`,
    run: (environment) => `${environment} running`,
    summary: (total, days, stages, f) => `From first commit to production in ${total} (median, last ${f(days)} day${s(days)}): ${stages}`,
    stage: (stage, duration, share) => `${stage} ${duration} (${share})`,
    kinds: { commit: 'Commit to release', wait: 'Waiting', run: 'Running' },
    columns: { stage: 'Stage', median: 'Median time', share: 'Share' },
    empty: 'No successful deployment in this window',
  },
  environments: {
    title: 'Environments',
    columns: {
      name: 'Environment',
      runs: 'Runs',
      succeeded: 'Succeeded',
      failed: 'Failed',
      successRate: 'Success rate',
      medianDuration: 'Median duration',
      medianWait: 'Median wait',
    },
    empty: 'No environment ran in this window',
  },
  failingSteps: {
    title: 'Failing steps',
    columns: { step: 'Step', environment: 'Environment', section: 'Workflow', failures: 'Failures', runs: 'Runs' },
    empty: 'No step failed in this window',
  },
  failedDeployments: {
    title: 'Failed deployments',
    columns: { release: 'Release', environment: 'Environment', failedAt: 'Failed', recovery: 'Recovered after' },
    unrecovered: 'not recovered yet',
    empty: 'No deployment failed in this window',
  },
  loading: 'Loading delivery metrics',
  loadError: 'Could not load the release history',
  error: 'Could not measure the releases',
  empty: (n, f) => `No deployments in the last ${f(n)} day${s(n)}`,
  emptyDetail: 'A deployment counts when a release reaches its target environments.',
};

export const COMPARISON_MESSAGES: ComparisonMessages = {
  title: 'From {older} to {newer}',
  older: 'Older',
  newer: 'Newer',
  created: 'Created',
  unnamed: 'Unnamed release',
  environments: 'Environments',
  environmentsLabel: 'Each environment in the two releases',
  columns: { environment: 'Environment', before: 'Before', after: 'After', change: 'Change' },
  change: '{before} to {after}',
  applications: 'Applications',
  changes: (n, f) => `Changes to promote (${f(n)})`,
  changesDetail: (between, f) =>
    between === 0 ? 'In {newer}, not in {older}' : between === 1 ? 'In {newer} or the release before it, not in {older}' : `In {newer} or the ${f(between)} releases before it, not in {older}`,
  noChanges: 'No new commits, pull requests or issues',
  noChangesDetail: 'The newer release carries nothing the older one did not.',
  loadError: 'Could not load the releases to compare',
  loading: 'Comparing the releases',
  error: 'Could not compare the releases',
  empty: 'Nothing to compare',
  emptyDetail: 'Select two releases to compare them.',
  same: 'The same release twice',
  sameDetail: 'Select two different releases to see what changes between them.',
  nothingChanged: 'Nothing changes',
  nothingChangedDetail: 'Both releases run the same everywhere and carry the same changes.',
};

/** The status labels and StatusBadge's words: what every component with a badge reads. */
export const STATUS_MESSAGES: Pick<ReleasesMessages, 'status' | 'sync' | 'health' | 'waitingForPullRequest' | 'loading' | 'badge'> = {
  status: STATUS_LABELS,
  sync: SYNC_LABELS,
  health: HEALTH_LABELS,
  waitingForPullRequest: WAITING_FOR_PULL_REQUEST,
  loading: LOADING_STATUS,
  badge: BADGE_MESSAGES,
};

/** Every message in English: what the components show without a `messages` override. */
export const DEFAULT_MESSAGES: ReleasesMessages = {
  status: STATUS_LABELS,
  sync: SYNC_LABELS,
  health: HEALTH_LABELS,
  waitingForPullRequest: WAITING_FOR_PULL_REQUEST,
  loading: LOADING_STATUS,
  badge: BADGE_MESSAGES,
  common: COMMON_MESSAGES,
  table: TABLE_MESSAGES,
  graph: GRAPH_MESSAGES,
  view: VIEW_MESSAGES,
  environment: ENVIRONMENT_MESSAGES,
  notes: NOTES_MESSAGES,
  diff: DIFF_MESSAGES,
  insights: INSIGHTS_MESSAGES,
  comparison: COMPARISON_MESSAGES,
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Tells a host's developer, once per key, that an override was ignored (never in production). */
function reportDropped(path: string): void {
  errorOnce(`message:${path}`, `gitops-releases: ignored the message "${path}": no such key, or not of the default's type (text, function or record).`);
}

/** The top-level keys of `ReleasesMessages`: any other key in a host's `messages` is a typo. */
const GROUPS: ReadonlySet<string> = /* @__PURE__ */ new Set(['status', 'sync', 'health', 'waitingForPullRequest', 'loading', 'badge', 'common', 'table', 'graph', 'view', 'environment', 'notes', 'diff', 'insights', 'comparison']);

/** Reports the top-level keys of a host's `messages` that name no group (development only). */
export function reportUnknownGroups(messages: unknown): void {
  if (!isObject(messages)) return;
  for (const key of Object.keys(messages)) if (!GROUPS.has(key)) reportDropped(key);
}

/**
 * `override` over `base`, deep: only keys `base` has, and only values of the kind `base` holds
 * there (a string for a string, a function for a function, a record for a record). A host's
 * function that throws or returns something else than a string falls back to `base`'s, so
 * untrusted messages never break a render. Unchanged parts keep their identity. In development,
 * each ignored override is reported once with its key path.
 */
export function mergeMessages<T extends object>(base: T, override: unknown): T {
  return merge(base, override, '');
}

function merge<T extends object>(base: T, override: unknown, path: string): T {
  if (!isObject(override)) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  let changed = false;
  // Below the top a group is whole, so a key it lacks is a typo; at the top `base` may hold only
  // the groups one component reads (see `reportUnknownGroups`).
  if (path) for (const key of Object.keys(override)) if (!Object.hasOwn(base, key)) reportDropped(`${path}${key}`);
  for (const key of Object.keys(base)) {
    const current = out[key];
    const value = Object.hasOwn(override, key) ? override[key] : undefined;
    const at = `${path}${key}`;
    let next = current;
    if (value !== undefined && isObject(value) !== isObject(current)) reportDropped(at);
    if (isObject(current)) {
      next = merge(current, value, `${at}.`);
    } else if (value !== undefined && typeof value !== typeof current) {
      reportDropped(at);
    } else if (typeof value === 'function') {
      next = guarded(value as Fn, current as Fn, at);
    } else if (value !== undefined) {
      next = value;
    }
    if (next !== current) {
      out[key] = next;
      changed = true;
    }
  }
  return changed ? (out as T) : base;
}

type Fn = (...args: unknown[]) => unknown;

function guarded(fn: Fn, fallback: Fn, path: string): Fn {
  return (...args) => {
    try {
      const text = fn(...args);
      if (typeof text === 'string') return text;
    } catch {
      // Falls back below.
    }
    reportDropped(path);
    return fallback(...args);
  };
}
