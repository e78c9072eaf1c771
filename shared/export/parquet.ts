/** The Parquet encoder (hyparquet-writer), loaded only when a Parquet export is asked for (see formats.ts). */
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { ColumnType } from './tables.ts';
import { ROW_GROUP, inBatches, type ColumnSpec, type Rows } from './formats.ts';

const PARQUET_TYPES: Record<ColumnType, Omit<SchemaElement, 'name'>> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
  integer: { type: 'INT64', repetition_type: 'OPTIONAL' },
  number: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
};

/** A Parquet byte sink that hands over what it holds after each row group (the writer calls flush). */
class ChunkWriter extends ByteWriter {
  private chunks: Uint8Array[] = [];
  flush(): void {
    this.chunks.push(this.getBytes().slice());
    this.index = 0;
  }
  finish(): void {
    this.flush();
  }
  take(): Uint8Array[] {
    const out = this.chunks;
    this.chunks = [];
    return out;
  }
}

export async function* encodeParquetRows(columns: ColumnSpec[], rows: Rows): AsyncGenerator<Uint8Array> {
  const sink = new ChunkWriter();
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...PARQUET_TYPES[c.type] }))];
  const writer = new ParquetWriter({ writer: sink, schema, createdBy: 'quotedesk export' });
  for await (const batch of inBatches(rows, ROW_GROUP)) {
    const columnData = columns.map((column, i) => ({
      name: column.name,
      data: batch.map((row) => (column.type === 'integer' && row[i] !== null ? BigInt(row[i] as number) : row[i])),
    }));
    await writer.write({ columnData, rowGroupSize: ROW_GROUP });
    yield* sink.take();
  }
  await writer.finish();
  yield* sink.take();
}
