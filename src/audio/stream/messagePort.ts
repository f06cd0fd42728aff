/** The part of a MessagePort the stream uses: the same in browsers and Node's worker_threads, so tests run in Node. */

/** A message endpoint: a MessagePort, a worker's global scope, or Node's parentPort. */
export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
  close?(): void;
}

/** Listens on `port` and starts its queue (ports opened with addEventListener stay paused until started). */
export function listen(port: PortLike, handler: (data: unknown) => void): void {
  port.addEventListener('message', (event) => handler(event.data));
  port.start?.();
}
