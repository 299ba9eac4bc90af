// The Structured Text editor of the workbench: CodeMirror 5 (a WebJar, loaded as a classic script before this
// module) with IEC 61131-3 highlighting, the lab's I/O names and the program's own variables as completions,
// the server's diagnostics underlined at line:column, and online values beside the variables while running.
const CodeMirror = window.CodeMirror;

const KEYWORDS = new Set(`PROGRAM END_PROGRAM FUNCTION END_FUNCTION FUNCTION_BLOCK END_FUNCTION_BLOCK VAR VAR_INPUT
  VAR_OUTPUT VAR_IN_OUT VAR_TEMP VAR_GLOBAL VAR_EXTERNAL END_VAR CONSTANT RETAIN AT IF THEN ELSIF ELSE END_IF CASE OF
  END_CASE FOR TO BY DO END_FOR WHILE END_WHILE REPEAT UNTIL END_REPEAT EXIT RETURN TYPE END_TYPE STRUCT END_STRUCT
  ARRAY AND OR XOR NOT MOD`.split(/\s+/));
const TYPES = new Set(`BOOL SINT INT DINT LINT USINT UINT UDINT ULINT BYTE WORD DWORD LWORD REAL LREAL TIME STRING`
  .split(/\s+/));
const BLOCKS = new Set('TON TOF TP CTU CTD CTUD R_TRIG F_TRIG SR RS'.split(' '));
const ATOMS = new Set(['TRUE', 'FALSE']);

CodeMirror.defineMode('iec-st', () => ({
  startState: () => ({ comment: false }),
  token(stream, state) {
    if (state.comment) {
      if (stream.skipTo('*)')) { stream.match('*)'); state.comment = false; } else stream.skipToEnd();
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('(*')) { state.comment = true; return 'comment'; }
    if (stream.match('//')) { stream.skipToEnd(); return 'comment'; }
    if (stream.match(/^'([^'$]|\$.)*'?/)) return 'string';
    if (stream.match(/^(T|TIME)#[-0-9a-z_.]+/i)) return 'number';
    if (stream.match(/^%[IQM][XWBD]?\d+(\.\d+)?/i)) return 'variable-3';
    if (stream.match(/^(16#[0-9a-f_]+|8#[0-7_]+|2#[01_]+|\d[\d_]*(\.\d+)?(e[-+]?\d+)?)/i)) return 'number';
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*/)) {
      const word = stream.current().toUpperCase();
      if (KEYWORDS.has(word)) return 'keyword';
      if (TYPES.has(word)) return 'type';
      if (BLOCKS.has(word)) return 'builtin';
      if (ATOMS.has(word)) return 'atom';
      return 'variable';
    }
    if (stream.match(':=') || stream.match('=>') || stream.match('<>') || stream.match('<=') || stream.match('>=')) return 'operator';
    stream.next();
    return null;
  },
  lineComment: '//',
  blockCommentStart: '(*',
  blockCommentEnd: '*)',
}));

/** The names declared in the program's VAR blocks ("name : TYPE" or "name AT %IX0.0 : BOOL"). */
function declaredNames(text) {
  const names = new Set();
  for (const m of text.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(AT\s+%\S+\s*)?:(?!=)/gim)) names.add(m[1]);
  return names;
}

/** Moves the focus out of the editor: forward to its scrolling area (the next Tab goes on), back to what precedes it. */
function leave(editor, direction) {
  const wrapper = editor.getWrapperElement();
  if (direction > 0) {
    editor.getScrollerElement().focus();
    return;
  }
  const focusable = [...document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), '
    + 'select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])')]
    .filter((e) => !wrapper.contains(e) && (e.compareDocumentPosition(wrapper) & Node.DOCUMENT_POSITION_FOLLOWING));
  focusable.at(-1)?.focus();
}

/**
 * @param textarea the form field the editor replaces (kept in step with the editor's text)
 * @param options ioNames (the lab's I/O names), label (the accessible name), check (text → diagnostics from the
 *        server, or null when the check failed), lang ('ko' or 'en')
 */
