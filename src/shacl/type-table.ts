// **type-table** keeps the rdf:types of every record of a run, each type IRI stored once.
import { ownString } from '../own-string.js';

/**
 * The rdf:types of every record over all pages: one entry per record (74,200 datasets at
 * data.gouv.fr's size), each type IRI stored once however many records have it.
 */
export class TypeTable {
  private readonly names = new Map<string, string>();
  private readonly byNode = new Map<string, string | string[]>();

  add(node: string, type: string): void {
    let name = this.names.get(type);
    if (name === undefined) this.names.set((name = ownString(type)), name);
    const known = this.byNode.get(node);
    if (known === undefined) this.byNode.set(ownString(node), name);
    else if (typeof known === 'string') {
      if (known !== name) this.byNode.set(node, [known, name]);
    } else if (!known.includes(name)) known.push(name);
  }

  of(node: string): readonly string[] {
    const known = this.byNode.get(node);
    return known === undefined ? [] : typeof known === 'string' ? [known] : known;
  }
}
