/**
 * What a live node shows on the canvas: its control (slider or knob, XY pad, keyboard), the moving
 * values of its control outputs and driven params while live mode runs, and its live problem.
 */
import type { NodeDef } from '../../engine/node';
import type { PatchNode } from '../../engine/patch/types';
import type { LiveSession } from '../../audio/live/liveSession';
import { useApp } from '../AppContext';
import { Keyboard, Knob, Slider, XYPad, type ValueRange } from './widgets';
import { useEffect, useRef, useState } from 'react';
import { useLiveProblems, useLiveSession } from './useLive';
import { travelOf, valueAt, type TravelRange } from './travel';

/** The live face of node `node`: controls and values for live nodes; for every node, its live problem. */
export function LiveNodeFace({ node }: { node: PatchNode }) {
  const { registry } = useApp();
  const def = registry.get(node.type);
  const session = useLiveSession();
  if (!def?.live) return session ? <div className="gp-live-face"><Problem id={node.id} session={session} /></div> : null;
  return (
    <div className="gp-live-face nodrag nowheel" data-testid={`live-face-${node.id}`}>
      <Control node={node} session={session} />
      <Readouts node={node} def={def} session={session} />
      <Problem id={node.id} session={session} />
    </div>
  );
}

function Control({ node, session }: { node: PatchNode; session: LiveSession | null }) {
  const { editor, notify } = useApp();
  const p = (name: string, fallback: number): number => (typeof node.params[name] === 'number' ? node.params[name] as number : fallback);
  const set = (values: Record<string, number>): void => {
    for (const [name, value] of Object.entries(values)) editor.dispatch({ type: 'setParam', node: node.id, name, value }, { merge: `live:${node.id}` });
  };
  const scale = node.params.curve === 'exponential' ? 'log' : 'linear';
  const travel = (min: string, max: string): TravelRange => ({ min: p(min, 0), max: p(max, 1), scale });
  const shown = (r: TravelRange): ValueRange => {
    const lo = Math.min(r.min, r.max);
    const hi = Math.max(r.min, r.max);
    return { min: lo, max: hi === lo ? lo + 1 : hi, scale: scale === 'log' && lo > 0 ? 'log' : 'linear' };
  };
  switch (node.type) {
    case 'live.slider': {
      const r = travel('min', 'max');
      const Widget = node.params.look === 'knob' ? Knob : Slider;
      return <Widget label={node.title ?? 'Slider'} range={shown(r)} value={valueAt(p('value', 0.5), r)}
        onChange={(v) => set({ value: travelOf(v, r) })} onCommit={() => editor.seal()} />;
    }
    case 'live.xy': {
      const xr = travel('xMin', 'xMax');
      const yr = travel('yMin', 'yMax');
      return (
        <XYPad label={node.title ?? 'XY pad'} xRange={shown(xr)} yRange={shown(yr)} size={150}
          value={{ x: valueAt(p('x', 0.5), xr), y: valueAt(p('y', 0.5), yr) }}
          onChange={(v) => set({ x: travelOf(v.x, xr), y: travelOf(v.y, yr) })} onCommit={() => editor.seal()} />
      );
    }
    case 'live.keyboard':
      return (
        <Keyboard label={node.title ?? 'Keyboard'} lowNote={(p('octave', 4) + 1) * 12} octaves={2} velocity={p('velocity', 0.8)}
          onNoteOn={(pitch, velocity) => {
            if (session) session.notes.press(node.id, pitch, velocity);
            else notify('Turn Live on (top bar) to play the keyboard.');
          }}
          onNoteOff={(pitch) => session?.notes.release(node.id, pitch)} />
      );
    default:
      return null;
  }
}

/** How often moving values are redrawn: 20 per second reads as moving and costs a third of 60. */
const READOUT_MS = 50;

