/** The quick-add box opened by double-clicking the canvas: type to filter, Enter adds at the pointer. */
import { useMemo, useState } from 'react';
import type { NodeDef } from '../../engine/node';
import { useApp } from '../AppContext';
import { searchNodes } from '../palette/search';

/** Props: where the box opens (screen px) and what to do with the chosen definition. */
export interface QuickAddProps {
  screen: { x: number; y: number };
  onPick(def: NodeDef): void;
  onClose(): void;
}

/** A floating search list of node types. */
export function QuickAdd({ screen, onPick, onClose }: QuickAddProps) {
  const { registry } = useApp();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchNodes(registry.list(), query).slice(0, 12), [registry, query]);
  return (
    <div className="gp-quickadd" style={{ left: screen.x, top: screen.y }} data-testid="quick-add"
      onMouseDown={(e) => e.stopPropagation()}>
      <input autoFocus placeholder="Add node…" value={query}
        onChange={(e) => { setQuery(e.target.value); setActive(0); }}
        onBlur={() => setTimeout(onClose, 120)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
          if (e.key === 'ArrowDown') setActive((a) => Math.min(matches.length - 1, a + 1));
          if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          if (e.key === 'Enter' && matches[active]) onPick(matches[active]);
        }} />
      <ul>
        {matches.map((d, i) => (
          <li key={d.type} className={i === active ? 'active' : ''} title={d.doc}
            onMouseDown={(e) => { e.preventDefault(); onPick(d); }}>
            <span>{d.title}</span><small>{d.category}</small>
          </li>
        ))}
        {matches.length === 0 && <li className="empty">No node matches “{query}”</li>}
      </ul>
    </div>
  );
}
