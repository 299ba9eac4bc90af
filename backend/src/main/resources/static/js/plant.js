import { t } from './api.js';
import { el } from './svg.js';

// The plant drawn from the simulation's own scene, to scale: belts with their parts moving, sensors where they are
// mounted with their LEDs, pushers and cylinders at their actual stroke, bins, the tank's level, servo axes, a
// pick-and-place cell and the lamps. The layout is made once from the first scene; each frame then only moves things.

const WIDTH = 600;
const BELT_LEFT = 30, BELT_RIGHT = 480;

export function createPlant(svg, lang) {
  let built = null;

  function build(scene) {
    svg.replaceChildren();
    const parts = el('g', { class: 'parts' });
    const b = { belts: new Map(), cylinders: new Map(), sensors: new Map(), tanks: new Map(), lamps: new Map(),
      axes: new Map(), bins: new Map(), parts, partShapes: new Map(), scale: new Map(), y: new Map() };
    let y = 10;
    const label = (x, ty, text, anchor = 'start') => svg.append(el('text', { x, y: ty, class: 'label', 'text-anchor': anchor }, text));

    // lamps in a row at the top right
    if (scene.lamps.length) {
      scene.lamps.forEach((lamp, i) => {
        const cx = WIDTH - 30 - (scene.lamps.length - 1 - i) * 62;
        const c = el('circle', { cx, cy: y + 14, r: 11, class: `lamp ${lamp.colour || 'amber'}`, id: `plant-${lamp.name}` });
        svg.append(c);
        label(cx, y + 40, lamp.name, 'middle');
        b.lamps.set(lamp.name, c);
      });
    }

    for (const belt of scene.belts) {
      const sideBins = scene.bins.some((x) => x.mount === belt.name && x.side !== 'end');
      const top = y + (sideBins ? 112 : scene.lamps.length ? 56 : 44);
      const scale = (BELT_RIGHT - BELT_LEFT) / belt.length;
      b.scale.set(belt.name, scale);
      b.y.set(belt.name, top);
      // a side bin above the belt, at its pusher line
      for (const bin of scene.bins.filter((x) => x.mount === belt.name)) {
        const bx = BELT_LEFT + bin.x * scale;
        const shape = bin.side === 'end'
          ? el('rect', { x: BELT_RIGHT + 14, y: top + 8, width: 60, height: 46, class: 'bin', id: `plant-${bin.name}` })
          : el('rect', { x: bx - 34, y: top - 104, width: 68, height: 40, class: 'bin', id: `plant-${bin.name}` });
        svg.append(shape);
        const count = el('text', { x: Number(shape.getAttribute('x')) + 4, y: Number(shape.getAttribute('y')) + 14, class: 'label' });
        svg.append(count);
        b.bins.set(bin.name, { bin, shape, count });
      }
      svg.append(el('circle', { cx: BELT_LEFT, cy: top + 16, r: 14, class: 'roller' }));
      svg.append(el('circle', { cx: BELT_RIGHT, cy: top + 16, r: 14, class: 'roller' }));
      const surface = el('path', { d: `M${BELT_LEFT},${top + 2} H${BELT_RIGHT} M${BELT_RIGHT},${top + 30} H${BELT_LEFT}`,
        class: 'belt', id: `plant-${belt.name}` });
      svg.append(surface);
      // the first belt keeps the id the page always had
      if (b.belts.size === 0) surface.classList.add('main-belt');
      b.belts.set(belt.name, surface);
      label(BELT_LEFT, top + 50, `${belt.name} ${belt.length} m`);
      for (const [i, s] of scene.sensors.filter((x) => x.mount === belt.name).entries()) {
        const sx = BELT_LEFT + s.x * scale;
        const beam = el('line', { x1: sx, y1: top - 8, x2: sx, y2: top + 34, class: `beam ${s.kind}` });
        const head = el('rect', { x: sx - 7, y: top - 22, width: 14, height: 12, rx: 2, class: 'sensor-head' });
        const led = el('circle', { cx: sx, cy: top - 28, r: 5, class: 'led', id: `plant-${s.name}` });
        svg.append(beam, head, led);
        label(sx, top - 38 - (i % 2) * 12, s.name, 'middle');
        b.sensors.set(s.name, { led, beam });
      }
      for (const c of scene.cylinders.filter((x) => x.mount === belt.name)) {
        const cx = BELT_LEFT + c.x * scale;
        svg.append(el('rect', { x: cx - 9, y: top + 60, width: 18, height: 34, class: 'barrel' }));
        const rod = el('rect', { x: cx - 3, y: top + 34, width: 6, height: 26, class: 'rod' });
        const plate = el('rect', { x: cx - 14, y: top + 30, width: 28, height: 6, class: 'piston', id: `plant-${c.name}` });
        svg.append(rod, plate);
        label(cx + 16, top + 90, c.name);
        b.cylinders.set(c.name, { c, rod, plate, kind: 'pusher', top });
      }
      svg.append(parts);
      y = top + 110;
    }

    // standalone cylinders (a sequence of cylinders): a barrel, a rod whose length is the actual stroke
    for (const c of scene.cylinders.filter((x) => !x.mount)) {
      const top = y + 8;
      svg.append(el('rect', { x: 40, y: top, width: 110, height: 22, rx: 3, class: 'barrel' }));
      const rod = el('rect', { x: 150, y: top + 8, width: 4, height: 6, class: 'rod' });
      const plate = el('rect', { x: 150, y: top - 2, width: 8, height: 26, class: 'piston', id: `plant-${c.name}` });
      svg.append(rod, plate);
      label(40, top + 40, c.name);
      b.cylinders.set(c.name, { c, rod, plate, kind: 'linear', top });
      y = top + 52;
    }

    for (const cell of scene.cells ?? []) {
      const top = y + 10;
      svg.append(el('line', { x1: 60, y1: top, x2: 420, y2: top, class: 'rail' }));
      svg.append(el('rect', { x: 60, y: top + 110, width: 70, height: 10, class: 'bin' }));
      svg.append(el('rect', { x: 350, y: top + 110, width: 70, height: 10, class: 'bin' }));
      label(60, top + 136, 'PICK'); label(350, top + 136, 'PLACE');
      const carriage = el('g', { id: `plant-${cell.name}` });
      const z = el('rect', { x: -3, y: 0, width: 6, height: 20, class: 'rod' });
      const cup = el('rect', { x: -12, y: 20, width: 24, height: 6, class: 'piston' });
      carriage.append(el('rect', { x: -16, y: -8, width: 32, height: 16, class: 'barrel' }), z, cup);
      svg.append(carriage);
      const held = el('rect', { x: -10, y: 26, width: 20, height: 16, class: 'part metal', visible: 'hidden' });
      carriage.append(held);
      const waiting = el('rect', { x: 85, y: top + 94, width: 20, height: 16, class: 'part plastic' });
      svg.append(waiting);
      const counts = el('text', { x: 440, y: top + 20, class: 'label' });
      svg.append(counts);
      b.cell = { cell, carriage, z, cup, held, waiting, counts, top };
      y = top + 150;
    }

    for (const tank of scene.tanks) {
      const top = y + 10, h = 140;
      svg.append(el('rect', { x: 60, y: top, width: 120, height: h, class: 'tank' }));
      const water = el('rect', { x: 61, y: top + h, width: 118, height: 0, class: 'water', id: `plant-${tank.name}` });
      svg.append(water);
      for (const mark of [0.35, 0.65, 0.8]) {
        const my = top + h - (mark / tank.height) * h;
        svg.append(el('line', { x1: 180, y1: my, x2: 192, y2: my, class: 'tick' }));
        label(196, my + 4, `${mark.toFixed(2)} m`);
      }
      const pump = el('circle', { cx: 30, cy: top + 20, r: 12, class: 'pump', id: 'plant-pump' });
      const drain = el('rect', { x: 112, y: top + h + 6, width: 16, height: 12, class: 'valve', id: 'plant-drain' });
      svg.append(el('path', { d: `M42,${top + 20} H60`, class: 'pipe' }), pump, drain);
      label(12, top + 48, 'PUMP'); label(134, top + h + 16, 'DRAIN');
      const level = el('text', { x: 260, y: top + 24, class: 'reading' });
      svg.append(level);
      b.tanks.set(tank.name, { tank, water, level, pump, drain, top, h });
      y = top + h + 30;
    }

    for (const axis of scene.axes) {
      const top = y + 14;
      svg.append(el('line', { x1: 60, y1: top + 10, x2: 520, y2: top + 10, class: 'rail' }));
      const carriage = el('rect', { x: 60, y: top, width: 24, height: 20, rx: 3, class: 'carriage', id: `plant-${axis.name}` });
      const reading = el('text', { x: 60, y: top + 40, class: 'reading' });
      svg.append(carriage, reading);
      const target = (scene.dials ?? [])[0];
      let marker = null;
      if (target) {
        marker = el('path', { d: '', class: 'target' });
        svg.append(marker);
      }
      b.axes.set(axis.name, { axis, carriage, reading, marker, top });
      y = top + 56;
    }

    // reed switches and other sensors not on a belt: LEDs in a row, so every input has its place
    const loose = scene.sensors.filter((s) => !scene.belts.some((belt) => belt.name === s.mount) && s.mount !== '');
    if (loose.length) {
      const top = y + 8;
      loose.forEach((s, i) => {
        const x = 40 + (i % 6) * 92, row = Math.floor(i / 6);
        const led = el('circle', { cx: x, cy: top + row * 26 + 6, r: 6, class: 'led', id: `plant-${s.name}` });
        svg.append(led);
        label(x + 10, top + row * 26 + 10, s.name);
        b.sensors.set(s.name, { led, beam: null });
      });
      y = top + Math.ceil(loose.length / 6) * 26 + 6;
    }
    svg.setAttribute('viewBox', `0 0 ${WIDTH} ${Math.max(y, 60)}`);
    return b;
  }

  function update(scene) {
    if (!built) built = build(scene);
    const b = built;
    for (const lamp of scene.lamps) b.lamps.get(lamp.name)?.classList.toggle('on', lamp.on);
    for (const belt of scene.belts) {
      const surface = b.belts.get(belt.name);
      if (!surface) continue;
      surface.classList.toggle('running', belt.running);
      surface.style.strokeDashoffset = String(-belt.travel * b.scale.get(belt.name));
    }
    for (const s of scene.sensors) {
      const shown = b.sensors.get(s.name);
      if (!shown) continue;
      shown.led.classList.toggle('on', s.on);
      shown.beam?.classList.toggle('on', s.on);
    }
    for (const c of scene.cylinders) {
      const shown = b.cylinders.get(c.name);
      if (!shown) continue;
      shown.plate.classList.toggle('jammed', c.jammed);
      if (shown.kind === 'pusher') {
        const reach = 58 * c.stroke; // across the belt and into the bin above
        shown.plate.setAttribute('y', shown.top + 30 - reach);
        shown.rod.setAttribute('y', shown.top + 34 - reach);
        shown.rod.setAttribute('height', 26 + reach);
      } else if (shown.kind === 'linear') {
        const reach = 140 * c.stroke;
        shown.rod.setAttribute('width', 4 + reach);
        shown.plate.setAttribute('x', 150 + reach);
      }
    }
    // parts: one shape per part id, moved along its belt; a part in a bin is drawn in the bin
    const seen = new Set();
    for (const p of scene.parts) {
      let shape = b.partShapes.get(p.id);
      if (!shape) {
        shape = el('rect', { class: `part ${p.material || 'plastic'}`, 'data-part': p.id, 'data-material': p.material });
        b.parts.append(shape);
        b.partShapes.set(p.id, shape);
      }
      seen.add(p.id);
      if (p.where === 'belt') {
        const scale = b.scale.get(p.holder) ?? 1;
        const top = b.y.get(p.holder) ?? 0;
        const size = Math.max(6, p.size * scale);
        shape.setAttribute('x', (BELT_LEFT + (p.front - p.size) * scale).toFixed(1));
        shape.setAttribute('y', top + 2 - size);
        shape.setAttribute('width', size.toFixed(1));
        shape.setAttribute('height', size.toFixed(1));
      } else if (p.where === 'bin') {
        const bin = b.bins.get(p.holder);
        if (bin) {
          shape.setAttribute('x', Number(bin.shape.getAttribute('x')) + Number(bin.shape.getAttribute('width')) / 2 - 10);
          shape.setAttribute('y', Number(bin.shape.getAttribute('y')) + Number(bin.shape.getAttribute('height')) - 20);
          shape.setAttribute('width', 20);
          shape.setAttribute('height', 18);
        }
      } else {
        shape.setAttribute('width', 0);
      }
    }
    for (const [id, shape] of b.partShapes) {
      if (!seen.has(id)) { shape.remove(); b.partShapes.delete(id); }
    }
    for (const { bin, count } of b.bins.values()) {
      const now = scene.bins.find((x) => x.name === bin.name);
      if (now) count.textContent = `${bin.name}: ${now.metal + now.plastic}`;
    }
    for (const t of scene.tanks) {
      const shown = b.tanks.get(t.name);
      if (!shown) continue;
      const h = shown.h * Math.min(1, t.level / t.height);
      shown.water.setAttribute('y', (shown.top + shown.h - h).toFixed(1));
      shown.water.setAttribute('height', h.toFixed(1));
      shown.level.textContent = `${t.name}: ${t.level.toFixed(3)} m`;
      shown.pump.classList.toggle('on', t.pump);
      shown.drain.classList.toggle('on', t.drain);
    }
    for (const a of scene.axes) {
      const shown = b.axes.get(a.name);
      if (!shown) continue;
      const x = (v) => 60 + 436 * ((v - a.min) / (a.max - a.min || 1));
      shown.carriage.setAttribute('x', x(a.position).toFixed(1));
      shown.carriage.classList.toggle('on', a.enabled);
      shown.reading.textContent = `${a.name}: ${(a.position * 1000).toFixed(1)} mm`;
      const dial = (scene.dials ?? [])[0];
      if (shown.marker && dial) {
        const tx = x(dial.value / 1000) + 12;
        shown.marker.setAttribute('d', `M${tx},${shown.top - 10} l-6,-8 h12 z`);
      }
    }
    if (b.cell && scene.cells?.length) {
      const cell = scene.cells[0];
      const xs = scene.cylinders.find((c) => c.name === cell.xAxis)?.stroke ?? 0;
      const zs = scene.cylinders.find((c) => c.name === cell.zAxis)?.stroke ?? 0;
      const cx = 95 + xs * 290;
      b.cell.carriage.setAttribute('transform', `translate(${cx.toFixed(1)},${b.cell.top})`);
      b.cell.z.setAttribute('height', (20 + zs * 64).toFixed(1));
      b.cell.cup.setAttribute('y', (20 + zs * 64).toFixed(1));
      b.cell.held.setAttribute('y', (26 + zs * 64).toFixed(1));
      b.cell.held.setAttribute('visibility', cell.holding ? 'visible' : 'hidden');
      b.cell.cup.classList.toggle('on', cell.vacuum);
      b.cell.waiting.setAttribute('visibility', scene.parts.some((p) => p.where === 'pick') ? 'visible' : 'hidden');
      b.cell.counts.textContent = `${t('placed')} ${cell.placed} · ${t('lost')} ${cell.lost}`;
    }
  }

  return { update };
}
