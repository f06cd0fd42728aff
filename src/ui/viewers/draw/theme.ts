/** Colours shared by every viewer drawing (the dark theme of the editor). */
export const viewerTheme = {
  background: '#101217',
  grid: '#242833',
  gridStrong: '#343a48',
  text: '#9aa3b5',
  accent: '#4f9dff',
  accent2: '#ff6b6b',
  series: ['#4f9dff', '#ff9f43', '#7bd389', '#c77dff', '#f48fb1', '#4dd0e1'],
  font: '10px Inter, system-ui, sans-serif',
};

/** Fills the background of a drawing. */
export function clear(ctx: CanvasRenderingContext2D, w: number, h: number): void {
  ctx.fillStyle = viewerTheme.background;
  ctx.fillRect(0, 0, w, h);
}

/** Maps t in [0, 1] to a perceptual colour ramp (dark blue → violet → orange → yellow). */
export function heatColor(t: number): [number, number, number] {
  const x = Math.max(0, Math.min(1, t));
  const stops: [number, number, number][] = [[16, 18, 23], [48, 30, 110], [150, 45, 140], [235, 100, 60], [252, 220, 90]];
  const p = x * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(p));
  const f = p - i;
  const a = stops[i]; const b = stops[i + 1];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** Draws a small title in the corner when there is room. */
export function drawTitle(ctx: CanvasRenderingContext2D, title: string, h: number): void {
  if (h < 60) return;
  ctx.font = viewerTheme.font;
  ctx.fillStyle = viewerTheme.text;
  ctx.textBaseline = 'top';
  ctx.fillText(title, 6, 5);
}