export function createEditor(textarea, { ioNames, label, check, lang, readOnly = false }) {
  const completions = (cm) => {
    const cursor = cm.getCursor();
    const token = cm.getTokenAt(cursor);
    const word = /^[A-Za-z_]\w*$/.test(token.string) ? token.string : '';
    const from = CodeMirror.Pos(cursor.line, word ? token.start : cursor.ch);
    const candidates = [...new Set([...ioNames, ...declaredNames(cm.getValue()), ...BLOCKS, ...KEYWORDS, ...TYPES])];
    const list = candidates.filter((c) => c.toUpperCase().startsWith(word.toUpperCase()) && c !== word)
      .sort((a, b) => Number(!ioNames.includes(a)) - Number(!ioNames.includes(b)) || a.localeCompare(b));
    return { list, from, to: CodeMirror.Pos(cursor.line, token.end > cursor.ch ? cursor.ch : token.end) };
  };

  let lastDiagnostics = [];
  const lint = (text, updateLinting) => {
    check(text).then((diagnostics) => {
      if (diagnostics === null) return;
      lastDiagnostics = diagnostics;
      updateLinting(diagnostics.filter((d) => d.line > 0).map((d) => {
        const line = d.line - 1;
        const start = Math.max(0, d.column - 1);
        const length = Math.max(1, d.length || 1);
        return {
          from: CodeMirror.Pos(line, start),
          to: CodeMirror.Pos(line, start + length),
          severity: d.severity === 'error' ? 'error' : 'warning',
          message: `${d.line}:${d.column} ${lang === 'en' ? d.en : d.ko}`,
        };
      }));
    });
  };
  lint.async = true;

  const cm = CodeMirror.fromTextArea(textarea, {
    mode: 'iec-st',
    lineNumbers: true,
    indentUnit: 4,
    matchBrackets: true,
    gutters: readOnly ? [] : ['CodeMirror-lint-markers'],
    lint: readOnly ? false : { getAnnotations: lint, async: true, delay: 400 },
    readOnly,
    extraKeys: {
      'Ctrl-Space': (editor) => editor.showHint({ hint: completions, completeSingle: false }),
      // Tab indents; Esc then Tab leaves the editor, so the keyboard is never trapped in it (WCAG 2.1.2)
      Tab: (editor) => (editor.state.leaving ? leave(editor, 1) : editor.execCommand('insertSoftTab')),
      'Shift-Tab': (editor) => (editor.state.leaving ? leave(editor, -1) : editor.execCommand('indentLess')),
      Esc: (editor) => { editor.state.leaving = true; return CodeMirror.Pass; },
    },
    screenReaderLabel: label,
  });
  cm.on('change', () => cm.save());
  cm.on('keydown', (editor, e) => { if (e.key !== 'Escape' && e.key !== 'Tab' && e.key !== 'Shift') editor.state.leaving = false; });
  cm.on('blur', (editor) => { editor.state.leaving = false; });
  // The scrolling code area is a keyboard stop too (arrow keys scroll it). Reached from elsewhere it hands the focus
  // to the editor; reached by leaving the editor (Esc, Tab) it keeps it, so the next Tab goes on: no trap.
  const scroller = cm.getScrollerElement();
  scroller.tabIndex = 0;
  if (!readOnly) {
    scroller.addEventListener('focus', (e) => { if (e.relatedTarget !== cm.getInputField()) cm.focus(); });
  }
  // Offer names while a word is typed, as a PLC IDE does; Escape closes the list.
  cm.on('inputRead', (editor, change) => {
    if (editor.state.completionActive || change.origin !== '+input' || !/^[A-Za-z_]$/.test(change.text.at(-1).at(-1) ?? '')) return;
    editor.showHint({ hint: completions, completeSingle: false, closeCharacters: /[\s()\[\]{};:>,=.]/ });
  });

  // Online values: a small box after every I/O name and variable in the code while the program runs.
  let online = [];
  let onlineNames = new Set();
  const clearOnline = () => { for (const o of online) o.mark.clear(); online = []; };
  const placeOnline = (names) => {
    clearOnline();
    onlineNames = names;
    const upper = new Map([...names].map((n) => [n.toUpperCase(), n]));
    cm.eachLine((handle) => {
      const line = cm.getLineNumber(handle);
      for (const token of cm.getLineTokens(line)) {
        if (token.type !== 'variable') continue;
        const name = upper.get(token.string.toUpperCase());
        if (!name) continue;
        const box = document.createElement('span');
        box.className = 'online';
        box.dataset.variable = name;
        online.push({ name, box, mark: cm.setBookmark(CodeMirror.Pos(line, token.end), { widget: box }) });
      }
    });
  };
  let replace = null;
  cm.on('changes', () => {
    if (online.length === 0) return;
    clearTimeout(replace);
    replace = setTimeout(() => placeOnline(onlineNames), 300);
  });

  return {
    cm,
    value: () => cm.getValue(),
    setValue: (text) => cm.setValue(text),
    diagnostics: () => lastDiagnostics,
    focusLine(line) {
      cm.focus();
      cm.setCursor(CodeMirror.Pos(Math.max(0, line - 1), 0));
    },
    /** Shows each variable's value beside it (values: name → number, boolean or text); null hides them. */
    showOnline(values) {
      if (!values) { clearOnline(); onlineNames = new Set(); return; }
      const names = new Set(Object.keys(values));
      if (online.length === 0 || names.size !== onlineNames.size || [...names].some((n) => !onlineNames.has(n))) {
        placeOnline(names);
      }
      for (const o of online) {
        const v = values[o.name];
        const shown = v === true ? 'TRUE' : v === false ? 'FALSE' : typeof v === 'object' ? '…' : String(v);
        if (o.box.textContent !== shown) o.box.textContent = shown;
        o.box.classList.toggle('true', v === true || (typeof v === 'number' && v !== 0 && ioNames.includes(o.name)));
      }
    },
  };
}
