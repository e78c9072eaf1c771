/**
 * dynalite 4 reads LevelDB through streams over abstract-level iterators and, when a stream closes, ends
 * its iterator with `iterator.return()`, which abstract-level iterators do not have: no iterator is ever
 * closed. Each stays attached to the database with the items it read ahead, so every Query, Scan and
 * GetItem kept about 11 KB on the heap for good (1 GB of the local stack's growth under load). The streams
 * are rebuilt here the same way, closing their iterator. Applied to every store dynalite creates.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';

interface LevelIterator {
  next(): Promise<unknown>;
  close(): Promise<void>;
}
interface LevelDb {
  keys(options: unknown): LevelIterator;
  values(options: unknown): LevelIterator;
  createKeyStream(options: unknown): Readable;
  createValueStream(options: unknown): Readable;
}

function streamOf(iterator: LevelIterator): Readable {
  return new Readable({
    objectMode: true,
    read() {
      iterator.next().then((value) => this.push(value === undefined ? null : value), (error: Error) => this.destroy(error));
    },
    destroy(error, callback) {
      iterator.close().then(() => callback(error), () => callback(error));
    },
  });
}

let patched = false;

/** Make dynalite's stores close their iterators (idempotent; call before starting dynalite). */
export function closeDynaliteIterators(): void {
  if (patched) return;
  patched = true;
  const db = createRequire(import.meta.url)('dynalite/db') as { create: (options: unknown) => { db: LevelDb } };
  const create = db.create;
  db.create = (options) => {
    const store = create(options);
    store.db.createKeyStream = (options) => streamOf(store.db.keys(options));
    store.db.createValueStream = (options) => streamOf(store.db.values(options));
    return store;
  };
}
