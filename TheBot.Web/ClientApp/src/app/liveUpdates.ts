import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { LiveUpdate, LiveUpdates } from '../realtime/serverEvents';
import { assignmentsKey } from '../features/assignments/assignmentsApi';
import { chatKey } from '../features/chat/chatApi';
import { applyPresence, type PresenceEvent } from '../features/chat/presence';
import { dashboardKey } from '../features/dashboard/dashboardApi';
import { invoicesKey } from '../features/invoices/invoicesApi';
import { knowledgeKey } from '../features/knowledge/knowledgeKey';
import { materialsKey } from '../features/materials/materialsApi';
import { notificationsKey } from '../features/notifications/notificationsApi';
import { progressKey } from '../features/progress/progressApi';
import { lessonsKey } from '../features/schedule/lessonsApi';
import { enrollmentsKey, studentsKey } from '../features/students/studentsApi';
import { studyPlansKey } from '../features/studyplans/studyPlansApi';
import { weeklyReportsKey } from '../features/weeklyreports/weeklyReportsApi';

/** The event changes what these queries hold: those on screen are fetched again, the rest when next shown. */
function refresh(...keys: QueryKey[]): LiveUpdate {
  return (queryClient: QueryClient) => {
    for (const queryKey of keys) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
}

/**
 * The open chat pages apply chat events in place (useRoomMessages, useChatRoomsLive); elsewhere the cached
 * rooms only become stale, so that they are fetched when next shown instead of on every message.
 */
function staleUntilShown(...keys: QueryKey[]): LiveUpdate {
  return (queryClient: QueryClient) => {
    for (const queryKey of keys) {
      void queryClient.invalidateQueries({ queryKey, refetchType: 'none' });
    }
  };
}

const nothingToCache: LiveUpdate = () => undefined;

/** What each server event (docs/realtime.md) means for the app's data, wherever the user is. */
export const liveUpdates: LiveUpdates = {
  messageCreated: staleUntilShown(chatKey),
  messageEdited: staleUntilShown(chatKey),
  messageDeleted: staleUntilShown(chatKey),
  roomRead: staleUntilShown(chatKey),
  roomJoined: refresh(chatKey),
  roomLeft: refresh(chatKey),
  // Only the open room shows who is typing (useRoomTyping); the provider itself follows `connected`.
  typing: nothingToCache,
  connected: nothingToCache,
  presence: (queryClient, payload) => applyPresence(queryClient, payload as PresenceEvent),
  notification: refresh(notificationsKey),
  notificationsRead: refresh(notificationsKey),
  enrollmentChanged: refresh(enrollmentsKey, studentsKey, dashboardKey, progressKey),
  invoiceChanged: refresh(invoicesKey, dashboardKey),
  lessonChanged: refresh(lessonsKey, dashboardKey, progressKey),
  assignmentChanged: refresh(assignmentsKey, dashboardKey),
  submissionReceived: refresh(assignmentsKey, dashboardKey),
  submissionGraded: refresh(assignmentsKey, dashboardKey, progressKey),
  weeklyReportChanged: refresh(weeklyReportsKey),
  studyPlanChanged: refresh(studyPlansKey),
  materialQuestionChanged: refresh(materialsKey),
  // The open graph redraws the node that changed (and those it opened); the progress table and lists refresh.
  knowledgeProgressChanged: refresh(knowledgeKey),
  knowledgeGraphChanged: refresh(knowledgeKey),
};
