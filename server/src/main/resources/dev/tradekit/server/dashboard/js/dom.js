// DOM building without HTML strings: every text goes through text nodes, so names such as
// "<script>alert(1)</script>" render as text.

/** Creates an element; `on<event>` attributes that are functions become listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  let value;
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') value = v;
    else if (k === 'checked') el.checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  add(el, children);
  if (value !== undefined) el.value = value;
  return el;
}

/** Appends children (nodes, strings, numbers, nested arrays; null and false are skipped). */
export function add(el, children) {
  for (const c of [children].flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A notice box: kind 'error' or 'ok', closable. */
export function notice(kind, text) {
  const box = h('div', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' });
  box.append(h('span', { class: 'notice-text' }, text));
  box.append(h('button', { type: 'button', 'aria-label': 'Dismiss', onclick: () => box.remove() }, '×'));
  return box;
}

/** Shows a notice in the page-wide flash area (replacing the previous one). */
export function flash(kind, text) {
  const area = document.getElementById('flash');
  area.replaceChildren(notice(kind, text));
}

export function clearFlash() {
  document.getElementById('flash').replaceChildren();
}

/** A table with a header row; `rows` are arrays of cells (node, text, or {text, class}). */
export function table(headers, rows, attrs) {
  const head = h('tr', null, headers.map((x) => (typeof x === 'string' ? h('th', { scope: 'col' }, x) : h('th', { scope: 'col', class: x.class }, x.text))));
  const body = h('tbody', null, rows);
  label(headers, body);
  return h('div', { class: 'scroll' }, h('table', attrs, h('thead', null, head), body));
}

export function cell(content, cls) {
  return h('td', cls ? { class: cls } : null, content);
}

/** Writes each column's header on its cells (data-label), for the one-card-per-row phone layout. */
export function label(headers, tbody) {
  const names = headers.map((x) => (typeof x === 'string' ? x : x.text));
  for (const tr of tbody.rows) {
    [...tr.cells].forEach((td, i) => {
      if (names[i]) td.dataset.label = names[i];
    });
  }
}

/**
 * A button that acts on the second click only (the first one asks "confirm"), so a stray click
 * deletes or stops nothing. Leaving the button (blur) disarms it.
 */
export function twoStep(attrs, label, confirmLabel, action) {
  const button = h('button', { type: 'button', ...attrs }, label);
  const disarm = () => {
    delete button.dataset.armed;
    button.textContent = label;
    button.removeAttribute('aria-pressed');
  };
  button.addEventListener('click', async () => {
    if (button.dataset.armed !== 'yes') {
      button.dataset.armed = 'yes';
      button.textContent = confirmLabel;
      button.setAttribute('aria-pressed', 'true');
      return;
    }
    disarm();
    button.disabled = true;
    try {
      await action();
    } finally {
      button.disabled = false;
    }
  });
  button.addEventListener('blur', disarm);
  return button;
}

/** Replaces an element's children with `children` (nodes, strings, nested arrays, as add()). */
export function put(el, ...children) {
  el.replaceChildren();
  return add(el, children);
}
