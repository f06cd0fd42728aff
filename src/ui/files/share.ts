/** Share links: the patch compressed into the URL fragment (engine's encodeShareLink), and opening one. */
import { encodeShareLink, formatProblem, loadShareLink } from '../../engine/patch';
import type { AppServices } from '../AppContext';

/** The full share URL of the current patch. */
export function shareUrl(app: AppServices): string {
  const base = `${location.origin}${location.pathname}${location.search}`;
  return `${base}#${encodeShareLink(app.editor.state.get().patch)}`;
}

/** True when the page URL carries a patch. */
export function hasSharedPatch(hash = location.hash): boolean {
  return /[#&]patch=/.test(hash);
}

/** Opens the patch carried by `hash`; returns false (and reports why) when it cannot. */
export function openShareLink(app: AppServices, hash = location.hash): boolean {
  const { patch, problems } = loadShareLink(hash, app.registry);
  if (!patch) {
    app.notify(`Cannot open the shared patch: ${problems.filter((p) => p.severity === 'error').slice(0, 2).map(formatProblem).join('; ')}`, 'error');
    return false;
  }
  app.editor.load(patch, null);
  app.notify(`Opened shared patch “${patch.meta.title}”`);
  return true;
}
