// **link-limits** bounds URL checks: a global slot count, slots per host and a per-host start rate.

/** A counting semaphore. */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}

/** Spaces the starts of requests to one host so that at most `rate` start per second. */
export class HostPacer {
  private next = 0;
  constructor(private readonly rate: number | undefined) {}

  async wait(): Promise<void> {
    if (this.rate === undefined || !(this.rate > 0)) return;
    const now = Date.now();
    const slot = Math.max(now, this.next);
    this.next = slot + 1000 / this.rate;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}

/** The host of a URL for grouping, or `''` when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
