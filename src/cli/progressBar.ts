/** A one-line progress bar for terminals, fed by scheduler events; silent when stderr is not a TTY. */
import type { NodeEvent } from '../engine/scheduler-types';

/** Tracks node statuses and redraws a bar like `[#####-----] 5/10 markov1 42%`. */
export class ProgressBar {
  private status = new Map<string, NodeEvent>();
  private lastDraw = 0;
  private readonly enabled: boolean;

  constructor(private stream: NodeJS.WriteStream = process.stderr, private width = 28) {
    this.enabled = Boolean(stream.isTTY);
  }

  /** Feeds one scheduler event. */
  update(event: NodeEvent): void {
    this.status.set(event.nodeId, event);
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 50 && event.status === 'running') return;
    this.lastDraw = now;
    this.draw();
  }

  /** Clears the bar line. */
  done(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }

  private draw(): void {
    const all = [...this.status.values()];
    const finished = all.filter((e) => e.status === 'done' || e.status === 'cached' || e.status === 'failed').length;
    const running = all.find((e) => e.status === 'running');
    const partial = running?.progress ?? 0;
    const fraction = all.length ? (finished + partial) / all.length : 0;
    const filled = Math.round(fraction * this.width);
    const label = running ? ` ${running.nodeId} ${Math.round(partial * 100)}%` : '';
    this.stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${finished}/${all.length}${label}`);
  }
}
