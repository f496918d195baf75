// Golden tests for every report renderer, plus the structural checks each format promises.
import { XMLParser } from 'fast-xml-parser';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { RENDERERS, parseReportTarget } from '../../src/report/renderers.js';
import { sampleRun } from './run-fixture.js';

const golden = (name: string) => `../fixtures/report/golden/${name}`;

describe('the renderers table', () => {
  it('holds every promised format', () => {
    expect(Object.keys(RENDERERS).sort()).toEqual(
      ['csv', 'json', 'jsonld', 'junit', 'markdown', 'sarif', 'text', 'turtle'].sort(),
    );
  });

  for (const renderer of Object.values(RENDERERS)) {
    it(`renders ${renderer.id} exactly as the golden file`, async () => {
      const text = renderer.render(sampleRun(), { failOn: 'violation', version: '0.0.0-test' });
      await expect(text).toMatchFileSnapshot(golden(`sample.${renderer.extension}`));
    });
  }

  it('parses FORMAT[:FILE] and rejects unknown formats with the list', () => {
    expect(parseReportTarget('sarif:out/x.sarif').file).toBe('out/x.sarif');
    expect(parseReportTarget('ttl').renderer.id).toBe('turtle');
    expect(() => parseReportTarget('pdf')).toThrow(/unknown report format "pdf"/);
    expect(() => parseReportTarget('json:')).toThrow(/empty/);
  });
});

describe('text', () => {
  it('colours only when given a paint function', () => {
    const plain = RENDERERS.text!.render(sampleRun());
    expect(plain).not.toContain('\u001b[');
    const coloured = RENDERERS.text!.render(sampleRun(), { paint: (s, t) => `<${s}>${t}</${s}>` });
    expect(coloured).toContain('<red>✗ violation</red>');
  });

  it('lists violations before warnings before infos', () => {
    const text = RENDERERS.text!.render(sampleRun());
    const v = text.indexOf('✗ violation');
    const w = text.indexOf('! warning');
    const i = text.indexOf('i info');
    expect(v).toBeLessThan(w);
    expect(w).toBeLessThan(i);
    expect(text).toContain('FAIL: findings at or above violation');
  });
});

describe('junit', () => {
  it('parses back with one testcase per record and a failure for the failing one', () => {
    const xml = RENDERERS.junit!.render(sampleRun());
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suite = doc.testsuites.testsuite;
    expect(suite.tests).toBe('3');
    expect(suite.failures).toBe('1');
    const cases = suite.testcase as { name: string; failure?: unknown; classname: string }[];
    expect(cases.map((c) => c.classname)).toEqual(['catalog', 'dataset', 'dataset']);
    expect(cases[1]!.name).toBe('Bad, "quoted" <data> & more (http://example.org/ds/bad)');
    expect(cases.filter((c) => c.failure !== undefined).length).toBe(1);
  });

  it('fails warning records too with --fail-on warning', () => {
    const xml = RENDERERS.junit!.render(sampleRun(), { failOn: 'warning' });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.testsuites.failures).toBe('2');
  });
});

describe('turtle and jsonld', () => {
  it('writes a sh:ValidationReport whose conforms is derived from severities', () => {
    const quads = new Parser().parse(RENDERERS.turtle!.render(sampleRun()));
    const conforms = quads.find((q) => q.predicate.value.endsWith('#conforms'));
    expect(conforms?.object.value).toBe('false');
    expect(quads.filter((q) => q.predicate.value.endsWith('#result')).length).toBe(5);
  });

  it('writes JSON-LD with the same results', () => {
    const doc = JSON.parse(RENDERERS.jsonld!.render(sampleRun()));
    const report = doc['@graph'].find(
      (n: { '@type'?: string }) => n['@type'] === 'sh:ValidationReport',
    );
    expect(report['sh:conforms']).toBe(false);
    expect(report['sh:result'].length).toBe(5);
  });
});

describe('csv', () => {
  it('quotes fields with commas and quotes', () => {
    const csv = RENDERERS.csv!.render(sampleRun());
    expect(csv.split('\r\n')[0]).toBe(
      'record,record_kind,record_title,focus_node,severity,path,component,value,source_shape,message,file',
    );
    expect(csv).toContain('"Bad, ""quoted"" <data> & more"');
    expect(csv.trim().split('\r\n').length).toBe(6);
  });
});
