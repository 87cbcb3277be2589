import { computeGeometry, type Geometry, type GeometryInput } from './geometry';
import type { LayoutWorkerRequest, LayoutWorkerResponse } from './worker-protocol';

/** Makes the worker that lays graphs out; `false` keeps every layout on the calling thread. */
export type LayoutWorkerOption = (() => Worker) | false;

/** An `AbortError`, as `fetch` rejects with when its signal aborts. */
export function abortError(signal: AbortSignal | undefined): unknown {
  const reason: unknown = signal?.reason;
  if (reason !== undefined) return reason;
  const error = new Error('The layout was aborted.');
  error.name = 'AbortError';
  return error;
}

/**
 * The library's own worker, bundled by the host's bundler from this literal form (Vite, webpack 5,
 * Turbopack and Parcel all recognise it). Where there is no bundler, no module workers or no
 * `import.meta` (CommonJS), it throws, and layouts run on the calling thread.
 */
function libraryWorker(): Worker {
  return new Worker(new URL('./layout-worker.js', import.meta.url), { type: 'module' });
}

/** A geometry, and whether a worker computed it. */
export interface Answer {
  geometry: Geometry;
  inWorker: boolean;
}

interface Waiter {
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
}

interface Job {
  key: string;
  input: GeometryInput;
  waiters: Set<Waiter>;
}

/** One worker (started when there is work, ended when there is none) and the jobs it owes. */
interface Slot {
  make: () => Worker;
  worker?: Worker;
  /** The job posted to the worker, then the ones waiting, one structure each. */
  running?: Job & { id: number };
  queue: Job[];
  /** Set when the worker could not start or failed: the slot's jobs then run here. */
  broken: boolean;
}

const slots = new Map<() => Worker, Slot>();
let nextId = 1;

/**
 * The geometry for `input`, computed by a worker: one worker per factory, one job at a time, and
 * one job per structure however many graphs wait for it. A job nobody waits for any more is
 * dropped; if it was running, its worker is terminated (dagre cannot be interrupted) and the next
 * job gets a new one. A worker with no job left is terminated, so nothing outlives the work.
 * Without `Worker` (a server, jsdom) or with `worker: false`, the geometry is computed on this
 * thread after a yield to the event loop, so an abort in the meantime still cancels it.
 */
export function requestGeometry(key: string, input: GeometryInput, worker: LayoutWorkerOption | undefined, signal?: AbortSignal): Promise<Answer> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  const make = worker ?? (typeof Worker === 'function' ? libraryWorker : false);
  if (make === false) return onThisThread(input, signal);
  let slot = slots.get(make);
  if (!slot) {
    slot = { make, queue: [], broken: false };
    slots.set(make, slot);
  }
  if (slot.broken) return onThisThread(input, signal);
  const owner = slot;
  return new Promise<Answer>((resolve, reject) => {
    const onAbort = () => {
      if (!joined.waiters.delete(waiter)) return;
      reject(abortError(signal));
      if (joined.waiters.size > 0) return;
      if (owner.running === joined) {
        owner.worker?.terminate();
        owner.worker = undefined;
        owner.running = undefined;
      } else if (owner.queue.includes(joined)) {
        owner.queue.splice(owner.queue.indexOf(joined), 1);
      }
      pump(owner);
    };
    const settle = () => signal?.removeEventListener('abort', onAbort);
    const waiter: Waiter = {
      resolve: (answer) => (settle(), resolve(answer)),
      reject: (error) => (settle(), reject(error)),
    };
    let job = owner.running?.key === key ? owner.running : owner.queue.find((queued) => queued.key === key);
    if (!job) {
      job = { key, input, waiters: new Set() };
      owner.queue.push(job);
    }
    job.waiters.add(waiter);
    const joined = job;
    signal?.addEventListener('abort', onAbort, { once: true });
    pump(owner);
  });
}

/** Posts the next job when the worker is free; ends the worker when there is nothing to do. */
function pump(slot: Slot): void {
  if (slot.running) return;
  const job = slot.queue.shift();
  if (!job) {
    slot.worker?.terminate();
    slot.worker = undefined;
    return;
  }
  if (!slot.worker) {
    try {
      slot.worker = slot.make();
    } catch {
      fail(slot, job);
      return;
    }
    const worker = slot.worker;
    worker.onmessage = (event: MessageEvent<LayoutWorkerResponse>) => {
      const running = slot.running;
      if (worker !== slot.worker || !running || event.data?.id !== running.id) return;
      slot.running = undefined;
      if ('geometry' in event.data) for (const waiter of running.waiters) waiter.resolve({ geometry: event.data.geometry, inWorker: true });
      else for (const waiter of running.waiters) waiter.reject(new Error(`The layout worker failed: ${event.data.error}`));
      pump(slot);
    };
    // A script that does not load (no bundler, a blocked URL) or dies: this slot's work runs here.
    worker.onerror = worker.onmessageerror = (event: Event) => {
      if (worker !== slot.worker) return;
      event.preventDefault();
      const running = slot.running;
      slot.running = undefined;
      fail(slot, running);
    };
  }
  // The running job is the queued object itself, so a waiter's abort finds it.
  const running = Object.assign(job, { id: nextId++ });
  slot.running = running;
  const request: LayoutWorkerRequest = { id: running.id, input: job.input };
  slot.worker.postMessage(request);
}

/** The worker cannot be used: every job of the slot is computed on this thread instead. */
function fail(slot: Slot, job: Job | undefined): void {
  slot.broken = true;
  slot.worker?.terminate();
  slot.worker = undefined;
  const jobs = [...(job ? [job] : []), ...slot.queue.splice(0)];
  for (const each of jobs) {
    const waiters = [...each.waiters];
    onThisThread(each.input).then(
      (answer) => waiters.forEach((waiter) => each.waiters.has(waiter) && waiter.resolve(answer)),
      (error: unknown) => waiters.forEach((waiter) => each.waiters.has(waiter) && waiter.reject(error)),
    );
  }
}

/** The geometry computed on this thread, after a yield; an abort before then cancels it. */
function onThisThread(input: GeometryInput, signal?: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      try {
        resolve({ geometry: computeGeometry(input), inWorker: false });
      } catch (error) {
        reject(error);
      }
    }, 0);
    function abort() {
      clearTimeout(timer);
      reject(abortError(signal));
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
