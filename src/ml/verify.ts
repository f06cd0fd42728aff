/**
 * Model checks before anything runs: every file against its manifest digest (a tampered or
 * mismatched file is refused), the session's real inputs/outputs against the manifest contract,
 * and the manifest against what a node requires.
 */
import type { ValueInfo } from './backend';
import { sha256Of } from './digest';
import type { ModelManifest, TensorSpec } from './manifest';

/** A model refused by a check; the message says what, where and how to fix it. */
export class ModelCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelCheckError';
  }
}

/** Model files by path relative to the model folder ('onnx/model.onnx'). */
export type ModelFiles = ReadonlyMap<string, Uint8Array>;

/**
 * Checks the size and sha256 of every file the manifest lists; `where` names the model folder.
 * @example
 * await verifyFiles(manifest, files, 'public/models/melody-lstm');
 */
export async function verifyFiles(manifest: ModelManifest, files: ModelFiles, where: string): Promise<void> {
  for (const entry of manifest.files) {
    const bytes = files.get(entry.path);
    const file = `${where}/${entry.path}`;
    if (!bytes) throw new ModelCheckError(`${file}: missing (the manifest of "${manifest.id}" lists it)`);
    const actual = await sha256Of(bytes);
    if (actual !== entry.sha256) {
      throw new ModelCheckError(
        `${file}: sha256 mismatch: the manifest expects ${entry.sha256} but the file hashes to ${actual} ` +
        `(${bytes.length} bytes, manifest says ${entry.bytes}); the file is damaged or was replaced — ` +
        'restore it, or regenerate the manifest with the recipe that made it');
    }
    if (bytes.length !== entry.bytes) {
      throw new ModelCheckError(`${file}: the manifest says ${entry.bytes} bytes but the digest matches a ${bytes.length}-byte file; fix "bytes"`);
    }
  }
}

const shapeText = (shape: readonly (number | string)[]): string => `[${shape.join(', ')}]`;

/** Problems between one declared tensor and what the session reports for it. */
function tensorProblems(side: string, spec: TensorSpec, actual: ValueInfo): string[] {
  const problems: string[] = [];
  if (actual.dtype && actual.dtype !== spec.dtype) problems.push(`${side} "${spec.name}" is ${actual.dtype} in the graph but ${spec.dtype} in the manifest`);
  const shape = actual.shape;
  if (shape && shape.length > 0) {
    if (shape.length !== spec.shape.length) {
      problems.push(`${side} "${spec.name}" has rank ${shape.length} ${shapeText(shape)} in the graph but ${spec.shape.length} ${shapeText(spec.shape)} in the manifest`);
    } else {
      shape.forEach((d, i) => {
        const declared = spec.shape[i];
        if (typeof d === 'number' && typeof declared === 'number' && d !== declared) {
          problems.push(`${side} "${spec.name}" axis ${i} is ${d} in the graph but ${declared} in the manifest`);
        }
      });
    }
  }
  return problems;
}

/**
 * Checks a session's inputs and outputs against the manifest contract: every required declared
 * input and every declared output must exist with the declared dtype and rank, and the graph may
 * not need an input the manifest does not declare.
 */
export function checkSessionContract(manifest: ModelManifest, session: { inputs: ValueInfo[]; outputs: ValueInfo[] }, where: string): void {
  const problems: string[] = [];
  const inputs = new Map(session.inputs.map((v) => [v.name, v]));
  const outputs = new Map(session.outputs.map((v) => [v.name, v]));
  for (const spec of manifest.contract.inputs) {
    const actual = inputs.get(spec.name);
    if (actual) problems.push(...tensorProblems('input', spec, actual));
    else if (!spec.optional) problems.push(`input "${spec.name}" is declared but the graph has no such input`);
  }
  const declared = new Set(manifest.contract.inputs.map((t) => t.name));
  for (const name of inputs.keys()) {
    if (!declared.has(name)) problems.push(`the graph needs input "${name}", which the manifest does not declare`);
  }
  for (const spec of manifest.contract.outputs) {
    const actual = outputs.get(spec.name);
    if (actual) problems.push(...tensorProblems('output', spec, actual));
    else if (!spec.optional) problems.push(`output "${spec.name}" is declared but the graph has no such output`);
  }
  if (problems.length) {
    throw new ModelCheckError(
      `${where}/${manifest.onnx} does not match the contract in its manifest:\n  ${problems.join('\n  ')}\n` +
      `  (graph inputs: ${[...inputs.keys()].join(', ')}; outputs: ${[...outputs.keys()].join(', ')})`);
  }
}

