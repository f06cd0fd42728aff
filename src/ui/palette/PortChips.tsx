/** Coloured dots for a node type's inputs and outputs, as a compact signature in the palette. */
import type { NodeDef } from '../../engine/node';
import { useApp } from '../AppContext';

/** Input dots → output dots, coloured by port type. */
export function PortChips({ def }: { def: NodeDef }) {
  const { registry } = useApp();
  const dot = (type: string, key: string) => (
    <i key={key} className="gp-dot" title={type} style={{ background: registry.portTypes.get(type)?.color ?? '#777' }} />
  );
  return (
    <span className="gp-chips">
      {Object.entries(def.inputs).map(([n, p]) => dot(p.type, `i${n}`))}
      <span className="gp-arrow">→</span>
      {Object.entries(def.outputs).map(([n, p]) => dot(p.type, `o${n}`))}
    </span>
  );
}
