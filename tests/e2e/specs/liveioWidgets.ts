/** The live widgets on the test page, driven with a real mouse and keyboard: notes, octave and velocity, XY pad, sliders, knob. */
import type { Page } from 'playwright-core';
import type { WidgetEvent } from '../pages/liveio';
import { SHOTS } from '../harness';
import { openLiveIo } from './liveio';
import { expect, type Spec } from './spec';

const log = (page: Page): Promise<WidgetEvent[]> => page.evaluate(() => window.__liveio!.widgetLog.splice(0));
const values = (events: WidgetEvent[], widget: string, kind: string): unknown[] => events.filter((e) => e.widget === widget && e.kind === kind).map((e) => e.value);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Centre (x) and a point `fy` of the way down (y) of an element. */
async function at(page: Page, selector: string, fx = 0.5, fy = 0.5): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, `${selector} is not on the page`);
  return { x: box!.x + box!.width * fx, y: box!.y + box!.height * fy };
}

const keyboardSpec: Spec = {
  name: 'live I/O widgets: the keyboard plays with the mouse (velocity, glissando) and the computer keys (octave, velocity)',
  async run({ context }) {
    const { page, errors } = await openLiveIo(context);
    await page.screenshot({ path: `${SHOTS}/liveio-widgets.png` });
    const lit = page.locator('[data-testid="keyboard"] [data-note="67"]');
    expect(await lit.getAttribute('aria-pressed') === 'true', 'a note lit from outside (litNotes) is not shown pressed');

    const low = await at(page, '[data-note="60"]', 0.5, 0.95);
    await page.mouse.move(low.x, low.y);
    await page.mouse.down();
    const d = await at(page, '[data-note="62"]', 0.5, 0.95);
    await page.mouse.move(d.x, d.y, { steps: 4 });
    await page.mouse.up();
    const events = await log(page);
    const ons = values(events, 'keyboard', 'on') as { note: number; velocity: number }[];
    expect(same(ons.map((o) => o.note), [60, 62]), `mouse notes on: ${JSON.stringify(ons)}`);
    expect(ons[0].velocity > 0.9, `a press near the bottom of the key has velocity ${ons[0].velocity}`);
    expect(same(values(events, 'keyboard', 'off'), [{ note: 60 }, { note: 62 }]), `mouse notes off: ${JSON.stringify(events)}`);
    const high = await at(page, '[data-note="64"]', 0.5, 0.1);
    await page.mouse.click(high.x, high.y);
    const soft = values(await log(page), 'keyboard', 'on') as { velocity: number }[];
    expect(soft[0]?.velocity < 0.4, `a press near the top of the key has velocity ${soft[0]?.velocity}`);

    await page.locator('.gp-live-keys').focus();
    await page.keyboard.down('a');
    await page.keyboard.up('a');
    await page.keyboard.press('x'); // octave up
    await page.keyboard.press('v'); // velocity up
    await page.keyboard.down('a');
    await page.keyboard.down('k');
    await page.keyboard.up('a');
    await page.keyboard.up('k');
    const typed = await log(page);
    expect(same(values(typed, 'keyboard', 'on'), [{ note: 48, velocity: 0.8 }, { note: 60, velocity: 0.9 }, { note: 72, velocity: 0.9 }]), `computer keys: ${JSON.stringify(typed)}`);
    expect(same(values(typed, 'keyboard', 'octave'), [1]) && same(values(typed, 'keyboard', 'velocity'), [0.9]), `octave/velocity: ${JSON.stringify(typed)}`);
    expect(await page.locator('[data-testid="keyboard"] [data-note="84"]').count() === 1, 'the octave shift did not move the keys shown');
    await page.screenshot({ path: `${SHOTS}/liveio-keyboard-octave.png` });
    expect(errors.length === 0, `the test page reported errors:\n  ${errors.join('\n  ')}`);
  },
};

const controlsSpec: Spec = {
  name: 'live I/O widgets: the XY pad, sliders and knob follow drags and keys and report through callbacks',
  async run({ context }) {
    const { page, errors } = await openLiveIo(context);
    // XY pad: drag from the centre past the top-right corner (pointer capture keeps the drag).
    const c = await at(page, '.gp-live-xy-pad');
    await page.mouse.move(c.x, c.y);
    await page.mouse.down();
    const corner = await at(page, '.gp-live-xy-pad', 1.3, -0.3);
    await page.mouse.move(corner.x, corner.y, { steps: 8 });
    await page.mouse.up();
    let events = await log(page);
    const xy = values(events, 'xy', 'change') as { x: number; y: number }[];
    expect(xy.length >= 3 && same(xy.at(-1), { x: 1, y: 1 }), `XY pad changes: ${JSON.stringify(xy)}`);
    expect(same(values(events, 'xy', 'commit'), [{ x: 1, y: 1 }]), 'the XY pad did not commit once at the end of the drag');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    events = await log(page);
    expect(same(values(events, 'xy', 'change'), [{ x: 0.99, y: 1 }, { x: 0.99, y: 0.99 }]), `XY pad keys: ${JSON.stringify(events)}`);

    // Log slider: the middle of the track is the geometric mean of 40 and 12000 Hz.
    const track = page.getByRole('slider', { name: 'Cutoff' });
    const mid = await at(page, '.gp-live-slider-track >> nth=0');
    await page.mouse.click(mid.x, mid.y);
    const cutoff = values(await log(page), 'cutoff', 'change') as number[];
    expect(Math.abs(cutoff[0] / Math.sqrt(40 * 12000) - 1) < 0.05, `the middle of the log slider gave ${cutoff[0]} Hz`);
    await track.press('End');
    await track.press('ArrowLeft');
    await track.press('Home');
    const keyed = values(await log(page), 'cutoff', 'change') as number[];
    expect(keyed[0] === 12000 && keyed[1] < 12000 && keyed[1] > 10000 && keyed[2] === 40, `cutoff keys gave ${JSON.stringify(keyed)}`);
    expect(await track.getAttribute('aria-valuenow') === '40', 'aria-valuenow does not follow the value');

    const steps = page.getByRole('slider', { name: 'Steps' });
    await steps.press('ArrowRight');
    await steps.press('Shift+ArrowRight');
    expect(same(values(await log(page), 'steps', 'change'), [9, 11]), 'the stepped slider does not move by its steps');

    // Knob: 100 px up is half its range; a double-click returns to the default.
    const knob = await at(page, '.gp-live-knob-dial >> nth=0');
    await page.mouse.move(knob.x, knob.y);
    await page.mouse.down();
    await page.mouse.move(knob.x + 30, knob.y - 100, { steps: 5 });
    await page.mouse.up();
    const turned = values(await log(page), 'resonance', 'change') as number[];
    expect(Math.abs(turned.at(-1)! - 0.75) < 0.01, `dragging the knob up 100 px gave ${turned.at(-1)}, expected 0.75`);
    await page.mouse.dblclick(knob.x, knob.y);
    expect(values(await log(page), 'resonance', 'change').at(-1) === 0.25, 'a double-click did not reset the knob');

    const top = await at(page, '[data-testid="vertical"] .gp-live-slider-track', 0.5, 0);
    await page.mouse.click(top.x, top.y);
    expect(values(await log(page), 'gain', 'change').at(-1) === 1, 'a click at the top of the vertical slider did not give its maximum');
    await page.screenshot({ path: `${SHOTS}/liveio-controls-moved.png` });
    expect(errors.length === 0, `the test page reported errors:\n  ${errors.join('\n  ')}`);
  },
};

/** Widget specs. */
export const liveIoWidgetSpecs: Spec[] = [keyboardSpec, controlsSpec];
