/** The port-type legend: one colour per port type, as on the handles and edges. */
import { useState } from 'react';
import { modelPortType } from '../../engine/portTypes';
import { useApp } from '../AppContext';

/** A collapsible legend of port type colours. */
export function Legend() {
  const { registry } = useApp();
  const [open, setOpen] = useState(true);
  const types = [
    ...registry.portTypes.list().filter((t) => !t.id.startsWith('model:')),
    { ...modelPortType('*'), title: 'Model (any kind)' },
  ];
  return (
    <div className="gp-legend" data-testid="legend">
      <button className="gp-legend-toggle" onClick={() => setOpen(!open)} title="Port types">{open ? 'Port types ▾' : 'Port types ▸'}</button>
      {open && (
        <ul>
          {types.map((t) => (
            <li key={t.id}><span className="gp-swatch" style={{ background: t.color }} />{t.title}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
