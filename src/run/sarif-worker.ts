// **sarif-worker** is the thread that writes a run's SARIF file (see `writeSarifFile`).
import { writeSarifHere, type SarifJob } from './sarif-file.js';

/** Writes the SARIF file the job names. */
export default function writeSarif(job: SarifJob): void {
  writeSarifHere(job);
}
