// A diff in a child process, for the test that bounds its heap: `node --import tsx
// test/diff/diff-child.ts <before> <after>`; prints the diff's findings as JSON on stdout.
import { diffRuns } from '../../src/diff/diff.js';

const [before, after] = process.argv.slice(2);
const diff = await diffRuns(before as string, after as string, { limit: 5 });
process.stdout.write(JSON.stringify({ findings: diff.findings }));
