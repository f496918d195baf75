// **client** is the report page's inline script: paged, searchable, sortable tables and drill-down.
// It reads the JSON block once and writes text only through textContent (never innerHTML).

/** The script, as plain browser JavaScript (ES2020), inlined into the page. */
export const CLIENT_SCRIPT = String.raw`(function () {
'use strict';
var data = JSON.parse(document.getElementById('report-data').textContent);
var RATING_LABEL = { excellent: 'Excellent', good: 'Good', sufficient: 'Sufficient', bad: 'Bad' };
var SEVERITY = ['violation', 'warning', 'info'];
function $(id) { return document.getElementById(id); }
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  if (attrs) for (var k in attrs) {
    if (k === 'text') node.textContent = attrs[k];
    else if (attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, attrs[k]);
  }
  (children || []).forEach(function (c) { if (c) node.appendChild(c); });
  return node;
}
function expand(text, d, value) {
  return text.split('\u0001T').join(d[1]).split('\u0001I').join(d[0])
    .split('\u0001F').join('…').split('\u0001V').join(value === undefined ? '…' : value);
}
function ratingCell(r) {
  var name = data.ratings[r] || '';
  return el('td', {}, [el('span', { class: 'rating rating-' + name, text: RATING_LABEL[name] || name })]);
}

// A paged, sorted, filtered view over an array of rows.
function Table(opts) {
  var self = { page: 0, size: opts.size || 50, sortKey: opts.sortKey, dir: opts.dir || 1, view: [] };
  var headers = opts.table.querySelectorAll('th[data-key]');
  headers.forEach(function (th) {
    var button = th.querySelector('button');
    button.addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      if (self.sortKey === key) self.dir = -self.dir;
      else { self.sortKey = key; self.dir = th.hasAttribute('data-desc') ? -1 : 1; }
      self.page = 0;
      self.refresh();
    });
  });
  self.refresh = function () {
    var rows = opts.rows.filter(opts.filter);
    var get = opts.keys[self.sortKey];
    var dir = self.dir;
    rows.sort(function (a, b) {
      var x = get(a), y = get(b);
      if (typeof x === 'string') return dir * x.localeCompare(y);
      return dir * (x - y);
    });
    self.view = rows;
    headers.forEach(function (th) {
      var key = th.getAttribute('data-key');
      if (key === self.sortKey) th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    var pages = Math.max(1, Math.ceil(rows.length / self.size));
    if (self.page >= pages) self.page = pages - 1;
    self.draw();
  };
  self.draw = function () {
    var body = opts.table.querySelector('tbody');
    var start = self.page * self.size;
    var slice = self.view.slice(start, start + self.size);
    var frag = document.createDocumentFragment();
    slice.forEach(function (row) { opts.render(row, frag); });
    body.replaceChildren(frag);
    var pages = Math.max(1, Math.ceil(self.view.length / self.size));
    var shown = self.view.length === 0 ? '0' : (start + 1) + '–' + (start + slice.length);
    opts.status.textContent = 'Showing ' + shown + ' of ' + self.view.length + ' ' + opts.noun +
      ' (page ' + (self.page + 1) + ' of ' + pages + ')';
    opts.status.setAttribute('data-count', String(self.view.length));
    opts.prev.disabled = self.page === 0;
    opts.next.disabled = self.page >= pages - 1;
  };
  opts.prev.addEventListener('click', function () { if (self.page > 0) { self.page--; self.draw(); } });
  opts.next.addEventListener('click', function () {
    if ((self.page + 1) * self.size < self.view.length) { self.page++; self.draw(); }
  });
  return self;
}

// Dataset table.
var dq = $('ds-search'), dr = $('ds-rating'), dp = $('ds-publisher'), dv = $('ds-validity');
data.publishers.forEach(function (p, i) { dp.appendChild(el('option', { value: String(i), text: p.name })); });
function datasetFilter(d) {
  var q = dq.value.trim().toLowerCase();
  if (q && d[1].toLowerCase().indexOf(q) < 0 && d[0].toLowerCase().indexOf(q) < 0) return false;
  if (dr.value !== '' && data.ratings[d[4]] !== dr.value) return false;
  if (dp.value !== '' && d[2] !== Number(dp.value)) return false;
  if (dv.value === 'violations' && d[6] === 0) return false;
  if (dv.value === 'conforming' && d[6] > 0) return false;
  if (dv.value === 'broken' && d[9] === 0) return false;
  return true;
}
function publisherName(d) { var p = data.publishers[d[2]]; return p ? p.name : ''; }
function detailRow(d) {
  var ind = el('table', { class: 'inner' }, [
    el('caption', { text: 'Indicators' }),
    el('thead', {}, [el('tr', {}, ['Indicator', 'Dimension', 'Points', 'Why'].map(function (h) {
      return el('th', { scope: 'col', text: h });
    }))]),
  ]);
  var ib = el('tbody');
  data.indicators.forEach(function (indicator, i) {
    var o = data.outcomes[d[10][i]];
    if (!o) return;
    ib.appendChild(el('tr', { class: o[0] < indicator.max ? 'lost' : '' }, [
      el('th', { scope: 'row', text: indicator.label }),
      el('td', { text: indicator.dimension }),
      el('td', { class: 'num', text: o[0] + ' / ' + indicator.max }),
      el('td', { text: expand(data.strings[o[1]], d) }),
    ]));
  });
  ind.appendChild(ib);
  var list = el('ul', { class: 'findings' });
  var total = 0;
  d[11].forEach(function (f) {
    total += f[2];
    list.appendChild(el('li', {}, [
      el('span', { class: 'sev sev-' + SEVERITY[f[0]], text: SEVERITY[f[0]] }),
      el('span', { text: ' ' + expand(data.strings[f[1]], d, f[3] >= 0 ? data.strings[f[3]] : undefined) }),
      f[2] > 1 ? el('span', { class: 'where', text: ' (×' + f[2] + ')' }) : null,
    ]));
  });
  var findings = d[11].length
    ? el('div', {}, [el('h4', { text: 'Findings (' + total + ', ' + d[11].length + ' kinds; an example of each)' }), list])
    : el('p', { text: 'No validation findings.' });
  return el('tr', { class: 'detail' }, [el('td', { colspan: '8' }, [
    el('p', { class: 'iri', text: d[0] }), ind, findings,
  ])]);
}
var open = new Set();
var datasets = Table({
  table: $('datasets'), rows: data.datasets, filter: datasetFilter, noun: 'datasets',
  status: $('ds-status'), prev: $('ds-prev'), next: $('ds-next'), sortKey: 'score', dir: 1,
  keys: {
    title: function (d) { return d[1] || d[0]; }, publisher: publisherName,
    score: function (d) { return d[3]; }, distributions: function (d) { return d[5]; },
    violations: function (d) { return d[6]; }, warnings: function (d) { return d[7]; },
    broken: function (d) { return d[9]; }, rating: function (d) { return d[3]; },
  },
  render: function (d, frag) {
    var expanded = open.has(d[0]);
    var toggle = el('button', { type: 'button', class: 'link', 'aria-expanded': String(expanded),
      text: d[1] || d[0] });
    toggle.addEventListener('click', function () {
      if (open.has(d[0])) open.delete(d[0]); else open.add(d[0]);
      datasets.draw();
      var again = document.querySelector('[data-id="' + CSS.escape(d[0]) + '"] button');
      if (again) again.focus();
    });
    frag.appendChild(el('tr', { 'data-id': d[0] }, [
      el('th', { scope: 'row' }, [toggle]),
      el('td', { text: publisherName(d) }),
      el('td', { class: 'num', text: String(d[3]) }), ratingCell(d[4]),
      el('td', { class: 'num', text: String(d[5]) }), el('td', { class: 'num', text: String(d[6]) }),
      el('td', { class: 'num', text: String(d[7]) }), el('td', { class: 'num', text: String(d[9]) }),
    ]));
    if (expanded) frag.appendChild(detailRow(d));
  },
});
var timer;
dq.addEventListener('input', function () {
  clearTimeout(timer);
  timer = setTimeout(function () { datasets.page = 0; datasets.refresh(); }, 150);
});
[dr, dp, dv].forEach(function (s) { s.addEventListener('change', function () { datasets.page = 0; datasets.refresh(); }); });
datasets.refresh();

// Publisher table: sort and page; a publisher's name filters the dataset table.
var pubRows = data.publisherRows;
var publishers = Table({
  table: $('publishers'), rows: pubRows, filter: function () { return true; }, noun: 'publishers',
  status: $('pub-status'), prev: $('pub-prev'), next: $('pub-next'), sortKey: 'datasets', dir: -1,
  size: 25,
  keys: {
    name: function (p) { return p[0]; }, datasets: function (p) { return p[1]; },
    score: function (p) { return p[2]; }, rating: function (p) { return p[2]; },
    violations: function (p) { return p[4]; }, broken: function (p) { return p[5]; },
  },
  render: function (p, frag) {
    var button = el('button', { type: 'button', class: 'link', text: p[0],
      title: 'Show this publisher\'s datasets' });
    button.addEventListener('click', function () {
      dp.value = String(p[6]);
      datasets.page = 0;
      datasets.refresh();
      $('datasets-heading').scrollIntoView();
      dq.focus();
    });
    frag.appendChild(el('tr', {}, [
      el('th', { scope: 'row' }, [button]), el('td', { class: 'num', text: String(p[1]) }),
      el('td', { class: 'num', text: String(p[2]) }), ratingCell(p[3]),
      el('td', { class: 'num', text: String(p[4]) }), el('td', { class: 'num', text: String(p[5]) }),
    ]));
  },
});
publishers.refresh();
document.body.setAttribute('data-ready', 'true');
})();`;
