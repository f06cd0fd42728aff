/** A tiny external store (get/set/subscribe) read by React through useSyncExternalStore. */
import { useSyncExternalStore } from 'react';

export { createStore, type Store } from '../../engine/observable';
import type { Store } from '../../engine/observable';

/** Reads a slice of a store in a component; re-renders only when the slice changes (Object.is). */
export function useStore<T, S>(store: Store<T>, select: (value: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.get()), () => select(store.get()));
}
