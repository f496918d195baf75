// A group's example message made to fit every dataset of the group.
import { describe, expect, it } from 'vitest';
import { RECORD_MARK, generalizeGroupMessage } from '../../src/report/html/group-message.js';
import type { FindingGroupRow } from '../../src/run/report-model.js';

const R = RECORD_MARK;

function group(message: string, path?: string, recordKind = 'dataset'): FindingGroupRow {
  return {
    severity: 'violation',
    component: 'sh:ClassConstraintComponent',
    shape: '<https://example.org/shapes#S>',
    ...(path === undefined ? {} : { path }),
    recordKind,
    count: 3,
    records: 2,
    message,
  };
}

describe('generalizeGroupMessage', () => {
  it('replaces the record, a distribution and its value', () => {
    const message =
      'dcat:Distribution http://p/datasets/5459?resource_id=4961 of dataset «Consommation – Niort 2020» (http://p/datasets/5459): dct:license <https://www.etalab.gouv.fr/licence-ouverte-open-licence> is not a dct:LicenseDocument; fix: type it `a dct:LicenseDocument` (or a subclass)';
    expect(generalizeGroupMessage(group(message, 'dct:license'))).toBe(
      `dcat:Distribution … of ${R}: dct:license … is not a dct:LicenseDocument; fix: type it \`a dct:LicenseDocument\` (or a subclass)`,
    );
  });

  it('keeps a blank node focus and messages without a value', () => {
    expect(
      generalizeGroupMessage(
        group(
          'spdx:Checksum (blank node) of dataset «Bus» (http://p/d/1) has no spdx:algorithm (recommended, at least 1); fix: add spdx:algorithm',
          'spdx:algorithm',
        ),
      ),
    ).toBe(
      `spdx:Checksum (blank node) of ${R} has no spdx:algorithm (recommended, at least 1); fix: add spdx:algorithm`,
    );
    expect(
      generalizeGroupMessage(
        group(
          'dataset http://p/d/1 has more than 1 dct:publisher (at most 1); fix: keep one',
          'dct:publisher',
        ),
      ),
    ).toBe(`${R} has more than 1 dct:publisher (at most 1); fix: keep one`);
    expect(
      generalizeGroupMessage(
        group('dataset http://p/d/1: dct:issued "2020-13-01" does not match ^\\d', 'dct:issued'),
      ),
    ).toBe(`${R}: dct:issued … does not match ^\\d`);
  });

  it('names records of other kinds without a placeholder', () => {
    expect(
      generalizeGroupMessage(
        group(
          'service «API» (a blank node): dct:license <http://x> is not a dct:LicenseDocument',
          'dct:license',
          'service',
        ),
      ),
    ).toBe('service …: dct:license … is not a dct:LicenseDocument');
  });

  it('survives hostile titles and keeps messages of another form as they are', () => {
    const title = 'Jeu «Adresses» (BAN) 2020 » (x) \u0001I';
    const out = generalizeGroupMessage(
      group(`dataset «${title}» (http://p/d/1) has no dct:title`, 'dct:title'),
    );
    expect(out).toBe(`${R} has no dct:title`);
    // A title made to look like the end of a description is cut there: shown oddly, never run.
    const evil = 'dataset «A» (http://evil) B» (http://p/d/1) has no dct:title';
    expect(generalizeGroupMessage(group(evil, 'dct:title'))).toBe(
      `${R} B» (http://p/d/1) has no dct:title`,
    );
    expect(generalizeGroupMessage(group('custom shape message \u0001T', 'dct:title'))).toBe(
      'custom shape message T',
    );
  });
});
