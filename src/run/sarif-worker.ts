// **sarif-worker** is the thread that writes a run's SARIF file (see `writeSarifFile`).
import { writeSarifHere, type SarifJob } from './sarif-file.js';

/** Writes the SARIF file the job names. */
export default async function writeSarif(job: SarifJob): Promise<void> {
  await writeSarifHere(job);
}
