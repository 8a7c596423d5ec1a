/**
 * `tsx src/engine/eval/dataset/validate.ts`: checks every family file against the schema,
 * the split rule and unique question ids, and prints what the set holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { familySchema, type LabelledFamily } from './schema.ts';
import { FROZEN_SPLIT } from './split.ts';

const dir = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const families: LabelledFamily[] = [];
let bad = 0;
for (const f of files) {
  const parsed = familySchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  if (!parsed.success) {
    bad++;
    console.error(`${f}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    continue;
  }
  if (`${parsed.data.family}.json` !== f)
    console.error(`${f}: family "${parsed.data.family}" must match the file name`), bad++;
  const frozen = (FROZEN_SPLIT as Record<string, string>)[parsed.data.family];
  if (frozen && frozen !== parsed.data.split) console.error(`${f}: split must be ${frozen}`), bad++;
  families.push(parsed.data);
}
const ids = new Set<string>();
for (const fam of families)
  for (const q of fam.questions) {
    if (ids.has(q.id)) console.error(`duplicate question id ${q.id}`), bad++;
    ids.add(q.id);
  }
for (const fam of families)
  console.log(`${fam.split.padEnd(4)} ${fam.family.padEnd(24)} ${fam.questions.length} questions`);
console.log(`${families.length} families, ${ids.size} questions${bad ? `, ${bad} problems` : ''}`);
process.exitCode = bad ? 1 : 0;
