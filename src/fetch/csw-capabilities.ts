// **csw-capabilities** reads what a CSW 2.0.2 GetCapabilities response says of GetRecords: its GET and POST URLs and output schemas.

/** What a harvest needs from the capabilities. */
export interface CswCapabilities {
  /** GetRecords by GET (`ows:DCP/ows:HTTP/ows:Get/@xlink:href`). */
  get?: string;
  /** GetRecords by POST. */
  post?: string;
  /** `outputSchema` values GetRecords accepts. */
  outputSchemas: string[];
}

/** Whether an XML text is a CSW capabilities document (its root is `Capabilities`). */
export function isCswCapabilities(head: string): boolean {
  const root = /<(?![?!])([\w.-]+:)?([\w.-]+)/.exec(head.replace(/<!--[\s\S]*?-->/g, ''));
  return root?.[2] === 'Capabilities' && head.includes('http://www.opengis.net/cat/csw/2.0.2');
}

/** Reads the GetRecords operation of a capabilities document (undefined fields when absent). */
export function readCapabilities(xml: string): CswCapabilities {
  const operation =
    /<(?:[\w.-]+:)?Operation\b[^>]*\bname\s*=\s*["']GetRecords["'][^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?Operation>/.exec(
      xml,
    )?.[1] ?? '';
  const href = (method: string) =>
    new RegExp(`<(?:[\\w.-]+:)?${method}\\b[^>]*\\bhref\\s*=\\s*["']([^"']+)["']`).exec(
      operation,
    )?.[1];
  const schemas =
    /<(?:[\w.-]+:)?Parameter\b[^>]*\bname\s*=\s*["']outputSchema["'][^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?Parameter>/i.exec(
      operation,
    )?.[1] ?? '';
  const outputSchemas = [...schemas.matchAll(/<(?:[\w.-]+:)?Value\b[^>]*>([^<]*)</g)].map((m) =>
    (m[1] ?? '').trim(),
  );
  const get = href('Get')?.replace(/&amp;/g, '&');
  const post = href('Post')?.replace(/&amp;/g, '&');
  return {
    ...(get ? { get } : {}),
    ...(post ? { post } : {}),
    outputSchemas,
  };
}
