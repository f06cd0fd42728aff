/**
 * A patch node on the canvas: title and status badge, typed colour-coded handles, a progress bar,
 * the error of a failed run, and a small preview. Memoized; status and results come from keyed
 * stores, so a run re-renders only the nodes whose state changed.
 */
import { Handle, Position, useStore as useFlowStore, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeDef } from '../../engine/node';
import { paramPortType } from '../../engine/params';
import { useApp } from '../AppContext';
import { useKeyed } from '../state/keyedStore';
import { PreviewCanvas } from '../viewers/PreviewCanvas';
import { resolvePreviews } from '../viewers/resolve';
import { shownStatus } from '../run/statusView';
import { StatusBadge } from './StatusBadge';
import { LiveNodeFace } from '../live/LiveNodeFace';
import type { FlowPatchNode } from './toFlow';

interface PortRow { name: string; type: string; title: string; optional?: boolean }

/** The canvas view of one patch node. */
export const PatchNodeView = memo(function PatchNodeView({ id, data, selected }: NodeProps<FlowPatchNode>) {
  const { registry, runtime } = useApp();
  const run = useKeyed(runtime.status, id);
  // Level of detail: below half size, thumbnails are unreadable and only cost drawing time.
  const detailed = useFlowStore(zoomedIn);
  const result = useKeyed(runtime.results, id);
  const node = data.node;
  const def = registry.get(node.type);
  const inputs = def ? inputRows(def, node.exposed ?? []) : [];
  const outputs = def ? Object.entries(def.outputs).map(([name, p]) => ({ name, type: p.type, title: p.title ?? name })) : [];
  const color = (type: string): string => registry.portTypes.get(type)?.color ?? '#777';
  const preview = run?.status === 'failed' || !detailed ? undefined : resolvePreviews(result)[0];
  const rows = Math.max(inputs.length, outputs.length);
  const shown = shownStatus(run).status;
  return (
    <div className={`gp-node${selected ? ' selected' : ''}${def ? '' : ' placeholder'} status-${shown}`}
      data-node-id={id} data-node-type={node.type}>
      <div className="gp-node-header" title={def?.doc ?? `Unknown node type ${node.type}`}>
        <span className="gp-node-title">{node.title ?? def?.title ?? node.type}</span>
        <StatusBadge run={run} />
      </div>
      <div className="gp-node-ports">
        {Array.from({ length: rows }, (_, i) => (
          <div className="gp-port-row" key={i}>
            <span className="gp-port-in">{inputs[i] ? portLabel(inputs[i]) : null}</span>
            <span className="gp-port-out">{outputs[i]?.title}</span>
          </div>
        ))}
      </div>
      {inputs.map((p, i) => (
        <Handle key={`in-${p.name}`} id={p.name} type="target" position={Position.Left}
          className="gp-handle" title={`${p.name}: ${p.type}`}
          style={{ top: portTop(i), background: color(p.type), borderColor: color(p.type) }} />
      ))}
      {outputs.map((p, i) => (
        <Handle key={`out-${p.name}`} id={p.name} type="source" position={Position.Right}
          className="gp-handle" title={`${p.name}: ${p.type}`}
          style={{ top: portTop(i), background: color(p.type), borderColor: color(p.type) }} />
      ))}
      {run?.status === 'running' && (
        <div className="gp-progress"><div style={{ width: `${Math.round((run.progress ?? 0) * 100)}%` }} /></div>
      )}
      {run?.status === 'failed' && <div className="gp-node-error" title={run.error}>{run.error}</div>}
      {preview && <div className="gp-node-preview"><PreviewCanvas preview={preview} width={196} height={56} /></div>}
      <LiveNodeFace node={node} />
      {!def && <div className="gp-node-error">unknown type {node.type}</div>}
    </div>
  );
});

/** True when the canvas zoom shows node details. */
const zoomedIn = (s: { transform: [number, number, number] }): boolean => s.transform[2] >= 0.5;

/** Inputs first, then exposed params, each with its port type. */
function inputRows(def: NodeDef, exposed: readonly string[]): PortRow[] {
  const rows: PortRow[] = Object.entries(def.inputs).map(([name, p]) => ({ name, type: p.type, title: p.title ?? name, optional: p.optional }));
  for (const name of exposed) {
    const spec = def.params[name];
    if (spec) rows.push({ name, type: paramPortType(spec), title: name, optional: true });
  }
  return rows;
}

const portLabel = (p: PortRow): string => (p.optional ? `${p.title}?` : p.title);

/** Vertical centre of port row `i` (header 30 px, rows 20 px). */
const portTop = (i: number): number => 30 + 4 + i * 20 + 10;
