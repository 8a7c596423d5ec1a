import { describe, expect, it } from 'vitest';
import { extractPartialStringField } from './partial-json.ts';

const full = JSON.stringify({
  feedback: 'You named "PostgreSQL"\nand a 40% drop — good. Emoji: 😀 \\ done',
  strengths: ['a', 'b'],
  follow_up: null,
  score: 8,
});

describe('extractPartialStringField', () => {
  it('returns the growing value at every prefix and never half an escape', () => {
    const expected: string = JSON.parse(full).feedback;
    let last = '';
    let started = false;
    for (let i = 0; i <= full.length; i++) {
      const r = extractPartialStringField(full.slice(0, i), 'feedback');
      if (r === null) {
        expect(started).toBe(false);
        continue;
      }
      started = true;
      expect(r.value.startsWith(last)).toBe(true);
      // every partial value is a prefix of the decoded final text: no half-decoded escapes
      expect(expected.startsWith(r.value), JSON.stringify(r.value)).toBe(true);
      last = r.value;
    }
    expect(last).toBe(expected);
    expect(extractPartialStringField(full, 'feedback')!.complete).toBe(true);
  });

  it('finds a field that is not first, skipping nested values and look-alike keys', () => {
    const json = '{"meta":{"feedback":"nested"},"list":["feedback"],"score":3,"feedback":"top level';
    expect(extractPartialStringField(json, 'feedback')).toEqual({ value: 'top level', complete: false });
  });

  it('decodes \\u escapes, waiting for a whole escape and a whole surrogate pair', () => {
    const json = '{"feedback": "caf\\u00e9 \\ud83d\\ude00!"}';
    expect(JSON.parse(json).feedback).toBe('café 😀!');
    expect(extractPartialStringField(json, 'feedback')!.value).toBe('café 😀!');
    expect(extractPartialStringField(json.slice(0, json.indexOf('u00e9') + 3), 'feedback')!.value).toBe(
      'caf',
    );
    expect(extractPartialStringField(json.slice(0, json.indexOf('ude00')), 'feedback')!.value).toBe('café ');
  });

  it('returns null before the value starts or when the field is missing', () => {
    expect(extractPartialStringField('', 'feedback')).toBeNull();
    expect(extractPartialStringField('{"feedback"', 'feedback')).toBeNull();
    expect(extractPartialStringField('{"feedback": ', 'feedback')).toBeNull();
    expect(extractPartialStringField('{"score": 3}', 'feedback')).toBeNull();
    expect(extractPartialStringField('{"feedback": "', 'feedback')).toEqual({ value: '', complete: false });
  });
});
