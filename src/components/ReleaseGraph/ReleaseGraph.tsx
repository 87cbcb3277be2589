import { forwardRef, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  getViewportForBounds,
  useReactFlow,
  useStoreApi,
  type AriaLabelConfig,
  type EdgeTypes,
  type NodeTypes,
  type Viewport,
} from '@xyflow/react';
import type { LayoutDirection, NavigationKey, ReleaseGraphLayout, WorkflowStep, WorkflowStepRef } from 'gitops-releases/headless';
import { collapseDownstream, neighborInDirection, COLLAPSED_PREFIX } from '../../headless/internal';
import { layoutReleaseGraph } from '../../headless/graph/layout';
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
import { createFlowModel, type EnvironmentFlowNode, type PromotionFlowEdge } from './flow-model';
import { PromotionEdge } from './PromotionEdge';
import { useFocusRequest } from './use-focus-request';
import type { ReleaseGraphProps } from './types';

// At module scope: React Flow warns (and remounts) when these objects change between renders.
const nodeTypes: NodeTypes = { environment: EnvironmentNode, collapsed: CollapsedNode };
const edgeTypes: EdgeTypes = { promotion: PromotionEdge };
/** Above this many environments only what is in view is rendered. */
const VISIBLE_ONLY_FROM = 60;
const ARROWS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
const EMPTY_LAYOUT: ReleaseGraphLayout = { nodes: [], edges: [], width: 0, height: 0, direction: 'LR', structureKey: '' };
const FIT_VIEW_OPTIONS = { padding: 0.1, maxZoom: 1 };

/** Statuses the minimap colours (the strong colour of each); the others stay neutral. */
const MINIMAP_STATUSES: ReadonlySet<string> = /* @__PURE__ */ new Set(['running', 'suspended', 'succeeded', 'failed', 'error', 'terminating', 'terminated']);
/** A minimap node in its environment's status colour, so a failure shows in the overview too. */
function minimapNodeColor(node: { data?: Record<string, unknown> }): string {
  const status = (node.data as { environment?: { status?: unknown } } | undefined)?.environment?.status;
  return typeof status === 'string' && MINIMAP_STATUSES.has(status)
    ? `var(--gr-status-${status}-solid-bg, var(--gr-status-${status}-solid-bg-default))`
    : 'var(--xy-minimap-node-background-color)';
}

/**
 * The smallest zoom that still fits the whole graph (with room to spare), never above 0.5: a
 * 300-environment flow can be seen whole, a small one is not shrunk to dots.
 */
