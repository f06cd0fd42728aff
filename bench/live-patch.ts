/**
 * A whole example patch played live in headless Chromium. Every patch in patches/ with a live node
 * is probed for a few seconds; the heaviest (audio-thread CPU per 128-frame quantum plus any stream
 * Worker's generation time per 128 frames, medians) then plays for 60 s while a MIDI note is played
 * through the Web MIDI shim every 1.5 s. Printed side by side: underruns (the device's, from
 * AudioContext.playbackStats, and the stream rings' from Live on to the end of the performance, less
 * those while Chromium's tracing starts, which stalls the renderer: they are shown apart; an
 * instrument on the audio thread has no ring, its quanta that ran late on the wall clock are shown), CPU per quantum (median / p99 / max, traced
 * on the audio thread) against the 2.67 ms deadline of 128 frames at 48 kHz, and control-to-sound
 * latency against the 30 ms target, without and with the device's output latency: for a streaming
 * node (the DDSP instrument), from each control change (notes, and the LFO's param every frame) to
 * its first sample out of the stream's worklet, as the stream's markers place it; for every patch,
 * from the MIDI message to the note's pitch rising in the recording, which adds the instrument's
 * own attack and glide. A patch with no keyboard gets one on its first live node with an events
 * input. Tracing itself costs the audio thread a little.
 * A patch whose DDSP instrument plays on the audio thread (the default) is then played again with
 * the instrument in a Worker feeding the ring (`?streams=worker`), side by side; `--no-worker` skips it.
 * `--set node.param=value` (repeatable) changes a param first: `--set sax.attack=0.005 --set sax.glide=0`
 * shows how much of the heard onset is the instrument's own attack and glide.
 * Usage: npm run bench -- live-patch [--seconds 60] [--probe 10] [--pitch 80] [--patch live-performance] [--set id.param=value] [--no-worker]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRegistry } from '../nodes/index';
import { loadPatch } from '../src/engine/patch';
import type { Patch } from '../src/engine/patch/types';
import { build, launch, ROOT, serve, stop } from '../tests/e2e/harness';
import type { LiveDdspParams } from '../nodes/ddsp/live/ddspGenerator';
import { spread, type Spread } from './livePatch/analysis';
import { instrumentOnsetsMs } from './livePatch/instrumentOnset';
import { liveRun, type LiveRunResult } from './livePatch/liveRun';

const DEADLINE_MS = (128 / 48000) * 1000;
const LATENCY_TARGET_MS = 30;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** The `--set node.param=value` arguments, applied to `patch` (numbers and booleans parsed). */
function applySets(patch: Patch): string[] {
  const applied: string[] = [];
  process.argv.forEach((a, i) => {
    if (a !== '--set') return;
    const m = /^([^.=]+)\.([^=]+)=(.*)$/.exec(process.argv[i + 1] ?? '');
    if (!m) throw new Error(`bench live-patch: --set wants node.param=value, got "${process.argv[i + 1]}"`);
    const node = patch.nodes.find((n) => n.id === m[1]);
    if (!node) throw new Error(`bench live-patch: --set ${m[0]}: the patch has no node "${m[1]}" (it has: ${patch.nodes.map((n) => n.id).join(', ')})`);
    const raw = m[3];
    node.params = { ...node.params, [m[2]]: raw === 'true' ? true : raw === 'false' ? false : Number.isFinite(Number(raw)) && raw !== '' ? Number(raw) : raw };
    applied.push(m[0]);
  });
  return applied;
}

