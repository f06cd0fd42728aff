/**
 * Runs the browser tests against the built app: builds, serves with `vite preview`, runs every
 * spec in a fresh browser context, prints one line per test and ends with `N passed, N failed`.
 * Usage: npx tsx tests/e2e/run.ts [name-filter]
 */
import { build, launch, openApp, serve, stop } from './harness';
import { specs } from './specs';

async function main(): Promise<number> {
  const filter = process.argv[2];
  const selected = specs.filter((s) => !filter || s.name.includes(filter));
  let passed = 0;
  let failed = 0;
  build();
  const server = await serve();
  const browser = await launch();
  try {
    for (const spec of selected) {
      const t0 = Date.now();
      const ctx = await openApp(browser, spec.path ?? '');
      try {
        await spec.run(ctx);
        const pageErrors = ctx.errors.filter((e) => !spec.allowErrors?.some((re) => re.test(e)));
        if (pageErrors.length) throw new Error(`the page reported errors:\n  ${pageErrors.join('\n  ')}`);
        passed++;
        console.log(`ok   ${spec.name} (${Date.now() - t0} ms)`);
      } catch (err) {
        failed++;
        console.log(`FAIL ${spec.name}: ${(err as Error).message}`);
        await ctx.shot(`FAILED-${spec.name.replace(/\W+/g, '-')}`).catch(() => undefined);
      } finally {
        await ctx.context.close();
      }
    }
  } finally {
    await browser.close();
    stop(server);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && selected.length > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => {
  console.log(`FAIL harness: ${(err as Error).stack ?? err}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
