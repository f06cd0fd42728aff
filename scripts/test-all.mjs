#!/usr/bin/env node
// Runs every test suite (vitest unit/integration tests, then the browser e2e suite when Chromium is
// present, then the training-recipe smoke tests when PyTorch is present) and ends with one line
// `N passed, N failed` summing all of them. Exit code 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const suites = [];

function run(name, cmd, args, parse) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  const counts = parse(r.stdout ?? '');
  if (!counts || (r.status !== 0 && counts.failed === 0)) {
    // A crash or a non-zero exit without a failed test still counts as a failure of the suite.
    const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
    c.failed += 1;
    console.log(`${name}: exited with ${r.status ?? r.signal} — counted as a failure`);
    add(name, c);
    return;
  }
  add(name, counts);
}

function add(name, c) {
  totals.passed += c.passed; totals.failed += c.failed; totals.skipped += c.skipped ?? 0;
  suites.push(`${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
}

/** Reads the counts from a line `N passed, N failed` printed by our own runners. */
function parsePlainLine(out) {
  const m = [...out.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].pop();
  return m ? { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) } : null;
}

const dir = mkdtempSync(join(tmpdir(), 'genpatch-test-'));
const vitestJson = join(dir, 'vitest.json');
run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], () => {
  if (!existsSync(vitestJson)) return null;
  const j = JSON.parse(readFileSync(vitestJson, 'utf8'));
  return { passed: j.numPassedTests, failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0), skipped: j.numPendingTests + (j.numTodoTests ?? 0) };
});

if (existsSync('tests/e2e/run.ts')) {
  if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) {
    run('e2e', 'npx', ['tsx', 'tests/e2e/run.ts'], parsePlainLine);
  } else {
    console.log('\n=== e2e: skipped, no Chromium at /usr/bin/chromium (apt-get install -y chromium)');
    if (process.env.CI) add('e2e (Chromium missing under CI)', { passed: 0, failed: 1 });
  }
}

if (existsSync('training/smoke.py')) {
  // Debian's interpreter has python3-torch; a `python3` earlier on PATH (pyenv, venv) may not.
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const torch = spawnSync(python, ['-c', 'import torch, onnx'], { stdio: 'ignore' });
  if (torch.status === 0) run('recipes', python, ['training/smoke.py'], parsePlainLine);
  else {
    console.log('\n=== recipes: skipped, python3-torch/python3-onnx not installed');
    if (process.env.CI) add('recipes (python3-torch missing under CI)', { passed: 0, failed: 1 });
  }
}

console.log('\n' + suites.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
