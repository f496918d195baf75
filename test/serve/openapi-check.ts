// Calls a real server and checks each request and response against the OpenAPI document.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

/** A call as the API saw it, for the "every operation exercised" check. */
export interface Call {
  method: string;
  template: string;
  status: number;
}

export interface CheckedResponse {
  status: number;
  headers: Headers;
  text: string;
  bytes: Buffer;
  json(): unknown;
}

function templateOf(doc: Json, path: string): string | undefined {
  for (const template of Object.keys(doc.paths as Json)) {
    const pattern = new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$');
    if (pattern.test(path)) return template;
  }
  return undefined;
}

/** A checker bound to one document and one server. */
export function openApiChecker(doc: Json, base: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: doc.components }, 'openapi.json');
  const compile = (schema: unknown) =>
    ajv.compile(
      JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')),
    );
  const calls: Call[] = [];
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };

  async function call(
    method: string,
    pathAndQuery: string,
    init: { headers?: Record<string, string>; body?: string | Buffer | FormData } = {},
  ): Promise<CheckedResponse> {
    const url = new URL(pathAndQuery, base);
    const template = templateOf(doc, url.pathname);
    const operation = template
      ? ((doc.paths as Json)[template] as Json)[method.toLowerCase()]
      : undefined;
    const where = `${method} ${url.pathname}`;
    check(operation !== undefined, `${where}: not in the OpenAPI document`);
    const op = (operation ?? {}) as Json;
    // The request: its content type is declared, a JSON body and the query parameters are valid.
    const contentType = init.headers?.['content-type']?.split(';')[0];
    /** A request the document calls invalid must be refused with 400. */
    let requestValid = true;
    if (init.body !== undefined && contentType) {
      const content = ((op.requestBody as Json | undefined)?.content ?? {}) as Json;
      if (!(contentType in content)) requestValid = false;
      const schema = (content[contentType] as Json | undefined)?.schema;
      if (contentType === 'application/json' && schema) {
        try {
          requestValid = compile(schema)(JSON.parse(String(init.body))) as boolean;
        } catch {
          requestValid = false;
        }
      }
    }
    for (const [name, value] of url.searchParams) {
      const param = ((op.parameters ?? []) as Json[]).find(
        (p) => p.name === name && p.in === 'query',
      );
      check(param !== undefined, `${where}: query parameter ${name} not declared`);
      if (param)
        check(
          compile(param.schema).call(null, value) as boolean,
          `${where}: ${name}=${value} invalid`,
        );
    }
    const response = await fetch(url, {
      method,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.body !== undefined ? { body: init.body } : {}),
      redirect: 'manual',
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    // The response: its status and type are declared, a JSON body fits the schema.
    const responses = (op.responses ?? {}) as Json;
    const declared = responses[String(response.status)] as Json | undefined;
    check(declared !== undefined, `${where}: status ${response.status} not declared`);
    const type = response.headers.get('content-type')?.split(';')[0] ?? '';
    const content = (declared?.content ?? {}) as Json;
    check(type in content, `${where}: ${response.status} ${type} not declared`);
    const schema = (content[type] as Json | undefined)?.schema;
    if (schema && /json$/.test(type)) {
      const validate = compile(schema);
      const ok = validate(JSON.parse(text));
      check(
        ok as boolean,
        `${where}: ${response.status} body invalid: ${ajv.errorsText(validate.errors)}`,
      );
    }
    check(
      requestValid || [400, 404, 413, 415].includes(response.status),
      `${where}: a request the document rejects was answered ${response.status}`,
    );
    if (response.status === 429)
      check(response.headers.get('retry-after') !== null, `${where}: 429 without Retry-After`);
    if (template) calls.push({ method, template, status: response.status });
    return {
      status: response.status,
      headers: response.headers,
      text,
      bytes,
      json: () => JSON.parse(text),
    };
  }

  /** Operations of the document no call exercised. */
  function unexercised(): string[] {
    const out: string[] = [];
    for (const [template, item] of Object.entries(doc.paths as Json))
      for (const method of Object.keys(item as Json))
        if (!calls.some((c) => c.template === template && c.method.toLowerCase() === method))
          out.push(`${method.toUpperCase()} ${template}`);
    return out;
  }

  return { call, calls, problems, unexercised };
}
