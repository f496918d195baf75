// **submissions** keeps submitted documents on disk for a while, so a result's downloads can be rendered.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormatId } from '../rdf/formats.js';
import type { IntakeDocument } from './document-intake.js';

/** What the user asked for: a check, a profile and level. */
export interface CheckRequest {
  profile?: string;
  level?: string;
}

/** A document stored for checking: `folder/name`, with its format and the request. */
export interface Submission extends CheckRequest {
  id: string;
  /** The folder holding the document (the `cwd` of the check). */
  folder: string;
  /** The document's file name inside the folder (its `source` in reports). */
  name: string;
  format: FormatId;
  /** The document's size, bytes (decompressed). */
  bytes: number;
  /** The URL it was fetched from, when it was. */
  url?: string;
  /** The user's own SHACL shapes, a file name in the folder (instead of a profile). */
  shapes?: string;
  createdAt: number;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Submissions under one folder; each forgotten (and deleted) `ttlMs` after it was stored. */
export class SubmissionStore {
  private readonly entries = new Map<string, Submission>();

  constructor(
    private readonly root: string,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Empties the folder (left-overs of an earlier server) and makes it. */
  async open(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
    await mkdir(this.root, { recursive: true });
  }

  /** Stores a document (and the user's shapes); old submissions are swept first. */
  async add(
    document: IntakeDocument,
    request: CheckRequest,
    url?: string,
    shapes?: IntakeDocument,
  ): Promise<Submission> {
    await this.sweep();
    const id = randomUUID();
    const folder = path.join(this.root, id);
    await mkdir(folder);
    await writeFile(path.join(folder, document.name), document.bytes);
    const shapesName = shapes ? `shapes-${shapes.name}` : undefined;
    if (shapes && shapesName) await writeFile(path.join(folder, shapesName), shapes.bytes);
    const submission: Submission = {
      id,
      folder,
      name: document.name,
      format: document.format,
      bytes: document.bytes.length,
      createdAt: this.now(),
      ...(request.profile === undefined ? {} : { profile: request.profile }),
      ...(request.level === undefined ? {} : { level: request.level }),
      ...(url === undefined ? {} : { url }),
      ...(shapesName === undefined ? {} : { shapes: shapesName }),
    };
    this.entries.set(id, submission);
    return submission;
  }

  /** The submission with this id, unless unknown or expired. */
  get(id: string): Submission | undefined {
    if (!ID.test(id)) return undefined;
    const entry = this.entries.get(id);
    if (!entry || this.now() - entry.createdAt > this.ttlMs) return undefined;
    return entry;
  }

  /** Deletes a submission now. */
  async remove(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    await rm(entry.folder, { recursive: true, force: true });
  }

  /** Deletes the expired submissions. */
  async sweep(): Promise<void> {
    for (const entry of [...this.entries.values()])
      if (this.now() - entry.createdAt > this.ttlMs) await this.remove(entry.id);
  }

  /** Deletes every submission and the folder. */
  async close(): Promise<void> {
    this.entries.clear();
    await rm(this.root, { recursive: true, force: true });
  }
}
