/** A map-like store with per-key subscriptions, so 500 node components each listen to one key only. */
import { useSyncExternalStore } from 'react';

export { createKeyedStore, type KeyedStore } from '../../engine/observable';
import type { KeyedStore } from '../../engine/observable';

/** Reads one key of a keyed store; the component re-renders only when that key changes. */
export function useKeyed<V>(store: KeyedStore<V>, key: string): V | undefined {
  return useSyncExternalStore(
    (l) => store.subscribe(key, l),
    () => store.get(key),
    () => store.get(key),
  );
}
