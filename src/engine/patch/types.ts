/** The patch file model (`*.genpatch.json`): what is saved, shared and loaded. See docs/patch-format.md. */

/** The `format` field of every patch file. */
export const PATCH_FORMAT = 'genpatch';
/** The current patch format version; older versions are migrated on load (migrations.ts). */
export const PATCH_VERSION = 1;

/** Title, description, author and licence of a patch. */
export interface PatchMeta {
  title: string;
  description?: string;
  author?: string;
  licence?: string;
  [key: string]: unknown;
}

/** A node instance in a patch. */
export interface PatchNode {
  id: string;
  type: string;
  /** Version of the node type that saved these params. */
  version: number;
  position: { x: number; y: number };
  params: Record<string, unknown>;
  /** Names of params exposed as input ports. */
  exposed?: string[];
  /** Optional user title shown instead of the type's title. */
  title?: string;
  /**
   * Set only on placeholders (a type the registry does not know): the node object exactly as read,
   * which serializePatch writes back unchanged, fields unknown to this build included.
   */
  raw?: Record<string, unknown>;
}

/** One end of an edge: a node id and a port name. */
export interface PortRef {
  node: string;
  port: string;
}

/** A connection from an output port to an input port (or an exposed param). */
export interface PatchEdge {
  id: string;
  from: PortRef;
  to: PortRef;
}

/** A free comment on the canvas. */
export interface PatchComment {
  id: string;
  text: string;
  position: { x: number; y: number };
  size?: { width: number; height: number };
  color?: string;
}

/** A named group framing some nodes. */
export interface PatchGroup {
  id: string;
  title: string;
  nodes: string[];
  color?: string;
}

/** An embedded file (MIDI, WAV…) with its sha256; `data` is base64. */
export interface PatchAsset {
  name: string;
  mime: string;
  sha256: string;
  data: string;
}

/** A whole patch. */
export interface Patch {
  format: typeof PATCH_FORMAT;
  version: number;
  meta: PatchMeta;
  nodes: PatchNode[];
  edges: PatchEdge[];
  comments: PatchComment[];
  groups: PatchGroup[];
  assets: Record<string, PatchAsset>;
}
