import { call } from './api.js';

// A draft's own notes on its labs (Markdown, Korean and English), one small form per lab.
export function labEditor(ctx) {
  const status = document.getElementById('labs-status');
  const hint = status.textContent;
  const box = document.getElementById('lab-notes');
  const template = document.getElementById('lab-template');

  function form(lab) {
    const f = template.content.firstElementChild.cloneNode(true);
    f.id = `lab-${lab.lab}`;
    f.querySelector('.lab-title').textContent = `${ctx.text(lab.title)} (${lab.lab})`;
    f.querySelector('.lab-focus').textContent = lab.focus.join(', ');
    const ko = f.querySelector('[data-f=ko]');
    const en = f.querySelector('[data-f=en]');
    ko.value = lab.notes.ko;
    en.value = lab.notes.en;
    f.querySelector('[data-act=save-notes]').addEventListener('click', async () => {
      const r = await call('PUT', `${ctx.base}/versions/${ctx.draft}/labs/${encodeURIComponent(lab.lab)}/notes`,
        { ko: ko.value, en: en.value });
      if (!r.ok) { ctx.sayProblem(r); return; }
      await ctx.reload();
      await ctx.validate([ctx.msgSaved]);
    });
    return f;
  }

  async function load() {
    const r = await call('GET', `${ctx.base}/versions/${ctx.draft}`);
    if (!r.ok) { status.textContent = ctx.text(r.json?.message); box.replaceChildren(); return; }
    status.textContent = r.json.labs.length ? hint : status.dataset.none;
    box.replaceChildren(...r.json.labs.map(form));
  }
  return { load };
}
