// Formulas in lessons: the server leaves each as <span class="math" data-display="true|false">TeX</span>; KaTeX
// (a WebJar, loaded with defer before this module runs) typesets them. A formula KaTeX cannot read stays as its
// TeX, marked, instead of breaking the page.
export function typeset(root = document) {
  const { katex } = window;
  if (!katex) return;
  for (const el of root.querySelectorAll('span.math:not([data-typeset])')) {
    const tex = el.textContent;
    try {
      katex.render(tex, el, { displayMode: el.dataset.display === 'true', throwOnError: true, strict: 'ignore', output: 'htmlAndMathml' });
    } catch (e) {
      el.textContent = tex;
      el.classList.add('math-error');
      el.title = e.message;
    }
    el.dataset.typeset = 'true';
  }
}
window.sfaTypeset = typeset;
typeset();
