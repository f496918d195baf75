// Starts the real server on 127.0.0.1, port 0, for a test file; closes it after.
import { createServer, type DcatServer, type ServeOptions } from '../../src/serve/server.js';
import { openApiDocument } from '../../src/serve/openapi.js';
import { openApiChecker } from './openapi-check.js';

export interface Started {
  server: DcatServer;
  base: string;
  api: ReturnType<typeof openApiChecker>;
}

export async function startServer(options: ServeOptions = {}): Promise<Started> {
  const server = await createServer({ rateLimit: 0, ...options });
  const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return { server, base, api: openApiChecker(openApiDocument(), base) };
}
