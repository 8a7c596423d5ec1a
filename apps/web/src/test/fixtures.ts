import type { Delivery, Feedback, Question, SessionDetail, SessionSummary } from '../trpc.ts';

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function question(over: Partial<Question> = {}): Question {
  return {
    id: uuid(),
    plan_index: 1,
    is_follow_up: false,
    category: 'technical',
    skill: 'React',
    text: 'How do you keep a large React app fast?',
    answered: false,
    ...over,
  };
}

export function feedback(over: Partial<Feedback> = {}): Feedback {
  return {
    id: uuid(),
    session_id: uuid(),
    user_id: uuid(),
    question_id: null,
    question: 'How do you keep a large React app fast?',
    answer: 'I measure first, then memoise.',
    ai_feedback: 'Clear and measured.',
    score: 7,
    rubric: null,
    category: 'technical',
    strengths: ['Measures before optimising'],
    improvements: ['Give a concrete example'],
    skills_shown: ['React', 'performance'],
    follow_up: null,
    grading_status: 'graded',
    grading_error: null,
    evaluator: 'offline:rubric-v1',
    created_at: '2025-03-01T10:05:00.000Z',
    updated_at: '2025-03-01T10:05:00.000Z',
    delivery: null,
    ...over,
  };
}

export function sessionDetail(over: Partial<SessionDetail> = {}): SessionDetail {
  return {
    id: uuid(),
    user_id: uuid(),
    job_description_id: uuid(),
    job_title: 'Frontend Engineer (React)',
    status: 'completed',
    question_count: 2,
    focus: 'mixed',
    started_at: '2025-03-01T10:00:00.000Z',
    ended_at: '2025-03-01T10:20:00.000Z',
    score: 64,
    summary: 'A solid interview.',
    difficulty: null,
    time_limit_seconds: null,
    created_at: '2025-03-01T09:59:00.000Z',
    updated_at: '2025-03-01T10:20:00.000Z',
    job_skills: 'React, TypeScript',
    job_experience: '2-4 yrs',
    transcript: 'Interview for Frontend Engineer (React)',
    skill_notes: [{ skill: 'React', note: 'Good grasp of rendering.' }],
    questions: [],
    current_question: null,
    progress: { answered: 2, planned: 2, done: true },
    ...over,
  };
}

export function sessionSummary(over: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id: uuid(),
    user_id: uuid(),
    job_description_id: uuid(),
    job_title: 'Data Analyst',
    status: 'completed',
    question_count: 3,
    focus: 'mixed',
    started_at: '2025-03-01T10:00:00.000Z',
    ended_at: '2025-03-01T10:20:00.000Z',
    score: 50,
    summary: null,
    difficulty: null,
    time_limit_seconds: null,
    created_at: '2025-03-01T09:59:00.000Z',
    updated_at: '2025-03-01T10:20:00.000Z',
    answered: 3,
    ...over,
  };
}

/** Delivery figures of a spoken answer: 150 wpm, two fillers, a hedge, one long pause, 50 s of talk. */
export function delivery(over: Partial<Delivery> = {}): Delivery {
  return {
    source: 'voice',
    word_count: 125,
    fillers: {
      count: 2,
      per_100_words: 1.6,
      found: [{ phrase: 'um', count: 2, quotes: ['…so um we decided…', '…then um I…'] }],
    },
    hedges: {
      count: 1,
      per_100_words: 0.8,
      found: [{ phrase: 'I think', count: 1, quotes: ['…I think it…'] }],
    },
    words_per_minute: 150,
    pace: 'within',
    pace_range: { min: 110, max: 170 },
    long_pauses: [{ after: 'index', at_seconds: 21.5, seconds: 3.2 }],
    long_pause_seconds: 2,
    talk_seconds: 50,
    suggested_seconds: { min: 45, max: 120 },
    length: 'within',
    ...over,
  };
}
