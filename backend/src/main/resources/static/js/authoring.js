import { call, inLanguage } from './api.js';

// Authoring a unit: make a draft, edit its files, check them with the courseware validator, publish.
const root = document.getElementById('authoring');
const { school, unit, draft, lang } = root.dataset;
const base = `/api/schools/${school}/units/${unit}`;
const text = (m) => inLanguage(m, lang);

const problems = document.getElementById('problems');
function say(lines, good) {
  problems.replaceChildren();
  for (const line of lines) {
    const li = document.createElement('li');
    li.className = good ? 'done' : 'overdue';
    li.textContent = line;
    problems.append(li);
  }
}

document.getElementById('new-draft')?.addEventListener('click', async () => {
  const r = await call('POST', `${base}/drafts`);
  if (r.ok) location.reload(); else say([text(r.json?.message)], false);
});

if (draft) {
  const files = document.getElementById('file');
  const editor = document.getElementById('text');
  let contents = {};
  const load = async () => {
    const r = await call('GET', `${base}/versions/${draft}/files`);
    contents = r.json;
    files.replaceChildren(...Object.keys(contents).map((p) => new Option(p, p)));
    editor.value = contents[files.value] ?? '';
  };
  files.addEventListener('change', () => { editor.value = contents[files.value] ?? ''; });
  document.getElementById('save').addEventListener('click', async () => {
    const r = await call('PUT', `${base}/versions/${draft}/files?path=${encodeURIComponent(files.value)}`, editor.value,
      'text/plain;charset=UTF-8');
    if (r.ok) { contents[files.value] = editor.value; say([lang === 'en' ? 'saved' : '저장했습니다'], true); }
    else say([text(r.json?.message)], false);
  });
  document.getElementById('validate').addEventListener('click', async () => {
    const r = await call('POST', `${base}/versions/${draft}/validate`);
    if (r.json.ok) say([lang === 'en' ? 'no problems' : '문제 없음'], true);
    else say(r.json.problems.map((p) => `${p.file}:${p.line}:${p.column} ${lang === 'en' ? p.en : p.ko}`), false);
  });
  document.getElementById('publish').addEventListener('click', async () => {
    const r = await call('POST', `${base}/versions/${draft}/publish`);
    if (r.ok) location.reload(); else say([text(r.json?.message)], false);
  });
  load();
}
