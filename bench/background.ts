// Benchmark helper: findings per constraint before and after, from two `validate --report text:…`
// reports of the same input (e.g. `--background classes` then `--background vocabularies`).
//   npx tsx bench/background.ts <before.txt> <after.txt>
// Prints a Markdown table of the groups whose counts differ, then the totals.
import { readFileSync } from 'node:fs';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  process.stderr.write('usage: npx tsx bench/background.ts <before.txt> <after.txt>\n');
  process.exit(2);
}

/** Group line of the text report: `✗ violation ×1200 in 1,000 dataset records: Class dct:language`. */
const GROUP = /^\S+ (violation|warning|info)\s+×(\d+) in [\d,]+ (\S+) records?: (.+)$/;

function groups(file: string): { groups: Map<string, number>; totals: string } {
  const out = new Map<string, number>();
  let totals = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = GROUP.exec(line);
    if (m) {
      const key = `${m[1]} | ${m[4]} | ${m[3]}`;
      out.set(key, (out.get(key) ?? 0) + Number(m[2]));
    } else if (/^[\d,]+ records?, /.test(line)) totals = line;
  }
  return { groups: out, totals };
}

const a = groups(before);
const b = groups(after);
const keys = [...new Set([...a.groups.keys(), ...b.groups.keys()])].sort();
const rows = keys
  .map((k) => [k, a.groups.get(k) ?? 0, b.groups.get(k) ?? 0] as const)
  .filter(([, x, y]) => x !== y);
process.stdout.write(
  '| severity | constraint | record kind | before | after |\n|---|---|---|---|---|\n',
);
for (const [k, x, y] of rows) {
  process.stdout.write(`| ${k} | ${x.toLocaleString('en')} | ${y.toLocaleString('en')} |\n`);
}
process.stdout.write(`\nbefore: ${a.totals}\nafter:  ${b.totals}\n`);
process.stdout.write(`${keys.length - rows.length} other groups unchanged\n`);
