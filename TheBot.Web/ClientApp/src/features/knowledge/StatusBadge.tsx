import { CircleCheck, CircleDot, CirclePlay, Lock } from 'lucide-react';
import { useKnowledgeI18n } from './i18n';
import { statusSummary } from './graphFlow';
import type { NodeStatus } from './knowledgeApi';

const icons = { locked: Lock, available: CirclePlay, inProgress: CircleDot, passed: CircleCheck };

/** A lesson's status for one student, with an icon and its name. */
export function StatusBadge({ status, scorePercent }: { status: NodeStatus | null; scorePercent?: number | null | undefined }) {
  const { t } = useKnowledgeI18n();
  if (status === null) {
    return null;
  }
  const Icon = icons[status];
  return (
    <span className="knowledge-status" data-node-status={status}>
      <Icon className="icon" size={16} aria-hidden="true" focusable="false" />
      {statusSummary(status, scorePercent ?? null, (s) => t(`knowledge.status.${s}`))}
    </span>
  );
}
