/**
 * Derives React Flow nodes and edges from the patch (the engine's truth) plus view fields
 * (selection, measured sizes). Unchanged patch objects map to the same flow objects, so memoized
 * node components do not re-render and React Flow skips unchanged nodes.
 */
import type { Edge, Node } from '@xyflow/react';
import type { NodeRegistry } from '../../engine/registry';
import type { Patch, PatchComment, PatchEdge, PatchGroup, PatchNode } from '../../engine/patch/types';

/** Data of a patch node on the canvas. */
export type PatchNodeData = { node: PatchNode };
/** Data of a comment on the canvas. */
export type CommentData = { comment: PatchComment };
/** Data of a group frame on the canvas. */
export type GroupData = { group: PatchGroup };

/** A flow node of each kind. */
export type FlowPatchNode = Node<PatchNodeData, 'patch'>;
export type FlowCommentNode = Node<CommentData, 'comment'>;
export type FlowGroupNode = Node<GroupData, 'frame'>;
export type FlowNode = FlowPatchNode | FlowCommentNode | FlowGroupNode;

/** Measured size of a flow node. */
export interface Size { width: number; height: number }

/** Size assumed for a node not yet measured. */
export const DEFAULT_NODE_SIZE: Size = { width: 212, height: 90 };
const GROUP_PADDING = 28;

interface CacheEntry { src: unknown; selected: boolean; size: Size | undefined; flow: FlowNode }

/** Maps patches to flow nodes, reusing flow objects whose inputs did not change. */
export class FlowNodeCache {
  private entries = new Map<string, CacheEntry>();

  /** Flow nodes for the patch: groups first (behind), then nodes, then comments. */
  nodes(patch: Patch, selection: ReadonlySet<string>, sizes: ReadonlyMap<string, Size>): FlowNode[] {
    const out: FlowNode[] = [];
    const seen = new Set<string>();
    const byId = new Map(patch.nodes.map((n) => [n.id, n]));
    for (const g of patch.groups) {
      const frame = groupFrame(g, byId, sizes);
      if (!frame) continue;
      const src = `${frame.x},${frame.y},${frame.width},${frame.height}`;
      out.push(this.reuse(g.id, { g, src }, selection, undefined, () => ({
        id: g.id, type: 'frame', position: { x: frame.x, y: frame.y }, data: { group: g },
        style: { width: frame.width, height: frame.height }, zIndex: -1, selectable: true,
        width: frame.width, height: frame.height,
      }), seen));
    }
    for (const n of patch.nodes) {
      // Until measured, a node is assumed to have the default size, so React Flow can cull
      // off-screen nodes on the very first render instead of mounting all of them.
      out.push(this.reuse(n.id, n, selection, sizes.get(n.id) ?? DEFAULT_NODE_SIZE, () => ({
        id: n.id, type: 'patch', position: n.position, data: { node: n },
      }), seen));
    }
    for (const c of patch.comments) {
      out.push(this.reuse(c.id, c, selection, sizes.get(c.id), () => ({
        id: c.id, type: 'comment', position: c.position, data: { comment: c },
        style: c.size ? { width: c.size.width, height: c.size.height } : undefined,
      }), seen));
    }
    for (const id of this.entries.keys()) if (!seen.has(id)) this.entries.delete(id);
    return out;
  }

  private reuse(
    id: string, src: unknown, selection: ReadonlySet<string>, size: Size | undefined,
    make: () => Omit<FlowNode, 'selected'>, seen: Set<string>,
  ): FlowNode {
    seen.add(id);
    const selected = selection.has(id);
    const e = this.entries.get(id);
    const sameSrc = e && (e.src === src || (isGroupSrc(e.src) && isGroupSrc(src) && e.src.g === src.g && e.src.src === src.src));
    if (e && sameSrc && e.selected === selected && e.size === size) return e.flow;
    const flow = { ...make(), selected, ...(size ? { measured: size } : {}) } as FlowNode;
    this.entries.set(id, { src, selected, size, flow });
    return flow;
  }
}

function isGroupSrc(v: unknown): v is { g: PatchGroup; src: string } {
  return typeof v === 'object' && v !== null && 'g' in v && 'src' in v;
}

/** The frame of a group around its member nodes, or null when it has none. */
export function groupFrame(g: PatchGroup, byId: ReadonlyMap<string, PatchNode>, sizes: ReadonlyMap<string, Size>):
  { x: number; y: number; width: number; height: number } | null {
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  for (const id of g.nodes) {
    const n = byId.get(id);
    if (!n) continue;
    const s = sizes.get(id) ?? DEFAULT_NODE_SIZE;
    x0 = Math.min(x0, n.position.x); y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + s.width); y1 = Math.max(y1, n.position.y + s.height);
  }
  if (!Number.isFinite(x0)) return null;
  return { x: x0 - GROUP_PADDING, y: y0 - GROUP_PADDING - 18, width: x1 - x0 + 2 * GROUP_PADDING, height: y1 - y0 + 2 * GROUP_PADDING + 18 };
}

/** Maps patch edges to flow edges coloured by their port type, reusing unchanged ones. */
export class FlowEdgeCache {
  private entries = new Map<string, { src: PatchEdge; selected: boolean; color: string; flow: Edge }>();

  edges(patch: Patch, registry: NodeRegistry, selection: ReadonlySet<string>): Edge[] {
    const types = new Map(patch.nodes.map((n) => [n.id, n.type]));
    const out: Edge[] = [];
    const seen = new Set<string>();
    for (const e of patch.edges) {
      seen.add(e.id);
      const def = registry.get(types.get(e.from.node) ?? '');
      const portType = def?.outputs[e.from.port]?.type;
      const color = (portType && registry.portTypes.get(portType)?.color) || '#777';
      const selected = selection.has(e.id);
      const cached = this.entries.get(e.id);
      if (cached && cached.src === e && cached.selected === selected && cached.color === color) {
        out.push(cached.flow);
        continue;
      }
      const flow: Edge = {
        id: e.id, source: e.from.node, sourceHandle: e.from.port, target: e.to.node, targetHandle: e.to.port,
        selected, style: { stroke: color, strokeWidth: selected ? 3 : 2 }, data: { portType },
      };
      this.entries.set(e.id, { src: e, selected, color, flow });
      out.push(flow);
    }
    for (const id of this.entries.keys()) if (!seen.has(id)) this.entries.delete(id);
    return out;
  }
}
