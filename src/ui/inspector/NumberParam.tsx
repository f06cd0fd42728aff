/** A numeric param: a slider when the range is known, plus typed entry (Enter or blur commits). */
import { useEffect, useState } from 'react';
import type { FloatParam, IntParam } from '../../engine/params';

/** Props of a numeric widget. */
export interface NumberParamProps {
  spec: IntParam | FloatParam;
  value: number;
  onChange(value: number, gesture: boolean): void;
  onGestureEnd(): void;
}

/** Slider + number entry for int and float params. */
export function NumberParam({ spec, value, onChange, onGestureEnd }: NumberParamProps) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(format(value)), [value]);
  const hasRange = spec.min !== undefined && spec.max !== undefined;
  const step = spec.step ?? (spec.kind === 'int' ? 1 : hasRange ? niceStep(spec.max! - spec.min!) : 0.01);
  const commit = (): void => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return setText(format(value));
    let v = spec.kind === 'int' ? Math.round(n) : n;
    if (spec.min !== undefined) v = Math.max(spec.min, v);
    if (spec.max !== undefined) v = Math.min(spec.max, v);
    setText(format(v));
    if (v !== value) onChange(v, false);
  };
  return (
    <div className="gp-number">
      {hasRange && (
        <input type="range" min={spec.min} max={spec.max} step={step} value={value}
          onChange={(e) => onChange(Number(e.target.value), true)}
          onPointerUp={onGestureEnd} onKeyUp={onGestureEnd} onBlur={onGestureEnd} />
      )}
      <input type="text" inputMode="decimal" className="gp-number-entry" value={text}
        onChange={(e) => setText(e.target.value)} onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(format(value));
        }} />
      {spec.unit && <span className="gp-unit">{spec.unit}</span>}
    </div>
  );
}

const format = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

function niceStep(range: number): number {
  const raw = range / 200;
  const p = 10 ** Math.floor(Math.log10(raw));
  return raw / p >= 5 ? 5 * p : raw / p >= 2 ? 2 * p : p;
}
