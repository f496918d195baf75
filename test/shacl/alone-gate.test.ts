import { describe, expect, it } from 'vitest';
import { AloneGate } from '../../src/shacl/alone-gate.js';

/** A task that logs its start and end, and ends when told. */
function task(log: string[], name: string) {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  return {
    end,
    run: async () => {
      log.push(`${name}+`);
      await ended;
      log.push(`${name}-`);
      return name;
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AloneGate', () => {
  it('runs ordinary tasks side by side and a large one with none beside it', async () => {
    const gate = new AloneGate();
    const log: string[] = [];
    const [a, b, large, c] = ['a', 'b', 'L', 'c'].map((name) => task(log, name));
    const done = [
      gate.run(false, a!.run),
      gate.run(false, b!.run),
      gate.run(true, large!.run),
      gate.run(false, c!.run), // came after the large one: waits for it
    ];
    await tick();
    expect(log).toEqual(['a+', 'b+']);
    a!.end();
    await tick();
    expect(log).toEqual(['a+', 'b+', 'a-']); // b still runs: the large one waits
    b!.end();
    await tick();
    expect(log).toEqual(['a+', 'b+', 'a-', 'b-', 'L+']);
    large!.end();
    await tick();
    expect(log.slice(5)).toEqual(['L-', 'c+']);
    c!.end();
    expect(await Promise.all(done)).toEqual(['a', 'b', 'L', 'c']);
  });

  it('lets the next task in when one fails', async () => {
    const gate = new AloneGate();
    await expect(
      gate.run(true, async () => {
        throw new Error('worker died');
      }),
    ).rejects.toThrow('worker died');
    expect(await gate.run(false, async () => 'next')).toBe('next');
    expect(await gate.run(true, async () => 'alone again')).toBe('alone again');
  });
});
