/**
 * Reads one top-level string field (e.g. "feedback") out of a JSON object that is still arriving,
 * so streamed feedback can be shown while the model is writing it. The final reply is still
 * parsed and validated in full; this is only for the live preview.
 */

export interface PartialString {
  value: string;
  /** the closing quote has arrived */
  complete: boolean;
}

/**
 * The (possibly partial) value of top-level `field` in `json`, or null when that field's string
 * has not started yet. Handles escapes (\" \\ \n \uXXXX, surrogate pairs) and stops before an
 * escape that is cut off mid-way, so the returned text never contains half an escape.
 */
export function extractPartialStringField(json: string, field: string): PartialString | null {
  let depth = 0;
  let i = 0;
  // At depth 1 we alternate: expecting a key, then ':', then a value, then ',' or '}'.
  let expect: 'key' | 'colon' | 'value' | 'comma' = 'key';
  let key: string | null = null;
  const n = json.length;
  while (i < n) {
    const c = json[i]!;
    if (c === '"') {
      const s = readString(json, i + 1);
      if (depth === 1 && expect === 'value' && key === field) return { value: s.value, complete: s.complete };
      if (!s.complete) return null;
      if (depth === 1) {
        if (expect === 'key') {
          key = s.value;
          expect = 'colon';
        } else if (expect === 'value') expect = 'comma';
      }
      i = s.end;
      continue;
    }
    if (c === '{' || c === '[') {
      if (depth === 1 && expect === 'value') expect = 'comma';
      depth++;
      if (depth === 1) expect = 'key';
    } else if (c === '}' || c === ']') {
      depth--;
    } else if (depth === 1) {
      if (c === ':' && expect === 'colon') expect = 'value';
      else if (c === ',' && (expect === 'comma' || expect === 'value')) expect = 'key';
      else if (expect === 'value' && !/\s/.test(c)) expect = 'comma'; // number, true, false, null
    }
    i++;
  }
  return null;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Decodes a JSON string body starting after the opening quote. */
function readString(json: string, start: number): { value: string; complete: boolean; end: number } {
  let out = '';
  let i = start;
  while (i < json.length) {
    const c = json[i]!;
    if (c === '"') return { value: out, complete: true, end: i + 1 };
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = json[i + 1];
    if (e === undefined) break; // escape cut off: stop before it
    if (e === 'u') {
      const hex = json.slice(i + 2, i + 6);
      if (hex.length < 4) break;
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        i += 2; // malformed escape: skip it; the full parse will reject the reply anyway
        continue;
      }
      const code = Number.parseInt(hex, 16);
      // A high surrogate needs its low half before it can be shown.
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = json.slice(i + 6, i + 12);
        if (next.length < 6) break;
        const m = /^\\u([0-9a-fA-F]{4})$/.exec(next);
        if (m) {
          out += String.fromCharCode(code, Number.parseInt(m[1]!, 16));
          i += 12;
          continue;
        }
      }
      out += String.fromCharCode(code);
      i += 6;
      continue;
    }
    out += SIMPLE_ESCAPES[e] ?? e;
    i += 2;
  }
  return { value: out, complete: false, end: json.length };
}
