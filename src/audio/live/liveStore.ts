/**
 * Small observable stores for what live mode publishes (control values, problems, transport
 * state). They have the shape of the UI's `Store` and `KeyedStore` (src/ui/state), so React reads
 * them with `useStore` / `useKeyed`, while this layer stays free of React.
 */

/** One observable value. */
export interface ValueStore<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

/** Values by key, with per-key subscriptions. */
export interface KeyedValues<V> {
  get(key: string): V | undefined;
  set(key: string, value: V | undefined): void;
  clear(): void;
  keys(): string[];
  subscribe(key: string, listener: () => void): () => void;
  subscribeAll(listener: () => void): () => void;
}

/**
 * A store holding one value.
 * @example
 * const bpm = createValueStore(120); bpm.set(96);
 */
export function createValueStore<T>(initial: T): ValueStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const v = typeof next === 'function' ? (next as (prev: T) => T)(value) : next;
      if (Object.is(v, value)) return;
      value = v;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * A keyed store: setting a key notifies that key's listeners and the `subscribeAll` ones.
 * @example
 * const values = createKeyedValues<number>(); values.set('lfo1', 0.5);
 */
export function createKeyedValues<V>(): KeyedValues<V> {
  const values = new Map<string, V>();
  const listeners = new Map<string, Set<() => void>>();
  const all = new Set<() => void>();
  const notify = (key: string): void => {
    for (const l of [...(listeners.get(key) ?? [])]) l();
    for (const l of [...all]) l();
  };
  return {
    get: (key) => values.get(key),
    set(key, value) {
      if (values.get(key) === value) return;
      if (value === undefined) values.delete(key);
      else values.set(key, value);
      notify(key);
    },
    clear() {
      const keys = [...values.keys()];
      values.clear();
      for (const k of keys) notify(k);
    },
    keys: () => [...values.keys()],
    subscribe(key, listener) {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
    subscribeAll(listener) {
      all.add(listener);
      return () => all.delete(listener);
    },
  };
}
