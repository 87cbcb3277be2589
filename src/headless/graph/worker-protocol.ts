import { computeGeometry, type Geometry, type GeometryInput } from './geometry';

/** A request to the layout worker: the DAG by indices, sizes and spacing; never a name. */
export interface LayoutWorkerRequest {
  /** Echoed in the answer. */
  id: number;
  /** What dagre is given. */
  input: GeometryInput;
}

/** The worker's answer to request `id`. */
export type LayoutWorkerResponse = { id: number; geometry: Geometry } | { id: number; error: string };

/** What a worker's global scope offers (`self` in a worker), as far as the layout needs it. */
export interface LayoutWorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: LayoutWorkerResponse): void;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** True for a well-formed request: a worker gets messages from anything on its page. */
function isRequest(value: unknown): value is LayoutWorkerRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { id, input } = value as Partial<LayoutWorkerRequest>;
  if (!isNumber(id) || typeof input !== 'object' || input === null) return false;
  const { dependencies, sizes, direction, nodeSpacing, rankSpacing } = input;
  return (
    Array.isArray(dependencies) &&
    Array.isArray(sizes) &&
    sizes.length === dependencies.length &&
    (direction === 'LR' || direction === 'TB') &&
    isNumber(nodeSpacing) &&
    isNumber(rankSpacing) &&
    sizes.every((size: unknown) => typeof size === 'object' && size !== null && isNumber((size as { width?: unknown }).width) && isNumber((size as { height?: unknown }).height)) &&
    dependencies.every((sources: unknown, i) => Array.isArray(sources) && sources.every((source: unknown) => Number.isInteger(source) && (source as number) >= 0 && (source as number) < i))
  );
}

/**
 * Answers layout requests in a worker: `serveLayoutWorker(self)` is the whole script of a layout
 * worker. A host whose bundler does not bundle the library's own worker file writes that one line
 * in a file of its own and passes `() => new Worker(…)` as `layoutReleaseGraphAsync`'s `worker`.
 */
export function serveLayoutWorker(scope: LayoutWorkerScope): void {
  scope.onmessage = (event) => {
    const request = event.data;
    if (!isRequest(request)) {
      const id = typeof request === 'object' && request !== null && isNumber((request as { id?: unknown }).id) ? (request as { id: number }).id : -1;
      scope.postMessage({ id, error: 'not a layout request' });
      return;
    }
    try {
      scope.postMessage({ id: request.id, geometry: computeGeometry(request.input) });
    } catch (error) {
      scope.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
  };
}
