// **validator-page** is the form publishers use: paste, upload or a URL; profile and level; no script needed.
import { escapeHtml as e } from '../../report/html/escape.js';
import { FORMAT_IDS, FORMATS } from '../../rdf/formats.js';
import { listProfiles } from '../../shacl/profiles.js';
import { page } from './layout.js';

/** What the form shows again after an error: the user's own input. */
export interface FormState {
  text?: string;
  url?: string;
  format?: string;
  profile?: string;
  level?: string;
}

/** A problem to show above the form. */
export interface FormProblem {
  title: string;
  detail: string;
  hint?: string;
  /** Where in the document, when known. */
  line?: number;
  column?: number;
}

function option(value: string, label: string, chosen: string | undefined): string {
  return `<option value="${e(value)}"${value === (chosen ?? '') ? ' selected' : ''}>${e(label)}</option>`;
}

function problemBox(problem: FormProblem): string {
  const where =
    problem.line === undefined
      ? ''
      : `<p class="where">Line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`}</p>`;
  return `<div class="alert" role="alert" id="problem" tabindex="-1" autofocus><h2>${e(problem.title)}</h2>
${where}<p>${e(problem.detail)}</p>${problem.hint ? `<p class="muted">${e(problem.hint)}</p>` : ''}</div>`;
}

/** The validator page, with the user's input and a problem when a check could not run. */
export function validatorPage(state: FormState = {}, problem?: FormProblem): string {
  const profiles = listProfiles();
  const levels = [...new Set(profiles.flatMap((p) => Object.keys(p.levels)))];
  const formats = FORMAT_IDS.map((id) => option(id, FORMATS[id].label, state.format)).join('');
  const body = `${problem ? problemBox(problem) : ''}
<p>Check DCAT metadata against a DCAT-AP profile and see its data.europa.eu quality (MQA) score.
Give <strong>one</strong> of the three: a file wins over pasted text, pasted text over a URL.</p>
<form class="check" method="post" action="/validator" enctype="multipart/form-data">
<fieldset><legend>Your metadata</legend>
<label for="text">Paste RDF <span class="muted">(Turtle, RDF/XML, JSON-LD, N-Triples, N-Quads, TriG, N3)</span></label>
<textarea id="text" name="text" rows="12" spellcheck="false">${e(state.text ?? '')}</textarea>
<label for="file">Or upload a file <span class="muted">(any of those serializations, .gz too)</span></label>
<input id="file" name="file" type="file">
<label for="url">Or give its URL <span class="muted">(http or https)</span></label>
<input id="url" name="url" type="url" inputmode="url" placeholder="https://example.org/catalog.ttl" value="${e(state.url ?? '')}">
<div class="row"><div><label for="format">Format</label>
<select id="format" name="format">${option('', 'Detect it', state.format)}${formats}</select></div></div>
</fieldset>
<fieldset><legend>Check against</legend>
<div class="row"><div><label for="profile">Profile</label>
<select id="profile" name="profile">${profiles.map((p) => option(p.id, `${p.title} (${p.id})`, state.profile ?? 'dcat-ap-3')).join('')}</select></div>
<div><label for="level">Level</label>
<select id="level" name="level">${option('', "The profile's default", state.level)}${levels.map((l) => option(l, l, state.level)).join('')}</select></div></div>
<label for="shapes">Or your own SHACL shapes <span class="muted">(a file, instead of the profile; imports only of the bundled vocabularies)</span></label>
<input id="shapes" name="shapes" type="file">
</fieldset>
<button class="primary" type="submit">Validate</button>
</form>
<p class="muted">The same checks as <code>dcat-harvest validate</code> and <code>dcat-harvest audit</code>;
the API is described at <a href="/api/openapi.json">/api/openapi.json</a>.</p>`;
  return page('Validate DCAT metadata', body);
}
