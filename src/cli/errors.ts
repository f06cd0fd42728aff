/** Errors the CLI reports as one clear line (user mistakes), as opposed to internal failures. */

/** A mistake of the user (bad argument, missing file, invalid patch): printed without a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'UserError';
  }
}
