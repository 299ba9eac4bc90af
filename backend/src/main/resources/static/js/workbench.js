import { call, inLanguage, t } from './api.js';
import { showGrade, showRefusal } from './verdict.js';
import { createEditor } from './editor.js';
import { createPlant } from './plant.js';
import { el } from './svg.js';
// The lab workbench: the student's program runs live on the platform; the board shows every I/O point
// 20 times a second (server-sent events); the panel presses buttons; grading shows each objective.
const bench = document.getElementById('workbench');
const { school, unit, lab, lang } = bench.dataset;
const api = `/api/schools/${school}`;
const text = (m) => inLanguage(m, lang);

const program = document.getElementById('program');
const diagnostics = document.getElementById('diagnostics');
const panel = document.getElementById('panel');
const time = document.getElementById('time');
let session = null;
let stream = null;
const remembered = `sfa-lab-${school}-${lab}`;

function showDiagnostics(list) {
  diagnostics.replaceChildren();
  if (!list || list.length === 0) {
    const li = document.createElement('li');
    li.className = 'done';
    li.textContent = t('noErrors');
    diagnostics.append(li);
    return;
  }
  for (const d of list) {
    const li = document.createElement('li');
    li.className = d.severity;
    li.dataset.line = d.line;
    li.textContent = `${d.line}:${d.column} ${lang === 'en' ? d.en : d.ko}`;
    diagnostics.append(li);
  }
}

const ioNames = [...document.querySelectorAll('#board .io')].map((g) => g.id.substring(3));
const editor = createEditor(program, {
  ioNames,
  label: document.querySelector('label[for=program]').textContent,
  lang,
  check: async (source) => {
    const r = await call('POST', `${api}/labs/${lab}/check`, { program: source });
    if (!r.ok) return null;
    showDiagnostics(r.json);
    return r.json;
  },
});
diagnostics.addEventListener('click', (e) => {
  const line = e.target.closest('li')?.dataset.line;
  if (line) editor.focusLine(Number(line));
});

// The plant drawn to scale from the simulation's scene (parts, sensors, strokes, levels), moved every frame.
const plant = createPlant(document.getElementById('plant'), lang);

function showFrame(f) {
  if (f.scene) { plant.update(f.scene); showLatches(f.scene); }
  time.textContent = `${(f.timeMs / 1000).toFixed(1)} s`;
  editor.showOnline(f.variables && Object.keys(f.variables).length ? f.variables : null);
  showForces(f.forced ?? {});
  for (const [name, value] of Object.entries(f.values)) {
    const g = document.getElementById(`io-${name}`);
    if (!g) continue;
    g.classList.toggle('on', value !== 0);
    g.querySelector('.value').textContent = String(value);
  }
}

// Forcing inputs: the program reads the forced value whatever the plant does, until the force is removed.
const forceFields = [...document.querySelectorAll('#forcing [data-input]')];
function showForces(forced) {
  for (const field of forceFields) {
    const name = field.dataset.input;
    const value = forced[name];
    if (document.activeElement !== field) field.value = value === undefined ? '' : String(value);
    const row = document.getElementById(`io-${name}`);
    row?.classList.toggle('forced', value !== undefined);
    let mark = row?.querySelector('.mark');
    if (row && value !== undefined && !mark) {
      mark = el('text', { x: 186, y: 17, class: 'mark' }, 'F');
      row.append(mark);
    } else if (value === undefined) mark?.remove();
  }
}
for (const field of forceFields) {
  field.addEventListener('change', async () => {
    if (!session) return;
    const value = field.value === '' ? null : Number(field.value);
    const r = await call('POST', `${api}/my/labs/${session}/force`, { input: field.dataset.input, value });
    if (r.ok) showFrame(r.json);
  });
}

/**
 * The operator panel from the lab's devices: push buttons held while pressed, the E-stop latched by one press and
 * released by the next (as the real mushroom button), set-point dials as sliders. The scene says which is which.
 */
function buildPanel(devices, scene) {
  panel.replaceChildren();
  const kinds = new Map((scene?.buttons ?? []).map((b) => [b.name, b.kind]));
  const dials = new Map((scene?.dials ?? []).map((d) => [d.operatedAs || d.name, d]));
  const operate = (body) => call('POST', `${api}/my/labs/${session}/operate`, body);
  for (const device of devices) {
    const dial = dials.get(device);
    if (dial) {
      const label = document.createElement('label');
      const slider = document.createElement('input');
      Object.assign(slider, { type: 'range', min: dial.min, max: dial.max, value: dial.value, step: 1, id: `device-${device}` });
      const shown = document.createElement('output');
      shown.textContent = String(dial.value);
      slider.addEventListener('input', () => { shown.textContent = slider.value; });
      slider.addEventListener('change', () => operate({ action: 'set', device, value: Number(slider.value) }));
      label.append(`${device} `, slider, ' ', shown);
      panel.append(label);
      continue;
    }
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = device;
    b.id = `device-${device}`;
    b.setAttribute('aria-pressed', 'false');
    if (kinds.get(device) === 'estop') {
      b.classList.add('estop');
      b.addEventListener('click', () => {
        const latched = b.getAttribute('aria-pressed') === 'true';
        b.setAttribute('aria-pressed', String(!latched));
        operate({ action: latched ? 'release' : 'press', device });
      });
      panel.append(b);
      continue;
    }
    const press = async () => {
      if (b.getAttribute('aria-pressed') === 'true') return;
      b.setAttribute('aria-pressed', 'true');
      await operate({ action: 'press', device });
    };
    const release = async () => {
      if (b.getAttribute('aria-pressed') !== 'true') return;
      b.setAttribute('aria-pressed', 'false');
      await operate({ action: 'release', device });
    };
    b.addEventListener('pointerdown', press);
    b.addEventListener('pointerup', release);
    b.addEventListener('pointerleave', release);
    b.addEventListener('keydown', (e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); press(); } });
    b.addEventListener('keyup', (e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); release(); } });
    panel.append(b);
  }
}

