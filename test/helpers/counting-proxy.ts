// A loopback HTTP proxy in front of a test server that records when each request starts and how many are in flight.
import { createServer, type Server } from 'node:http';
import { request } from 'undici';

export interface CountingProxy {
  url: string;
  /** Start times (ms, performance.now()) of every request, in arrival order. */
  starts: number[];
  /** Path and query of every request, in arrival order. */
  paths: string[];
  /** The most requests in flight at once. */
  maxInFlight(): number;
  /** Forgets the requests seen so far. */
  reset(): void;
  close(): Promise<void>;
}

/** Forwards every request to `target` (same path and query), holding it `holdMs` longer. */
export async function startCountingProxy(target: string, holdMs = 0): Promise<CountingProxy> {
  const starts: number[] = [];
  const paths: string[] = [];
  let inFlight = 0;
  let max = 0;
  const origin = new URL(target).origin;
  const server: Server = createServer((req, res) => {
    starts.push(performance.now());
    paths.push(req.url ?? '/');
    inFlight += 1;
    max = Math.max(max, inFlight);
    const done = () => {
      inFlight -= 1;
    };
    void (async () => {
      try {
        const upstream = await request(origin + (req.url ?? '/'), {
          headers: { accept: req.headers.accept ?? '*/*' },
        });
        const body = Buffer.from(await upstream.body.arrayBuffer());
        if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(upstream.headers))
          if (typeof v === 'string' && !/^(content-length|transfer-encoding|connection)$/i.test(k))
            headers[k] = v.replaceAll(origin, `http://127.0.0.1:${port()}`);
        const text = body.toString('utf8').replaceAll(origin, `http://127.0.0.1:${port()}`);
        res.writeHead(upstream.statusCode, headers);
        res.end(text, done);
      } catch (error) {
        res.writeHead(502).end(String(error), done);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = () => (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port()}`,
    starts,
    paths,
    maxInFlight: () => max,
    reset: () => {
      starts.length = 0;
      paths.length = 0;
      max = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
