/**
 * The NLL-by-position figure as a hand-written SVG: one panel per corpus, mean NLL per token of
 * each position bucket for the Markov baseline and the neural model, with axes, ticks, a legend and
 * (for a model with a bounded context) a marker where the sliding window starts.
 */
import type { PositionBucket } from './scoring';

/** One line of a panel. */
export interface PlotSeries {
  label: string;
  color: string;
  dashed?: boolean;
  buckets: PositionBucket[];
}

/** One panel: a corpus and its lines. */
export interface PlotPanel {
  title: string;
  series: PlotSeries[];
  /** Draws a vertical marker at this position (the model's context length). */
  marker?: { at: number; label: string };
}

const PANEL_W = 470;
const PANEL_H = 350;
const M = { left: 58, right: 16, top: 40, bottom: 72 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : String(Number(v.toFixed(2))));

/** About `count` round tick values from lo; with `cover`, the last one reaches hi, else none passes it. */
export function niceTicks(lo: number, hi: number, count = 5, cover = false): number[] {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; cover ? out.length === 0 || out[out.length - 1] < hi - step * 1e-9 : v <= hi + step * 1e-9; v += step) {
    out.push(Number(v.toFixed(10)));
  }
  return out;
}

function panelSvg(panel: PlotPanel, x0: number): string {
  const w = PANEL_W - M.left - M.right;
  const h = PANEL_H - M.top - M.bottom;
  const all = panel.series.flatMap((s) => s.buckets);
  const xMax = Math.max(...all.map((b) => b.to + 1));
  const yTicks = niceTicks(0, Math.max(...all.map((b) => b.nll)) * 1.05, 5, true);
  const yMax = yTicks[yTicks.length - 1];
  const sx = (v: number) => x0 + M.left + (v / xMax) * w;
  const sy = (v: number) => M.top + h - (v / yMax) * h;
  const parts: string[] = [`<text x="${x0 + PANEL_W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(panel.title)}</text>`];
  for (const t of yTicks) {
    parts.push(`<line x1="${sx(0)}" x2="${sx(xMax)}" y1="${sy(t)}" y2="${sy(t)}" stroke="#e3e3e3"/>`,
      `<text x="${sx(0) - 6}" y="${sy(t) + 4}" text-anchor="end">${fmt(t)}</text>`);
  }
  for (const t of niceTicks(0, xMax, 6)) {
    parts.push(`<line x1="${sx(t)}" x2="${sx(t)}" y1="${sy(0)}" y2="${sy(0) + 5}" stroke="#333"/>`,
      `<text x="${sx(t)}" y="${sy(0) + 18}" text-anchor="middle">${fmt(t)}</text>`);
  }
  parts.push(`<line x1="${sx(0)}" x2="${sx(xMax)}" y1="${sy(0)}" y2="${sy(0)}" stroke="#333"/>`,
    `<line x1="${sx(0)}" x2="${sx(0)}" y1="${sy(0)}" y2="${sy(yMax)}" stroke="#333"/>`,
    `<text x="${x0 + M.left + w / 2}" y="${PANEL_H - 38}" text-anchor="middle">position of the predicted token in the piece (tokens; bucket midpoints)</text>`,
    `<text transform="translate(${x0 + 16} ${M.top + h / 2}) rotate(-90)" text-anchor="middle">NLL per token (nats)</text>`);
  if (panel.marker && panel.marker.at < xMax) {
    const mx = sx(panel.marker.at);
    parts.push(`<line x1="${mx}" x2="${mx}" y1="${sy(0)}" y2="${sy(yMax)}" stroke="#888" stroke-dasharray="4 4"/>`,
      `<text x="${mx + 4}" y="${sy(0) - 8}" fill="#555">${esc(panel.marker.label)}</text>`);
  }
  const dash = (s: PlotSeries) => (s.dashed ? ' stroke-dasharray="6 3"' : '');
  for (const s of panel.series) {
    const pts = s.buckets.map((b) => [sx((b.from + b.to + 1) / 2).toFixed(1), sy(b.nll).toFixed(1)]);
    parts.push(`<polyline points="${pts.map((p) => p.join(',')).join(' ')}" fill="none" stroke="${s.color}" stroke-width="2"${dash(s)}/>`,
      ...pts.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="2.5" fill="${s.color}"/>`));
  }
  // The legend sits under the axis title, one entry after another, so it never hides data.
  let lx = x0 + M.left;
  const ly = PANEL_H - 14;
  for (const s of panel.series) {
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash(s)}/>`,
      `<text x="${lx + 30}" y="${ly + 4}">${esc(s.label)}</text>`);
    lx += 30 + s.label.length * 6.2 + 18;
  }
  return parts.join('\n');
}

/**
 * The whole figure: panels side by side under a title and a caption line.
 * @example
 * writeFileSync('docs/nll-by-position.svg', positionSvg('NLL by position', panels, 'buckets with ≥ 5 pieces'));
 */
export function positionSvg(title: string, panels: PlotPanel[], caption: string): string {
  const width = PANEL_W * panels.length;
  const height = PANEL_H + 56;
  const body = panels.map((p, i) => `<g transform="translate(0 34)">${panelSvg(p, i * PANEL_W)}</g>`).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${width / 2}" y="22" text-anchor="middle" font-size="17" font-weight="bold">${esc(title)}</text>
${body}
<text x="${width / 2}" y="${height - 8}" text-anchor="middle" fill="#555">${esc(caption)}</text>
</svg>
`;
}
