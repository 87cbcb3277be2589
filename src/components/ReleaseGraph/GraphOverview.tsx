import { useStore, type ReactFlowState } from '@xyflow/react';
import type { GraphOverview } from 'gitops-releases/headless';

const selectTransform = (state: ReactFlowState) => state.transform;

/**
 * A big graph zoomed far out (`showsOverview`): its nodes as rectangles in their status colours
 * and its edges as curves, a few SVG paths in all (`graphOverview`), panned and zoomed with the
 * view, the search's matches outlined (`highlight`, from `overviewHighlight`). It only draws: the canvas's pan and zoom, the Tab stop (the active node stays a node)
 * and the arrow keys work as ever, and zooming in brings the nodes back.
 */
export function GraphOverviewLayer({ overview, highlight }: { overview: GraphOverview; highlight: string }) {
  const [x, y, zoom] = useStore(selectTransform);
  return (
    <svg className="gr-release-graph__overview" aria-hidden="true" focusable="false">
      <g transform={`translate(${x} ${y}) scale(${zoom})`}>
        {overview.edges.map(({ state, path }) => (
          <path key={state} className="gr-release-graph__overview-edges" data-state={state} d={path} vectorEffect="non-scaling-stroke" />
        ))}
        {overview.nodes.map(({ status, path }) => (
          <path key={status} className="gr-release-graph__overview-nodes" data-status={status} d={path} vectorEffect="non-scaling-stroke" />
        ))}
        {highlight ? <path className="gr-release-graph__overview-matches" d={highlight} vectorEffect="non-scaling-stroke" /> : null}
      </g>
    </svg>
  );
}
