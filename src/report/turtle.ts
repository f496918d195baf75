// **turtle** renders a run as a standard sh:ValidationReport in Turtle.
import { Writer } from 'n3';
import { PREFIXES } from '../vocab.js';
import type { Renderer } from './renderer.js';
import { reportQuads } from './shacl-report.js';

export const turtleRenderer: Renderer = {
  id: 'turtle',
  description: 'a SHACL sh:ValidationReport in Turtle',
  extension: 'ttl',
  render(run) {
    const writer = new Writer({ prefixes: { sh: PREFIXES.sh, xsd: PREFIXES.xsd } });
    writer.addQuads(reportQuads(run));
    let out = '';
    writer.end((error, text) => {
      if (error) throw error;
      out = text;
    });
    return out;
  },
};
