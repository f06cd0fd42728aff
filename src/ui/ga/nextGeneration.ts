/**
 * The edits of an interactive ga.evolve session, each one undo step. Breeding writes the shown
 * population (the node's `state` output) into the `state` param together with its `ratings`; the
 * node then breeds and shows the next generation on its next run. The params thus always hold the
 * rated generation and its ratings, so the patch re-renders the same new generation from its seed,
 * and undo steps back one generation.
 */
import type { EditorAction } from '../state/actions';
import type { Editor } from '../state/editor';

/** Lowest and highest rating the panel offers. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/**
 * The param edits that breed the next generation of node `nodeId` from `ratings` of the population
 * `state` (the node's state output). Throws when a rating is missing or out of range.
 * @example
 * breedActions('n1', 'ga1.melody.16.0.…', [3, 5, 1, 4]);
 */
export function breedActions(nodeId: string, state: string, ratings: readonly (number | undefined)[]): EditorAction[] {
  ratings.forEach((r, i) => {
    if (r === undefined) throw new Error(`candidate ${i + 1} has no rating yet`);
    if (!Number.isInteger(r) || r < RATING_MIN || r > RATING_MAX) {
      throw new Error(`candidate ${i + 1}: rating ${r} is not a whole number from ${RATING_MIN} to ${RATING_MAX}`);
    }
  });
  if (!state.trim()) throw new Error('there is no population to breed from yet (the node has not run)');
  return [
    { type: 'setParam', node: nodeId, name: 'state', value: state },
    { type: 'setParam', node: nodeId, name: 'ratings', value: ratings.join(',') },
  ];
}

/** The param edits that drop the population, so the node starts again from its seed. */
export function startOverActions(nodeId: string): EditorAction[] {
  return [
    { type: 'setParam', node: nodeId, name: 'state', value: '' },
    { type: 'setParam', node: nodeId, name: 'ratings', value: '' },
  ];
}

/**
 * Dispatches `actions` as one undo step (merged, sealed on both sides); the runner re-runs the
 * graph once after its debounce and autosave writes the patch.
 * @example
 * dispatchAsOneStep(editor, breedActions(id, view.state, ratings), `ga:${id}`);
 */
export function dispatchAsOneStep(editor: Editor, actions: readonly EditorAction[], mergeKey: string): void {
  editor.seal();
  for (const action of actions) editor.dispatch(action, { merge: mergeKey });
  editor.seal();
}
