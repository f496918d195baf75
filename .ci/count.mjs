// Prints "<passed> <failed>" for a vitest JSON report; a test file that failed to load counts as one failure.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const brokenFiles = report.testResults.filter(
  (file) => file.status === 'failed' && file.assertionResults.length === 0,
).length;
console.log(`${report.numPassedTests} ${report.numFailedTests + brokenFiles}`);
