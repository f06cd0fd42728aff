/** Choosing how blocks travel: the shared ring needs a cross-origin isolated page; messages work everywhere. */
import type { StreamTransport } from './protocol';

/**
 * The transport to use: 'auto' gives 'shared' on a cross-origin isolated page (COOP/COEP), else 'messages'.
 * @example
 * pickTransport('auto', globalThis.crossOriginIsolated); // 'shared' on the genpatch page
 */
export function pickTransport(requested: 'auto' | StreamTransport = 'auto', isolated = globalThis.crossOriginIsolated === true): StreamTransport {
  const shared = isolated && typeof SharedArrayBuffer === 'function';
  if (requested === 'shared' && !shared) throw new Error('audio stream: transport "shared" needs a cross-origin isolated page (COOP/COEP headers); use "auto" or "messages"');
  return requested === 'auto' ? (shared ? 'shared' : 'messages') : requested;
}
