// What the adapters' property tests share: random mutations of a JSON fixture (values replaced,
// removed, copied elsewhere or added; now and then a huge array), applied without changing the
// fixture, and a deep freeze that proves an adapter does not mutate its input.
import fc from 'fast-check';

export type Mutation = { at: number; kind: 'replace' | 'delete' | 'copy' | 'add'; value: unknown; key: string };
/** Up to 5 mutations, then, in one run of 12, a huge array (1,000 to 2,000 copies of what was there). */
export type Mutations = { mutations: Mutation[]; huge: { at: number; length: number } | null };

/** Strings that break careless code, whatever the source. */
const ODD_STRINGS = ['', ' ', '💥', '\u0000', '\ud800', 'javascript:alert(1)', '__proto__', 'constructor', 'toString', '2026-13-45T99:99:99Z', '2026-11-20T10:00:00Z'];

/**
 * Mutations of a document; `words` are values the source uses (status words, names, URLs), so
 * mutations hit the adapter's real branches, and `keys` are field names to add.
 */
export function mutationsArbitrary({ words, keys }: { words: readonly string[]; keys: readonly string[] }): fc.Arbitrary<Mutations> {
  const valueArb: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ unit: 'binary', maxLength: 24 }),
    fc.constantFrom(...ODD_STRINGS, ...words),
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null)), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
  );
  const mutationArb: fc.Arbitrary<Mutation> = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom<Mutation['kind']>('replace', 'replace', 'replace', 'delete', 'delete', 'copy', 'add'),
    value: valueArb,
    key: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom(...keys)),
  });
  return fc.record({
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
    huge: fc.oneof(
      { arbitrary: fc.constant(null), weight: 11 },
      { arbitrary: fc.record({ at: fc.nat(), length: fc.integer({ min: 1_000, max: 2_000 }) }), weight: 1 },
    ),
  });
}

/** The document with one mutation, copying only the path to it: the input is never changed. */
function applyMutation(root: unknown, mutation: Mutation): unknown {
  let seed = mutation.at;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const walk = (): Array<string | number> => {
    const path: Array<string | number> = [];
    let node = root;
    for (;;) {
      const keys = childKeys(node);
      if (keys.length === 0 || (path.length > 0 && random() % 6 === 0)) return path;
      const key = keys[random() % keys.length]!;
      path.push(key);
      node = (node as Record<string | number, unknown>)[key];
    }
  };
  const path = walk();
  if (path.length === 0) return root;
  const other = walk().reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
  return update(root, path, (parent, key) => {
    const target = (parent as Record<string | number, unknown>)[key];
    if (mutation.kind === 'replace') parent[key as never] = mutation.value as never;
    else if (mutation.kind === 'copy') parent[key as never] = other as never;
    else if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, unknown>)[key as string];
    } else if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
      parent[key as never] = { ...target, [mutation.key]: mutation.value } as never;
    } else parent[key as never] = mutation.value as never;
  });
}

/** One huge array: `length` times what was there (or its first item, for a list). */
function applyHuge(root: unknown, huge: { at: number; length: number }): unknown {
  let node = root;
  const path: Array<string | number> = [];
  for (let seed = huge.at; ; seed = Math.floor(seed / 3)) {
    const keys = childKeys(node);
    if (keys.length === 0 || (path.length > 0 && seed % 3 === 0)) break;
    const key = keys[seed % keys.length]!;
    path.push(key);
    node = (node as Record<string | number, unknown>)[key];
  }
  if (path.length === 0) return root;
  return update(root, path, (parent, key) => {
    const target = (parent as Record<string | number, unknown>)[key];
    const item = Array.isArray(target) && target.length > 0 ? target[0] : target;
    parent[key as never] = Array.from({ length: huge.length }, () => item) as never;
  });
}

function childKeys(node: unknown): Array<string | number> {
  if (Array.isArray(node)) return node.map((_, index) => index);
  return typeof node === 'object' && node !== null ? Object.keys(node) : [];
}

function update(node: unknown, path: Array<string | number>, change: (parent: Record<string, unknown> | unknown[], key: string | number) => void): unknown {
  const copy = Array.isArray(node) ? node.slice() : { ...(node as Record<string, unknown>) };
  const [key, ...rest] = path;
  if (rest.length === 0) change(copy, key!);
  else (copy as Record<string | number, unknown>)[key!] = update((copy as Record<string | number, unknown>)[key!], rest, change);
  return copy;
}

export function mutated(base: unknown, { mutations, huge }: Mutations): unknown {
  let doc = mutations.reduce(applyMutation, base);
  if (huge) doc = applyHuge(doc, huge);
  return doc;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Strings, finite numbers, booleans, arrays and plain objects only: what JSON keeps as it is. */
export function isPlainData(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainData);
}
