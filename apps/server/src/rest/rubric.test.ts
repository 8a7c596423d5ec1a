/** Why a score, as an API client sees it: the rubric components of a feedback over REST. */
import { createOpenAIProvider, type RubricComponent } from '@ai-interviewer/core';
import {
  makeAdmin,
  makeJob,
  makeUser,
  offlineInterviewer,
  STRONG_ANSWER,
} from '@ai-interviewer/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatCompletion,
  type FakeOpenAI,
  startFakeOpenAI,
} from '../../../../packages/core/src/engine/openai/fake-openai-server.ts';
import { type Client, startTestServer, type TestServer } from '../testing/test-server.ts';

const MODEL_RUBRIC = [
  { criterion: 'relevance', points: 3, note: 'Answers what was asked.' },
  { criterion: 'evidence', points: 2, note: 'Names the tools, no numbers.' },
  { criterion: 'reasoning', points: 1, note: 'Some reasons.' },
  { criterion: 'outcome', points: 0, note: 'No result.' },
];

let model: FakeOpenAI;
let s: TestServer;
let me: Client;
let admin: Client;
let jobId: string;
beforeAll(async () => {
  // The real OpenAI SDK against the fake server: the rubric travels model → database → REST.
  model = await startFakeOpenAI((req) =>
    req.body.response_format.json_schema.name === 'interview_plan'
      ? {
          json: chatCompletion({
            questions: [
              { text: 'How do you index a table?', category: 'technical', skill: 'SQL', talking_points: [] },
            ],
          }),
        }
      : {
          json: chatCompletion({
            feedback: 'Relevant, but no result.',
            strengths: ['Relevant'],
            improvements: ['Give a result'],
            skills_shown: [],
            follow_up: null,
            rubric: MODEL_RUBRIC,
            score: 9,
          }),
        },
  );
  const provider = createOpenAIProvider({ apiKey: 'k', baseURL: model.url, model: 'judge', timeoutMs: 5000 });
  s = await startTestServer({ interviewer: { ...offlineInterviewer(), provider } });
  me = s.as((await s.login((await makeUser(s.db)).user)).token);
  admin = s.as((await s.login((await makeAdmin(s.db)).user)).token);
  jobId = (await makeJob(s.db, null)).id;
});
afterAll(async () => {
  await s?.close();
  await model?.close();
});

describe('a feedback says why its score', () => {
  it('returns the rubric components on submit and on read; an admin correction adds its own', async () => {
    const id = (await me.post('/api/sessions', { job_description_id: jobId, question_count: 1 })).json().id;
    expect((await me.post(`/api/sessions/${id}/start`)).statusCode).toBe(200);
    const submitted = await me.post('/api/feedbacks', { session_id: id, answer: STRONG_ANSWER });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const fb = submitted.json().feedback;
    expect(fb.score).toBe(6); // the components' sum, not the model's 9
    expect(fb.rubric.map((c: RubricComponent) => [c.key, c.points, c.max])).toEqual([
      ['relevance', 3, 3],
      ['evidence', 2, 3],
      ['reasoning', 1, 2],
      ['outcome', 0, 2],
    ]);
    expect((await me.get(`/api/feedbacks/${fb.id}`)).json().rubric).toEqual(fb.rubric);

    const corrected = await admin.patch(`/api/feedbacks/${fb.id}`, { score: 8 });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const rubric: RubricComponent[] = corrected.json().rubric;
    expect(rubric.at(-1)).toMatchObject({ key: 'admin', label: 'Corrected by an admin', points: 2, max: 0 });
    expect(rubric.reduce((sum, c) => sum + c.points, 0)).toBe(8);
    expect((await me.get(`/api/sessions/${id}/feedbacks`)).json().items[0].rubric).toEqual(rubric);
  });
});
