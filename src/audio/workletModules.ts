/** Loading AudioWorklet modules into a context once each, however many nodes ask for them. */

const loaded = new WeakMap<BaseAudioContext, Map<string, Promise<void>>>();

/**
 * Adds the worklet module at `url` to `ctx` unless it already was (or is being) added.
 * @example
 * await addWorkletModuleOnce(ctx, processorUrl); new AudioWorkletNode(ctx, 'genpatch-stream');
 */
export function addWorkletModuleOnce(ctx: BaseAudioContext, url: string): Promise<void> {
  let modules = loaded.get(ctx);
  if (!modules) {
    modules = new Map();
    loaded.set(ctx, modules);
  }
  let done = modules.get(url);
  if (!done) {
    done = ctx.audioWorklet.addModule(url);
    modules.set(url, done);
  }
  return done;
}
