/**
 * The README's endpoint table, written from the procedures' REST declarations so a new endpoint
 * documents itself: `pnpm docs:api` rewrites the part of README.md between the markers below, and
 * a test fails when the README no longer matches (docs.test.ts).
 */
import { type Access, type HttpMethod, openApiPath, REST_TAGS } from './meta.ts';
import { type RestRoute, restRoutes } from './procedures.ts';

export const API_TABLE_START =
  '<!-- api-table:start (written by `pnpm docs:api` from the procedures; do not edit) -->';
export const API_TABLE_END = '<!-- api-table:end -->';

/** Who may call, in the words of a reader rather than of the code. */
const WHO: Record<Access, string> = {
  public: 'anyone',
  private: 'logged in',
  admin: 'admin',
  'owner or admin': 'owner or admin',
  'admin, or the owner of a private one': 'admin; a private one: its owner too',
  'owner (admins: 403)': 'owner only',
};

/** The order a reader expects the methods of one path in. */
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Markdown table cells cannot hold a bare `|`. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The table: one row per endpoint, grouped by tag in REST_TAGS order, then by path. */
export function restRoutesTable(routes: readonly RestRoute[] = restRoutes): string {
  const lines = ['| endpoint (under `/api`) | who may call | what it does |', '|---|---|---|'];
  for (const tag of REST_TAGS) {
    const tagged = routes
      .filter((r) => r.tag === tag)
      .sort((a, b) => a.path.localeCompare(b.path) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method));
    if (tagged.length === 0) continue;
    lines.push(`| **${tag}** | | |`);
    for (const r of tagged) {
      lines.push(`| \`${r.method} ${openApiPath(r.path)}\` | ${WHO[r.access]} | ${cell(r.summary)} |`);
    }
  }
  return lines.join('\n');
}

/** `readme` with the text between the markers replaced by the table; throws when a marker is missing. */
export function withRestRoutesTable(readme: string, table = restRoutesTable()): string {
  const start = readme.indexOf(API_TABLE_START);
  const end = readme.indexOf(API_TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README.md lacks the markers ${API_TABLE_START} … ${API_TABLE_END}`);
  return `${readme.slice(0, start + API_TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
