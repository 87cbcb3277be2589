/**
 * The layout worker's script: dagre off the main thread. Built as its own file
 * (`dist/layout-worker.js`), which `layoutReleaseGraphAsync` starts as a module worker with
 * `new Worker(new URL('./layout-worker.js', import.meta.url), { type: 'module' })`, the form
 * bundlers (Vite, webpack 5, Turbopack, Parcel) recognise and bundle with dagre.
 */
import { serveLayoutWorker } from './worker-protocol';

serveLayoutWorker(globalThis as unknown as Parameters<typeof serveLayoutWorker>[0]);
