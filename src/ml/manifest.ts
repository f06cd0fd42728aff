/**
 * Model manifests (`public/models/<id>/manifest.json`, format in docs/models.md): what a model is,
 * the sha256 of each of its files, the ONNX graph to run, and the I/O contract it fulfils (tensor
 * names, dtypes, shapes and the recurrent-state / KV-cache pairs). Parsing reports every problem
 * with its JSON path and the file it came from.
 */
import { z } from 'zod';

/** Element types a manifest may declare (the ml layer feeds and reads float32, int64 and int32). */
export const MANIFEST_DTYPES = ['float32', 'float16', 'int64', 'int32', 'int8', 'uint8', 'bool'] as const;

const name = z.string().min(1, 'must not be empty');
const relativePath = z.string().min(1).refine(
  (p) => !p.startsWith('/') && !p.split('/').some((part) => part === '..' || part === '.' || part === ''),
  'must be a relative path inside the model folder (no leading "/", no "." or ".." parts)',
);

const tensorSpec = z.strictObject({
  name,
  dtype: z.enum(MANIFEST_DTYPES),
  /** Sizes: a number is fixed, a string names a symbolic axis ('batch', 'sequence'…). */
  shape: z.array(z.union([z.number().int().nonnegative(), z.string().min(1)])),
  /** An optional input may be missing from the graph (e.g. position_ids in some exports). */
  optional: z.boolean().optional(),
  doc: z.string().optional(),
});

// The top level and `contract` keep keys they do not know (recipes add their own: weights,
// architecture, hop…); the parts the service relies on are strict, so a typo there is an error.
const manifestSchema = z.looseObject({
  manifestVersion: z.literal(1).optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" or "-"'),
  title: z.string().min(1),
  kind: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase kebab-case kind such as "token-transformer"'),
  description: z.string().optional(),
  licence: z.string().optional(),
  files: z.array(z.strictObject({
    path: relativePath,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
    bytes: z.number().int().nonnegative(),
  })).min(1, 'must list at least the ONNX file'),
  onnx: relativePath,
  contract: z.looseObject({
    inputs: z.array(tensorSpec).min(1, 'must list at least one input'),
    outputs: z.array(tensorSpec).min(1, 'must list at least one output'),
    state: z.array(z.strictObject({ input: name, output: name })).default([]),
  }),
  vocabulary: z.strictObject({
    id: z.string().min(1),
    size: z.number().int().positive(),
    format: z.string().min(1),
    file: relativePath.optional(),
  }).optional(),
  sampleRate: z.number().positive().optional(),
  frameRate: z.number().positive().optional(),
  recipe: z.union([z.string().min(1), z.looseObject({ script: z.string().min(1) })]).optional(),
  data: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
  metrics: z.record(z.string(), z.unknown()).optional(),
  training: z.record(z.string(), z.unknown()).optional(),
}).superRefine((m, ctx) => {
  const files = new Set<string>();
  m.files.forEach((f, i) => {
    if (files.has(f.path)) ctx.addIssue({ code: 'custom', path: ['files', i, 'path'], message: `"${f.path}" is listed twice` });
    files.add(f.path);
  });
  if (!files.has(m.onnx)) ctx.addIssue({ code: 'custom', path: ['onnx'], message: `"${m.onnx}" is not one of the listed files` });
  if (m.vocabulary?.file && !files.has(m.vocabulary.file)) {
    ctx.addIssue({ code: 'custom', path: ['vocabulary', 'file'], message: `"${m.vocabulary.file}" is not one of the listed files` });
  }
  for (const side of ['inputs', 'outputs'] as const) {
    const seen = new Set<string>();
    m.contract[side].forEach((t, i) => {
      if (seen.has(t.name)) ctx.addIssue({ code: 'custom', path: ['contract', side, i, 'name'], message: `"${t.name}" is declared twice` });
      seen.add(t.name);
    });
  }
  const inputs = new Map(m.contract.inputs.map((t) => [t.name, t]));
  const outputs = new Map(m.contract.outputs.map((t) => [t.name, t]));
  m.contract.state.forEach((pair, i) => {
    const input = inputs.get(pair.input);
    const output = outputs.get(pair.output);
    if (!input) ctx.addIssue({ code: 'custom', path: ['contract', 'state', i, 'input'], message: `"${pair.input}" is not a declared input` });
    if (!output) ctx.addIssue({ code: 'custom', path: ['contract', 'state', i, 'output'], message: `"${pair.output}" is not a declared output` });
    if (input && output && input.dtype !== output.dtype) {
      ctx.addIssue({ code: 'custom', path: ['contract', 'state', i], message: `"${pair.input}" is ${input.dtype} but "${pair.output}" is ${output.dtype}` });
    }
  });
});

/** A parsed, checked model manifest. */
export type ModelManifest = z.output<typeof manifestSchema>;
/** One tensor of a manifest's contract. */
export type TensorSpec = z.output<typeof tensorSpec>;
/** One file entry of a manifest. */
export type ManifestFile = ModelManifest['files'][number];

/** A manifest that failed to parse: the file and each problem as `path: message`. */
export class ManifestError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: invalid model manifest:\n  ${problems.join('\n  ')}`);
    this.name = 'ManifestError';
  }
}

/** Formats a zod path as a JSON path: `contract.inputs[2].dtype`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(root)';
}

/**
 * Parses a manifest from JSON text or an already-parsed value; `file` names it in errors.
 * @example
 * const manifest = parseManifest(readFileSync(path, 'utf8'), path);
 */
export function parseManifest(source: string | unknown, file: string): ModelManifest {
  let value: unknown = source;
  if (typeof source === 'string') {
    try {
      value = JSON.parse(source);
    } catch (err) {
      throw new ManifestError(file, [`not valid JSON: ${(err as Error).message}`]);
    }
  }
  const result = manifestSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ManifestError(file, result.error.issues.map((issue) => `${jsonPath(issue.path)}: ${
    issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')} (docs/models.md lists the keys)` : issue.message}`));
}

/** The state pairs of a manifest as a map from output name to the input it feeds next step. */
export function stateOutputs(manifest: ModelManifest): Map<string, string> {
  return new Map(manifest.contract.state.map((p) => [p.output, p.input]));
}
