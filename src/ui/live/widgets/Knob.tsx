/** A rotary knob: drag up/down (Shift for fine), arrows and PageUp/PageDown/Home/End when focused, double-click to reset. */
import { useRef } from 'react';
import './liveWidgets.css';
import { usePointerDrag } from './usePointerDrag';
import { useControllable } from './useControllable';
import { checkRange, formatValue, fromUnit, keyStep, toUnit, type ValueRange } from './valueMath';

/** Props of `Knob`. */
export interface KnobProps {
  label: string;
  range: ValueRange;
  value?: number;
  /** Starting value, and where a double-click returns to. */
  defaultValue?: number;
  onChange?(value: number): void;
  onCommit?(value: number): void;
  unit?: string;
  /** Diameter in px (default 48). */
  size?: number;
}

/** Pixels of vertical drag for the whole range (ten times more with Shift). */
const DRAG_PX = 200;
const SWEEP = 270; // degrees, from 7:30 to 4:30

/** A point on the knob's circle at `deg` degrees clockwise from 12 o'clock. */
function polar(c: number, r: number, deg: number): [number, number] {
  const a = ((deg - 90) * Math.PI) / 180;
  return [c + r * Math.cos(a), c + r * Math.sin(a)];
}

const svgPoint = ([x, y]: [number, number]): string => `${x.toFixed(2)} ${y.toFixed(2)}`;

/** An SVG arc path from `from` to `to` degrees. */
function arc(c: number, r: number, from: number, to: number): string {
  return `M ${svgPoint(polar(c, r, from))} A ${r} ${r} 0 ${to - from > 180 ? 1 : 0} 1 ${svgPoint(polar(c, r, to))}`;
}

/**
 * @example
 * <Knob label="Resonance" range={{ min: 0, max: 1 }} defaultValue={0.2} onChange={setQ} />
 */
export function Knob({ label, range, value, defaultValue, onChange, onCommit, unit, size = 48 }: KnobProps) {
  checkRange(range, `knob "${label}"`);
  const initial = defaultValue ?? range.min;
  const [v, setV] = useControllable(value, initial, onChange);
  const u = toUnit(v, range);
  const start = useRef({ y: 0, u: 0 });
  const drag = usePointerDrag((e, phase) => {
    if (phase === 'start') start.current = { y: e.clientY, u };
    const travel = e.shiftKey ? DRAG_PX * 10 : DRAG_PX;
    const next = fromUnit(start.current.u + (start.current.y - e.clientY) / travel, range);
    setV(next);
    if (phase === 'end') onCommit?.(next);
  });
  const c = size / 2;
  const r = c - 4;
  const angle = -SWEEP / 2 + u * SWEEP;
  const [px, py] = polar(c, r - 6, angle);
  return (
    <div className="gp-live-knob">
      <div className="gp-live-knob-dial" role="slider" tabIndex={0} aria-label={label}
        aria-valuemin={range.min} aria-valuemax={range.max} aria-valuenow={v} aria-valuetext={formatValue(v, unit)}
        style={{ width: size, height: size }} {...drag}
        onDoubleClick={() => { setV(initial); onCommit?.(initial); }}
        onKeyDown={(e) => {
          const next = keyStep(e.key, e.shiftKey, u, range);
          if (next === null) return;
          e.preventDefault();
          setV(fromUnit(next, range));
        }}
        onKeyUp={(e) => { if (keyStep(e.key, false, u, range) !== null) onCommit?.(v); }}>
        <svg width={size} height={size} aria-hidden="true">
          <path d={arc(c, r, -SWEEP / 2, SWEEP / 2)} className="gp-live-knob-track" />
          {u > 0.001 && <path d={arc(c, r, -SWEEP / 2, angle)} className="gp-live-knob-fill" />}
          <line x1={c} y1={c} x2={px} y2={py} className="gp-live-knob-pointer" />
        </svg>
      </div>
      <span className="gp-live-label">{label}</span>
      <span className="gp-live-value">{formatValue(v, unit)}</span>
    </div>
  );
}
