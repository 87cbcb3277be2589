import { memo } from 'react';
import { getSmoothStepPath, Position, type EdgeProps } from '@xyflow/react';
import { cx } from '../internal/cx';
import { useGraphContext } from './context';
import { useGraphMessages } from '../provider/component-messages';
import type { PromotionFlowEdge } from './flow-model';
import { useCompact } from './EnvironmentNode';

/**
 * An orthogonal edge with an arrowhead, styled by its state through `data-state`, and a marker
 * on its last leg for the promotion action (commit, pull request or none). Zoomed out past the
 * nodes' compact level, the line alone: arrowhead and marker would be a few pixels wide, and a
 * graph of a thousand environments draws two thousand edges (bench/README.md).
 */
function PromotionEdgeView({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<PromotionFlowEdge>) {
  const { text } = useGraphMessages();
  const { edgeClassName, grouped } = useGraphContext();
  const [path] = getSmoothStepPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, borderRadius: 8 });
  const compact = useCompact(grouped);
  const state = data?.state ?? 'pending';
  const action = data?.action ?? 'none';
  if (compact) {
    return (
      <g className={cx('gr-release-graph__edge', edgeClassName)} data-state={state} data-action={action} data-compact="">
        <path className="gr-release-graph__edge-path" d={path} fill="none" />
      </g>
    );
  }
  const horizontal = targetPosition === Position.Left;
  // The marker sits on the last straight leg, just before the arrowhead.
  const mx = horizontal ? targetX - 22 : targetX;
  const my = horizontal ? targetY : targetY - 22;
  const arrow = horizontal
    ? `M${targetX - 8},${targetY - 5} L${targetX},${targetY} L${targetX - 8},${targetY + 5} Z`
    : `M${targetX - 5},${targetY - 8} L${targetX},${targetY} L${targetX + 5},${targetY - 8} Z`;
  return (
    <g className={cx('gr-release-graph__edge', edgeClassName)} data-state={state} data-action={action}>
      <path className="gr-release-graph__edge-path" d={path} fill="none" />
      <path className="gr-release-graph__edge-arrow" d={arrow} />
      <g className="gr-release-graph__edge-action" transform={`translate(${mx} ${my})`}>
        <title>{action === 'commit' ? text.action.commit : action === 'pull-request' ? text.action.pullRequest : text.action.none}</title>
        <circle r="6" />
        {action === 'commit' ? <circle r="2" className="gr-release-graph__edge-glyph" /> : null}
        {action === 'pull-request' ? <path d="M-2.5 -3v6M2.5 -3v6" className="gr-release-graph__edge-glyph" /> : null}
      </g>
    </g>
  );
}

// Pure annotations let a bundler drop the graph (and React Flow) when a host imports only a badge.
export const PromotionEdge = /* @__PURE__ */ memo(PromotionEdgeView);
