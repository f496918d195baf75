// **licences** lists the licences the "known licence" indicator accepts, with their IRIs.
//
// Sources (written by us): the EU Publications Office authority table "licence",
// http://publications.europa.eu/resource/authority/licence (codes such as CC_BY_4_0, CC_BYSA_4_0,
// CC0, ODC_BL = ODbL, ODC_BY, ODC_PDDL); the licence IRIs French portals (udata, data.gouv.fr)
// emit for Licence Ouverte / Etalab 1.0 and 2.0, ODbL, ODC-BY, PDDL and Creative Commons, taken
// from the licences' own pages (etalab.gouv.fr, opendatacommons.org, creativecommons.org).

/** The namespace of the EU licence authority table. */
export const LICENCE_NS = 'http://publications.europa.eu/resource/authority/licence/';

/** One known licence and the IRIs that name it. */
export interface KnownLicence {
  /** Our id: the EU code when the EU table has one, else a short name. */
  id: string;
  label: string;
  /** The EU licence table entry, when there is one. */
  eu?: string;
  /** Other IRIs naming the same licence (portal licence pages, SPDX, Creative Commons). */
  iris: string[];
}

const CC = 'creativecommons.org/licenses/';
const cc = (path: string): string[] => [`http://${CC}${path}/`, `https://${CC}${path}/`];

/** The known licences: the EU table's common entries plus those of French portals. */
export const KNOWN_LICENCES: readonly KnownLicence[] = [
  { id: 'CC_BY_4_0', label: 'CC BY 4.0', eu: 'CC_BY_4_0', iris: cc('by/4.0') },
  { id: 'CC_BY_3_0', label: 'CC BY 3.0', eu: 'CC_BY_3_0', iris: cc('by/3.0') },
  { id: 'CC_BY_2_5', label: 'CC BY 2.5', eu: 'CC_BY_2_5', iris: cc('by/2.5') },
  { id: 'CC_BY_2_0', label: 'CC BY 2.0', eu: 'CC_BY_2_0', iris: cc('by/2.0') },
  { id: 'CC_BYSA_4_0', label: 'CC BY-SA 4.0', eu: 'CC_BYSA_4_0', iris: cc('by-sa/4.0') },
  { id: 'CC_BYSA_3_0', label: 'CC BY-SA 3.0', eu: 'CC_BYSA_3_0', iris: cc('by-sa/3.0') },
  { id: 'CC_BYNC_4_0', label: 'CC BY-NC 4.0', eu: 'CC_BYNC_4_0', iris: cc('by-nc/4.0') },
  { id: 'CC_BYND_4_0', label: 'CC BY-ND 4.0', eu: 'CC_BYND_4_0', iris: cc('by-nd/4.0') },
  { id: 'CC_BYNCSA_4_0', label: 'CC BY-NC-SA 4.0', eu: 'CC_BYNCSA_4_0', iris: cc('by-nc-sa/4.0') },
  { id: 'CC_BYNCND_4_0', label: 'CC BY-NC-ND 4.0', eu: 'CC_BYNCND_4_0', iris: cc('by-nc-nd/4.0') },
  {
    id: 'CC0',
    label: 'CC0 1.0',
    eu: 'CC0',
    iris: [
      'http://creativecommons.org/publicdomain/zero/1.0/',
      'https://creativecommons.org/publicdomain/zero/1.0/',
    ],
  },
  {
    id: 'CC_PDM_1_0',
    label: 'Public Domain Mark 1.0',
    eu: 'CC_PDM_1_0',
    iris: ['https://creativecommons.org/publicdomain/mark/1.0/'],
  },
  {
    id: 'ODC_BL',
    label: 'ODbL 1.0',
    eu: 'ODC_BL',
    iris: [
      'http://opendatacommons.org/licenses/odbl/',
      'https://opendatacommons.org/licenses/odbl/',
      'http://opendatacommons.org/licenses/odbl/1.0/',
      'https://opendatacommons.org/licenses/odbl/1-0/',
      'http://opendatacommons.org/licenses/odbl/summary/',
      'https://spdx.org/licenses/ODbL-1.0.html',
    ],
  },
  {
    id: 'ODC_BY',
    label: 'ODC-BY 1.0',
    eu: 'ODC_BY',
    iris: [
      'http://opendatacommons.org/licenses/by/',
      'https://opendatacommons.org/licenses/by/',
      'http://opendatacommons.org/licenses/by/summary/',
      'https://opendatacommons.org/licenses/by/1-0/',
    ],
  },
  {
    id: 'ODC_PDDL',
    label: 'PDDL 1.0',
    eu: 'ODC_PDDL',
    iris: [
      'http://opendatacommons.org/licenses/pddl/',
      'https://opendatacommons.org/licenses/pddl/',
      'http://opendatacommons.org/licenses/pddl/summary/',
      'https://opendatacommons.org/licenses/pddl/1-0/',
    ],
  },
  { id: 'OGL_3_0', label: 'OGL 3.0', eu: 'OGL_3_0', iris: [] },
  { id: 'EUPL_1_2', label: 'EUPL 1.2', eu: 'EUPL_1_2', iris: [] },
  { id: 'COM_REUSE', label: 'Commission reuse notice', eu: 'COM_REUSE', iris: [] },
  {
    id: 'ETALAB_2_0',
    label: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
    iris: [
      'https://www.etalab.gouv.fr/licence-ouverte-open-licence',
      'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
      'https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf',
      'https://spdx.org/licenses/etalab-2.0.html',
      'http://spdx.org/licenses/etalab-2.0',
    ],
  },
  {
    id: 'ETALAB_1_0',
    label: 'Licence Ouverte / Open Licence 1.0 (Etalab)',
    iris: [
      'http://www.data.gouv.fr/Licence-Ouverte-Open-Licence',
      'https://www.data.gouv.fr/Licence-Ouverte-Open-Licence',
      'https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf',
    ],
  },
];

const BY_IRI = new Map<string, KnownLicence>();
for (const licence of KNOWN_LICENCES) {
  if (licence.eu !== undefined) {
    BY_IRI.set(normaliseIri(LICENCE_NS + licence.eu), licence);
  }
  for (const iri of licence.iris) BY_IRI.set(normaliseIri(iri), licence);
}

/** Case-folds scheme and host and drops a trailing slash, so near-identical IRIs match. */
function normaliseIri(iri: string): string {
  return iri
    .trim()
    .replace(/\/+$/, '')
    .replace(/^https?:\/\/(www\.)?/i, (m) => m.toLowerCase());
}

/**
 * Finds a known licence by IRI; any code in the EU licence namespace counts as known.
 *
 * @example
 * ```ts
 * import { findLicence } from 'dcat-harvest/audit';
 *
 * findLicence('https://creativecommons.org/licenses/by/4.0/')?.id; // 'CC_BY_4_0'
 * findLicence('https://example.org/my-licence'); // undefined
 * ```
 */
export function findLicence(iri: string): KnownLicence | undefined {
  const hit = BY_IRI.get(normaliseIri(iri));
  if (hit) return hit;
  for (const ns of [LICENCE_NS, LICENCE_NS.replace('http:', 'https:')]) {
    if (iri.startsWith(ns) && /^[A-Z0-9_.-]+$/i.test(iri.slice(ns.length))) {
      const code = iri.slice(ns.length);
      return { id: code, label: code, eu: code, iris: [] };
    }
  }
  return undefined;
}
