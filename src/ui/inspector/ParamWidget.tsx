/** One param row of the inspector: a widget generated from the param's kind, plus expose-as-input. */
import type { ParamSpec } from '../../engine/params';
import { AssetParam } from './AssetParam';
import { NumberParam } from './NumberParam';

/** Props of a param row. */
export interface ParamWidgetProps {
  name: string;
  spec: ParamSpec;
  value: unknown;
  exposed: boolean;
  /** True when the exposed input has an edge (its widget is then driven by the edge). */
  driven: boolean;
  onChange(value: unknown, gesture: boolean): void;
  onGestureEnd(): void;
  onExpose(exposed: boolean): void;
}

/** The widget for one param. */
export function ParamWidget({ name, spec, value, exposed, driven, onChange, onGestureEnd, onExpose }: ParamWidgetProps) {
  return (
    <div className={`gp-param${driven ? ' driven' : ''}`} data-param={name}>
      <div className="gp-param-head">
        <label title={spec.doc}>{name}</label>
        <button type="button" className={`gp-expose${exposed ? ' on' : ''}`} onClick={() => onExpose(!exposed)}
          title={exposed ? 'Exposed as an input port: click to make it a plain param again' : 'Expose as an input port'}
          aria-pressed={exposed}>⇥ input</button>
      </div>
      {driven ? <div className="gp-muted">driven by its input connection</div> : widget(spec, value, onChange, onGestureEnd)}
      {spec.doc && <div className="gp-param-doc">{spec.doc}</div>}
    </div>
  );
}

function widget(spec: ParamSpec, value: unknown, onChange: ParamWidgetProps['onChange'], onGestureEnd: () => void) {
  switch (spec.kind) {
    case 'int': case 'float':
      return <NumberParam spec={spec} value={typeof value === 'number' ? value : spec.default} onChange={onChange} onGestureEnd={onGestureEnd} />;
    case 'enum':
      return (
        <select value={String(value ?? spec.default)} onChange={(e) => onChange(e.target.value, false)}>
          {spec.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      );
    case 'bool':
      return (
        <label className="gp-toggle">
          <input type="checkbox" checked={Boolean(value ?? spec.default)} onChange={(e) => onChange(e.target.checked, false)} />
          <span>{value ? 'on' : 'off'}</span>
        </label>
      );
    case 'text':
      return spec.multiline
        ? <TextEntry multiline value={String(value ?? spec.default)} onCommit={(v) => onChange(v, false)} />
        : <TextEntry value={String(value ?? spec.default)} onCommit={(v) => onChange(v, false)} />;
    case 'seed':
      return (
        <div className="gp-seed">
          <NumberParam spec={{ kind: 'int', default: spec.default }} value={typeof value === 'number' ? value : spec.default} onChange={onChange} onGestureEnd={onGestureEnd} />
          <button type="button" title="Reroll the seed" onClick={() => onChange(Math.floor(Math.random() * 2 ** 31), false)}>🎲 reroll</button>
        </div>
      );
    case 'asset':
      return <AssetParam spec={spec} value={(value ?? spec.default) as string | string[] | null} onChange={(v) => onChange(v, false)} />;
  }
}

function TextEntry({ value, multiline, onCommit }: { value: string; multiline?: boolean; onCommit(v: string): void }) {
  const commit = (v: string): void => { if (v !== value) onCommit(v); };
  return multiline
    ? <textarea key={value} defaultValue={value} rows={4} onBlur={(e) => commit(e.target.value)} />
    : <input key={value} type="text" defaultValue={value} onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') commit((e.target as HTMLInputElement).value); }} />;
}
