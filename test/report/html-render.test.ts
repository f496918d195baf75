// The HTML report as text: self-contained, escaped, and its embedded data complete.
import { describe, expect, it } from 'vitest';
import { compactReport } from '../../src/report/html/compact.js';
import { escapeHtml, jsonForScript } from '../../src/report/html/escape.js';
import { renderHtmlReport } from '../../src/report/html/render.js';
import { syntheticReport } from './html-synthetic.js';

const EVIL = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';

describe('renderHtmlReport', () => {
  it('writes one page with no external resource', () => {
    const html = renderHtmlReport(syntheticReport({ datasets: 20 }));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(link|img|iframe)\b/i);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes hostile titles, sources and publisher names everywhere', () => {
    const report = syntheticReport({ datasets: 5, firstTitle: EVIL });
    report.run.source = EVIL;
    report.publishers[0]!.name = EVIL;
    report.validation.groups[0]!.message = EVIL;
    const html = renderHtmlReport(report);
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const data = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html);
    expect(JSON.parse(data![1]!).datasets[0][1]).toBe(EVIL);
  });

  it('embeds every dataset and publisher once', () => {
    const report = syntheticReport({ datasets: 120, publishers: 4 });
    const data = compactReport(report);
    expect(data.datasets).toHaveLength(120);
    expect(data.publisherRows).toHaveLength(4);
    expect(data.datasets[3]![3]).toBe(report.datasets[3]!.score);
  });

  it('stores a message shared by many datasets once, with the title put back by the page', () => {
    const data = compactReport(syntheticReport({ datasets: 200 }));
    const messages = data.strings.filter((s) => s.includes('has no dct:description'));
    expect(messages.length).toBeLessThanOrEqual(3);
    expect(messages[0]).toContain('\u0001T');
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
