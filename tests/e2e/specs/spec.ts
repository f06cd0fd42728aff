/** The shape of one browser test. */
import type { TestContext } from '../harness';

/** A named browser test run in a fresh page. */
export interface Spec {
  name: string;
  /** Path (and fragment) to open, relative to the app's root. */
  path?: string;
  /** Page errors matching one of these do not fail the test. */
  allowErrors?: RegExp[];
  run(ctx: TestContext): Promise<void>;
}

/** Throws `message` unless `cond` holds. */
export function expect(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}
