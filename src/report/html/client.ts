// **client** is the report page's inline script: paged, searchable, sortable tables and drill-down.
// It parses the two JSON blocks once and writes text only through textContent (never innerHTML).
import { CLIENT_TABLE } from './client-table.js';

/** The page script, as plain browser JavaScript (ES2020), inlined into the page. */
export const CLIENT_SCRIPT = String.raw`(function () {
'use strict';
var rows = JSON.parse(document.getElementById('report-rows').textContent);
// The datasets' details stay text until one is opened (see detailOf).
var details = null, starts = null;
var data = JSON.parse(document.getElementById('report-data').textContent);
// Columns of a row (see CompactDataset in src/report/html/compact.ts).
var PREFIX = 0, REST = 1, TITLE = 2, PUB = 3, SCORE = 4, RATING = 5, DISTS = 6, VIOL = 7,
  WARN = 8, BROKEN = 10;
var RATING_LABEL = { excellent: 'Excellent', good: 'Good', sufficient: 'Sufficient', bad: 'Bad' };
var SEVERITY = ['violation', 'warning', 'info'];
var n = rows.length, ids = new Array(n), search = null;
for (var k = 0; k < n; k++) {
  var r = rows[k];
  ids[k] = r[PREFIX] >= 0 ? data.prefixes[r[PREFIX]] + r[REST] : r[REST];
}
// What a search looks in (title and IRI, lower case), made at the first search.
function searchTexts() {
  if (!search) {
    search = new Array(n);
    for (var i = 0; i < n; i++) search[i] = (rows[i][TITLE] + '\n' + ids[i]).toLowerCase();
  }
  return search;
}
// Dataset i's detail: line i + 1 of the report-details block (one JSON array per line).
function detailOf(i) {
  if (!details) {
    details = document.getElementById('report-details').textContent;
    starts = new Float64Array(n);
    var at = details.indexOf('\n') + 1;
    for (var k = 0; k < n; k++) { starts[k] = at; at = details.indexOf('\n', at) + 1; }
  }
  var end = details.indexOf('\n', starts[i]);
  var line = details.slice(starts[i], end < 0 ? undefined : end);
  return JSON.parse(line.charAt(line.length - 1) === ',' ? line.slice(0, -1) : line);
}
function $(id) { return document.getElementById(id); }
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  if (attrs) for (var a in attrs) {
    if (a === 'text') node.textContent = attrs[a];
    else if (attrs[a] !== undefined && attrs[a] !== null) node.setAttribute(a, attrs[a]);
  }
  (children || []).forEach(function (c) { if (c) node.appendChild(c); });
  return node;
}
function describe(i) {
  var title = rows[i][TITLE];
  return title ? 'dataset «' + title + '» (' + ids[i] + ')' : 'dataset ' + ids[i];
}
function expand(text, i) {
  return text.split('\u0001T').join(rows[i][TITLE]).split('\u0001I').join(ids[i])
    .split('\u0001R').join(describe(i));
}
function ratingCell(r) {
  var name = data.ratings[r] || '';
  return el('td', {}, [el('span', { class: 'rating rating-' + name, text: RATING_LABEL[name] || name })]);
}
function num(v) { return el('td', { class: 'num', text: String(v) }); }
${CLIENT_TABLE}
// Dataset table.
var dq = $('ds-search'), dr = $('ds-rating'), dp = $('ds-publisher'), dv = $('ds-validity');
data.publishers.forEach(function (p, i) { dp.appendChild(el('option', { value: String(i), text: p.name })); });
var pubRank = ranks(data.publishers.length, function (p) { return data.publishers[p].name; });
function datasetFilter(i) {
  var d = rows[i], q = query;
  if (q && search[i].indexOf(q) < 0) return false;
  if (rating >= 0 && d[RATING] !== rating) return false;
  if (publisher >= 0 && d[PUB] !== publisher) return false;
  if (validity === 'violations' && d[VIOL] === 0) return false;
  if (validity === 'conforming' && d[VIOL] > 0) return false;
  if (validity === 'broken' && d[BROKEN] === 0) return false;
  return true;
}
var query = '', rating = -1, publisher = -1, validity = '';
function readFilters() {
  query = dq.value.trim().toLowerCase();
  if (query) searchTexts();
  rating = dr.value === '' ? -1 : data.ratings.indexOf(dr.value);
  publisher = dp.value === '' ? -1 : Number(dp.value);
  validity = dv.value;
}
function publisherName(i) { var p = data.publishers[rows[i][PUB]]; return p ? p.name : ''; }
function indicatorTable(i, outcomes) {
  var body = el('tbody');
  data.indicators.forEach(function (indicator, at) {
    var o = outcomes[at];
    if (typeof o === 'number') o = data.outcomes[at][o];
    if (!o) return;
    body.appendChild(el('tr', { class: o[0] < indicator.max ? 'lost' : '' }, [
      el('th', { scope: 'row', text: indicator.label }), el('td', { text: indicator.dimension }),
      el('td', { class: 'num', text: o[0] + ' / ' + indicator.max }), el('td', { text: expand(o[1], i) }),
    ]));
  });
  return el('table', { class: 'inner' }, [el('caption', { text: 'Indicators' }),
    el('thead', {}, [el('tr', {}, ['Indicator', 'Dimension', 'Points', 'Why'].map(function (h) {
      return el('th', { scope: 'col', text: h });
    }))]), body]);
}
function groupTable(i, counts) {
  var body = el('tbody'), total = 0;
  for (var c = 0; c < counts.length; c += 2) {
    var g = data.groups[counts[c]] || [2, '', '', '', ''];
    total += counts[c + 1];
    body.appendChild(el('tr', {}, [
      el('td', {}, [el('span', { class: 'sev sev-' + SEVERITY[g[0]], text: SEVERITY[g[0]] })]),
      el('th', { scope: 'row', text: expand(g[4], i) }), el('td', { text: g[2] }),
      el('td', { text: g[1] }), num(counts[c + 1]),
    ]));
  }
  if (counts.length === 0) return el('p', { text: 'No validation findings.' });
  return el('table', { class: 'inner groups' }, [
    el('caption', { text: 'Findings: ' + total + ' in ' + (counts.length / 2) + ' groups (one line per group; the findings one by one are in ' + data.findingsFile + ' beside this page)' }),
    el('thead', {}, [el('tr', {}, ['Severity', 'Message', 'Path', 'Constraint', 'Findings'].map(function (h) {
      return el('th', { scope: 'col', text: h });
    }))]), body]);
}
function detailRow(i) {
  var detail = detailOf(i);
  return el('tr', { class: 'detail' }, [el('td', { colspan: '8' }, [
    el('p', { class: 'iri', text: ids[i] }), indicatorTable(i, detail[0]), groupTable(i, detail[1]),
  ])]);
}
var open = new Set(), titleRank = null;
function titleRanks() {
  titleRank = titleRank || ranks(n, function (i) { return rows[i][TITLE] || ids[i]; });
  return titleRank;
}
function column(c) { return function (i) { return rows[i][c]; }; }
var datasets = Table({
  table: $('datasets'), count: n, filter: datasetFilter, noun: 'datasets',
  status: $('ds-status'), prev: $('ds-prev'), next: $('ds-next'), sortKey: 'score', dir: 1,
  key: function (name) {
    if (name === 'title') {
      var rank = titleRanks();
      return function (i) { return rank[i]; };
    }
    if (name === 'publisher') return function (i) { var p = rows[i][PUB]; return p < 0 ? -1 : pubRank[p]; };
    return column({ score: SCORE, rating: SCORE, distributions: DISTS, violations: VIOL,
      warnings: WARN, broken: BROKEN }[name]);
  },
  render: function (i, frag) {
    var d = rows[i], expanded = open.has(i);
    var toggle = el('button', { type: 'button', class: 'link', 'aria-expanded': String(expanded),
      text: d[TITLE] || ids[i] });
    toggle.addEventListener('click', function () {
      if (open.has(i)) open.delete(i); else open.add(i);
      datasets.draw();
      var again = document.querySelector('[data-row="' + i + '"] button');
      if (again) again.focus();
    });
    frag.appendChild(el('tr', { 'data-row': String(i), 'data-id': ids[i] }, [
      el('th', { scope: 'row' }, [toggle]), el('td', { text: publisherName(i) }),
      num(d[SCORE]), ratingCell(d[RATING]), num(d[DISTS]), num(d[VIOL]), num(d[WARN]), num(d[BROKEN]),
    ]));
    if (expanded) frag.appendChild(detailRow(i));
  },
});
function refilter() { readFilters(); datasets.page = 0; datasets.refresh(); }
var timer;
dq.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refilter, 150); });
// Enter (or leaving the field) searches at once; unchanged text keeps the page as it is.
dq.addEventListener('change', function () {
  clearTimeout(timer);
  if (dq.value.trim().toLowerCase() !== query) refilter();
});
[dr, dp, dv].forEach(function (s) { s.addEventListener('change', refilter); });
readFilters();
datasets.refresh();

// Publisher table: sort and page; a publisher's name filters the dataset table.
var pubRows = data.publisherRows;
var publishers = Table({
  table: $('publishers'), count: pubRows.length, filter: function () { return true; },
  noun: 'publishers', status: $('pub-status'), prev: $('pub-prev'), next: $('pub-next'),
  sortKey: 'datasets', dir: -1, size: 25,
  key: function (name) {
    if (name === 'name') return function (p) { return pubRank[pubRows[p][6]]; };
    var c = { datasets: 1, score: 2, rating: 2, violations: 4, broken: 5 }[name];
    return function (p) { return pubRows[p][c]; };
  },
  render: function (p, frag) {
    var row = pubRows[p];
    var button = el('button', { type: 'button', class: 'link', text: row[0],
      title: 'Show this publisher\'s datasets' });
    button.addEventListener('click', function () {
      dp.value = String(row[6]);
      refilter();
      $('datasets-heading').scrollIntoView();
      dq.focus();
    });
    frag.appendChild(el('tr', {}, [el('th', { scope: 'row' }, [button]), num(row[1]), num(row[2]),
      ratingCell(row[3]), num(row[4]), num(row[5])]));
  },
});
publishers.refresh();
document.body.setAttribute('data-ready', 'true');
if (performance.mark) performance.mark('report-ready');
// Titles ranked once the page is usable, so that the first sort by title is quick.
setTimeout(function () { titleRanks(); document.body.setAttribute('data-titles-ranked', 'true'); }, 0);
})();`;
