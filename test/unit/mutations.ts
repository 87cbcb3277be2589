// What the adapters' property tests share: random mutations of a JSON fixture (values replaced,
// removed, copied elsewhere or added; holes punched into or inserted in arrays; an item of a
// nested array swapped for one of another type; keys named like Object.prototype's members added
// as own keys, as JSON.parse makes them; now and then a huge array), applied without changing
// the fixture, and a deep freeze that proves an adapter does not mutate its input.
import fc from 'fast-check';

export type Mutation = {
  at: number;
  kind: 'replace' | 'delete' | 'copy' | 'add' | 'hole' | 'insert-hole' | 'retype' | 'prototype-key';
  value: unknown;
  key: string;
};
/** Up to 5 mutations, then, in one run of 12 (or `hugeEvery`), a huge array (1,000 to 2,000 copies of what was there). */
export type Mutations = { mutations: Mutation[]; huge: { at: number; length: number } | null };

/** Keys that name members of Object.prototype: data may use them, and `object[key]` finds the member when it does not. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

/** Strings that break careless code, whatever the source. */
const ODD_STRINGS = ['', ' ', '💥', '\u0000', '\ud800', 'javascript:alert(1)', '__proto__', 'constructor', 'toString', '2026-13-45T99:99:99Z', '2026-11-20T10:00:00Z'];

/**
 * Mutations of a document; `words` are values the source uses (status words, names, URLs), so
 * mutations hit the adapter's real branches, and `keys` are field names to add.
 */
export function mutationsArbitrary({
  words,
  keys,
  values = [],
  hugeEvery = 12,
}: {
  words: readonly string[];
  keys: readonly string[];
  /** Other values worth trying in this source (big lists, odd objects). */
  values?: readonly unknown[];
  /** How often a run also gets a huge array: one in `hugeEvery` (it costs the most time). */
  hugeEvery?: number;
}): fc.Arbitrary<Mutations> {
  const valueArb: fc.Arbitrary<unknown> = fc.oneof(
    ...(values.length > 0 ? [fc.constantFrom(...values)] : []),
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
    kind: fc.constantFrom<Mutation['kind']>('replace', 'replace', 'replace', 'delete', 'delete', 'copy', 'add', 'hole', 'insert-hole', 'retype', 'prototype-key'),
    value: valueArb,
    key: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom(...keys), fc.constantFrom(...PROTOTYPE_KEYS)),
  });
  return fc.record({
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
    huge: fc.oneof(
      { arbitrary: fc.constant(null), weight: hugeEvery - 1 },
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
  // The structural kinds act on the nearest array on the path (an item of a nested list), or on
  // the nearest object for a prototype-named key; with none there, they replace the value.
  const kind = mutation.kind;
  if (kind === 'hole' || kind === 'insert-hole' || kind === 'retype' || kind === 'prototype-key') {
    const wanted = kind === 'prototype-key' ? isRecord : Array.isArray;
    let node: unknown = root;
    const parents = path.map((key) => {
      const parent = node;
      node = (node as Record<string | number, unknown>)[key];
      return parent;
    });
    let depth = parents.length - 1;
    while (depth >= 0 && !wanted(parents[depth])) depth--;
    if (depth >= 0) {
      return update(root, path.slice(0, depth + 1), (parent, key) => {
        if (kind === 'prototype-key') {
          const name = PROTOTYPE_KEYS[mutation.at % PROTOTYPE_KEYS.length]!;
          // Defined, not assigned: `object.__proto__ = x` would change the prototype, JSON.parse does not.
          Object.defineProperty(parent, name, { value: mutation.value, enumerable: true, writable: true, configurable: true });
          return;
        }
        const list = parent as unknown[];
        const index = key as number;
        if (kind === 'hole') delete list[index];
        else if (kind === 'insert-hole') {
          list.splice(index, 0, undefined);
          delete list[index];
        } else list[index] = otherType(list[index]);
      });
    }
  }
  return update(root, path, (parent, key) => {
    const target = (parent as Record<string | number, unknown>)[key];
    if (mutation.kind === 'replace' || kind === 'hole' || kind === 'insert-hole' || kind === 'retype' || kind === 'prototype-key') parent[key as never] = mutation.value as never;
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

/** A value of another type than `value`: a string for a number, a list for an object, and so on. */
function otherType(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { ...value };
  if (isRecord(value)) return Object.values(value);
  return 0;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function childKeys(node: unknown): Array<string | number> {
  // `keys()`, not `map`: a hole has an index too.
  if (Array.isArray(node)) return [...node.keys()];
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

/** Null, strings, finite numbers, booleans, arrays and plain objects only: what JSON keeps as it is. */
export function isPlainData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    // Not `every`: it skips holes, and a hole is no JSON value.
    for (let index = 0; index < value.length; index++) if (!(index in value) || !isPlainData(value[index])) return false;
    return true;
  }
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainData);
}

/**
 * A document whose quoted words `names` (environment, stage or application names; map keys) are
 * renamed `__proto__`, `constructor`, `toString`…, parsed as JSON.parse parses it (`__proto__`
 * then is an own key like any other), and the same renaming for an expected output: an adapter
 * that reads these names like any other gives `renamed(output of the original)`.
 */
export function withPrototypeNames(document: unknown, names: readonly string[]): { input: unknown; renamed: (output: unknown) => string } {
  const rename = (json: string) => names.reduce((text, name, index) => text.split(JSON.stringify(name)).join(JSON.stringify(PROTOTYPE_KEYS[index % PROTOTYPE_KEYS.length])), json);
  return { input: JSON.parse(rename(JSON.stringify(document))), renamed: (output) => rename(JSON.stringify(output)) };
}

/** A group path as `EnvironmentStep.group` promises it: 1 to 3 non-empty, trimmed levels separated by `/`. */
export function isGroupPath(group: unknown): boolean {
  if (typeof group !== 'string') return false;
  const levels = group.split('/');
  return levels.length <= 3 && levels.every((level) => level !== '' && level === level.trim());
}
