import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/useAuth';
import { useKnowledgeI18n } from './i18n';
import { useApi } from '../../services/ServicesContext';
import { PageHeading } from '../../ui/PageHeading';
import { ErrorState, LoadingState } from '../../ui/QueryStates';
import { ApplyTemplateForm } from './ApplyTemplateForm';
import { GraphEditor, GraphViewer } from './GraphCanvas';
import { nodeTitle } from './graphFlow';
import { graphQuery, type KnowledgeGraph } from './knowledgeApi';
import { LessonPlayer } from './LessonPlayer';
import { ProgressTable } from './ProgressTable';
import { StatusBadge } from './StatusBadge';
import './knowledge.css';

/**
 * One graph. The teacher edits it; the student sees it with their statuses and works through a lesson beside it (the
 * graph redraws live as lessons open); tutors and parents read it, tutors and teachers with the progress table.
 */
export function GraphPage() {
  const { t } = useKnowledgeI18n();
  const api = useApi();
  const { user } = useAuth();
  const { graphId = '', nodeId } = useParams();
  const graph = useQuery(graphQuery(api, graphId));
  const role = user?.role;
  const lessonHref = useCallback((id: string) => `/knowledge/graphs/${graphId}/lessons/${id}`, [graphId]);
  const title = graph.data?.title ?? t('knowledge.title');
  return (
    <section className="page knowledge-page">
      <p className="knowledge-back">
        <Link to="/knowledge">{t('knowledge.allGraphs')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {graph.isPending ? (
        <LoadingState />
      ) : graph.isError ? (
        <ErrorState error={graph.error} onRetry={() => void graph.refetch()} />
      ) : (
        <>
          <GraphSummary graph={graph.data} />
          {role === 'teacher' || role === 'admin' ? (
            role === 'teacher' ? <GraphEditor graph={graph.data} /> : <GraphViewer graph={graph.data} />
          ) : role === 'student' ? (
            <div className={nodeId ? 'knowledge-study knowledge-study--open' : 'knowledge-study'}>
              <div>
                <GraphViewer graph={graph.data} lessonHref={lessonHref} />
                <LessonList graph={graph.data} lessonHref={lessonHref} />
              </div>
              {nodeId ? <LessonPlayer key={nodeId} graph={graph.data} nodeId={nodeId} /> : null}
            </div>
          ) : (
            <>
              <GraphViewer graph={graph.data} />
              <LessonList graph={graph.data} />
            </>
          )}
          {graph.data.isTemplate && role === 'teacher' ? <ApplyTemplateForm graph={graph.data} /> : null}
          {graph.data.student && (role === 'teacher' || role === 'tutor' || role === 'admin') ? <ProgressTable graphId={graph.data.id} /> : null}
        </>
      )}
    </section>
  );
}

function GraphSummary({ graph }: { graph: KnowledgeGraph }) {
  const { t } = useKnowledgeI18n();
  return <p className="muted">{[graph.subject.name, graph.student?.fullName ?? t('knowledge.template')].join(' · ')}</p>;
}

/** The graph's lessons as a list too: their status in words, and links for the keyboard and screen readers. */
function LessonList({ graph, lessonHref }: { graph: KnowledgeGraph; lessonHref?: (nodeId: string) => string }) {
  const { t } = useKnowledgeI18n();
  const nodes = [...(graph.nodes ?? [])].sort((a, b) => a.y - b.y || a.x - b.x);
  return (
    <section aria-labelledby="knowledge-lesson-list">
      <h2 id="knowledge-lesson-list">{t('knowledge.graphLessons')}</h2>
      <ul className="compact-list" data-lesson-list>
        {nodes.map((node) => {
          const status = node.status ?? null;
          const open = lessonHref !== undefined && status !== null && status !== 'locked';
          return (
            <li key={node.id} className="compact-row" data-lesson-item={nodeTitle(node)} data-status={status ?? 'template'}>
              {open ? <Link to={lessonHref(node.id)}>{nodeTitle(node)}</Link> : <span>{nodeTitle(node)}</span>}
              {status !== null ? <StatusBadge status={status} scorePercent={node.scorePercent} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
