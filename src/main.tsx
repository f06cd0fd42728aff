/** The page entry: builds the registry and services, picks the first patch (share link, autosave or empty), renders the editor. */
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { createRoot } from 'react-dom/client';
import { createRegistry } from '../nodes';
import { createPatch, loadPatch, loadShareLink, formatProblem } from './engine/patch';
import type { Patch } from './engine/patch/types';
import { App } from './ui/App';
import { createServices } from './ui/createServices';
import { readAutosave } from './ui/files/autosave';
import { hasSharedPatch } from './ui/files/share';
import { createHostServices } from './ui/run/hostServices';

async function boot(): Promise<void> {
  performance.mark('genpatch:boot');
  const registry = createRegistry();
  performance.mark('genpatch:registry');
  const messages: string[] = [];
  let patch: Patch | null = null;
  let fileName: string | null = null;
  if (hasSharedPatch()) {
    const loaded = loadShareLink(location.hash, registry);
    patch = loaded.patch;
    if (!patch) messages.push(`The shared link could not be opened: ${loaded.problems.slice(0, 2).map(formatProblem).join('; ')}`);
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (!patch) {
    const saved = await readAutosave().catch(() => null);
    if (saved) {
      const loaded = loadPatch(saved.text, registry, { fileName: 'autosave' });
      patch = loaded.patch;
      fileName = saved.fileName;
      if (!patch) messages.push('The autosaved patch could not be restored; starting afresh.');
    }
  }
  performance.mark('genpatch:patch-loaded');
  const services = createServices({ registry, patch: patch ?? createPatch(), fileName, nodeServices: createHostServices() });
  createRoot(document.getElementById('root')!).render(<App services={services} />);
  performance.mark('genpatch:render-scheduled');
  for (const m of messages) services.notify(m, 'error');
  // The first run waits for the first paint, so the patch shows before it computes.
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark('genpatch:first-run');
    void services.runner.runNow().then(() => performance.mark('genpatch:first-run-done'));
  }, 0));
}

void boot();
