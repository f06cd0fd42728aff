/**
 * Small observable stores, free of React and the DOM: one value, or values by key with per-key
 * subscriptions. Live mode publishes through them; the UI reads them with `useStore` / `useKeyed`
 * (src/ui/state).
 */

/** One observable value. */
export interface Store<T> {
  get(): T;
  set(next: T | ((prev: T) => T)): void;
  subscribe(listener: () => void): () => void;
}

/** Values by key, with per-key subscriptions. */
export interface KeyedStore<V> {
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
 * const bpm = createStore(120); bpm.set(96);
 */
export function createStore<T>(initial: T): Store<T> {
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
 * const values = createKeyedStore<number>(); values.set('lfo1', 0.5);
 */
export function createKeyedStore<V>(): KeyedStore<V> {
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
