/** A map-like store with per-key subscriptions, so 500 node components each listen to one key only. */
import { useSyncExternalStore } from 'react';

/** Values by key; setting a key notifies only that key's listeners (plus `any` listeners). */
export interface KeyedStore<V> {
  get(key: string): V | undefined;
  set(key: string, value: V | undefined): void;
  /** Removes every key (each key's listeners are notified). */
  clear(): void;
  keys(): string[];
  subscribe(key: string, listener: () => void): () => void;
  /** Listens to every change of every key. */
  subscribeAll(listener: () => void): () => void;
}

/**
 * Creates a keyed store.
 * @example
 * const status = createKeyedStore<string>(); status.set('n1', 'running'); status.get('n1');
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

/** Reads one key of a keyed store; the component re-renders only when that key changes. */
export function useKeyed<V>(store: KeyedStore<V>, key: string): V | undefined {
  return useSyncExternalStore(
    (l) => store.subscribe(key, l),
    () => store.get(key),
    () => store.get(key),
  );
}
