import type { DevelopmentActivity } from './build-individual-report.ts';

/**
 * The built-in development catalog: activities mapped to the competencies they build. A
 * report suggests up to three for each of the participant's lowest competencies.
 */
export const defaultCatalog: DevelopmentActivity[] = [
  { title: 'Executive coaching (six sessions)', kind: 'coaching', competencies: ['L1', 'L2', 'L5', 'L6'], description: 'One-to-one sessions with a certified coach on a goal you choose from this report.' },
  { title: 'Telling the story of where we are going', kind: 'course', competencies: ['L1', 'S1'], description: 'A one-day workshop on turning a direction into a short, concrete story your team can repeat.' },
  { title: 'Influence without authority', kind: 'course', competencies: ['L2', 'S1'], description: 'Practise building support across teams through interests, evidence and trust.' },
  { title: 'Leading a change project', kind: 'stretch assignment', competencies: ['L3', 'L5'], description: 'Own a small change from idea to adoption, with a sponsor who reviews your decisions monthly.' },
  { title: 'Mentoring and training others', kind: 'course', competencies: ['L4', 'M5'], description: 'How to delegate real decisions, coach with questions and give others room to grow.' },
  { title: 'Be a mentor for a new manager', kind: 'mentoring', competencies: ['L4', 'S3'], description: 'Meet a newly promoted manager every two weeks for three months.' },
  { title: 'Deciding under uncertainty', kind: 'course', competencies: ['L5', 'M4'], description: 'Tools for weighing options with incomplete information and naming the risk you accept.' },
  { title: 'Values in practice', kind: 'reading', competencies: ['L6'], description: 'A reading circle on integrity at work, with one commitment you share with your team.' },
  { title: 'Planning and prioritising work', kind: 'course', competencies: ['M1', 'M3'], description: 'Set objectives, plan capacity and keep a visible plan that the team updates.' },
  { title: 'Running effective follow-ups', kind: 'course', competencies: ['M2', 'M3'], description: 'Light-weight rhythms for tracking progress and catching slippage early.' },
  { title: 'Structured problem-solving', kind: 'course', competencies: ['M4'], description: 'Define the problem, find the root cause, compare options and check the result.' },
  { title: 'Performance and feedback skills', kind: 'course', competencies: ['M5', 'S1'], description: 'Set clear expectations, evaluate fairly and give feedback people can use.' },
  { title: 'Leading in regulated environments', kind: 'course', competencies: ['M6'], description: 'Keep work inside policy and regulation without slowing the team down.' },
  { title: 'Crisis simulation day', kind: 'course', competencies: ['S2'], description: 'Practise staying steady and deciding fast in a realistic incident exercise.' },
  { title: 'Inclusive leadership', kind: 'course', competencies: ['S3', 'L4'], description: 'Build a team where everyone is heard: habits for meetings, decisions and recognition.' },
  { title: 'Listening and two-way communication', kind: 'course', competencies: ['S1', 'S3'], description: 'Active listening and ways to make communication flow both up and down.' },
];