/** Example patches with at least one live node, a keyboard added where they have none. */
function livePatches(only: string | null): { name: string; patch: Patch; note: string }[] {
  const registry = createRegistry();
  const found: { name: string; patch: Patch; note: string }[] = [];
  for (const file of readdirSync(resolve(ROOT, 'patches')).filter((f) => f.endsWith('.genpatch.json')).sort()) {
    const name = file.replace('.genpatch.json', '');
    if (only && name !== only) continue;
    const { patch } = loadPatch(readFileSync(resolve(ROOT, 'patches', file), 'utf8'), registry);
    if (!patch?.nodes.some((n) => registry.get(n.type)?.live)) continue;
    let note = 'its own keyboard';
    if (!patch.nodes.some((n) => n.type === 'live.keyboard')) {
      const target = patch.nodes.find((n) => { const d = registry.get(n.type); return d?.live && d.inputs.events?.type === 'events'; });
      if (!target) { console.log(`(${name}: no live node takes note events; skipped)`); continue; }
      patch.nodes.push({ id: 'benchKeys', type: 'live.keyboard', version: 1, position: { x: target.position.x - 300, y: target.position.y + 300 }, params: {} });
      patch.edges.push({ id: 'benchKeysEdge', from: { node: 'benchKeys', port: 'events' }, to: { node: target.id, port: 'events' } });
      note = `a keyboard added into "${target.id}"`;
    }
    const sets = applySets(patch);
    found.push({ name, patch, note: sets.length ? `${note}; ${sets.join(', ')}` : note });
  }
  if (found.length === 0) throw new Error(`bench live-patch: no patch in patches/ ${only ? `named ${only} ` : ''}has a live node`);
  return found;
}

interface Figures { cpu: Spread; worker: Spread | null; cost: number; latency: Spread; total: Spread; outputMs: number; stream: Spread | null }

function figuresOf(r: LiveRunResult): Figures {
  const cpu = spread(r.trace.quantumCpuMs);
  const p = r.figures.producers;
  const worker = p.length ? { count: p.reduce((s, t) => s + t.blocks, 0), median: p.reduce((s, t) => s + t.p50Ms, 0), p99: p.reduce((s, t) => s + t.p99Ms, 0), max: p.reduce((s, t) => s + t.maxMs, 0) } : null;
  const outputMs = r.health.latencyMs ?? 0;
  return {
    cpu, worker, cost: cpu.median + (worker?.median ?? 0), outputMs,
    latency: spread(r.latenciesMs), total: spread(r.latenciesMs.map((ms) => ms + outputMs)),
    stream: r.health.streamLatency ? { count: r.health.streamLatency.count, median: r.health.streamLatency.p50Ms, p99: r.health.streamLatency.p99Ms, max: r.health.streamLatency.maxMs } : null,
  };
}

const f = (v: number, d = 2): string => (Number.isFinite(v) ? v.toFixed(d) : '–');
const ratio = (v: number, of: number): string => (Number.isFinite(v) ? `${(v / of).toFixed(2)}×` : '–');

function column(r: LiveRunResult): string[] {
  const g = figuresOf(r);
  const { liveOn, traceStart, played } = r.underruns;
  const pb = r.figures.playback;
  return [
    `${r.seconds} s at ${r.sampleRate} Hz, ${r.trace.quantumCpuMs.length} quanta (busiest of ${r.trace.contexts} contexts)`,
    pb ? `${r.device.liveOn + r.device.played} (${r.device.liveOn} at Live on, ${r.device.played} playing; ${r.device.traceStart} more as tracing started; ${f(pb.underrunDuration, 1)} ms of ${f(pb.totalDuration / 1000, 1)} s in all)` : 'n/a',
    r.figures.streams.length ? `${liveOn + played} quanta (${liveOn} at Live on, ${played} playing; ${traceStart} more as tracing started)` : r.figures.voices.length ? 'no ring (on the audio thread)' : 'no stream',
    `${f(g.cpu.median, 3)} / ${f(g.cpu.p99)} / ${f(g.cpu.max)}`,
    `${ratio(g.cpu.median, DEADLINE_MS)} / ${ratio(g.cpu.p99, DEADLINE_MS)} / ${ratio(g.cpu.max, DEADLINE_MS)}`,
    g.worker ? `${f(g.worker.median, 3)} / ${f(g.worker.p99)} / ${f(g.worker.max)} (${ratio(g.worker.median, DEADLINE_MS)} / ${ratio(g.worker.p99, DEADLINE_MS)})` : 'none',
    r.figures.voices.length ? r.figures.voices.map((v) => `${f(v.busyMs / Math.max(1, v.quanta), 3)} / ${f(v.maxMs, 1)}; ${v.late} of ${v.quanta} quanta late on the wall clock`).join('; ') : 'none',
    g.stream ? `${f(g.stream.median, 1)} (p99 ${f(g.stream.p99, 1)}, max ${f(g.stream.max, 1)}; ${g.stream.count} changes)` : 'no stream',
    g.stream ? `${f(g.stream.median + g.outputMs, 1)}` : '–',
    `${f(g.latency.median, 1)} (p99 ${f(g.latency.p99, 1)}; ${g.latency.count}/${r.notesPlayed} notes)`,
    `${f(g.total.median, 1)} (device ${f(g.outputMs, 1)}${pb ? `, playbackStats avg ${f(pb.averageLatency, 1)}` : ''})`,
    `${r.health.lateEvents} / ${r.health.longFrames}`,
  ];
}

