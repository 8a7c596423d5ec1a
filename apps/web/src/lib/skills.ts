/** The job's skills as the author wrote them ("React, TypeScript; CSS\n- testing") as a clean list. */
export function splitSkills(skills: string | null | undefined): string[] {
  if (!skills) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of skills.split(/[,;\n\r•|]+/)) {
    const skill = raw.replace(/^\s*[-*]\s+/, '').trim();
    const key = skill.toLowerCase();
    if (!skill || seen.has(key)) continue;
    seen.add(key);
    out.push(skill);
  }
  return out;
}