/** Moving values: control outputs (with a bar over the node's range) and params driven by controls. */
function Readouts({ node, def, session }: { node: PatchNode; def: NodeDef; session: LiveSession | null }) {
  const rows = useReadoutRows(session, node.id);
  const dom = useRef(new Map<string, { bar: HTMLDivElement | null; num: HTMLSpanElement | null }>());
  const min = Number(node.params.min ?? 0);
  const max = Number(node.params.max ?? 1);
  const fraction = (key: string, v: number): number => {
    if (key.startsWith('o:')) return max !== min ? (v - min) / (max - min) : 0.5;
    const spec = def.params[key.slice(2)];
    const lo = spec && 'min' in spec && spec.min !== undefined ? spec.min : 0;
    const hi = spec && 'max' in spec && spec.max !== undefined ? spec.max : 1;
    return hi !== lo ? (v - lo) / (hi - lo) : 0.5;
  };
  // Values are written straight into the DOM (no React render), at most every READOUT_MS and only
  // where the shown text changed: each repaint costs the whole page a frame, which on a 2-core
  // machine without a GPU takes CPU from the audio Worker.
  useEffect(() => {
    if (!session) return;
    let raf = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = -Infinity;
    const draw = (): void => {
      raf = 0;
      last = performance.now();
      const view = session.runtime.values.get(node.id);
      for (const [key, el] of dom.current) {
        const v = key.startsWith('o:') ? view?.outputs[key.slice(2)] : view?.driven[key.slice(2)];
        if (v === undefined) continue;
        const text = formatNumber(v);
        if (el.num && el.num.textContent !== text) el.num.textContent = text;
        const width = `${Math.round(Math.max(0, Math.min(1, fraction(key, v))) * 100)}%`;
        if (el.bar && el.bar.style.width !== width) el.bar.style.width = width;
      }
    };
    const request = (): void => {
      timer = undefined;
      raf ||= requestAnimationFrame(draw);
    };
    draw();
    const off = session.runtime.values.subscribe(node.id, () => {
      if (raf || timer !== undefined) return;
      const wait = last + READOUT_MS - performance.now();
      if (wait > 0) timer = setTimeout(request, wait);
      else request();
    });
    return () => { off(); cancelAnimationFrame(raf); clearTimeout(timer); };
  });
  if (!session) return <div className="gp-live-hint">live · turn Live on to run it</div>;
  return (
    <>
      {rows.map((key) => (
        <div className="gp-live-readout" key={key} data-live-value={key}>
          <span>{key.startsWith('o:') ? `${key.slice(2)} →` : `→ ${key.slice(2)}`}</span>
          <div className="bar"><div ref={(el) => { dom.current.set(key, { ...dom.current.get(key), bar: el, num: dom.current.get(key)?.num ?? null }); }} /></div>
          <span className="num" ref={(el) => { dom.current.set(key, { bar: dom.current.get(key)?.bar ?? null, num: el }); }} />
        </div>
      ))}
    </>
  );
}

/** The readout rows of a node ('o:port' for outputs, 'd:param' for driven params); re-renders only when the set changes. */
function useReadoutRows(session: LiveSession | null, id: string): string[] {
  const [rows, setRows] = useState<string[]>([]);
  useEffect(() => {
    if (!session) { setRows([]); return; }
    const read = (): void => {
      const view = session.runtime.values.get(id);
      const next = view ? [...Object.keys(view.outputs).map((k) => `o:${k}`), ...Object.keys(view.driven).map((k) => `d:${k}`)] : [];
      setRows((was) => (was.join() === next.join() ? was : next));
    };
    read();
    return session.runtime.values.subscribe(id, read);
  }, [session, id]);
  return rows;
}

function Problem({ id, session }: { id: string; session: LiveSession | null }) {
  const problems = useLiveProblems(session).filter((p) => p.nodeId === id);
  if (!problems.length) return null;
  return <div className="gp-live-problem" data-testid={`live-problem-${id}`} title={problems.map((p) => p.message).join('\n')}>{problems[0].message}</div>;
}

const formatNumber = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3));
