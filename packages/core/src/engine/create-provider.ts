/** Picks the interviewer implementation from configuration (the server reads it from the env). */
import { createOfflineProvider } from './offline/provider.ts';
import { createOpenAIProvider, type OpenAIProviderOptions } from './openai/provider.ts';
import type { InterviewerProvider } from './types.ts';

export type ProviderName = 'offline' | 'openai';

export interface ProviderConfig {
  provider: ProviderName;
  openai?: OpenAIProviderOptions;
}

export function createProvider(cfg: ProviderConfig): InterviewerProvider {
  switch (cfg.provider) {
    case 'offline':
      return createOfflineProvider();
    case 'openai':
      if (!cfg.openai)
        throw new Error('createProvider: provider "openai" needs the openai options (apiKey, model)');
      return createOpenAIProvider(cfg.openai);
    default:
      throw new Error(
        `createProvider: unknown provider "${String((cfg as { provider: unknown }).provider)}"`,
      );
  }
}
