// The dashboard webview: draws what the extension posts ({type: 'update', records, strings}) and
// nothing else; every cell is a button that asks the extension to reveal its items in the record.
// No network, no eval, no inline handlers (the CSP allows this file only, by its nonce).
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const STATES = ['implemented', 'partial', 'planned', 'not-applicable', 'missing'];
  let strings = {};

  const report = (message) => vscode.postMessage({ type: 'error', message: String(message) });
  window.addEventListener('error', (e) => report(e.message));
  window.addEventListener('unhandledrejection', (e) => report(e.reason));
  document.addEventListener('securitypolicyviolation', (e) => report(`CSP: ${e.violatedDirective} ${e.blockedURI}`));

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'className') node.className = value;
      else if (key.startsWith('data-')) node.setAttribute(key, value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
    }
    return node;
  }

  const t = (key, ...args) => (strings[key] || key).replace(/\{(\d+)\}/g, (m, n) => (args[n] !== undefined ? String(args[n]) : m));

  /** A button that takes the user to one item, or lets them pick among several. */
  function itemsButton(uri, items, text, label, className) {
    const button = el('button', { type: 'button', className: className || 'link', 'aria-label': label || text, disabled: items.length === 0 }, text);
    button.dataset.uri = uri;
    button.dataset.ids = items.map((i) => i.id).join('\n');
    button.dataset.title = label || text;
    return button;
  }

  function bar(summary) {
    const pct = summary.required ? Math.round((summary.done / summary.required) * 100) : 0;
    return el('span', { className: 'bar', role: 'img', 'aria-label': `${summary.done}/${summary.required}` }, el('span', { className: 'fill', 'data-pct': String(pct) }));
  }

  function progress(summary) {
    return summary.required ? `${summary.done}/${summary.required}` : '—';
  }

  function list(uri, title, items) {
    return el(
      'section',
      { className: 'panel' },
      el('h3', {}, `${title} (${items.length})`),
      items.length === 0 ? el('p', { className: 'muted' }, t('none')) : el('ul', {}, items.map((i) => el('li', {}, itemsButton(uri, [i], i.label)))),
    );
  }

  function progressTable(uri, title, rows) {
    if (rows.length === 0) return null;
    return el(
      'section',
      { className: 'panel' },
      el('h3', {}, title),
      el(
        'table',
        { className: 'progress' },
        el('tbody', {}, rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r.label), el('td', {}, bar(r.summary)), el('td', { className: 'num' }, r.items ? itemsButton(uri, r.items, progress(r.summary), `${r.label}: ${progress(r.summary)}`) : progress(r.summary))))),
      ),
    );
  }

  let cells = 0;
  function matrix(record) {
    const head = el('tr', {}, el('th', { scope: 'col' }, t('principle')), STATES.map((s) => el('th', { scope: 'col', className: `state ${s}` }, t(`state.${s}`))), el('th', { scope: 'col', title: t('progressHint') }, t('progress')));
    const rows = record.matrix.map((row) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, row.label),
        row.cells.map((items, i) => {
          cells++;
          const state = STATES[i];
          const label = `${row.label} · ${t(`state.${state}`)}: ${t('cell', items.length, items.map((x) => x.id).join(', '))}`;
          const weight = items.some((x) => x.required) ? ' required' : '';
          return el('td', { className: `cell ${state}${items.length ? ` some${weight}` : ''}` }, itemsButton(record.uri, items, items.length ? String(items.length) : '·', label, 'cell-button'));
        }),
        el('td', { className: 'num' }, progress(row.summary)),
      ),
    );
    return el('table', { className: 'matrix' }, el('caption', {}, t('matrix')), el('thead', {}, head), el('tbody', {}, rows));
  }

  function recordSection(record) {
    const header = el('h2', {}, itemsButton(record.uri, [], record.label, record.label, 'record-title'), ' ', el('span', { className: 'summary' }, progress(record.summary)));
    const section = el('section', { className: 'record', 'aria-label': record.label }, header);
    const open = header.querySelector('button');
    open.disabled = false;
    open.dataset.ids = '';
    if (record.state === 'not-parsed') {
      section.append(el('p', { className: 'warning' }, `${t('notRead')}: ${record.reason || ''}`));
      return section;
    }
    if (record.state === 'incomplete') section.append(el('p', { className: 'warning' }, `${t('incomplete')}${record.reason ? ` — ${record.reason}` : ''}`));
    section.append(matrix(record));
    const grid = el('div', { className: 'grid' });
    grid.append(
      ...[
        progressTable(record.uri, t('roles'), record.roles.map((r) => ({ label: t(`role.${r.role}`), summary: r.summary }))),
        progressTable(record.uri, t('systems'), record.systems.map((s) => ({ label: s.id, summary: s.summary, items: s.items }))),
        list(record.uri, t('stale'), record.stale),
        list(record.uri, t('broken'), record.broken),
        list(record.uri, t('unjustified'), record.unjustified),
        progressTable(record.uri, t('owners'), record.owners.map((o) => ({ label: o.owner || t('noOwner'), summary: o.summary, items: o.items }))),
      ].filter(Boolean),
    );
    section.append(grid);
    return section;
  }

  function render(message) {
    strings = message.strings || {};
    cells = 0;
    const focusedKey = document.activeElement && document.activeElement.dataset ? `${document.activeElement.dataset.uri}|${document.activeElement.dataset.title}` : undefined;
    const content = [el('h1', {}, t('title')), message.records.length ? el('p', { className: 'total' }, message.total) : el('p', {}, t('empty')), ...message.records.map(recordSection)];
    root.replaceChildren(...content);
    for (const fill of root.querySelectorAll('.fill')) fill.style.width = `${fill.dataset.pct}%`;
    // Keep the keyboard user's place across updates while they type in the record.
    if (focusedKey) {
      for (const b of root.querySelectorAll('button')) {
        if (`${b.dataset.uri}|${b.dataset.title}` === focusedKey) {
          b.focus();
          break;
        }
      }
    }
    vscode.postMessage({ type: 'rendered', records: message.records.length, cells });
  }

  root.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button || button.disabled) return;
    const ids = (button.dataset.ids || '').split('\n').filter(Boolean);
    if (ids.length <= 1) vscode.postMessage({ type: 'reveal', uri: button.dataset.uri, id: ids[0] || '' });
    else vscode.postMessage({ type: 'pick', uri: button.dataset.uri, ids, title: button.dataset.title });
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'update') {
      try {
        render(message);
      } catch (e) {
        report(e && e.stack ? e.stack : e);
      }
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
