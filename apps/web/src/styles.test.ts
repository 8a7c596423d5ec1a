import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// read from disk: vitest hands CSS imports to tests empty
const css = readFileSync(resolve(import.meta.dirname, 'styles.css'), 'utf8');

function token(name: string): string {
  const m = css.match(new RegExp(`${name}:\\s*(#[0-9a-f]{6});`, 'i'));
  if (!m?.[1]) throw new Error(`no hex colour token ${name} in styles.css`);
  return m[1];
}

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('colour tokens (WCAG 2.2 AA 1.4.3: 4.5:1 for text)', () => {
  // each text colour against every background it is drawn on
  it.each([
    ['--text', '--bg'],
    ['--text-muted', '--bg'],
    ['--text-faint', '--bg'],
    ['--text-faint', '--surface'],
    ['--text-faint', '--surface-2'],
    ['--good', '--good-soft'],
    ['--good', '--surface'],
    ['--ok', '--ok-soft'],
    ['--ok', '--surface'],
    ['--low', '--low-soft'],
    ['--info', '--info-soft'],
    ['--accent', '--surface'],
    ['--accent-strong', '--accent-soft'],
    ['--accent-text', '--accent'],
  ])('%s on %s', (fg, bg) => {
    expect(contrast(token(fg), token(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it('the focus ring is opaque and 3:1 against the page and the surface (1.4.11)', () => {
    const focus = css.match(/--focus:\s*([^;]+);/)?.[1] ?? '';
    expect(focus).not.toMatch(/rgb\([^)]*\/|rgba|transparent/);
    expect(focus).toContain('var(--accent)');
    expect(contrast(token('--accent'), token('--surface'))).toBeGreaterThanOrEqual(3);
    expect(contrast(token('--accent'), token('--bg'))).toBeGreaterThanOrEqual(3);
  });
});
