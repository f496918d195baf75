// The HTML report as text: self-contained, escaped, streamed, and its embedded data complete.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  OUTCOMES_PER_INDICATOR,
  TITLE_MARK,
  type CompactDataset,
  type CompactDetail,
  type CompactTables,
} from '../../src/report/html/compact.js';
import { escapeHtml, jsonForScript } from '../../src/report/html/escape.js';
import { renderHtmlReport } from '../../src/report/html/render.js';
import { writeHtmlReport } from '../../src/report/html/write.js';
import type { DatasetRow, RunReport } from '../../src/run/report-model.js';
import { syntheticParts, syntheticReport } from './html-synthetic.js';

const EVIL = '</script><script>alert(1)</script><img src=x onerror=alert(2)><!--';

/** The three JSON blocks of a page, parsed. */
function embedded(html: string): {
  rows: CompactDataset[];
  details: CompactDetail[];
  data: CompactTables;
} {
  const block = (id: string) =>
    new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(html)?.[1];
  return {
    rows: JSON.parse(block('report-rows') ?? 'null') as CompactDataset[],
    details: JSON.parse(block('report-details') ?? 'null') as CompactDetail[],
    data: JSON.parse(block('report-data') ?? 'null') as CompactTables,
  };
}

describe('renderHtmlReport', () => {
  it('writes one page with no external resource', () => {
    const html = renderHtmlReport(syntheticReport({ datasets: 20 }));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(link|img|iframe)\b/i);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<code>findings.jsonl</code> beside this page');
  });

  it('escapes hostile titles, sources, publisher names, messages and reasons everywhere', () => {
    const report = syntheticReport({ datasets: 5, firstTitle: EVIL });
    report.run.source = EVIL;
    report.publishers[0]!.name = EVIL;
    report.validation.groups[0]!.message = EVIL;
    report.validation.groups[1]!.path = EVIL;
    report.datasets[1]!.indicators[0]!.why = EVIL;
    report.datasets[2]!.id = `https://example.org/${EVIL}`;
    const html = renderHtmlReport(report);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<!--');
    expect(html.match(/<script\b/g)).toHaveLength(4);
    expect(html.match(/<\/script>/g)).toHaveLength(4);
    const { rows, details, data } = embedded(html);
    expect(rows[0]![2]).toBe(EVIL);
    expect(data.publishers[0]!.name).toBe(EVIL);
    expect(data.groups[1]![2]).toBe(EVIL);
    expect(data.prefixes[rows[2]![0]]! + rows[2]![1]).toBe(`https://example.org/${EVIL}`);
    const why = details[1]![0][0]!;
    expect(typeof why === 'number' ? data.outcomes[0]![why]![1] : why[1]).toBe(EVIL);
  });

  it('embeds every dataset once, in order, with its numbers and its group counts', () => {
    const report = syntheticReport({ datasets: 120, publishers: 4 });
    const { rows, details, data } = embedded(renderHtmlReport(report));
    expect(rows).toHaveLength(120);
    expect(data.datasets).toBe(120);
    expect(data.publisherRows).toHaveLength(4);
    expect(data.groups).toHaveLength(report.validation.groups.length);
    rows.forEach((row, i) => {
      const ds = report.datasets[i]!;
      expect(data.prefixes[row[0]]! + row[1]).toBe(ds.id);
      expect(row[4]).toBe(ds.score);
      expect(row[7]).toBe(ds.counts.violation);
      expect(data.publishers[row[3]]!.id).toBe(ds.publisher);
      expect(details[i]![1]).toEqual(ds.groups.flat());
    });
    const g = report.validation.groups[details[7]![1][0]!]!;
    expect(data.groups[details[7]![1][0]!]).toEqual([
      ['violation', 'warning', 'info'].indexOf(g.severity),
      g.component,
      g.path,
      'dataset',
      expect.stringContaining('\u0001R'),
    ]);
  });

  it('puts one dataset per line in the details, as the page reads them', () => {
    const report = syntheticReport({ datasets: 6 });
    report.datasets[2]!.indicators[3]!.why = 'two\nlines \u2028 and \r more';
    const html = renderHtmlReport(report);
    const text = /id="report-details">(.*?)<\/script>/s.exec(html)![1]!;
    const lines = text.split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('[');
    expect(lines[7]).toBe(']');
    const third = JSON.parse(lines[3]!.replace(/,$/, '')) as CompactDetail;
    const { data } = embedded(html);
    const o = third[0][3]!;
    expect(typeof o === 'number' ? data.outcomes[3]![o]![1] : o[1]).toBe(
      'two\nlines \u2028 and \r more',
    );
  });

  it('stores a reason shared by many datasets once, with the title put back by the page', () => {
    const report = syntheticReport({ datasets: 300 });
    const { data } = embedded(renderHtmlReport(report));
    const at = report.audit.indicators.findIndex((i) => i.id === 'dcatApCompliance');
    const reasons = data.outcomes[at]!.map(([, why]) => why);
    expect(reasons.some((why) => why.includes(`of dataset «${TITLE_MARK}» (\u0001I)`))).toBe(true);
    const missing = report.audit.indicators.findIndex((i) => i.id === 'categoryAvailability');
    expect(data.outcomes[missing]).toEqual([[0, 'dcat:theme missing']]);
  });

  it('keeps at most a fixed number of reasons per indicator, and puts the rest in the rows', () => {
    const { head, rows } = syntheticParts({ datasets: 3 });
    const many = function* (): Generator<DatasetRow> {
      const template = [...rows()][1]!;
      for (let i = 0; i < OUTCOMES_PER_INDICATOR + 5; i++) {
        yield {
          ...template,
          id: `https://example.org/d/${i}`,
          indicators: template.indicators.map((x) => ({ ...x, why: `unique reason ${i}` })),
        };
      }
    };
    const { details: packed, data } = embedded(
      renderHtmlReport({ ...head, datasets: [...many()] }),
    );
    expect(data.outcomes[0]).toHaveLength(OUTCOMES_PER_INDICATOR);
    expect(packed.at(-1)![0][0]).toEqual([
      expect.any(Number),
      `unique reason ${OUTCOMES_PER_INDICATOR + 4}`,
    ]);
    expect(packed[3]![0][0]).toBe(3);
  });
});

