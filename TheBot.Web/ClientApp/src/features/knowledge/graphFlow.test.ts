import { describe, expect, it } from 'vitest';
import { answerText, cycleOf, isOpenable, nextNodePosition, statusSummary, toFlowEdges, toFlowNodes } from './graphFlow';
import type { KnowledgeGraph } from './knowledgeApi';

const graph: Pick<KnowledgeGraph, 'nodes' | 'edges'> = {
  nodes: [
    { id: 'a', lessonId: 'la', lessonTitle: 'Fractions', x: 10, y: 20, status: 'passed', scorePercent: 100, passedAt: '2026-12-07T10:00:00Z' },
    { id: 'b', lessonId: 'lb', lessonTitle: 'Ratios', x: 10, y: 160, status: 'available', scorePercent: 0, passedAt: null },
    { id: 'c', lessonId: 'lc', lessonTitle: 'Percent', x: 200, y: 300, status: 'locked', scorePercent: 0, passedAt: null },
  ],
  edges: [
    { id: 'e1', fromNodeId: 'a', toNodeId: 'b' },
    { id: 'e2', fromNodeId: 'b', toNodeId: 'c' },
  ],
};

describe('the graph on the canvas', () => {
  it('places each lesson where the teacher put it, with its status and a link only when unlocked', () => {
    const nodes = toFlowNodes(graph, { editable: false, lessonHref: (id) => `/knowledge/graphs/g/lessons/${id}` });
    expect(nodes.map((node) => [node.id, node.position, node.data.status, node.data.href])).toEqual([
      ['a', { x: 10, y: 20 }, 'passed', '/knowledge/graphs/g/lessons/a'],
      ['b', { x: 10, y: 160 }, 'available', '/knowledge/graphs/g/lessons/b'],
      ['c', { x: 200, y: 300 }, 'locked', null],
    ]);
    expect(nodes.every((node) => node.draggable === false && node.type === 'lesson')).toBe(true);
  });

  it('lets the editor drag and delete, and a template shows no status', () => {
    const nodes = toFlowNodes({ nodes: [{ id: 'a', lessonId: 'l', lessonTitle: 'T', x: 0, y: 0, status: null, scorePercent: null, passedAt: null }] }, { editable: true });
    expect(nodes[0]).toMatchObject({ draggable: true, deletable: true, data: { title: 'T', status: null, href: null } });
  });

  it('draws each prerequisite as an arrow from it to the lesson it opens', () => {
    const edges = toFlowEdges(graph, { editable: true });
    expect(edges.map((edge) => [edge.id, edge.source, edge.target])).toEqual([
      ['e1', 'a', 'b'],
      ['e2', 'b', 'c'],
    ]);
    expect(edges[0]!.className).toContain('knowledge-edge--done');
    expect(edges[1]!.className).not.toContain('--done');
  });

  it('puts a new lesson below the others', () => {
    expect(nextNodePosition([])).toEqual({ x: 0, y: 0 });
    expect(nextNodePosition(graph.nodes!)).toEqual({ x: 73, y: 420 });
  });
});

describe('statuses', () => {
  it('opens all but locked lessons', () => {
    expect(['locked', 'available', 'inProgress', 'passed'].map((s) => isOpenable(s as never))).toEqual([false, true, true, true]);
  });

  it('says the status and the score once there is one', () => {
    const label = (status: string | null) => (status ?? '').toUpperCase();
    expect(statusSummary('inProgress', 40, label)).toBe('INPROGRESS · 40%');
    expect(statusSummary('available', 0, label)).toBe('AVAILABLE');
    expect(statusSummary(null, null, label)).toBe('');
  });

  it('reads the cycle a refused edge would close', () => {
    expect(cycleOf({ code: 'graphCycle', cycle: ['A', 'B', 'A'] })).toEqual(['A', 'B', 'A']);
    expect(cycleOf({ cycle: [{ title: 'A' }, { lessonTitle: 'B' }] })).toEqual(['A', 'B']);
    expect(cycleOf({})).toEqual([]);
  });
});

describe('answerText', () => {
  it('drops a decimal’s trailing zeros and leaves text alone', () => {
    expect(['3.000000', '3.500', '-0.250', '10', 'Paris 2.0 ', '1.0.0'].map(answerText)).toEqual(['3', '3.5', '-0.25', '10', 'Paris 2.0 ', '1.0.0']);
  });
});
