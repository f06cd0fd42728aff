/**
 * Finds where and why a text is not valid JSON. `JSON.parse` messages differ between engines and
 * often omit the position, so the loader runs this small scanner (RFC 8259 grammar, no values
 * built) after `JSON.parse` fails, to report a line, a column and a plain reason.
 */

/** A JSON syntax error: 1-based line and column, and the reason. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

/** Nesting deeper than this is reported rather than scanned (patches are a few levels deep). */
export const MAX_JSON_DEPTH = 256;

class Fail {
  constructor(readonly at: number, readonly message: string) {}
}

/** Scans one JSON text; throws Fail at the first syntax error. */
class Scanner {
  i = 0;
  constructor(private readonly s: string) {}

  run(): void {
    this.ws();
    if (this.i >= this.s.length) throw new Fail(this.i, 'the file is empty');
    this.value(0);
    this.ws();
    if (this.i < this.s.length) throw new Fail(this.i, `unexpected ${this.show()} after the end of the JSON value`);
  }

  private show(): string {
    if (this.i >= this.s.length) return 'end of file';
    const c = this.s[this.i];
    return c.charCodeAt(0) < 0x20 ? `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')}` : `'${c}'`;
  }

  private ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i])) this.i++;
  }

  private value(depth: number): void {
    if (depth > MAX_JSON_DEPTH) throw new Fail(this.i, `nesting deeper than ${MAX_JSON_DEPTH} levels`);
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.s.startsWith(word, this.i)) { this.i += word.length; return; }
    }
    if (c === "'") throw new Fail(this.i, 'strings must use double quotes');
    throw new Fail(this.i, `unexpected ${this.show()}, expected a value`);
  }

  private object(depth: number): void {
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') { this.i++; return; }
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') throw new Fail(this.i, "trailing comma before '}'");
      if (this.s[this.i] !== '"') throw new Fail(this.i, `unexpected ${this.show()}, expected a property name in double quotes`);
      this.string();
      this.ws();
      if (this.s[this.i] !== ':') throw new Fail(this.i, `unexpected ${this.show()}, expected ':' after the property name`);
      this.i++;
      this.ws();
      this.value(depth + 1);
      this.ws();
      if (this.s[this.i] === ',') { this.i++; continue; }
      if (this.s[this.i] === '}') { this.i++; return; }
      throw new Fail(this.i, `unexpected ${this.show()}, expected ',' or '}' after a property value`);
    }
  }

  private array(depth: number): void {
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') { this.i++; return; }
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') throw new Fail(this.i, "trailing comma before ']'");
      this.value(depth + 1);
      this.ws();
      if (this.s[this.i] === ',') { this.i++; continue; }
      if (this.s[this.i] === ']') { this.i++; return; }
      throw new Fail(this.i, `unexpected ${this.show()}, expected ',' or ']' after an array element`);
    }
  }

  private string(): void {
    const start = this.i;
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '"') { this.i++; return; }
      if (c.charCodeAt(0) < 0x20) throw new Fail(this.i, `unescaped ${this.show()} inside a string`);
      if (c === '\\') {
        const e = this.s[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) throw new Fail(this.i, 'invalid \\u escape: expected 4 hex digits');
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) throw new Fail(this.i, `invalid escape '\\${e ?? ''}' in a string`);
        this.i += 2;
        continue;
      }
      this.i++;
    }
    throw new Fail(start, 'string is never closed');
  }

  private number(): void {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!m || m[0] === '-') throw new Fail(this.i, 'invalid number');
    this.i += m[0].length;
  }
}

/** The 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The first syntax error of `text`, or null when it is valid JSON.
 * @example
 * findJsonSyntaxError('{\n  "a": 1,\n}'); // { line: 3, column: 1, message: "trailing comma before '}'" }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    new Scanner(text).run();
    return null;
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    return { ...lineColumn(text, e.at), message: e.message };
  }
}
