/** An XY pad: two values from one drag (pointer capture), or Left/Right for x and Up/Down for y when focused. */
import { useId, type PointerEvent as ReactPointerEvent } from 'react';
import './liveWidgets.css';
import { usePointerDrag } from './usePointerDrag';
import { useControllable } from './useControllable';
import { checkRange, formatValue, fromUnit, keyStep, toUnit, type ValueRange } from './valueMath';

/** A point of the pad, in the units of its ranges. */
export interface XYValue {
  x: number;
  y: number;
}

/** Props of `XYPad`. */
export interface XYPadProps {
  label: string;
  /** Range of x (default 0–1). */
  xRange?: ValueRange;
  /** Range of y, bottom to top (default 0–1). */
  yRange?: ValueRange;
  xLabel?: string;
  yLabel?: string;
  value?: XYValue;
  defaultValue?: XYValue;
  onChange?(value: XYValue): void;
  onCommit?(value: XYValue): void;
  /** Side in px (default 160). */
  size?: number;
}

const UNIT: ValueRange = { min: 0, max: 1 };
/** Margin (px) between the pad's edge and the area the dot moves in, so the dot stays inside at the extremes. */
const INSET = 8;

/**
 * @example
 * <XYPad label="Timbre" xLabel="brightness" yLabel="noise" onChange={({ x, y }) => stream.control({ x, y })} />
 */
export function XYPad({ label, xRange = UNIT, yRange = UNIT, xLabel = 'x', yLabel = 'y', value, defaultValue, onChange, onCommit, size = 160 }: XYPadProps) {
  checkRange(xRange, `XY pad "${label}" x`);
  checkRange(yRange, `XY pad "${label}" y`);
  const [v, setV] = useControllable<XYValue>(value, defaultValue ?? { x: fromUnit(0.5, xRange), y: fromUnit(0.5, yRange) }, onChange);
  const ux = toUnit(v.x, xRange);
  const uy = toUnit(v.y, yRange);
  const fromPointer = (e: ReactPointerEvent<HTMLElement>): XYValue => {
    const box = e.currentTarget.getBoundingClientRect();
    const w = box.width - 2 * INSET;
    const h = box.height - 2 * INSET;
    return { x: fromUnit((e.clientX - box.left - INSET) / w, xRange), y: fromUnit((box.bottom - INSET - e.clientY) / h, yRange) };
  };
  const drag = usePointerDrag((e, phase) => {
    const next = fromPointer(e);
    if (next.x !== v.x || next.y !== v.y) setV(next);
    if (phase === 'end') onCommit?.(next);
  });
  const helpId = useId();
  const text = `${xLabel} ${formatValue(v.x)}, ${yLabel} ${formatValue(v.y)}`;
  return (
    <div className="gp-live-xy">
      <span className="gp-live-label">{label}</span>
      <div className="gp-live-xy-pad" role="slider" tabIndex={0} aria-label={label} aria-valuemin={xRange.min} aria-valuemax={xRange.max}
        aria-valuenow={v.x} aria-valuetext={text} aria-describedby={helpId}
        style={{ width: size, height: size }} {...drag}
        onKeyDown={(e) => {
          const horizontal = e.key === 'ArrowLeft' || e.key === 'ArrowRight';
          const u = horizontal ? ux : uy;
          const next = keyStep(e.key, e.shiftKey, u, horizontal ? xRange : yRange);
          if (next === null || e.key === 'Home' || e.key === 'End' || e.key.startsWith('Page')) return;
          e.preventDefault();
          setV(horizontal ? { x: fromUnit(next, xRange), y: v.y } : { x: v.x, y: fromUnit(next, yRange) });
        }}
        onKeyUp={(e) => { if (e.key.startsWith('Arrow')) onCommit?.(v); }}>
        <div className="gp-live-xy-area" style={{ inset: INSET }}>
          <div className="gp-live-xy-cross" style={{ left: `${ux * 100}%` }} />
          <div className="gp-live-xy-cross horizontal" style={{ bottom: `${uy * 100}%` }} />
          <div className="gp-live-xy-dot" style={{ left: `${ux * 100}%`, bottom: `${uy * 100}%` }} />
        </div>
      </div>
      <span className="gp-live-value">{text}</span>
      <span id={helpId} className="gp-live-hidden">Left and Right change {xLabel}; Up and Down change {yLabel}.</span>
    </div>
  );
}
