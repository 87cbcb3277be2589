import { useSyncExternalStore } from 'react';
import {
  sampleFlow,
  sampleReleaseHistory,
  simulatePromotion,
  type EnvironmentStep,
  type Release,
  type SampleFlowShape,
  type SimulateOptions,
} from 'gitops-releases/headless';

/**
 * The dashboard's data: each product's release history, with its newest release promoted live.
 * A real host would fetch these and subscribe to updates; here the history comes from the
 * library's sample data and the live release replays `simulatePromotion`, one snapshot per tick.
 */

export interface Product {
  id: string;
  name: string;
  description: string;
  team: string;
  repository: string;
  shape: SampleFlowShape;
  seed: number;
  /** Releases in its history, without `delivery`. @default 60 */
  history?: number;
  /**
   * How its team delivers (`sampleReleaseHistory`'s `team`): then its history is the last 90 days
   * of releases with commits, failures and recoveries, enough for its Insights page to measure.
   */
  delivery?: 'healthy' | 'struggling';
  /** How its live release is simulated, besides the product and seed. */
  live?: Pick<SimulateOptions, 'step' | 'structuralSharing'>;
}

export const PRODUCTS: readonly Product[] = [
  {
    id: 'checkout',
    name: 'Checkout',
    description: 'Cart, pricing and payment capture for the web and mobile shops.',
    team: 'Commerce',
    repository: 'acme/checkout-gitops',
    shape: 'sequential',
    seed: 1,
    delivery: 'healthy',
  },
  {
    id: 'payments',
    name: 'Payments',
    description: 'Card and wallet processing, refunds and settlement.',
    team: 'Payments',
    repository: 'acme/payments-gitops',
    shape: 'parallel',
    seed: 7,
    delivery: 'struggling',
  },
  {
    id: 'storefront',
    name: 'Storefront',
    description: 'Catalogue, search and product pages, served from three regions.',
    team: 'Web platform',
    repository: 'acme/storefront-gitops',
    shape: 'regions',
    seed: 3,
    delivery: 'healthy',
  },
  {
    id: 'store-fleet',
    name: 'Store fleet',
    description: 'The in-store platform on 2,000 store clusters, rolled out in approved waves across 12 regions.',
    team: 'Retail edge',
    repository: 'acme/store-fleet-gitops',
    shape: 'fleet',
    seed: 8,
    // 2,000 stores a release (about a megabyte of sample data each, made when the page starts):
    // a short history, still with a run, a queue, a failure in wave-2 and a manual promotion;
    // 90 days of a team's deliveries would be hundreds of megabytes.
    history: 10,
    // Five hours of rollout in three-minute steps (about 100 snapshots, not thousands), each
    // keeping the stores that did not change, so the graph and table redraw only what did.
    live: { step: 180_000, structuralSharing: true },
  },
];

/** How far back a delivering team's history goes: the Insights page's longest window. */
const HISTORY_DAYS = 90;

export const findProduct = (id: string) => PRODUCTS.find((product) => product.id === id);

/** Milliseconds between two snapshots of a live release; a page can ask for another pace. */
function tickMs(): number {
  const asked = Number(window.localStorage.getItem('host-dashboard:tick-ms'));
  return Number.isFinite(asked) && asked > 0 ? asked : 1500;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** Every timestamp in `value` moved by `shift` milliseconds. */
function shiftTimes<T>(value: T, shift: number): T {
  if (typeof value === 'string') return (ISO_TIME.test(value) ? new Date(Date.parse(value) + shift).toISOString() : value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => shiftTimes(item, shift)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shiftTimes(item, shift)])) as T;
  }
  return value;
}

/**
 * A simulated snapshot as the release it stands for: the history's newest id and version, and
 * times moved so the snapshot is "now" (the replay runs faster than the promotion it plays).
 * `shown` keeps the live copy of every environment object already shown: a snapshot that shares
 * an unchanged environment with the one before (`structuralSharing`) gets the same copy back, so
 * components that compare by reference redraw only what changed. Its times were moved when it
 * changed, so a store that is still running keeps counting from when it was seen to start.
 */
