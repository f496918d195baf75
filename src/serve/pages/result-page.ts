// **result-page** is what the validator answers: the validation and the quality score, with downloads.
import type { AuditOutcome } from '../checks.js';
import { escapeHtml as e } from '../../report/html/escape.js';
import type { ValidationRun } from '../../shacl/findings.js';
import { AUDIT_ANSWERS, VALIDATE_ANSWERS } from '../report-formats.js';
import type { Submission } from '../submissions.js';
import { page } from './layout.js';
import { validationSection } from './result-findings.js';
import { scoreSection } from './result-scores.js';

function downloads(submission: Submission): string {
  const link = (kind: string, extension: string, label: string) =>
    `<li><a href="/results/${e(submission.id)}/${kind}.${e(extension)}" download>${e(label)}</a></li>`;
  const validation = VALIDATE_ANSWERS.map((f) => link('validation', f.extension, f.label));
  const audit = AUDIT_ANSWERS.map((f) => link('audit', f.extension, f.label));
  return `<section aria-labelledby="downloads-heading"><h2 id="downloads-heading">Downloads</h2>
<p class="muted">Kept for an hour.</p>
<h3>Validation report</h3><ul class="downloads">${validation.join('')}</ul>
<h3>Quality report</h3><ul class="downloads">${audit.join('')}</ul></section>`;
}

/** The result page; any part may be absent (an API answer of one check). */
export function resultPage(
  submission: Submission,
  run: ValidationRun | undefined,
  audit: AuditOutcome | undefined,
  options: { downloads: boolean },
): string {
  const from = submission.url ?? submission.name;
  const body = `<p>Checked <code>${e(from)}</code>. <a href="/">Check another document</a>.</p>
${run ? validationSection(run) : ''}
${audit ? scoreSection(audit.report, audit.warnings) : ''}
${options.downloads ? downloads(submission) : ''}`;
  return page(`Results for ${from}`, body);
}
