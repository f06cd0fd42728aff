/**
 * The rating panel of an interactive `ga.evolve` node (the listener as fitness, after Biles's
 * GenJam and Dahlstedt's MutaSynth): the shown generation's candidates as small piano rolls, each
 * playable alone and rated 1–5, then "Next generation" writes the ratings and the rated population
 * into the node's params as one undo step, the graph re-runs and the bred generation appears.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { PatchNode } from '../../engine/patch/types';
import { useApp } from '../AppContext';
import type { EditorState } from '../state/editor';
import { useKeyed } from '../state/keyedStore';
import { useStore } from '../state/store';
import { PreviewCanvas } from '../viewers/PreviewCanvas';
import { CandidateCard } from './CandidateCard';
import { isInteractiveGa, readGaGeneration, summarizeRatings, type GaGenerationView } from './gaResult';
import { breedActions, dispatchAsOneStep, startOverActions } from './nextGeneration';
import { useAudition } from './useAudition';
import { useElementWidth } from './useElementWidth';
import './gaPanel.css';

/** The single selected node when it is an interactive ga.evolve node, else null. */
const selectedInteractiveGa = (s: EditorState): PatchNode | null => {
  if (s.selection.length !== 1) return null;
  const node = s.patch.nodes.find((n) => n.id === s.selection[0]);
  return node && isInteractiveGa(node) ? node : null;
};

/**
 * Shows the rating panel while an interactive ga.evolve node is selected, else `fallback`.
 * @example
 * {tab === 'viewer' && <GaRatingPanel fallback={<ViewerPanel />} />}
 */
export function GaRatingPanel({ fallback }: { fallback: ReactNode }) {
  const { editor } = useApp();
  const node = useStore(editor.state, selectedInteractiveGa);
  if (!node) return <>{fallback}</>;
  return <GaSession key={node.id} node={node} />;
}

/** Reads the node's latest result; a malformed one becomes an error message. */
function useGeneration(nodeId: string): { view: GaGenerationView | null; error: string | null } {
  const { runtime } = useApp();
  const result = useKeyed(runtime.results, nodeId);
  return useMemo(() => {
    try {
      return { view: readGaGeneration(result), error: null };
    } catch (err) {
      return { view: null, error: (err as Error).message };
    }
  }, [result]);
}

function GaSession({ node }: { node: PatchNode }) {
  const { editor, runtime, notify } = useApp();
  const run = useKeyed(runtime.status, node.id);
  const { view, error } = useGeneration(node.id);
  const audition = useAudition();
  const [ratingsByState, setRatingsByState] = useState<ReadonlyMap<string, readonly (number | undefined)[]>>(new Map());
  const gridRef = useRef<HTMLOListElement>(null);
  const gridWidth = useElementWidth(gridRef, 312);

  const stateKey = view?.state ?? '';
  const ratings = ratingsByState.get(stateKey) ?? [];
  const count = view?.candidates.length ?? 0;
  const rated = ratings.filter((r) => r !== undefined).length;
  const paramState = String(node.params.state ?? '');
  const paramRatings = String(node.params.ratings ?? '');
  // The params already hold this generation with ratings: the bred one is on its way.
  const breeding = run?.status === 'queued' || run?.status === 'running' || (view !== null && paramState === view.state && paramRatings.trim() !== '');
  const failed = run?.status === 'failed' ? run.error ?? 'the node failed' : error;
  const summary = summarizeRatings(paramRatings);

  const rate = useCallback((index: number, rating: number) => {
    setRatingsByState((map) => {
      const next = new Map(map);
      const list = [...(next.get(stateKey) ?? [])];
      list[index] = rating;
      next.set(stateKey, list);
      return next;
    });
  }, [stateKey]);
  const { toggle } = audition;
  const play = useCallback((index: number) => {
    if (view) toggle(`c${index}`, view.candidates[index]);
  }, [view, toggle]);
  const nextGeneration = (): void => {
    if (!view) return;
    try {
      const full = Array.from({ length: count }, (_, i) => ratings[i]);
      dispatchAsOneStep(editor, breedActions(node.id, view.state, full), `ga-breed:${node.id}`);
    } catch (err) {
      notify(`Next generation: ${(err as Error).message}`, 'error');
    }
  };
  const startOver = (): void => dispatchAsOneStep(editor, startOverActions(node.id), `ga-restart:${node.id}`);

  const columns = gridWidth >= 260 ? 2 : 1;
  const rollWidth = Math.max(80, Math.floor((gridWidth - 8 * (columns - 1)) / columns) - 16);
  return (
    <div className="gp-ga" data-testid="ga-panel">
      <header className="gp-ga-head">
        <div>
          <h3>Interactive evolution</h3>
          <small>{node.title ?? 'GA evolve'} · {node.id}{count ? ` · ${count} candidates` : ''}</small>
        </div>
        <div className="gp-ga-gen" title="Generation of the candidates shown">
          <small>generation</small>
          <b data-testid="ga-generation">{view ? view.generation : '–'}</b>
        </div>
      </header>
      {failed && <div className="gp-error-box" data-testid="ga-error">{failed}</div>}
      {failed && paramState && <p className="gp-muted">Start over drops this population and begins again from the seed.</p>}
      {!view && !failed && <p className="gp-muted">Waiting for the node's first run…</p>}
      {view && (
        <>
          <p className="gp-ga-hint">
            {summary && view.generation > 0
              ? <>Bred from your ratings (best {fmt(summary.best)}, mean {fmt(summary.mean)}). </>
              : null}
            Play each candidate, rate it from 1 to 5; the best rated parent the next generation.
          </p>
          {view.fitness.map((p, i) => (
            <figure className="gp-ga-fitness" key={`${p.title}:${i}`}>
              <PreviewCanvas preview={{ kind: 'line', title: p.title, preview: p }} width={gridWidth} height={110} />
            </figure>
          ))}
          <ol className="gp-ga-grid" ref={gridRef} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
            {view.candidates.map((notes, i) => (
              <CandidateCard key={i} index={i} notes={notes} rating={ratings[i]} onRate={rate}
                playing={audition.playing === `c${i}`} beat={audition.playing === `c${i}` ? audition.beat : null}
                onPlay={play} width={rollWidth} />
            ))}
          </ol>
        </>
      )}
      <footer className="gp-ga-actions">
        <span className="gp-ga-count" data-testid="ga-rated">{breeding ? 'breeding…' : view ? `${rated} of ${count} rated` : ''}</span>
        <button type="button" className="gp-small" onClick={startOver} data-testid="ga-start-over"
          disabled={!paramState && !paramRatings} title="Drop the population and start again from the seed">Start over</button>
        <button type="button" className="gp-primary" onClick={nextGeneration} data-testid="ga-next"
          disabled={!view || breeding || rated < count} title={rated < count ? 'Rate every candidate first' : 'Breed the next generation from these ratings'}>
          Next generation ▸
        </button>
      </footer>
    </div>
  );
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));
