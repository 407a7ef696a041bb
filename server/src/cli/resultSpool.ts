/**
 * The results of a run, in file order, kept out of memory when there are many: past
 * IN_MEMORY_FILES files they go to a temporary file (structured clones, length-prefixed) that each
 * pass of a formatter reads anew, one file at a time. A check of 5,000 records then holds a file's
 * findings at a time instead of all 200,000. The temporary folder is removed by `dispose`.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileResult, FileResults } from './report';

/** Runs up to this many files stay in memory (no temporary file for the usual run). */
export const IN_MEMORY_FILES = 200;
/** Appends are gathered into writes of about this many bytes. */
const WRITE_BYTES = 1 << 20;

export class ResultSpool implements FileResults {
  private memory: FileResult[] | null = [];
  private folder: string | null = null;
  private fd: number | null = null;
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  length = 0;

  constructor(private readonly inMemoryFiles = IN_MEMORY_FILES) {}

  add(result: FileResult): void {
    this.length++;
    if (this.memory) {
      this.memory.push(result);
      if (this.memory.length <= this.inMemoryFiles) return;
      const held = this.memory;
      this.memory = null;
      this.folder = mkdtempSync(join(tmpdir(), 'ai-governance-results-'));
      this.fd = openSync(join(this.folder, 'results.bin'), 'w+');
      for (const r of held) this.append(r);
      return;
    }
    this.append(result);
  }

  private append(result: FileResult): void {
    const body = serialize(result);
    const head = Buffer.alloc(4);
    head.writeUInt32LE(body.length);
    this.pending.push(head, body);
    this.pendingBytes += 4 + body.length;
    if (this.pendingBytes >= WRITE_BYTES) this.flush();
  }

  private flush(): void {
    if (this.fd === null || this.pendingBytes === 0) return;
    const chunk = Buffer.concat(this.pending, this.pendingBytes);
    let done = 0;
    while (done < chunk.length) done += writeSync(this.fd, chunk, done, chunk.length - done, this.written + done);
    this.written += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private readAt(position: number, length: number): Buffer {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd as number, buffer, done, length - done, position + done);
      if (n === 0) throw new Error('the results file ended early');
      done += n;
    }
    return buffer;
  }

  *[Symbol.iterator](): Iterator<FileResult> {
    if (this.memory) {
      yield* this.memory;
      return;
    }
    this.flush();
    let position = 0;
    while (position < this.written) {
      const length = this.readAt(position, 4).readUInt32LE(0);
      yield deserialize(this.readAt(position + 4, length)) as FileResult;
      position += 4 + length;
    }
  }

  dispose(): void {
    if (this.fd !== null) closeSync(this.fd);
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.fd = null;
    this.folder = null;
  }
}

/** The files as a formatter should see them, each changed by `view` as it is read (no copy kept). */
export function mapped(files: FileResults, view: (file: FileResult) => FileResult): FileResults {
  return {
    length: files.length,
    *[Symbol.iterator]() {
      for (const file of files) yield view(file);
    },
  };
}
