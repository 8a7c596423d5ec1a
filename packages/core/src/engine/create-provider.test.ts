import { describe, expect, it } from 'vitest';
import { createProvider } from './create-provider.ts';

describe('createProvider', () => {
  it('builds the offline provider', () => {
    expect(createProvider({ provider: 'offline' }).evaluator).toBe('offline:rubric-v2');
  });

  it('builds the OpenAI provider with its options', () => {
    const p = createProvider({ provider: 'openai', openai: { apiKey: 'k', model: 'gpt-4o-mini' } });
    expect(p.evaluator).toBe('openai:gpt-4o-mini');
  });

  it('refuses an openai config without options, and unknown providers', () => {
    expect(() => createProvider({ provider: 'openai' })).toThrow(/apiKey, model/);
    expect(() => createProvider({ provider: 'nope' as 'offline' })).toThrow(/unknown provider/);
  });
});
