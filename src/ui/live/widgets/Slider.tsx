/** A linear slider for live control: drag anywhere on it (pointer capture), or use arrows, PageUp/PageDown, Home/End when focused. */
import type { PointerEvent as ReactPointerEvent } from 'react';
import './liveWidgets.css';
import { usePointerDrag } from './usePointerDrag';
import { useControllable } from './useControllable';
import { checkRange, formatValue, fromUnit, keyStep, toUnit, type ValueRange } from './valueMath';

/** Props of `Slider`. */
export interface SliderProps {
  /** Accessible name, also shown above the slider. */
  label: string;
  range: ValueRange;
  /** Controlled value; leave undefined to let the slider keep its own. */
  value?: number;
  defaultValue?: number;
  /** Every change while dragging or pressing keys. */
  onChange?(value: number): void;
  /** The end of a gesture (pointer up, key up), for undo steps or sending a final value. */
  onCommit?(value: number): void;
  unit?: string;
  orientation?: 'horizontal' | 'vertical';
}

/**
 * @example
 * <Slider label="Cutoff" range={{ min: 40, max: 12000, scale: 'log' }} unit="Hz" onChange={setCutoff} />
 */
export function Slider({ label, range, value, defaultValue, onChange, onCommit, unit, orientation = 'horizontal' }: SliderProps) {
  checkRange(range, `slider "${label}"`);
  const [v, setV] = useControllable(value, defaultValue ?? range.min, onChange);
  const vertical = orientation === 'vertical';
  const u = toUnit(v, range);
  const fromPointer = (e: ReactPointerEvent<HTMLElement>): number => {
    const box = e.currentTarget.getBoundingClientRect();
    const t = vertical ? (box.bottom - e.clientY) / box.height : (e.clientX - box.left) / box.width;
    return fromUnit(t, range);
  };
  const drag = usePointerDrag((e, phase) => {
    const next = fromPointer(e);
    setV(next);
    if (phase === 'end') onCommit?.(next);
  });
  const pct = `${(u * 100).toFixed(2)}%`;
  return (
    <div className={`gp-live-slider ${vertical ? 'vertical' : ''}`}>
      <span className="gp-live-label">{label}</span>
      <div className="gp-live-slider-track" role="slider" tabIndex={0} aria-label={label}
        aria-valuemin={range.min} aria-valuemax={range.max} aria-valuenow={v} aria-valuetext={formatValue(v, unit)}
        aria-orientation={orientation} {...drag}
        onKeyDown={(e) => {
          const next = keyStep(e.key, e.shiftKey, u, range);
          if (next === null) return;
          e.preventDefault();
          setV(fromUnit(next, range));
        }}
        onKeyUp={(e) => { if (keyStep(e.key, false, u, range) !== null) onCommit?.(v); }}>
        <div className="gp-live-slider-fill" style={vertical ? { height: pct } : { width: pct }} />
        <div className="gp-live-slider-thumb" style={vertical ? { bottom: pct } : { left: pct }} />
      </div>
      <span className="gp-live-value">{formatValue(v, unit)}</span>
    </div>
  );
}