describe('writeHtmlReport', () => {
  it('streams the same page as renderHtmlReport, from rows given one at a time', async () => {
    const { head, rows } = syntheticParts({ datasets: 64, firstTitle: EVIL });
    const report: RunReport = { ...head, datasets: [...rows()] };
    const dir = await mkdtemp(join(tmpdir(), 'dh-html-'));
    const file = join(dir, 'index.html');
    async function* later(): AsyncGenerator<DatasetRow> {
      for (const row of rows()) {
        await new Promise((resolve) => setImmediate(resolve));
        yield row;
      }
    }
    await writeHtmlReport(file, head, later());
    expect(await readFile(file, 'utf8')).toBe(renderHtmlReport(report));
    await writeHtmlReport(file, head, report.datasets);
    expect(await readFile(file, 'utf8')).toBe(renderHtmlReport(report));
  });

  it('runs the example of docs/html-report.md through the library’s entry point', async () => {
    const { writeHtmlReport: fromIndex } = await import('../../src/report/index.js');
    const { head, rows } = syntheticParts({ datasets: 12 });
    const out = await mkdtemp(join(tmpdir(), 'dh-html-'));
    await fromIndex(join(out, 'index.html'), head, rows());
    const { rows: table, details } = embedded(await readFile(join(out, 'index.html'), 'utf8'));
    expect(table).toHaveLength(12);
    expect(details).toHaveLength(12);
  });

  it('fails with the rows’ error and names no partial success', async () => {
    const { head, rows } = syntheticParts({ datasets: 10 });
    const dir = await mkdtemp(join(tmpdir(), 'dh-html-'));
    async function* broken(): AsyncGenerator<DatasetRow> {
      let n = 0;
      for (const row of rows()) {
        if (++n === 5) throw new Error('spool read failed at row 5');
        yield row;
      }
    }
    await expect(writeHtmlReport(join(dir, 'index.html'), head, broken())).rejects.toThrow(
      'spool read failed at row 5',
    );
    await expect(writeHtmlReport(join(dir, 'missing', 'index.html'), head, [])).rejects.toThrow(
      /ENOENT/,
    );
  });
});

describe('escapeHtml and jsonForScript', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
  it('writes JSON that cannot close its script block and still parses back', () => {
    const value = { t: '</script><!-- \u2028 &' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
