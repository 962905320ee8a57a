import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendToJournal, createJournalReader, journalPath } from './invalidation-journal';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function follow(path: string, options?: { reset?: boolean; watch?: boolean }) {
  const applied: string[][] = [];
  const reader = createJournalReader(path, (tags) => applied.push(tags), options);
  return { applied, catchUp: () => reader.catchUp(), close: () => reader.close() };
}

/** Lets the event loop deliver the file system's change notices. */
const noticesDelivered = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('invalidation journal (a tool’s invalidate reaching the server without Redis)', () => {
  it('hands the server each invalidation a tool appended since its last request, once', async () => {
    const path = journalPath(join(dir, 'media-a'));
    const server = follow(path, { reset: true });
    server.catchUp();
    expect(server.applied).toEqual([]);

    await appendToJournal(['home', 'article:7'], path);
    await appendToJournal(['redirects'], path);
    server.catchUp();
    expect(server.applied).toEqual([['home', 'article:7'], ['redirects']]);
    server.catchUp();
    expect(server.applied).toHaveLength(2);
  });

  it('ignores what was written before the server started, and empties the journal then', async () => {
    const path = journalPath(join(dir, 'media-b'));
    await appendToJournal(['home'], path);
    const server = follow(path, { reset: true });
    await appendToJournal(['feeds'], path);
    server.catchUp();
    expect(server.applied).toEqual([['feeds']]);
  });

  it('waits for a line a tool is still writing, and skips one that is not an invalidation', () => {
    mkdirSync(join(dir, 'media-c'));
    const path = journalPath(join(dir, 'media-c'));
    writeFileSync(path, '');
    const server = follow(path);
    appendFileSync(path, '{"tags":["tag:3"]}\n{"tags":["art');
    server.catchUp();
    expect(server.applied).toEqual([['tag:3']]);
    appendFileSync(path, 'icle:9"]}\nnot json\n{"tags":["home"]}\n');
    server.catchUp();
    expect(server.applied).toEqual([['tag:3'], ['article:9'], ['home']]);
  });

  it('starts over when the journal is replaced', async () => {
    const path = journalPath(join(dir, 'media-d'));
    await appendToJournal(['a', 'b', 'c', 'd', 'e'], path);
    const server = follow(path);
    writeFileSync(`${path}.new`, '{"tags":["nav"]}\n');
    renameSync(`${path}.new`, path);
    server.catchUp();
    expect(server.applied).toEqual([['nav']]);
  });

  it('when watching, reads the journal once the file system reports a tool\'s append, including the first one that creates it', async () => {
    const path = journalPath(join(dir, 'media-e'));
    const server = follow(path, { watch: true });
    try {
      server.catchUp();
      appendFileSync(path, '{"tags":["home"]}\n');
      await noticesDelivered();
      server.catchUp();
      expect(server.applied).toEqual([['home']]);
      await appendToJournal(['tag:4'], path);
      await noticesDelivered();
      server.catchUp();
      server.catchUp();
      expect(server.applied).toEqual([['home'], ['tag:4']]);
      writeFileSync(`${path}.new`, '{"tags":["nav"]}\n');
      renameSync(`${path}.new`, path);
      await noticesDelivered();
      server.catchUp();
      expect(server.applied).toEqual([['home'], ['tag:4'], ['nav']]);
    } finally {
      server.close();
    }
  });
});
