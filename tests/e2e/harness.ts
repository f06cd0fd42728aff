/**
 * The e2e harness: builds the app, serves it with `vite preview`, launches Debian's Chromium through
 * playwright-core, and gives each test a fresh page. No test framework: run.ts drives it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Where screenshots go (gitignored). */
export const SHOTS = resolve(ROOT, 'tests/e2e/screenshots');
/** The preview port the lead's vite.config.ts uses. */
export const PORT = 4173;
/** Base URL of the served app. */
export const BASE = `http://localhost:${PORT}/`;

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--autoplay-policy=no-user-gesture-required',
  // WebGPU on SwiftShader (DESIGN.md), so the ml spec can run models on the WebGPU provider.
  '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-webgpu-adapter=swiftshader'];

/** Builds the app with vite; throws with vite's output on failure. */
export function build(): void {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Starts `vite preview` and resolves once it answers. */
export async function serve(): Promise<ChildProcess> {
  const child = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout!.on('data', (d) => { log += d; });
  child.stderr!.on('data', (d) => { log += d; });
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(BASE);
      if (r.ok) return child;
    } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${log}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  stop(child);
  throw new Error(`vite preview did not answer on ${BASE}: ${log}`);
}

/** Stops a process group started by serve(). */
export function stop(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
}

/** Launches headless Chromium. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** What a test gets. */
export interface TestContext {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far. */
  errors: string[];
  /** Saves a screenshot as tests/e2e/screenshots/<name>.png. */
  shot(name: string): Promise<void>;
}

/** A fresh browser context (empty storage) with the app opened at `path`. */
export async function openApp(browser: Browser, path = ''): Promise<TestContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(BASE + path);
  await page.waitForSelector('.react-flow__renderer');
  await page.waitForFunction(() => window.__genpatch !== undefined);
  mkdirSync(SHOTS, { recursive: true });
  return {
    browser, context, page, errors,
    shot: async (name) => { await page.screenshot({ path: resolve(SHOTS, `${name}.png`) }); },
  };
}
