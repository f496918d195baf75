// **portal** knows what a portal's export never emits, so those losses are shown apart from the publishers'.
import type { DatasetMeasurement } from './measure.js';

/** A portal software whose DCAT export has known gaps. */
export interface PortalProfile {
  id: string;
  label: string;
  /** Indicators the export can never pass, whatever the publisher does. */
  neverEmits: readonly string[];
  /** What the export also lacks but the MQA does not score, for the report's notes. */
  notes: readonly string[];
}

/** The known portal profiles, keyed by id. */
export const PORTAL_PROFILES: Readonly<Record<string, PortalProfile>> = {
  udata: {
    id: 'udata',
    label: 'udata (data.gouv.fr and other udata portals)',
    neverEmits: ['categoryAvailability', 'spatialAvailability'],
    notes: [
      'udata never exports dcat:theme or dct:spatial: the categories (30) and geo search (20) points are lost by the portal export, not by publishers',
      'udata never exports a dataset-level dct:license or dct:language either; the MQA does not score them (licences are measured on distributions)',
    ],
  },
};

/** What `--portal-profile` accepts: a profile id, `auto` (detect) or `none`. */
export type PortalChoice = 'auto' | 'none' | keyof typeof PORTAL_PROFILES;

const UDATA_DATASET = /\/datasets\/[0-9a-f]{24}(?:[/?#]|$)/;
/** Distribution IRIs (`?resource_id=`, older `#resource-`) and access URLs (`/datasets/r/<uuid>`). */
const UDATA_RESOURCE =
  /[?&]resource_id=[0-9a-f-]{36}|#resource-[0-9a-f-]{36}|\/datasets\/r\/[0-9a-f-]{36}/;

/** True when a dataset looks exported by udata (ObjectId dataset IRIs, resource_id distributions). */
export function looksLikeUdata(m: DatasetMeasurement): boolean {
  if (UDATA_DATASET.test(m.id)) return true;
  return m.distributions.some(
    (d) => UDATA_RESOURCE.test(d.id) || d.accessUrls.some((u) => UDATA_RESOURCE.test(u)),
  );
}

/** Counts datasets per portal guess; `decide` picks the profile once everything is seen. */
export class PortalDetector {
  private udata = 0;
  private total = 0;

  add(m: DatasetMeasurement): void {
    this.count(looksLikeUdata(m));
  }

  /** Counts a dataset already judged (udata-like or not). */
  count(udata: boolean): void {
    this.total += 1;
    if (udata) this.udata += 1;
  }

  /** The profile: the one asked for, or under `auto` udata when most datasets look like udata. */
  decide(choice: PortalChoice = 'auto'): PortalProfile | undefined {
    if (choice === 'none') return undefined;
    if (choice !== 'auto') return PORTAL_PROFILES[choice];
    return this.total > 0 && this.udata * 2 > this.total ? PORTAL_PROFILES.udata : undefined;
  }
}
