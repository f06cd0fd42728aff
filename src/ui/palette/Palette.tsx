/**
 * The node palette: every registered node by category, a search box (type to filter, Enter adds
 * the first match at the view's centre), drag onto the canvas, and the hovered node's doc.
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import type { NodeDef } from '../../engine/node';
import { useApp } from '../AppContext';
import { NODE_DRAG_MIME } from '../canvas/Canvas';
import { createNode } from '../canvas/nodeFactory';
import { PortChips } from './PortChips';
import { byCategory, searchNodes } from './search';

/** The palette column. */
export function Palette() {
  const { registry, editor } = useApp();
  const flow = useReactFlow();
  const [query, setQuery] = useState('');
  const [hovered, setHovered] = useState<NodeDef | null>(null);
  const all = useMemo(() => registry.list(), [registry]);
  const matches = useMemo(() => searchNodes(all, query), [all, query]);
  const input = useRef<HTMLInputElement>(null);

  const add = (def: NodeDef): void => {
    const el = document.querySelector('.gp-canvas')?.getBoundingClientRect();
    const centre = el ? flow.screenToFlowPosition({ x: el.left + el.width / 2, y: el.top + el.height / 2 }) : { x: 0, y: 0 };
    const patch = editor.state.get().patch;
    // Offset repeated adds so they do not stack exactly.
    const offset = (patch.nodes.length % 6) * 24;
    const node = createNode(patch, def, { x: centre.x - 100 + offset, y: centre.y - 45 + offset });
    editor.dispatch({ type: 'addNodes', nodes: [node] });
    editor.select([node.id]);
  };

  return (
    <aside className="gp-palette" data-testid="palette">
      <input ref={input} id="palette-search" className="gp-search" type="search" placeholder="Search nodes…  ( / )"
        value={query} onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0]) { add(matches[0]); setQuery(''); }
          if (e.key === 'Escape') { setQuery(''); input.current?.blur(); }
        }} />
      <div className="gp-palette-list">
        {all.length === 0 && <p className="gp-muted">No node types are registered.</p>}
        {byCategory(matches).map(([category, defs]) => (
          <section key={category}>
            <h3>{category}</h3>
            {defs.map((def) => (
              <div key={def.type} className="gp-palette-item" draggable data-node-type={def.type} title={def.doc}
                onDragStart={(e) => { e.dataTransfer.setData(NODE_DRAG_MIME, def.type); e.dataTransfer.effectAllowed = 'copy'; }}
                onDoubleClick={() => add(def)} onMouseEnter={() => setHovered(def)} onMouseLeave={() => setHovered(null)}>
                <span>{def.title}</span>
                <PortChips def={def} />
              </div>
            ))}
          </section>
        ))}
        {all.length > 0 && matches.length === 0 && <p className="gp-muted">No node matches “{query}”.</p>}
      </div>
      <div className="gp-palette-doc">
        {hovered ? (<><strong>{hovered.title}</strong> <code>{hovered.type}</code><p>{hovered.doc}</p></>)
          : <p className="gp-muted">Drag a node onto the canvas, double-click it, or type and press Enter. Double-click the canvas to add at the pointer.</p>}
      </div>
    </aside>
  );
}
