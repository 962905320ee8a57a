import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('configuration', () => {
  it('defaults to the embedded SQLite database on port 3000', () => {
    const config = parseConfig({});
    expect(config.DATABASE_URL).toBe('file:./data/broadsheet.db');
    expect(config.databaseProvider).toBe('sqlite');
    expect(config.PORT).toBe(3000);
    expect(config.SITE_URL).toBe('http://localhost:3000');
  });

  it('recognises PostgreSQL and trims a trailing slash from SITE_URL', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://root@localhost/news', SITE_URL: 'https://news.example.org/' });
    expect(config.databaseProvider).toBe('postgresql');
    expect(config.SITE_URL).toBe('https://news.example.org');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/news'],
    ['SITE_URL', 'news.example.org'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['CACHE_MAX_MB', '-5'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    let error: unknown;
    try {
      parseConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message).toContain(JSON.stringify(value));
    expect(message.split('\n')).toHaveLength(1);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ REDIS_URL: '', PORT: '' }).REDIS_URL).toBeUndefined();
  });
});