function adaptiveMinZoom(layout: ReleaseGraphLayout, height: number): number {
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
function fittedViewport(layout: ReleaseGraphLayout, height: number): Viewport {
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
  layout: ReleaseGraphLayout;
  nodes: EnvironmentFlowNode[];
  edges: PromotionFlowEdge[];
  toggleCollapsed: (name: string) => void;
}

/**
 * Lays the release out (from the structure cache when only statuses changed) and patches the
 * React Flow model, above the React Flow provider so a server render can seed it with nodes.
 */
function GraphModel(props: ReleaseGraphProps & { changeDirection: (direction: LayoutDirection) => void }) {
  const { release, direction: directionProp, height = 480 } = props;
  const direction: LayoutDirection = directionProp === 'TB' ? 'TB' : 'LR';
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [model] = useState(createFlowModel);
  const computed = useMemo(() => {
    try {
      const shown = collapseDownstream(release, collapsed);
      // Served from the structure cache when only statuses changed: dagre does not run again.
      const laidOut = layoutReleaseGraph(shown.release, { direction });
      return { layout: laidOut, ...model.patch(laidOut, shown.hidden), error: undefined };
    } catch (error) {
      // Caught here, not only by the boundary: a server render has no error boundaries.
      return { layout: EMPTY_LAYOUT, nodes: [] as EnvironmentFlowNode[], edges: [] as PromotionFlowEdge[], error };
    }
  }, [release, collapsed, direction, model]);
  useReportedError('ReleaseGraph', computed.error, props.onError);
  const toggleCollapsed = useCallback(
    (name: string) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
    [],
  );

  if (computed.error !== undefined) {
    return <GraphError error={computed.error} />;
  }
  const numericHeight = typeof height === 'number' ? height : 480;
  return (
    // The initial* props matter on the server only (and at mount): later updates come as props.
    <ReactFlowProvider
      initialNodes={computed.nodes}
      initialEdges={computed.edges}
      initialWidth={SERVER_WIDTH}
      initialHeight={numericHeight}
      // The first render is already fitted (and so drawn at the right level of detail).
      initialMinZoom={adaptiveMinZoom(computed.layout, numericHeight)}
      initialFitViewOptions={FIT_VIEW_OPTIONS}
      fitView
    >
      <GraphCanvas {...props} layout={computed.layout} nodes={computed.nodes} edges={computed.edges} toggleCollapsed={toggleCollapsed} />
    </ReactFlowProvider>
  );
}

function GraphError({ error }: { error: unknown }) {
  const { text } = useGraphMessages();
  return <StateMessage kind="error" title={text.error} detail={describeError(error)} />;
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
  layout,
  nodes,
  edges,
  toggleCollapsed,
  changeDirection,
}: ReleaseGraphProps & GraphModelState) {
  const flow = useReactFlow();
  const { text } = useGraphMessages();
  const formatNumber = useNumberFormatter();
  const wrapper = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const direction: LayoutDirection = directionProp === 'TB' ? 'TB' : 'LR';

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
  const select = useCallback((name: string | null) => latestSetSelected.current(name), []);

  const centerOn = useCallback(
    (name: string, zoom?: number) => {
      const node = layout.nodes.find((n) => n.id === name);
      if (!node) return;
      void flow.setCenter(node.position.x + node.width / 2, node.position.y + node.height / 2, {
        zoom: zoom ?? Math.max(flow.getZoom(), 0.8),
        duration: 200,
      });
    },
    [flow, layout],
  );

  const focusNode = useFocusRequest(wrapper);

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
      else if (selectedRef.current) centerOn(selectedRef.current);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [flow, centerOn]);

  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (needle === '') return undefined;
    return new Set(release.environments.filter((e) => e.name.toLowerCase().includes(needle)).map((e) => e.name));
  }, [query, release]);

  // Memoized on plain strings, not on the release or the layout (new objects on every live
  // update): every node reads this context, so a new value re-renders all of them.
  const triggerEnvironment = release.trigger?.environment ?? '';
  const activeId = selectedId ?? (triggerEnvironment || layout.nodes[0]?.id);
  const nodeClassName = classNames?.node;
  const edgeClassName = classNames?.edge;
  const context = useMemo<GraphContextValue>(
    () => ({
      direction,
      activeId,
      selectedId,
      matches,
      triggerEnvironment,
      select,
      open: (name) => callbacks.current.onEnvironmentOpen?.(name),
      selectStep: (step: WorkflowStepRef, workflowStep: WorkflowStep) => {
        select(step.environment);
        callbacks.current.onWorkflowStepSelect?.(step, workflowStep);
      },
      toggleCollapsed,
      nodeClassName,
      edgeClassName,
    }),
    [direction, activeId, selectedId, matches, triggerEnvironment, select, toggleCollapsed, nodeClassName, edgeClassName],
  );

  // Stable handlers: React Flow re-renders every node wrapper when a handler prop changes.
  const onNodeClick = useCallback(
    (_event: unknown, node: { id: string }) => {
      if (!node.id.startsWith(COLLAPSED_PREFIX)) select(node.id);
    },
    [select],
  );
  const onNodeDoubleClick = useCallback((_event: unknown, node: { id: string }) => {
    if (!node.id.startsWith(COLLAPSED_PREFIX)) callbacks.current.onEnvironmentOpen?.(node.id);
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
    if (initialFocus) {
      centerOn(initialFocus, 1);
      focusNode(initialFocus);
    }
  }, [initialFocus, centerOn, focusNode]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!ARROWS.has(event.key)) return;
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-env-id]')?.dataset.envId;
    if (!from || (event.target as HTMLElement).dataset.envId !== from) return;
    event.preventDefault();
    const next = neighborInDirection(layout.nodes, layout.edges, from, event.key as NavigationKey, direction);
    if (!next) return;
    select(next);
    centerOn(next, flow.getZoom());
    focusNode(next);
  };

  const goToMatch = (step: number) => {
    if (!matches || matches.size === 0) return;
    const list = layout.nodes.filter((n) => matches.has(n.id));
    const index = (((matchIndex + step) % list.length) + list.length) % list.length;
    setMatchIndex(index);
    const target = list[index]!;
    select(target.id);
    centerOn(target.id, 1);
  };

  const numericHeight = typeof height === 'number' ? height : 480;
  const minZoom = adaptiveMinZoom(layout, numericHeight);
  // Read once, when React Flow mounts its pan and zoom.
  const [defaultViewport] = useState(() => fittedViewport(layout, numericHeight));

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
        onKeyDown={onKeyDown}
      >
        <p id={`${searchId}-help`} className="gr-visually-hidden">
          {text.keyboardHelp}
        </p>
        <ReactFlow
          nodes={nodes}
          edges={edges}
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
