import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Link } from 'react-router';
import { useKnowledgeI18n } from './i18n';
import type { LessonFlowNode } from './graphFlow';
import { StatusBadge } from './StatusBadge';

/** A lesson on the canvas: its title, the student's status (icon and words, not colour alone) and, when open, a link. */
export function LessonNode({ data, isConnectable }: NodeProps<LessonFlowNode>) {
  const { t } = useKnowledgeI18n();
  return (
    <div className="knowledge-node" data-status={data.status ?? 'template'} data-lesson-node={data.title}>
      <Handle type="target" position={Position.Top} isConnectable={isConnectable} className="knowledge-node__handle" />
      <strong className="knowledge-node__title">{data.title}</strong>
      {data.status !== null ? <StatusBadge status={data.status} scorePercent={data.scorePercent} /> : null}
      {data.href !== null ? (
        <Link to={data.href} className="knowledge-node__open nodrag" aria-label={t('knowledge.openLessonNamed', { title: data.title })}>
          {t('knowledge.openLesson')}
        </Link>
      ) : null}
      <Handle type="source" position={Position.Bottom} isConnectable={isConnectable} className="knowledge-node__handle" />
    </div>
  );
}

export const nodeTypes = { lesson: LessonNode };
