import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TABLE_END, API_TABLE_START, restRoutesTable, withRestRoutesTable } from './docs.ts';
import { openApiPath } from './meta.ts';
import { restRoutes } from './procedures.ts';

describe("README's endpoint table", () => {
  it('is the one the procedures declare (run `pnpm docs:api` after changing a route)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withRestRoutesTable(readme));
  });

  it('has one row per endpoint, naming its method, path, who may call it and its summary', () => {
    const table = restRoutesTable();
    for (const r of restRoutes) {
      const path = openApiPath(r.path);
      const row = table.split('\n').find((line) => line.startsWith(`| \`${r.method} ${path}\` |`));
      expect(row, `${r.method} ${path}`).toBeDefined();
      expect(row).toContain(r.summary.replace(/\|/g, '\\|'));
    }
    expect(table.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(restRoutes.length);
  });

  it('says who may call in words, and refuses a README without its markers', () => {
    const table = restRoutesTable();
    expect(table).toContain('| `POST /auth/register` | anyone |');
    expect(table).toContain('| `GET /users` | admin |');
    expect(table).toContain('| `GET /users/{id}` | owner or admin |');
    expect(() => withRestRoutesTable('# no markers')).toThrow(/markers/);
    expect(withRestRoutesTable(`a\n${API_TABLE_START}\nold\n${API_TABLE_END}\nb`, 'T')).toBe(
      `a\n${API_TABLE_START}\nT\n${API_TABLE_END}\nb`,
    );
  });
});