const ROWS = ['run', 'device underrun events (playbackStats)', 'stream ring underruns', 'audio thread CPU / quantum ms (median / p99 / max)',
  `… vs ${f(DEADLINE_MS)} ms deadline`, 'stream Worker ms / 128 frames (median / p99 / max)', 'DDSP on the audio thread ms / quantum (mean / max, Date clock; quanta longer than they last + 1 ms)',
  'stream: control → first sample ms, median (markers)', '… + device output latency ms', 'MIDI → pitch heard in the recording ms, median (adds attack, glide)', '… + device output latency ms, median',
  'late events / stalled frames'];

/** The patch's DDSP instrument's own onset for `pitch` (offline, in Node), in words; null when it has none. */
async function ownOnset(patch: Patch, pitch: number, sampleRate: number, heardMs: number, streamMs: number | null): Promise<string | null> {
  const node = patch.nodes.find((n) => n.type === 'ddsp.instrument');
  const def = createRegistry().get('ddsp.instrument');
  if (!node || !def) return null;
  const defaults = Object.fromEntries(Object.entries(def.params).map(([k, spec]) => [k, spec.default]));
  const params = { ...defaults, ...node.params } as unknown as LiveDdspParams;
  const [fromSilence, overNote] = await instrumentOnsetsMs(params, pitch, sampleRate, [null, pitch - 7]);
  const ms = (v: number | null): string => (v === null ? 'not detected' : `${f(v, 1)} ms`);
  return `"${node.id}" by itself (offline in Node, note-on applied at a known sample, same detector): note ${pitch} heard ${ms(fromSilence)} after its note-on from silence, `
    + `${ms(overNote)} when it takes over from a sounding note ${pitch - 7} (its glide); the recording's ${f(heardMs, 1)} ms median less the latter leaves `
    + `${overNote === null ? '–' : `${f(heardMs - overNote, 1)} ms`} for the system (the stream's markers say ${streamMs === null ? 'nothing: no stream' : `${f(streamMs, 1)} ms`})`;
}

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '60'));
  const probe = Number(arg('probe', '10'));
  const pitch = Number(arg('pitch', '80'));
  const candidates = livePatches(process.argv.includes('--patch') ? arg('patch', '') : null);
  build();
  const server = await serve();
  const browser = await launch();
  const columns: [string, string[]][] = [];
  try {
    const costs: number[] = [];
    if (candidates.length > 1) {
      for (const c of candidates) {
        const r = await liveRun(browser, c.patch, probe, pitch);
        costs.push(figuresOf(r).cost);
        columns.push([`${c.name} (probe)`, column(r)]);
      }
    }
    const heaviest = candidates[costs.length ? costs.indexOf(Math.max(...costs)) : 0];
    console.log(`live patches: ${candidates.map((c, i) => `${c.name} (${c.note}${costs.length ? `; cost ${f(costs[i], 3)} ms per quantum` : ''})`).join(', ')}; heaviest: ${heaviest.name}`);
    const r = await liveRun(browser, heaviest.patch, seconds, pitch);
    columns.push([`${heaviest.name}, ${seconds} s`, column(r)]);
    // The same performance with the DDSP instrument in a Worker feeding the ring, for comparison.
    const inWorker = r.figures.voices.length && !process.argv.includes('--no-worker') ? await liveRun(browser, heaviest.patch, seconds, pitch, 'worker') : null;
    if (inWorker) columns.push([`${heaviest.name}, ${seconds} s, ?streams=worker`, column(inWorker)]);
    const g = figuresOf(r);
    const pb = r.figures.playback;
    const underruns = r.device.liveOn + r.device.played + r.underruns.liveOn + r.underruns.played;
    const targets = ['', '0', '0', `< ${f(DEADLINE_MS)}`, '< 1×', `< ${f(DEADLINE_MS)}`, `< ${f(DEADLINE_MS)}`, `< ${LATENCY_TARGET_MS}`, `< ${LATENCY_TARGET_MS} + device`, `< ${LATENCY_TARGET_MS}`, `< ${LATENCY_TARGET_MS} + device`, '0 / 0'];
    const vs = ['', `${underruns} total`, '', `p99 ${ratio(g.cpu.p99, DEADLINE_MS)}`, '', g.worker ? `p99 ${ratio(g.worker.p99, DEADLINE_MS)}` : '', '',
      g.stream ? ratio(g.stream.median, LATENCY_TARGET_MS) : '', g.stream ? ratio(g.stream.median + g.outputMs, LATENCY_TARGET_MS + g.outputMs) : '',
      ratio(g.latency.median, LATENCY_TARGET_MS), ratio(g.total.median, LATENCY_TARGET_MS + g.outputMs), ''];
    const u = r.underruns;
    console.log(`stream underruns: ${u.liveOn} from Live on (model load, pre-roll) to the trace, ${u.traceStart} while Chromium's tracing started (not counted below); playing: ${u.timeline[0]} in the first second, then per 1.5 s: ${u.timeline.slice(1).join(' ')}`);
    console.log(`Chromium (${r.trace.callbacks} device callbacks of ${r.trace.callbackFrames} frames, all contexts); MIDI note ${pitch} every 1.5 s; CPU is the audio thread's thread time per 128-frame quantum (trace).`);
    console.log(`| figure | ${columns.map(([h]) => h).join(' | ')} | target | ${seconds} s run vs target |`);
    console.log(`| --- | ${columns.map(() => '---').join(' | ')} | --- | --- |`);
    ROWS.forEach((row, i) => console.log(`| ${row} | ${columns.map(([, c]) => c[i]).join(' | ')} | ${targets[i]} | ${vs[i]} |`));
    if (inWorker) {
      const w = figuresOf(inWorker);
      const wu = inWorker.device.liveOn + inWorker.device.played + inWorker.underruns.liveOn + inWorker.underruns.played;
      console.log(`audio thread vs Worker + ring: control → first sample ${f(g.stream?.median ?? NaN, 1)} vs ${f(w.stream?.median ?? NaN, 1)} ms (${ratio(g.stream?.median ?? NaN, w.stream?.median ?? NaN)}), `
        + `MIDI → pitch heard ${f(g.latency.median, 1)} vs ${f(w.latency.median, 1)} ms (${ratio(g.latency.median, w.latency.median)}), underruns ${underruns} vs ${wu}, `
        + `audio thread CPU median ${f(g.cpu.median, 3)} vs ${f(w.cpu.median, 3)} ms per quantum (${ratio(g.cpu.median, w.cpu.median)})`);
    }
    const own = await ownOnset(heaviest.patch, pitch, r.sampleRate, g.latency.median, g.stream?.median ?? null);
    if (own) console.log(own);
  } finally {
    await browser.close();
    stop(server);
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(`bench live-patch: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
