/** A value that is controlled when the parent passes `value`, and kept by the widget otherwise; changes always reach `onChange`. */
import { useCallback, useRef, useState } from 'react';

/**
 * @example
 * const [v, setV] = useControllable(props.value, props.defaultValue ?? 0, props.onChange);
 */
export function useControllable<T>(value: T | undefined, defaultValue: T, onChange?: (v: T) => void): [T, (v: T) => void] {
  const [own, setOwn] = useState(defaultValue);
  const current = value !== undefined ? value : own;
  const latest = useRef(current);
  latest.current = current;
  const set = useCallback((v: T) => {
    if (Object.is(v, latest.current)) return;
    latest.current = v;
    setOwn(v);
    onChange?.(v);
  }, [onChange]);
  return [current, set];
}
