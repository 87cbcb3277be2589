import { forwardRef, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type SetStateAction } from 'react';
import {
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  getViewportForBounds,
  useReactFlow,
  useStore,
  useStoreApi,
  type AriaLabelConfig,
  type EdgeTypes,
  type NodeTypes,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';
import type { GraphOverview, GroupedReleaseGraphLayout, LayoutDirection, NavigationKey, Release, ReleaseGraphLayout, ReleaseGrouping, WorkflowStep, WorkflowStepRef } from 'gitops-releases/headless';
import {
  OVERVIEW_BELOW_ZOOM,
  OVERVIEW_FROM,
  FAR_BELOW_ZOOM,
  collapseDownstream,
  expandGroups,
  graphOverview,
  overviewHighlight,
  groupsContaining,
  groupsToOpenFor,
  neighborInDirection,
  shownUnitOf,
  showsOverview,
  tileCenter,
  toggleExpandedGroup,
} from '../../headless/internal';
import {
  GROUP_NODE_PREFIX,
  TILES_NODE_PREFIX,
  adoptLayout,
  canPlanNow,
  completeLayout,
  layoutReleaseGraphAsync,
  planLayout,
  prepareLayoutLater,
} from '../../headless/graph/layout';
import { cx } from '../internal/cx';
import { DataErrorBoundary, StateMessage, describeError } from '../internal/StateMessage';
import { useErrorReporter, useReportedError } from '../internal/report-error';
import { useNumberFormatter } from '../internal/time';
import { rootElementProps } from '../internal/root-props';
import { useControllableState } from '../internal/use-controllable-state';
import { useHydrated } from '../internal/use-hydrated';
import { useGraphMessages } from '../provider/component-messages';
import type { GraphMessages } from '../provider/messages';
import { useRootClassName } from '../provider/ReleasesProvider';
import { GraphContext, type GraphContextValue } from './context';
import { CollapsedNode, EnvironmentNode } from './EnvironmentNode';
import { createFlowModel, domId, edgeNamer, type GraphFlowNode, type PromotionFlowEdge } from './flow-model';
import { FrameNode, GroupNode, TilesNode } from './GroupNodes';
import { GraphSkeleton } from './GraphSkeleton';
import { GraphOverviewLayer } from './GraphOverview';
import { PromotionEdge } from './PromotionEdge';
import { useExpandedGroups } from './use-expanded-groups';
import { useFocusRequest } from './use-focus-request';
import type { ReleaseGraphProps } from './types';

// At module scope: React Flow warns (and remounts) when these objects change between renders.
const nodeTypes: NodeTypes = { environment: EnvironmentNode, collapsed: CollapsedNode, fleetGroup: GroupNode, fleetTiles: TilesNode, fleetFrame: FrameNode };
const edgeTypes: EdgeTypes = { promotion: PromotionEdge };
/** Above this many environments only what is in view is rendered. */
const VISIBLE_ONLY_FROM = 60;
const ARROWS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
const EMPTY_LAYOUT: ReleaseGraphLayout = { nodes: [], edges: [], width: 0, height: 0, direction: 'LR', structureKey: '' };
/**
 * How much far-out names are enlarged: at least 1 / zoom, in steps of a quarter octave, so a name
 * of 11px stays at least 11px on screen (and at most a fifth larger), and the canvas renders again
 * only when a step is crossed (not on every zoom event; the nodes never do). 0 when near.
 */
const selectFarScale = (state: ReactFlowState) => {
  const zoom = state.transform[2];
  return zoom >= FAR_BELOW_ZOOM || !(zoom > 0) ? 0 : 2 ** (Math.ceil(-Math.log2(zoom) * 4) / 4);
};
// Hidden nodes count: far out, a big graph hands React Flow its nodes hidden (its overview draws them).
const FIT_VIEW_OPTIONS = { padding: 0.1, maxZoom: 1, includeHiddenNodes: true };
const selectOverviewZoom = (state: ReactFlowState) => state.transform[2] < OVERVIEW_BELOW_ZOOM;
const NO_EDGES: PromotionFlowEdge[] = [];
/** What React Flow is given while the overview draws: every node hidden but `keep` (the Tab stop). */
const hiddenBut = (nodes: GraphFlowNode[], keep?: string) => nodes.map((node) => (node.id === keep ? node : { ...node, hidden: true }));

/** Statuses the minimap colours (the strong colour of each); the others stay neutral. */
const MINIMAP_STATUSES: ReadonlySet<string> = /* @__PURE__ */ new Set(['running', 'suspended', 'succeeded', 'failed', 'error', 'terminating', 'terminated']);
/** A minimap node in its environment's (or group's) status colour, so a failure shows in the overview too. */
function minimapNodeColor(node: { type?: string; data?: Record<string, unknown> }): string {
  // A frame is the box around an open group's nodes, which the minimap draws already.
  if (node.type === 'fleetFrame') return 'transparent';
  const data = node.data as { environment?: { status?: unknown }; group?: { status?: unknown } } | undefined;
  const status = (data?.environment ?? data?.group)?.status;
  return typeof status === 'string' && MINIMAP_STATUSES.has(status)
    ? `var(--gr-status-${status}-solid-bg, var(--gr-status-${status}-solid-bg-default))`
    : 'var(--xy-minimap-node-background-color)';
}

/**
 * The smallest zoom that still fits the whole graph (with room to spare), never above 0.5: a
 * 300-environment flow can be seen whole, a small one is not shrunk to dots.
 */
function adaptiveMinZoom(layout: { width: number; height: number }, height: number): number {
  return Math.max(0.02, Math.min(0.5, 0.8 * Math.min(800 / Math.max(layout.width, 1), height / Math.max(layout.height, 1))));
}
/**
 * Every text React Flow writes for screen readers, in the messages' words. React Flow's defaults
 * tell a reader to move nodes with the arrow keys and to delete nodes and edges; ours can do
 * neither. Typed whole, not partial: a key a newer React Flow adds fails the type check instead
 * of reaching the page in English.
 */
function reactFlowLabels(text: GraphMessages): AriaLabelConfig {
  return {
    // The hidden description every node points at (`keyboardDisabled` is the one React Flow
    // shows while its keyboard handling is on, the default; `default` the one it shows when off).
    'node.a11yDescription.default': text.keyboardHelp,
    'node.a11yDescription.keyboardDisabled': text.keyboardHelp,
    // Announced when React Flow moves a selected node with an arrow key, which never happens
    // here (nothing is selectable or draggable): the arrow keys go between environments instead.
    'node.a11yDescription.ariaLiveMessage': () => text.keyboardHelp,
    // Edges take no focus; their description is still in the page.
    'edge.a11yDescription.default': text.keyboardHelp,
    'controls.ariaLabel': text.controls,
    'controls.zoomIn.ariaLabel': text.zoomIn,
    'controls.zoomOut.ariaLabel': text.zoomOut,
    'controls.fitView.ariaLabel': text.fitView,
    // The interactivity toggle is never shown (`showInteractive={false}`): it would unlock
    // dragging and selecting, which the graph does not offer.
    'controls.interactive.ariaLabel': text.controls,
    'minimap.ariaLabel': text.minimap,
    // Not read by React Flow's React build; a handle is where an edge meets an environment.
    'handle.ariaLabel': text.environment,
  };
}

/**
 * React Flow takes `ariaLabelConfig` in an effect, and a server render runs no effects: its HTML
 * (and the hydration, which must match it) would carry React Flow's English defaults. What both
 * render from is the store's first state (its server snapshot), so the labels are put into that
 * state before React Flow first renders, below the provider that made the store. Later changes
 * of the messages reach React Flow through the prop.
 */
function useInitialLabels(labels: AriaLabelConfig): void {
  const store = useStoreApi();
  useState(() => {
    // The same object as the store's initial state until the first update (React Flow's own
    // effects, after this render): a new object here would not be the server snapshot.
    const state: { ariaLabelConfig: AriaLabelConfig } = store.getState();
    state.ariaLabelConfig = labels;
    return null;
  });
}

/** A server has no box to measure: React Flow draws its nodes there only at a fixed size. */
const SERVER_WIDTH = 1200;

/**
 * The view that fits the whole graph into a box of the server's width, computed from the layout
 * before anything is measured. React Flow starts its pan and zoom at `defaultViewport` (zoom 1
 * unless told otherwise) and fits only once the nodes are measured; starting at the fitted view
 * instead means a large graph is drawn once, compact, rather than drawn at full detail around the
 * origin and then again when fitted.
 */
function fittedViewport(layout: { width: number; height: number }, height: number): Viewport {
  const bounds = { x: 0, y: 0, width: Math.max(layout.width, 1), height: Math.max(layout.height, 1) };
  return getViewportForBounds(bounds, SERVER_WIDTH, height, adaptiveMinZoom(layout, height), FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding);
}

/**
 * How one release's promotion moved across its environments, laid out with dagre inside React
 * Flow. A new `release` object with the same structure (the common live update) patches the
 * changed nodes in place: no relayout, no remount. Bad data shows inline, never a blank page.
 */
export const ReleaseGraph = /* @__PURE__ */ forwardRef<HTMLDivElement, ReleaseGraphProps>(function ReleaseGraph(props, ref) {
  const rootClassName = useRootClassName();
  const { text } = useGraphMessages();
  const { release, className, style, classNames, height = 480, defaultDirection, onDirectionChange } = props;
  const [direction, changeDirection] = useControllableState<LayoutDirection>(
    props.direction === undefined ? undefined : props.direction === 'TB' ? 'TB' : 'LR',
    defaultDirection === 'TB' ? 'TB' : 'LR',
    onDirectionChange,
  );
  // The accessible name is the canvas region's (below), not the root's.
  const passed = rootElementProps(props);
  delete passed['aria-label'];
  const environments = release?.environments;
  const report = useErrorReporter('ReleaseGraph', props.onError);
  return (
    <div
      {...passed}
      ref={ref}
      className={cx(rootClassName, 'gr-release-graph', classNames?.root, className)}
      style={{ height, ...style }}
      data-direction={direction}
    >
      {!Array.isArray(environments) || environments.length === 0 ? (
        <StateMessage kind="empty" title={text.noEnvironments} />
      ) : (
        <DataErrorBoundary title={text.error} resetKey={release} onError={report}>
          <GraphModel {...props} direction={direction} changeDirection={changeDirection} />
        </DataErrorBoundary>
      )}
    </div>
  );
});

interface GraphModelState {
  changeDirection: (direction: LayoutDirection) => void;
  graphLayout: ReleaseGraphLayout | GroupedReleaseGraphLayout;
  nodes: GraphFlowNode[];
  edges: PromotionFlowEdge[];
  toggleCollapsed: (name: string) => void;
  /** The ids of the open groups, and how to change them. */
  expanded: readonly string[];
  setExpanded: (next: SetStateAction<readonly string[]>) => void;
  /** A newer structure is being laid out off the main thread: what is drawn is the last one. */
  busy: boolean;
  /** The whole graph as a few paths, for big flat graphs (`graphOverview`): drawn far out. */
  overview: GraphOverview | undefined;
}

/** What the graph draws, or what it waits for. */
interface Computed {
  layout: ReleaseGraphLayout | GroupedReleaseGraphLayout;
  nodes: GraphFlowNode[];
  edges: PromotionFlowEdge[];
  error: unknown;
  /**
   * Set while the structure is laid out in a worker, or grouped in a later task (then `key` is not
   * a structure's: the structure is what that task finds out).
   */
  pending?: { key: string; run: (signal: AbortSignal) => Promise<unknown>; grouping?: ReleaseGrouping; count: number };
}

/** Tells one grouping deferred to a later task from the next. */
let deferrals = 0;

/** A box for the last value drawn: kept across renders, read while a newer one is made. */
function rememberLast<T>() {
  let value: T | undefined;
  return { get: () => value, set: (next: T) => void (value = next) };
}

/** Whether big layouts can leave the main thread here. */
const canUseWorkers = (option: ReleaseGraphProps['layoutWorker']) => option !== false && (option !== undefined || typeof Worker === 'function');

/**
 * Lays the release out (from the structure cache when only statuses changed) and patches the
 * React Flow model, above the React Flow provider so a server render can seed it with nodes.
 * A big new structure is laid out in a worker: meanwhile the graph shows the last structure it
 * drew (busy), or at mount an outline of its groups. Thousands of environments in a structure not
 * grouped yet are grouped in a task of their own first (never on the server or while hydrating:
 * the markup must match), behind the same outline.
 */
function GraphModel(props: ReleaseGraphProps & { changeDirection: (direction: LayoutDirection) => void }) {
  const { release, direction: directionProp, height = 480, groupBy, autoGroupThreshold, layout: given, layoutWorker } = props;
  const direction: LayoutDirection = directionProp === 'TB' ? 'TB' : 'LR';
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [model] = useState(createFlowModel);
  // The last layout drawn, shown while a newer structure is laid out elsewhere.
  const [last] = useState(rememberLast<{ release: string; drawn: Computed }>);
  // The release a later task last grouped: never deferred again, whatever the cache says.
  const [prepared] = useState(rememberLast<Release>);
  const [expanded, setExpanded] = useExpandedGroups({ ...props, grouping: { groupBy, autoGroupThreshold } });
  // On the server and while hydrating, layouts are made here, as the server made them.
  const hydrated = useHydrated();
  const { text } = useGraphMessages();
  const formatNumber = useNumberFormatter();
  // Edges are named in the reader's words: React Flow's own name is English and says ids.
  const nameEdge = useMemo(() => edgeNamer(text.edge, (count) => text.more(count, formatNumber)), [text, formatNumber]);
  // Bumped when a worker's layout has reached the cache: the layout is then quick.
  const [arrived, setArrived] = useState(0);
  const [failed, setFailed] = useState<{ key: string; error: unknown }>();
  const computed = useMemo((): Computed => {
    try {
      const shown = collapseDownstream(release, collapsed);
      const options = { direction, groups: { groupBy, autoGroupThreshold, expanded } };
      const count = shown.release.environments.length;
      // The last structure of this release stays on screen (busy); another release's never does.
      const waitFor = (pending: NonNullable<Computed['pending']>): Computed => {
        const previous = last.get();
        const onScreen = previous?.release === release.id ? previous.drawn : { layout: EMPTY_LAYOUT, nodes: [], edges: [] };
        return { ...onScreen, error: undefined, pending };
      };
      if (hydrated && prepared.get() !== shown.release && !canPlanNow(shown.release, options)) {
        // Thousands of environments in a structure not grouped yet: grouping them takes tens of
        // milliseconds, a long task with the render. The outline now, the grouping and a quick
        // layout in a task of their own, the graph in the render after that.
        const run = (signal: AbortSignal) => prepareLayoutLater(shown.release, options, { signal, layout: given }).then(() => prepared.set(shown.release));
        return waitFor({ key: `\u0000later:${++deferrals}`, run, count });
      }
      const plan = planLayout(shown.release, options);
      if (given) adoptLayout(plan, given);
      if (hydrated && canUseWorkers(layoutWorker) && !plan.quick()) {
        const run = (signal: AbortSignal) => layoutReleaseGraphAsync(shown.release, options, { signal, worker: layoutWorker });
        return waitFor({ key: plan.structureKey, run, grouping: plan.grouping, count });
      }
      // Served from the structure cache when only statuses changed: dagre does not run again.
      const laidOut = completeLayout(plan);
      const drawn = { layout: laidOut, ...model.patch(laidOut, shown.hidden, nameEdge), error: undefined };
      last.set({ release: release.id, drawn });
      return drawn;
    } catch (error) {
      // Caught here, not only by the boundary: a server render has no error boundaries.
      return { layout: EMPTY_LAYOUT, nodes: [] as GraphFlowNode[], edges: [] as PromotionFlowEdge[], error };
    }
    // `arrived` is not read: a worker's layout is in the cache, and this memo must look again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [release, collapsed, direction, model, groupBy, autoGroupThreshold, expanded, given, hydrated, layoutWorker, last, arrived, nameEdge]);
  const pending = computed.pending;
  const pendingKey = pending?.key;
  useEffect(() => {
    if (!pending) return;
    const controller = new AbortController();
    pending.run(controller.signal).then(
      () => setArrived((count) => count + 1),
      (error: unknown) => controller.signal.aborted || setFailed({ key: pending.key, error }),
    );
    // Aborted when the structure changes again (a status-only update keeps the key, and the job)
    // and on unmount; a job nobody waits for is dropped and its worker terminated. A grouping
    // deferred to a later task has a key per release: a newer release (not grouped yet either)
    // replaces it before it runs.
    return () => controller.abort();
    // Keyed by the structure: live updates of the same structure must not restart the layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pendingKey]);
  // Big flat graphs draw far out as an overview: a few paths instead of thousands of elements.
  const overview = useMemo(() => (computed.nodes.length >= OVERVIEW_FROM ? graphOverview(computed.layout) : undefined), [computed]);
  const numericHeight = typeof height === 'number' ? height : 480;
  const error = computed.error ?? (failed && failed.key === pendingKey ? failed.error : undefined);
  useReportedError('ReleaseGraph', error, props.onError);
  const toggleCollapsed = useCallback(
    (name: string) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
    [],
  );

  if (error !== undefined) {
    return <GraphError error={error} />;
  }
  if (pending && computed.nodes.length === 0) {
    return <GraphSkeleton grouping={pending.grouping} count={pending.count} height={height} />;
  }
  return (
    <FlowProvider computed={computed} overview={overview} height={numericHeight}>
      <GraphCanvas
        {...props}
        graphLayout={computed.layout}
        nodes={computed.nodes}
        edges={computed.edges}
        toggleCollapsed={toggleCollapsed}
        expanded={expanded}
        setExpanded={setExpanded}
        busy={pending !== undefined}
        overview={overview}
      />
    </FlowProvider>
  );
}

/**
 * React Flow's store, seeded with the first nodes: on the server, and at mount already fitted (so
 * drawn at the right level of detail). Read once, when it mounts; later nodes come as props. When
 * the fitted view is that far out, the nodes are hidden but the first (the Tab stop of a server
 * render; the canvas then moves it to the selection) and the overview draws them.
 */
function FlowProvider({ computed, overview, height, children }: { computed: Computed; overview: GraphOverview | undefined; height: number; children: ReactNode }) {
  const [initial] = useState(() => {
    const far = overview !== undefined && showsOverview(computed.nodes.length, fittedViewport(computed.layout, height).zoom);
    return far ? { nodes: hiddenBut(computed.nodes, computed.nodes[0]?.id), edges: NO_EDGES } : { nodes: computed.nodes, edges: computed.edges };
  });
  return (
    <ReactFlowProvider
      initialNodes={initial.nodes}
      initialEdges={initial.edges}
      initialWidth={SERVER_WIDTH}
      initialHeight={height}
      initialMinZoom={adaptiveMinZoom(computed.layout, height)}
      initialFitViewOptions={FIT_VIEW_OPTIONS}
      fitView
    >
      {children}
    </ReactFlowProvider>
  );
}

function GraphError({ error }: { error: unknown }) {
  const { text } = useGraphMessages();
  return <StateMessage kind="error" title={text.error} detail={describeError(error)} />;
}

/** A node's id in the flow for the unit that shows an environment. */
function unitNodeId(unit: NonNullable<ReturnType<typeof shownUnitOf>>): string {
  if (unit.type === 'environment') return domId(unit.name);
  return domId(`${unit.type === 'group' ? GROUP_NODE_PREFIX : TILES_NODE_PREFIX}${unit.id}`);
}

/** Where the view goes to show an environment: its node's centre, or its tile's in a grid. */
function environmentTarget(node: GraphFlowNode, name: string): { point: { x: number; y: number }; tile?: number } {
  const centre = { x: node.position.x + (node.width ?? 0) / 2, y: node.position.y + (node.height ?? 0) / 2 };
  if (node.type !== 'fleetTiles') return { point: centre };
  const tile = node.data.names.indexOf(name);
  if (tile < 0) return { point: centre };
  const offset = tileCenter(tile, node.data.columns);
  return { point: { x: node.position.x + offset.x, y: node.position.y + offset.y }, tile };
}

/** True when group `id` is `ancestor` or lies inside it. */
function isWithin(grouping: ReleaseGrouping, id: string, ancestor: string): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = grouping.groups.get(at)?.parent) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
}

/** What a reveal waits for: the layout that shows an environment once its groups are open. */
interface PendingReveal {
  name: string;
  zoom: number | undefined;
  focus: boolean;
}

function GraphCanvas({
  release,
  direction: directionProp,
  selectedEnvironment,
  defaultSelectedEnvironment = null,
  onSelectedEnvironmentChange,
  onEnvironmentOpen,
  onWorkflowStepSelect,
  defaultFocusEnvironment,
  focusEnvironment,
  showControls = true,
  showMinimap = false,
  showSearch = true,
  height = 480,
  classNames,
  'aria-label': ariaLabel,
  graphLayout: layout,
  nodes,
  edges,
  toggleCollapsed,
  busy,
  overview,
  changeDirection,
  expanded,
  setExpanded,
}: ReleaseGraphProps & GraphModelState) {
  const flow = useReactFlow();
  const { text } = useGraphMessages();
  const formatNumber = useNumberFormatter();
  const wrapper = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const direction: LayoutDirection = directionProp === 'TB' ? 'TB' : 'LR';
  const grouping = 'grouping' in layout ? layout.grouping : undefined;

  // Read at mount only (a deep link): later values neither move the view nor the focus.
  const [initialFocus] = useState(() => defaultFocusEnvironment ?? focusEnvironment);
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);

  // The host's callbacks, read at call time: a host passing new functions each render must not
  // make every node re-render.
  const callbacks = useRef({ onSelectedEnvironmentChange, onEnvironmentOpen, onWorkflowStepSelect });
  // An effect, not a layout effect: events come after effects, and React 18 warns about layout
  // effects in a server render.
  useEffect(() => {
    callbacks.current = { onSelectedEnvironmentChange, onEnvironmentOpen, onWorkflowStepSelect };
  });

  const onSelectionChange = useCallback((name: string | null) => callbacks.current.onSelectedEnvironmentChange?.(name), []);
  const [selectedId, setSelected] = useControllableState<string | null>(
    selectedEnvironment,
    initialFocus ?? defaultSelectedEnvironment,
    onSelectionChange,
  );
  // A stable `select` for the nodes' context and React Flow's handlers (a new handler re-renders
  // every node wrapper), reaching the latest setter at call time.
  const latestSetSelected = useRef(setSelected);
  useEffect(() => {
    latestSetSelected.current = setSelected;
  });
  // The node the arrow keys last reached when it shows no one environment (a group, a grid): it
  // keeps the Tab stop until an environment is selected.
  const [keyboardAt, setKeyboardAt] = useState<string | null>(null);
  const select = useCallback((name: string | null) => {
    setKeyboardAt(null);
    latestSetSelected.current(name);
  }, []);

  const byId = useMemo(() => new Map(nodes.map((node) => [node.id, node])), [nodes]);
  // What the handlers below read at call time, so that they keep their identity across renders.
  const latest = useRef({ grouping, expanded, byId, layout });
  useEffect(() => {
    latest.current = { grouping, expanded, byId, layout };
  });

  const centerOnNode = useCallback(
    (id: string, zoom?: number) => {
      const node = latest.current.byId.get(id);
      if (!node) return;
      void flow.setCenter(node.position.x + (node.width ?? 0) / 2, node.position.y + (node.height ?? 0) / 2, {
        zoom: zoom ?? Math.max(flow.getZoom(), 0.8),
        duration: 200,
      });
    },
    [flow],
  );

  const focusNode = useFocusRequest(wrapper);

  // Shows an environment (and focuses it): inside a closed group, the groups it is in open first,
  // and the view goes there once the layout shows it.
  const pendingReveal = useRef<PendingReveal | null>(null);
  const reveal = useCallback(
    (name: string, options: { zoom?: number; focus?: boolean; openGroups?: boolean } = {}) => {
      const { grouping: current, expanded: open, byId: shown } = latest.current;
      const unit = current ? shownUnitOf(current, open, name) : { type: 'environment' as const, name };
      if (!unit) {
        // Not in the layout (behind a collapsed placeholder) or not in the release: nothing to show.
        return;
      }
      if (unit.type === 'group' && options.openGroups !== false && current) {
        const next = expandGroups(open, groupsToOpenFor(current, name));
        if (next !== open) {
          pendingReveal.current = { name, zoom: options.zoom, focus: options.focus ?? false };
          setExpanded(next);
          return;
        }
      }
      const id = unitNodeId(unit);
      const node = shown.get(id);
      if (!node) return;
      const target = environmentTarget(node, name);
      void flow.setCenter(target.point.x, target.point.y, { zoom: options.zoom ?? Math.max(flow.getZoom(), 0.8), duration: 200 });
      if (options.focus) focusNode(id, target.tile);
    },
    [flow, focusNode, setExpanded],
  );

  // A group opened or closed: the view follows it, and focus moves in (or back to its node) when
  // the keyboard did it. Done once the layout shows the change.
  const pendingToggle = useRef<{ id: string; opened: boolean; from: 'pointer' | 'keyboard' } | null>(null);
  const toggleGroup = useCallback(
    (id: string, from: 'pointer' | 'keyboard') => {
      const { grouping: current, expanded: open } = latest.current;
      if (!current || !current.groups.has(id)) return;
      pendingToggle.current = { id, opened: !open.includes(id), from };
      setExpanded((previous) => toggleExpandedGroup(current, previous, id));
    },
    [setExpanded],
  );

  useEffect(() => {
    const toggled = pendingToggle.current;
    if (toggled && 'frames' in layout) {
      const frame = layout.frames.find((candidate) => candidate.group.id === toggled.id);
      if (toggled.opened && frame) {
        pendingToggle.current = null;
        // The whole open group in view, never closer than its own size.
        const box = wrapper.current;
        const bounds = { x: frame.position.x, y: frame.position.y, width: frame.width, height: frame.height };
        const zoomFloor = adaptiveMinZoom(layout, box?.clientHeight || 480);
        void flow.setViewport(getViewportForBounds(bounds, box?.clientWidth || SERVER_WIDTH, box?.clientHeight || 480, zoomFloor, 1, 0.1), { duration: 200 });
        if (toggled.from === 'keyboard') {
          // Into the group: its first unit along the flow, the top (or leftmost) one of those.
          const cross = (node: GraphFlowNode) => (direction === 'LR' ? node.position.y : node.position.x);
          const inside = nodes
            .filter((node): node is Exclude<GraphFlowNode, { type: 'fleetFrame' }> => {
              if (node.type === 'fleetFrame' || !grouping) return false;
              if (node.type === 'fleetGroup' || node.type === 'fleetTiles') return isWithin(grouping, node.data.group.id, toggled.id);
              return grouping.groupsOf.get(node.data.environment.name)?.includes(toggled.id) ?? false;
            })
            .sort((a, b) => a.data.rank - b.data.rank || cross(a) - cross(b))[0];
          if (inside) {
            setKeyboardAt(inside.id);
            focusNode(inside.id);
          }
        }
      } else if (!toggled.opened && !frame) {
        pendingToggle.current = null;
        const id = domId(`${GROUP_NODE_PREFIX}${toggled.id}`);
        if (byId.has(id)) {
          centerOnNode(id, flow.getZoom());
          if (toggled.from === 'keyboard') {
            setKeyboardAt(id);
            focusNode(id);
          }
        }
      }
    }
    const waiting = pendingReveal.current;
    if (waiting) {
      pendingReveal.current = null;
      // Once: a host that keeps the groups closed leaves the view on the group.
      reveal(waiting.name, { zoom: waiting.zoom, focus: waiting.focus, openGroups: false });
    }
  }, [layout, nodes, byId, grouping, direction, flow, focusNode, centerOnNode, reveal]);

  // Escape: to the header of the innermost open group around a node (a grid's is its group's).
  const focusGroupAround = useCallback((nodeId: string) => {
    const { grouping: current, byId: shown } = latest.current;
    const node = shown.get(nodeId);
    if (!current || !node || node.type === 'fleetFrame') return;
    let around: string | undefined;
    if (node.type === 'fleetTiles') around = node.data.group.id;
    else if (node.type === 'fleetGroup') around = current.groups.get(node.data.group.id)?.parent;
    else around = current.groupsOf.get(node.data.environment.name)?.at(-1);
    if (around === undefined) return;
    wrapper.current?.querySelector<HTMLElement>(`[data-frame-for="${CSS.escape(domId(around))}"]`)?.focus({ preventScroll: true });
  }, []);

  // Refit when the canvas changes size (a details panel opens beside it), unless the reader has
  // moved the view: then only keep the selected environment in sight.
  const userMoved = useRef(false);
  const selectedRef = useRef(selectedId);
  useEffect(() => {
    selectedRef.current = selectedId;
  });
  useEffect(() => {
    const element = wrapper.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    let last = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (Math.abs(element.clientWidth - last) < 8) return;
      last = element.clientWidth;
      if (!userMoved.current) void flow.fitView({ padding: 0.1, maxZoom: 1, duration: 150 });
      else if (selectedRef.current) reveal(selectedRef.current, { openGroups: false });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [flow, reveal]);

  // Every environment counts, those inside closed groups too: their groups are marked.
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (needle === '') return undefined;
    return new Set(release.environments.filter((e) => e.name.toLowerCase().includes(needle)).map((e) => e.name));
  }, [query, release]);
  const matchedGroups = useMemo(() => (matches && grouping ? groupsContaining(grouping, matches) : undefined), [matches, grouping]);

  // Memoized on plain strings, not on the release or the layout (new objects on every live
  // update): every node reads this context, so a new value re-renders all of them.
  const triggerEnvironment = release.trigger?.environment ?? '';
  const firstNode = nodes.find((node) => node.type !== 'fleetFrame')?.id;
  /** The node that shows an environment now: its own, its grid's, or its closed group's. */
  const nodeShowing = (name: string): string | undefined => {
    const unit = grouping ? shownUnitOf(grouping, expanded, name) : undefined;
    const id = unit ? unitNodeId(unit) : domId(name);
    return byId.has(id) ? id : undefined;
  };
  const activeId =
    (keyboardAt !== null && byId.has(keyboardAt) ? keyboardAt : undefined) ??
    (selectedId !== null ? nodeShowing(selectedId) : undefined) ??
    (triggerEnvironment ? nodeShowing(triggerEnvironment) : undefined) ??
    firstNode;
  // Far out, a big flat graph is its overview: React Flow keeps only the Tab stop as a node.
  const far = useStore(selectOverviewZoom);
  const drawOverview = overview !== undefined && far;
  const flowNodes = useMemo(() => (drawOverview ? hiddenBut(nodes, activeId) : nodes), [drawOverview, nodes, activeId]);
  // Far out, the overview outlines the matches: it has no node to mark.
  const highlight = useMemo(() => (drawOverview && matches ? overviewHighlight(layout, matches) : ''), [drawOverview, matches, layout]);
  const grouped = grouping !== undefined && grouping.groups.size > 0;
  const nodeClassName = classNames?.node;
  const edgeClassName = classNames?.edge;
  const context = useMemo<GraphContextValue>(
    () => ({
      direction,
      activeId,
      selectedId,
      matches,
      matchedGroups,
      triggerEnvironment,
      select,
      open: (name) => callbacks.current.onEnvironmentOpen?.(name),
      selectStep: (step: WorkflowStepRef, workflowStep: WorkflowStep) => {
        select(step.environment);
        callbacks.current.onWorkflowStepSelect?.(step, workflowStep);
      },
      toggleCollapsed,
      toggleGroup,
      focusGroupAround,
      grouped,
      nodeClassName,
      edgeClassName,
    }),
    [direction, activeId, selectedId, matches, matchedGroups, triggerEnvironment, select, toggleCollapsed, toggleGroup, focusGroupAround, grouped, nodeClassName, edgeClassName],
  );

  // Stable handlers: React Flow re-renders every node wrapper when a handler prop changes.
  const onNodeClick = useCallback(
    (_event: unknown, node: GraphFlowNode) => {
      if (node.type === 'environment') select(node.data.environment.name);
      else if (node.type === 'fleetGroup') toggleGroup(node.data.group.id, 'pointer');
    },
    [select, toggleGroup],
  );
  const onNodeDoubleClick = useCallback((_event: unknown, node: GraphFlowNode) => {
    if (node.type === 'environment') callbacks.current.onEnvironmentOpen?.(node.data.environment.name);
  }, []);
  const onMove = useCallback((event: unknown) => {
    // An event means the reader panned or zoomed; our own fitView and setCenter have none. Not on
    // move start: a plain click on a node starts a move that moves nothing.
    if (event) userMoved.current = true;
  }, []);
  // The minimap only after hydration: React Flow picks its shape-rendering attribute from the
  // browser (window.chrome), so a server's markup would differ from Firefox's or Safari's.
  const hydrated = useHydrated();
  const onInit = useCallback(() => {
    if (initialFocus) reveal(initialFocus, { zoom: 1, focus: true });
  }, [initialFocus, reveal]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!ARROWS.has(event.key)) return;
    const target = event.target as HTMLElement;
    const element = target.closest<HTMLElement>('[data-env-id], [data-node-id]');
    const from = element?.dataset.envId ?? element?.dataset.nodeId;
    // Only from a node itself: a row, a button or a tile inside one handles its own keys.
    if (!from || element !== target) return;
    event.preventDefault();
    const placed = nodes.filter((node) => node.type !== 'fleetFrame') as Array<GraphFlowNode & { data: { rank: number } }>;
    const next = neighborInDirection(placed, edges, from, event.key as NavigationKey, direction);
    const node = next === undefined ? undefined : byId.get(next);
    if (!next || !node) return;
    if (node.type === 'environment') select(node.data.environment.name);
    else setKeyboardAt(next);
    centerOnNode(next, flow.getZoom());
    focusNode(next);
  };

  const goToMatch = (step: number) => {
    if (!matches || matches.size === 0) return;
    // In the release's order; those a collapsed placeholder hides cannot be shown.
    const list = release.environments.filter((environment) => matches.has(environment.name) && (grouping ? grouping.groupsOf.has(environment.name) : byId.has(domId(environment.name))));
    if (list.length === 0) return;
    const index = (((matchIndex + step) % list.length) + list.length) % list.length;
    setMatchIndex(index);
    const target = list[index]!.name;
    select(target);
    reveal(target, { zoom: 1 });
  };

  const numericHeight = typeof height === 'number' ? height : 480;
  const minZoom = adaptiveMinZoom(layout, numericHeight);
  // Read once, when React Flow mounts its pan and zoom.
  const [defaultViewport] = useState(() => fittedViewport(layout, numericHeight));
  const farScale = useStore(selectFarScale);

  // React Flow's own words (controls, minimap, the hidden node and edge descriptions).
  const ariaLabelConfig = useMemo(() => reactFlowLabels(text), [text]);
  useInitialLabels(ariaLabelConfig);

  const onServer = typeof window === 'undefined';
  return (
    <GraphContext.Provider value={context}>
      <div
        ref={wrapper}
        className="gr-release-graph__canvas"
        role="region"
        aria-label={ariaLabel ?? text.label(release.name ?? release.id)}
        aria-describedby={`${searchId}-help`}
        data-zoom={farScale > 0 ? 'far' : 'near'}
        aria-busy={busy || undefined}
        style={farScale > 0 ? { ['--_gr-graph-far-scale' as string]: farScale } : undefined}
        onKeyDown={onKeyDown}
      >
        <p id={`${searchId}-help`} className="gr-visually-hidden">
          {text.keyboardHelp}
        </p>
        {busy ? (
          <p className="gr-release-graph__busy" role="status">
            {text.layingOut(release.environments.length, formatNumber)}
          </p>
        ) : null}
        <ReactFlow
          nodes={flowNodes}
          edges={drawOverview ? NO_EDGES : edges}
          {...(onServer ? { width: SERVER_WIDTH, height: numericHeight } : {})}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          ariaLabelConfig={ariaLabelConfig}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          onlyRenderVisibleElements={nodes.length >= VISIBLE_ONLY_FROM}
          minZoom={minZoom}
          maxZoom={2}
          defaultViewport={defaultViewport}
          fitView={!initialFocus}
          fitViewOptions={FIT_VIEW_OPTIONS}
          onMove={onMove}
          onInit={onInit}
          // Handlers on the nodes also give them pointer events (React Flow turns them off otherwise).
          onNodeClick={onNodeClick}
          onNodeDoubleClick={onNodeDoubleClick}
          zoomOnDoubleClick={false}
        >
          {showControls ? (
            <Controls showInteractive={false} position="bottom-left">
              <ControlButton
                onClick={() => changeDirection(direction === 'LR' ? 'TB' : 'LR')}
                aria-label={direction === 'LR' ? text.layoutTopToBottom : text.layoutLeftToRight}
                title={direction === 'LR' ? text.layoutTopToBottom : text.layoutLeftToRight}
                className="gr-release-graph__direction"
              >
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  {direction === 'LR' ? <path d="M8 2v10M4 8l4 4 4-4" /> : <path d="M2 8h10M8 4l4 4-4 4" />}
                </svg>
              </ControlButton>
            </Controls>
          ) : null}
          {drawOverview ? <GraphOverviewLayer overview={overview} highlight={highlight} /> : null}
          {showMinimap && hydrated ? <MiniMap pannable zoomable position="bottom-right" className="gr-release-graph__minimap" nodeColor={minimapNodeColor} /> : null}
        </ReactFlow>
        {showSearch ? (
          <div className={cx('gr-release-graph__toolbar', classNames?.toolbar)}>
            <label htmlFor={searchId} className="gr-visually-hidden">
              {text.search}
            </label>
            <input
              id={searchId}
              type="search"
              className="gr-release-graph__search"
              placeholder={text.search}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setMatchIndex(-1);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  goToMatch(event.shiftKey ? -1 : 1);
                }
              }}
            />
            {matches ? (
              <span className="gr-release-graph__matches" role="status">
                {text.matches(matches.size, formatNumber)}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
    </GraphContext.Provider>
  );
}
