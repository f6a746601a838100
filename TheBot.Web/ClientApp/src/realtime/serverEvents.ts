import type { QueryClient } from '@tanstack/react-query';

/**
 * Every method the server invokes on a client — the table "Events: server → client methods" in
 * docs/realtime.md, which `scripts/serverEvents.test.ts` compares with this list. The provider registers each
 * one on the connection, so no event the server sends goes unhandled.
 */
export const serverEventNames = [
  'messageCreated',
  'messageEdited',
  'messageDeleted',
  'roomRead',
  'typing',
  'connected',
  'presence',
  'roomJoined',
  'roomLeft',
  'notification',
  'notificationsRead',
  'enrollmentChanged',
  'invoiceChanged',
  'lessonChanged',
  'assignmentChanged',
  'submissionReceived',
  'submissionGraded',
  'weeklyReportChanged',
  'studyPlanChanged',
  'materialQuestionChanged',
  'knowledgeProgressChanged',
  'knowledgeGraphChanged',
] as const;

export type ServerEventName = (typeof serverEventNames)[number];

/**
 * What an event means for the data the app holds, wherever the user is: usually which cached queries it
 * makes stale. Pages that apply an event in place (a chat message into the open room) add their own
 * handlers with `useRealtimeEvent`.
 */
export type LiveUpdate = (queryClient: QueryClient, payload: unknown) => void;

export type LiveUpdates = Record<ServerEventName, LiveUpdate>;