function asLive(snapshot: Release, stand: Release, now: number, shown: WeakMap<EnvironmentStep, EnvironmentStep>): Release {
  const shift = now - Date.parse(snapshot.updatedAt ?? snapshot.createdAt);
  const version = stand.version ?? snapshot.version;
  const live = <T>(value: T): T => renumber(shiftTimes(value, shift), snapshot.version, version);
  const { environments, ...rest } = snapshot;
  return {
    ...live(rest),
    environments: environments.map((environment) => {
      let copy = shown.get(environment);
      if (!copy) shown.set(environment, (copy = live(environment)));
      return copy;
    }),
    id: stand.id,
    version,
    name: `${stand.product} ${version}`,
  };
}

/**
 * The simulated release carries its own version line in images, applications and notes: moved to
 * the history's (`1.25.3` becomes `1.47.4`, an application still on `1.25.0` becomes `1.47.0`).
 */
function renumber<T>(value: T, from: string | undefined, to: string | undefined): T {
  const line = (version: string) => version.replace(/\d+$/, '');
  if (!from || !to || line(from) === '' || line(to) === '') return value;
  const json = JSON.stringify(value).split(from).join(to).split(line(from)).join(line(to));
  return JSON.parse(json) as T;
}

type Listener = () => void;

class ProductFeed {
  releases: readonly Release[] = [];
  private listeners = new Set<Listener>();

  constructor(product: Product) {
    const flow = sampleFlow(product.shape);
    const options: SimulateOptions = { ...product.live, product: product.id, seed: product.seed };
    // How long the replayed release runs: one pass through the snapshots that keeps none of them.
    let last: Release | undefined;
    for (const snapshot of simulatePromotion(flow, options)) last = snapshot;
    // Each snapshot is shown as of now, so the live release's start moves back as the replay
    // runs; the history ends before its earliest possible start, and the live one stays newest.
    const replayed = last ? Date.parse(last.updatedAt ?? last.createdAt) - Date.parse(last.createdAt) : 0;
    const now = new Date(Date.now() - replayed - 5 * 60 * 1000).toISOString();
    const history = sampleReleaseHistory({
      ...(product.delivery ? { team: product.delivery, days: HISTORY_DAYS } : { count: product.history ?? 60 }),
      product: product.id,
      shape: product.shape,
      seed: product.seed,
      now,
    });
    const [newest, ...older] = history;
    // The replay itself: each snapshot made when its tick comes, never all of them at once.
    const snapshots = simulatePromotion(flow, options);
    const first = snapshots.next();
    if (!newest || first.done) {
      this.releases = history;
      return;
    }
    const shown = new WeakMap<EnvironmentStep, EnvironmentStep>();
    const show = (snapshot: Release) => {
      this.releases = [asLive(snapshot, newest, Date.now(), shown), ...older];
    };
    show(first.value);
    const tick = () => {
      const next = snapshots.next();
      if (next.done) return;
      show(next.value);
      this.listeners.forEach((listener) => listener());
      window.setTimeout(tick, tickMs());
    };
    window.setTimeout(tick, tickMs());
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const feeds = new Map<string, ProductFeed>();

function feedOf(product: Product): ProductFeed {
  let feed = feeds.get(product.id);
  if (!feed) feeds.set(product.id, (feed = new ProductFeed(product)));
  return feed;
}

/** Starts every product's feed, so the navigation shows live statuses from the first page. */
export function startFeeds(): void {
  PRODUCTS.forEach(feedOf);
}

const NONE: readonly Release[] = [];
const noop = () => () => {};

/** A product's releases, newest first, re-rendering on every live update. */
export function useReleases(product: Product | undefined): readonly Release[] {
  const feed = product ? feedOf(product) : undefined;
  return useSyncExternalStore(feed ? feed.subscribe : noop, () => feed?.releases ?? NONE);
}
