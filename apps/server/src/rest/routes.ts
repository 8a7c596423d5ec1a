/**
 * The REST API of SPEC §6 as a table: each documented endpoint names the tRPC procedure that
 * does the work. No rule lives here; the adapter only moves path, query and body into the
 * procedure's input, and the OpenAPI document is generated from this table and the
 * procedures' own zod schemas.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Access =
  | 'public'
  | 'private'
  | 'owner or admin'
  | 'owner (admins: 403)'
  | 'admin'
  | 'admin, or the owner of a private one';

export interface RestRoute {
  method: HttpMethod;
  /** Fastify syntax; path parameters are fields of the procedure's input with the same name. */
  path: string;
  procedure: string;
  status: 200 | 201 | 204;
  summary: string;
  tag: 'Auth' | 'Users' | 'Job descriptions' | 'Sessions' | 'Feedback' | 'Voice' | 'Sharing';
  access: Access;
  /**
   * The body is a file, not JSON: its bytes go to this input field, base64-encoded (what the
   * procedure takes over tRPC), and the other fields come from the query string.
   */
  fileBody?: { field: string; mediaTypes: string[] };
  /** The JSON answer is a file to save: sent with `Content-Disposition: attachment` and this name. */
  attachment?: string;
}

export const restRoutes: RestRoute[] = [
  {
    method: 'POST',
    path: '/auth/register',
    procedure: 'auth.register',
    status: 201,
    tag: 'Auth',
    access: 'public',
    summary: 'Create a candidate account',
  },
  {
    method: 'POST',
    path: '/auth/login',
    procedure: 'auth.login',
    status: 200,
    tag: 'Auth',
    access: 'public',
    summary:
      'Log in with email (or username) and password: returns a bearer token and sets the session cookie',
  },
  {
    method: 'POST',
    path: '/auth/logout',
    procedure: 'auth.logout',
    status: 204,
    tag: 'Auth',
    access: 'public',
    summary: 'End the current session, if any',
  },
  {
    method: 'GET',
    path: '/auth/me',
    procedure: 'auth.me',
    status: 200,
    tag: 'Auth',
    access: 'private',
    summary: 'The current user with roles and voice preferences',
  },

  {
    method: 'GET',
    path: '/users',
    procedure: 'users.list',
    status: 200,
    tag: 'Users',
    access: 'admin',
    summary: 'List users',
  },
  {
    method: 'POST',
    path: '/users',
    procedure: 'users.create',
    status: 201,
    tag: 'Users',
    access: 'admin',
    summary: 'Create a user (any roles)',
  },
  {
    method: 'GET',
    path: '/users/:id',
    procedure: 'users.get',
    status: 200,
    tag: 'Users',
    access: 'owner or admin',
    summary: 'Get a user',
  },
  {
    method: 'PUT',
    path: '/users/:id',
    procedure: 'users.replace',
    status: 200,
    tag: 'Users',
    access: 'owner or admin',
    summary: "Replace a user's profile (email and username required)",
  },
  {
    method: 'PATCH',
    path: '/users/:id',
    procedure: 'users.update',
    status: 200,
    tag: 'Users',
    access: 'owner or admin',
    summary:
      'Update a user; changing your own password needs current_password; roles and active are admin-only',
  },
  {
    method: 'DELETE',
    path: '/users/:id',
    procedure: 'users.delete',
    status: 204,
    tag: 'Users',
    access: 'owner or admin',
    summary: 'Delete a user and all their data',
  },
  {
    method: 'GET',
    path: '/users/:user_id/sessions',
    procedure: 'users.sessions',
    status: 200,
    tag: 'Users',
    access: 'owner or admin',
    summary: "A user's interview sessions, newest first",
  },

  {
    method: 'GET',
    path: '/jobs',
    procedure: 'jobs.list',
    status: 200,
    tag: 'Job descriptions',
    access: 'public',
    summary: 'The public catalogue, plus your own private job descriptions when logged in',
  },
  {
    method: 'POST',
    path: '/jobs',
    procedure: 'jobs.create',
    status: 201,
    tag: 'Job descriptions',
    access: 'private',
    summary: 'Create a job description: public for admins, private (yours) for candidates',
  },
  {
    method: 'GET',
    path: '/jobs/:id',
    procedure: 'jobs.get',
    status: 200,
    tag: 'Job descriptions',
    access: 'public',
    summary: 'Get a job description (private ones: owner or admin)',
  },
  {
    method: 'PUT',
    path: '/jobs/:id',
    procedure: 'jobs.replace',
    status: 200,
    tag: 'Job descriptions',
    access: 'admin, or the owner of a private one',
    summary: 'Replace a job description',
  },
  {
    method: 'PATCH',
    path: '/jobs/:id',
    procedure: 'jobs.update',
    status: 200,
    tag: 'Job descriptions',
    access: 'admin, or the owner of a private one',
    summary: 'Update a job description',
  },
  {
    method: 'DELETE',
    path: '/jobs/:id',
    procedure: 'jobs.delete',
    status: 204,
    tag: 'Job descriptions',
    access: 'admin, or the owner of a private one',
    summary: 'Delete a job description (sessions keep their copy of it)',
  },
  {
    method: 'POST',
    path: '/jobs/extract-skills',
    procedure: 'practice.extractSkills',
    status: 200,
    tag: 'Job descriptions',
    access: 'private',
    summary:
      'Read a pasted job posting: the skills it asks for, the tools it names, its figures and responsibilities',
  },

  {
    method: 'GET',
    path: '/sessions',
    procedure: 'sessions.list',
    status: 200,
    tag: 'Sessions',
    access: 'admin',
    summary: 'List every interview session',
  },
  {
    method: 'POST',
    path: '/sessions',
    procedure: 'sessions.create',
    status: 201,
    tag: 'Sessions',
    access: 'private',
    summary: 'Create a pending interview session for yourself',
  },
  {
    method: 'GET',
    path: '/sessions/:id',
    procedure: 'sessions.get',
    status: 200,
    tag: 'Sessions',
    access: 'owner or admin',
    summary: 'A session with its questions, the current question and progress',
  },
  {
    method: 'PATCH',
    path: '/sessions/:id',
    procedure: 'sessions.patch',
    status: 200,
    tag: 'Sessions',
    access: 'owner or admin',
    summary: 'Cancel a pending or ongoing session ({"status": "cancelled"})',
  },
  {
    method: 'DELETE',
    path: '/sessions/:id',
    procedure: 'sessions.delete',
    status: 204,
    tag: 'Sessions',
    access: 'admin',
    summary: 'Delete a session and its feedback',
  },
  {
    method: 'POST',
    path: '/sessions/:id/start',
    procedure: 'sessions.start',
    status: 200,
    tag: 'Sessions',
    access: 'owner or admin',
    summary: 'pending → ongoing: plan the questions and make the first one current',
  },
  {
    method: 'POST',
    path: '/sessions/:id/end',
    procedure: 'sessions.end',
    status: 200,
    tag: 'Sessions',
    access: 'owner or admin',
    summary: 'ongoing → completed: overall score (0-100), transcript and summary',
  },
  {
    method: 'GET',
    path: '/sessions/:session_id/feedbacks',
    procedure: 'sessions.feedbacks',
    status: 200,
    tag: 'Sessions',
    access: 'owner or admin',
    summary: "A session's feedback, in answer order",
  },

  {
    method: 'GET',
    path: '/feedbacks',
    procedure: 'feedback.list',
    status: 200,
    tag: 'Feedback',
    access: 'admin',
    summary: 'List every feedback record',
  },
  {
    method: 'POST',
    path: '/feedbacks',
    procedure: 'feedback.submit',
    status: 201,
    tag: 'Feedback',
    access: 'private',
    summary:
      'Answer the current question of your ongoing session: the answer is stored, graded, and returned with the next question',
  },
  {
    method: 'GET',
    path: '/feedbacks/:id',
    procedure: 'feedback.get',
    status: 200,
    tag: 'Feedback',
    access: 'owner or admin',
    summary: 'Get one feedback record',
  },
  {
    method: 'PUT',
    path: '/feedbacks/:id',
    procedure: 'feedback.replace',
    status: 200,
    tag: 'Feedback',
    access: 'owner or admin',
    summary:
      'Replace your answer while the session is ongoing (graded again); admins may also set score and ai_feedback',
  },
  {
    method: 'PATCH',
    path: '/feedbacks/:id',
    procedure: 'feedback.update',
    status: 200,
    tag: 'Feedback',
    access: 'owner or admin',
    summary: 'Update your answer (graded again) or, as admin, correct the grade',
  },
  {
    method: 'DELETE',
    path: '/feedbacks/:id',
    procedure: 'feedback.delete',
    status: 204,
    tag: 'Feedback',
    access: 'owner or admin',
    summary: 'Delete a feedback record',
  },
  {
    method: 'POST',
    path: '/feedbacks/:id/regrade',
    procedure: 'feedback.regrade',
    status: 200,
    tag: 'Feedback',
    access: 'owner or admin',
    summary: 'Grade again an answer whose grading failed',
  },
  {
    method: 'GET',
    path: '/feedbacks/:id/model-answer',
    procedure: 'practice.modelAnswer',
    status: 200,
    tag: 'Feedback',
    access: 'owner or admin',
    summary:
      'What a strong answer to this question covers: talking points and a short example (written once, by the model if configured)',
  },
  {
    method: 'GET',
    path: '/feedbacks/:id/attempts',
    procedure: 'practice.attempts',
    status: 200,
    tag: 'Feedback',
    access: 'owner or admin',
    summary: 'The earlier attempts of a redone answer, with their scores, oldest first',
  },

  {
    method: 'GET',
    path: '/voice',
    procedure: 'voice.status',
    status: 200,
    tag: 'Voice',
    access: 'public',
    summary: 'Who transcribes recordings here (the server, or the browser) and the limits of a recording',
  },
  {
    method: 'POST',
    path: '/sessions/:session_id/recordings',
    procedure: 'voice.transcribe',
    status: 201,
    tag: 'Voice',
    access: 'owner or admin',
    summary:
      'Transcribe one recording of the answer to the current question (the audio is not kept): returns the transcript with word timings and delivery figures; send its id as `transcript_id` with the corrected answer',
    fileBody: {
      field: 'audio_base64',
      mediaTypes: [
        'audio/webm',
        'audio/ogg',
        'audio/wav',
        'audio/mpeg',
        'audio/mp4',
        'application/octet-stream',
      ],
    },
  },
  {
    method: 'GET',
    path: '/voice/preferences',
    procedure: 'voice.preferences',
    status: 200,
    tag: 'Voice',
    access: 'private',
    summary:
      'Your voice preferences: keep my recordings (off by default: audio is transcribed, then dropped), type or speak, read questions aloud',
  },
  {
    method: 'PUT',
    path: '/voice/preferences',
    procedure: 'voice.setPreferences',
    status: 200,
    tag: 'Voice',
    access: 'private',
    summary:
      'Set your voice preferences (keep my recordings, type or speak, read questions aloud); fields left out keep their value',
  },
  {
    method: 'GET',
    path: '/sessions/:session_id/speech',
    procedure: 'voice.speech',
    status: 200,
    tag: 'Voice',
    access: 'owner or admin',
    summary:
      'The current question read aloud by the server’s voice (base64 audio; made once per question, so a replay costs nothing); 409 when the server has no voice',
  },
  {
    method: 'GET',
    path: '/sessions/:session_id/recordings',
    procedure: 'voice.recordings',
    status: 200,
    tag: 'Voice',
    access: 'owner or admin',
    summary: 'Which answers of the session have a kept recording',
  },
  {
    method: 'GET',
    path: '/feedbacks/:feedback_id/recording',
    procedure: 'voice.recording',
    status: 200,
    tag: 'Voice',
    access: 'owner or admin',
    summary: 'The kept recording of one answer, base64-encoded (404 when none was kept)',
  },

  {
    method: 'GET',
    path: '/users/me/export',
    procedure: 'data.export',
    status: 200,
    tag: 'Users',
    access: 'private',
    summary:
      'All my data as one JSON file: profile, job descriptions, sessions, questions, answers with feedback, rubric and delivery figures, recordings (metadata), share links, logins, model calls; never password or token hashes',
    attachment: 'ai-interviewer-my-data.json',
  },
  {
    method: 'GET',
    path: '/users/:user_id/stats',
    procedure: 'sessions.stats',
    status: 200,
    tag: 'Users',
    access: 'owner or admin',
    summary:
      "A user's recent completed interviews with scores per skill and delivery figures (the history page's figures, in one query)",
  },

  {
    method: 'POST',
    path: '/sessions/:session_id/shares',
    procedure: 'shares.create',
    status: 201,
    tag: 'Sharing',
    access: 'owner (admins: 403)',
    summary:
      'Create a read-only link to a completed report, expiring after 1, 7 or 30 days: the token is returned once (only its hash is kept)',
  },
  {
    method: 'GET',
    path: '/sessions/:session_id/shares',
    procedure: 'shares.list',
    status: 200,
    tag: 'Sharing',
    access: 'owner or admin',
    summary: "A session's share links (revoked and expired ones say so)",
  },
  {
    method: 'DELETE',
    path: '/shares/:id',
    procedure: 'shares.revoke',
    status: 204,
    tag: 'Sharing',
    access: 'owner or admin',
    summary: 'Revoke a share link: it stops working at once',
  },
  {
    method: 'GET',
    path: '/shared/:token',
    procedure: 'shares.view',
    status: 200,
    tag: 'Sharing',
    access: 'public',
    summary:
      'The report behind a live share link: that interview only, nothing about its owner (404 when unknown, revoked or expired)',
  },
];
