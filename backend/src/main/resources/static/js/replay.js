import { call } from './api.js';
import { createEditor } from './editor.js';
import { createPlant } from './plant.js';
import { showObjectives, showTiming } from './verdict.js';

// A teacher replays a student's graded attempt, read-only: the program as submitted, the verdict with the timing
// diagram, and the graded run itself played again on the plant. The simulation is deterministic (same lab, seed,
// program and test sequence give the same run), so running the program again with the test sequence is the replay.
const root = document.getElementById('replay');
const { school, username, attempt, lab, lang } = root.dataset;
const api = `/api/schools/${school}`;
const plant = createPlant(document.getElementById('plant'), lang);
const program = document.getElementById('program');
if (program) {
  const ioNames = [...document.querySelectorAll('#board .io')].map((g) => g.id.substring(3));
  createEditor(program, { ioNames, label: document.querySelector('label[for=program]').textContent, lang, readOnly: true });
}

const detail = await call('GET', `${api}/students/${username}/lab-attempts/${attempt}`);
if (detail.ok) {
  let diagram = null;
  showObjectives(detail.json.grade, lang, (id) => diagram?.focus(id));
  diagram = await showTiming(`${api}/students/${username}/lab-attempts/${attempt}/trace`, detail.json.grade.objectives, lang);
}
call('GET', `${api}/labs/${lab}/scene`).then((r) => { if (r.ok) plant.update(r.json); });

let session = null;
let stream = null;
function show(frame) {
  if (frame.scene) plant.update(frame.scene);
  document.getElementById('time').textContent = `${(frame.timeMs / 1000).toFixed(1)} s`;
  for (const [name, value] of Object.entries(frame.values)) {
    const g = document.getElementById(`io-${name}`);
    if (!g) continue;
    g.classList.toggle('on', value !== 0);
    g.querySelector('.value').textContent = String(value);
  }
}
async function close() {
  stream?.close();
  if (session) await call('DELETE', `${api}/my/labs/${session}`);
  session = null;
}
document.getElementById('replay-run')?.addEventListener('click', async () => {
  await close();
  const r = await call('POST', `${api}/my/labs`, { lab, program: detail.json?.program ?? '', sequence: true });
  if (!r.ok) return;
  session = r.json.id;
  show(r.json.state);
  stream = new EventSource(`${api}/my/labs/${session}/stream`);
  stream.addEventListener('frame', (e) => show(JSON.parse(e.data)));
  await call('POST', `${api}/my/labs/${session}/commands/start`);
});
document.getElementById('replay-stop')?.addEventListener('click', close);
