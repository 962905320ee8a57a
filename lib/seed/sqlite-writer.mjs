// Worker thread that writes seed batches to SQLite while the main thread generates the next one.
// Plain JavaScript so it loads the same way under tsx, Vitest and plain Node.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const database = new Database(workerData.file, { timeout: 30_000 });
database.pragma('journal_mode = WAL');
// Losing the last batches to a power cut only means re-running the seed.
database.pragma('synchronous = NORMAL');
database.pragma('cache_size = -131072');
database.pragma('temp_store = MEMORY');

const statements = new Map();
const write = database.transaction((batch) => {
  for (const { sql, rows } of batch) {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = database.prepare(sql)));
    for (const row of rows) statement.run(row);
  }
});

parentPort.on('message', (message) => {
  if (message.close) {
    database.close();
    parentPort.postMessage({ id: message.id });
    return;
  }
  try {
    // BEGIN IMMEDIATE: take the write lock up front instead of failing half-way on upgrade.
    write.immediate(message.batch);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: error.message, code: error.code } });
  }
});
