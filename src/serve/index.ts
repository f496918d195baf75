// **dcat-harvest/serve**: the web validator and its REST API, as a Fastify server to embed.
export { createServer } from './server.js';
export type { DcatServer, ServeOptions } from './server.js';
export { openApiDocument } from './openapi.js';
export type { AccessKeys } from './access.js';
export type { AddressPolicy } from './address-guard.js';
export type { QueueUrl } from '../queue/connection.js';
export type { DimensionPoints, RunStatus, RunSummary, RunTrigger } from '../history/model.js';