/**
 * The manifest reduced to the tensors the graph has: optional inputs and outputs it lacks are
 * dropped, with the state pairs that named them.
 */
export function fitToSession(manifest: ModelManifest, session: { inputs: ValueInfo[]; outputs: ValueInfo[] }): ModelManifest {
  const inputs = new Set(session.inputs.map((v) => v.name));
  const outputs = new Set(session.outputs.map((v) => v.name));
  const keptIn = manifest.contract.inputs.filter((t) => !t.optional || inputs.has(t.name));
  const keptOut = manifest.contract.outputs.filter((t) => !t.optional || outputs.has(t.name));
  const inNames = new Set(keptIn.map((t) => t.name));
  const outNames = new Set(keptOut.map((t) => t.name));
  const state = manifest.contract.state.filter((p) => inNames.has(p.input) && outNames.has(p.output));
  return { ...manifest, contract: { ...manifest.contract, inputs: keptIn, outputs: keptOut, state } };
}

/** What a node needs from a model: its kind, tensor names, vocabulary or rate. */
export interface RequiredContract {
  /** Accepted kinds ('token-lstm', 'token-transformer'…). */
  kind?: string | readonly string[];
  inputs?: readonly string[];
  outputs?: readonly string[];
  /** Required vocabulary id (e.g. 'genpatch-events-v1'). */
  vocabulary?: string;
  sampleRate?: number;
  frameRate?: number;
}

/**
 * Checks that a manifest offers what a node requires; `who` names the node in the error.
 * @example
 * checkRequiredContract(manifest, { kind: 'token-lstm', inputs: ['input_ids'], outputs: ['logits'] }, 'node lstm1');
 */
export function checkRequiredContract(manifest: ModelManifest, required: RequiredContract, who: string): void {
  const problems: string[] = [];
  const kinds = typeof required.kind === 'string' ? [required.kind] : required.kind;
  if (kinds && !kinds.includes(manifest.kind)) problems.push(`its kind is "${manifest.kind}", expected ${kinds.map((k) => `"${k}"`).join(' or ')}`);
  const inputs = new Set(manifest.contract.inputs.map((t) => t.name));
  const outputs = new Set(manifest.contract.outputs.map((t) => t.name));
  const missingIn = (required.inputs ?? []).filter((n) => !inputs.has(n));
  const missingOut = (required.outputs ?? []).filter((n) => !outputs.has(n));
  if (missingIn.length) problems.push(`missing inputs ${missingIn.map((n) => `"${n}"`).join(', ')} (it has ${[...inputs].join(', ')})`);
  if (missingOut.length) problems.push(`missing outputs ${missingOut.map((n) => `"${n}"`).join(', ')} (it has ${[...outputs].join(', ')})`);
  if (required.vocabulary && manifest.vocabulary?.id !== required.vocabulary) {
    problems.push(`its vocabulary is ${manifest.vocabulary ? `"${manifest.vocabulary.id}"` : 'not declared'}, expected "${required.vocabulary}"`);
  }
  for (const key of ['sampleRate', 'frameRate'] as const) {
    if (required[key] !== undefined && manifest[key] !== required[key]) {
      problems.push(`its ${key} is ${manifest[key] ?? 'not declared'}, expected ${required[key]}`);
    }
  }
  if (problems.length) throw new ModelCheckError(`${who}: model "${manifest.id}" does not fit: ${problems.join('; ')}`);
}
