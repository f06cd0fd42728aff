/** Live-mode control widgets (see docs/live-io.md): each reports values through callbacks and holds no global state. */
export { Keyboard, type KeyboardProps } from './Keyboard';
export { XYPad, type XYPadProps, type XYValue } from './XYPad';
export { Slider, type SliderProps } from './Slider';
export { Knob, type KnobProps } from './Knob';
export type { ValueRange } from './valueMath';
