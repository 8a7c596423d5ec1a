import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, trpcErrorShape, trpcFetch } from '../../../test/render.tsx';
import { ReadAloud } from './KeepRecordings.tsx';
import { ModeChoice } from './ModeChoice.tsx';
import { useVoicePreferences } from './preferences.ts';

function Harness() {
  const { preferences, update } = useVoicePreferences();
  if (!preferences) return <p>Loading</p>;
  return (
    <>
      <ModeChoice mode={preferences.answer_mode} onChange={(m) => update({ answer_mode: m })} />
      <ReadAloud preferences={preferences} onChange={update} />
    </>
  );
}

const stored = { keep_recordings: false, answer_mode: 'type', read_aloud: true };

afterEach(() => vi.unstubAllGlobals());

/** The API, with the saving of a preference held until the test lets it through. */
function api(reply: (input: Record<string, unknown>) => { data: unknown } | { error: unknown }) {
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  const stub = trpcFetch({
    'voice.preferences': () => ({ data: stored }),
    'voice.setPreferences': (input) => reply(input as Record<string, unknown>),
  });
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (String(url).includes('voice.setPreferences')) await held;
    return stub.fetch(url, init);
  });
  return { calls: stub.calls, release };
}

const speak = () => screen.getByRole('radio', { name: /Speak/ }) as HTMLInputElement;

describe('voice preferences in the room', () => {
  it('come from the server, and a change shows at once, before the server has answered', async () => {
    let saved = { ...stored };
    const server = api((input) => {
      saved = { ...saved, ...input };
      return { data: saved };
    });
    renderPage(<Harness />);
    await screen.findByRole('radio', { name: /Type/ });
    expect(speak().checked).toBe(false);
    fireEvent.click(speak());
    expect(speak().checked).toBe(true); // not snapped back while the save is on its way
    fireEvent.click(screen.getByRole('checkbox', { name: 'Read each question aloud' }));
    expect(
      (screen.getByRole('checkbox', { name: 'Read each question aloud' }) as HTMLInputElement).checked,
    ).toBe(false);
    await act(async () => server.release());
    await waitFor(() =>
      expect(server.calls.filter((c) => c.path === 'voice.setPreferences').map((c) => c.input)).toEqual([
        { answer_mode: 'voice' },
        { read_aloud: false },
      ]),
    );
    expect(speak().checked).toBe(true);
  });

  it('a change the server refuses goes back to what the server has', async () => {
    const server = api(() => ({ error: trpcErrorShape('VALIDATION', 'answer_mode: invalid') }));
    renderPage(<Harness />);
    await screen.findByRole('radio', { name: /Type/ });
    fireEvent.click(speak());
    expect(speak().checked).toBe(true);
    await act(async () => server.release());
    await waitFor(() => expect(speak().checked).toBe(false));
  });
});
