/**
 * Injected into the built app page by bench/ddsp.ts: times the DDSP pipeline there, with the
 * decoder loaded through the page's own model service (the inference Worker) on a chosen provider.
 */
import type { ProviderPreference } from '../../src/ml/service';
import { timePipeline, type PipelineTiming } from './pipeline';

/** What the bench reads back from the page. */
export interface BrowserTiming extends PipelineTiming {
  provider: string;
  fallbackReason?: string;
  numThreads: number;
}

declare global {
  interface Window {
    /** Set by this bundle: runs the pipeline on `provider` and returns its timing. */
    __ddspBench?: (provider: ProviderPreference, seconds: number, reps: number) => Promise<BrowserTiming>;
  }
}

window.__ddspBench = async (provider, seconds, reps) => {
  const probe = await window.__genpatch!.ml();
  const model = await probe.model('ddsp-sax', provider, 'shipped');
  const timing = await timePipeline(model, seconds, reps);
  const env = await probe.environment();
  return { ...timing, provider: model.provider, fallbackReason: model.fallbackReason, numThreads: env.numThreads };
};