/** The E-stop's latch as the plant has it (after a reload too). */
function showLatches(scene) {
  for (const b of scene?.buttons ?? []) {
    if (b.kind !== 'estop') continue;
    const button = document.getElementById(`device-${b.name}`);
    if (button && button.getAttribute('aria-pressed') !== String(b.pressed)) button.setAttribute('aria-pressed', String(b.pressed));
  }
}

document.getElementById('run').addEventListener('click', async () => {
  if (stream) stream.close();
  if (session) await call('DELETE', `${api}/my/labs/${session}`);
  // a free run: only the student's panel acts on the plant (grading runs the lab's test sequence itself)
  const r = await call('POST', `${api}/my/labs`, { lab, program: editor.value(), sequence: false });
  if (!r.ok) {
    showDiagnostics(r.json?.diagnostics ?? [{ severity: 'error', line: 0, column: 0, ko: text(r.json?.message), en: text(r.json?.message) }]);
    return;
  }
  attach(r.json);
  await call('POST', `${api}/my/labs/${session}/commands/start`);
});

/** Shows a session and follows its frames; a reload finds it again (the platform resumes it if it was idle). */
function attach(view) {
  if (stream) stream.close();
  session = view.id;
  sessionStorage.setItem(remembered, session);
  showDiagnostics([]);
  for (const field of forceFields) field.disabled = false;
  showFrame(view.state);
  buildPanel(view.devices, view.state.scene);
  showLatches(view.state.scene);
  stream = new EventSource(`${api}/my/labs/${session}/stream`);
  stream.addEventListener('frame', (e) => showFrame(JSON.parse(e.data)));
  if (view.opcUa && view.opcUa.user && view.mode === 'external') showOpcUa(view.opcUa);
}

const known = sessionStorage.getItem(remembered);
const drawStartingScene = () => call('GET', `${api}/labs/${lab}/scene`).then((r) => { if (r.ok && !session) plant.update(r.json); });
if (known) {
  call('GET', `${api}/my/labs/${known}`).then((r) => {
    if (r.ok) attach(r.json);
    else { sessionStorage.removeItem(remembered); drawStartingScene(); }
  });
} else drawStartingScene();

function showOpcUa(access) {
  document.getElementById('opcua-endpoint').textContent = access.endpoint ?? '';
  document.getElementById('opcua-user').textContent = access.user ?? '';
  document.getElementById('opcua-password').textContent = access.password ?? '';
  document.getElementById('opcua-node').textContent = access.node ?? '';
  document.getElementById('opcua').hidden = false;
}

document.getElementById('opcua-open').addEventListener('click', async () => {
  if (session) await call('DELETE', `${api}/my/labs/${session}`);
  const r = await call('POST', `${api}/my/labs`, { lab });
  if (r.ok) {
    attach(r.json);
    showOpcUa(r.json.opcUa);
  }
});

for (const button of document.querySelectorAll('button.copy')) {
  button.addEventListener('click', async () => {
    const value = document.getElementById(button.dataset.copy).textContent;
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = t('copied');
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(button.dataset.copy));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }
  });
}

for (const command of ['stop', 'reset']) {
  document.getElementById(command).addEventListener('click', async () => {
    if (!session) return;
    const r = await call('POST', `${api}/my/labs/${session}/commands/${command}`);
    if (r.ok) showFrame(r.json);
  });
}

document.getElementById('grade').addEventListener('click', async (event) => {
  // one grade at a time: the server refuses a student's fourth waiting grade (429) and says so
  const button = event.currentTarget;
  button.disabled = true;
  let r;
  try {
    r = await call('POST', `${api}/my/units/${unit}/labs/${lab}/attempts`, { program: editor.value() });
  } finally {
    button.disabled = false;
  }
  if (!r.ok) {
    showDiagnostics(r.json?.diagnostics ?? []);
    showRefusal(r.json, lang);
    return;
  }
  await showGrade({ api, lang, graded: r.json });
});
