/** `pnpm docs:api`: rewrites README.md's endpoint table from the procedures' REST declarations. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withRestRoutesTable } from '../src/docs.ts';

const readmeUrl = new URL('../../../README.md', import.meta.url);
const before = readFileSync(readmeUrl, 'utf8');
const after = withRestRoutesTable(before);
if (after === before) console.log('README.md: the endpoint table is up to date');
else {
  writeFileSync(readmeUrl, after);
  console.log('README.md: endpoint table rewritten');
}
