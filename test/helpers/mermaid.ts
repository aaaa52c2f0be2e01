/**
 * Parse Mermaid flowcharts with Mermaid's own parser, in plain Node (no browser), and read back what it
 * understood. `mermaid.parse` runs the real flowchart grammar and the FlowDB that rendering uses; the only
 * browser dependency on that path is DOMPurify, which Mermaid calls to sanitise label text. Without a DOM
 * DOMPurify exports a bare stub, so it is given pass-through `sanitize`/`addHook`: labels are then kept
 * verbatim, which is what a syntax check wants. Layout and SVG output (which need a browser) are not run.
 */

interface FlowVertex {
  id: string;
  text?: string;
  classes: string[];
}

interface FlowEdge {
  start: string;
  end: string;
  type?: string;
  stroke?: string;
  text?: string;
  style?: string[];
}

interface FlowSubGraph {
  id: string;
  title: string;
  nodes: string[];
}

/** What Mermaid's FlowDB holds after parsing a flowchart. */
export interface ParsedFlowchart {
  vertices: FlowVertex[];
  edges: FlowEdge[];
  subgraphs: FlowSubGraph[];
  classes: string[];
}

interface FlowDb {
  getVertices(): Map<string, FlowVertex>;
  getEdges(): FlowEdge[];
  getSubGraphs(): FlowSubGraph[];
  getClasses(): Map<string, unknown>;
}

type Mermaid = typeof import('mermaid').default;

let loaded: Promise<Mermaid> | undefined;

async function load(): Promise<Mermaid> {
  const { default: purify } = await import('dompurify');
  if (typeof purify.sanitize !== 'function') {
    Object.assign(purify, { sanitize: (text: string) => text, addHook: () => undefined });
  }
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
}

/** Parse `text` as Mermaid; throws Mermaid's own error (with line and expected tokens) when it is invalid. */
export async function parseFlowchart(text: string): Promise<ParsedFlowchart> {
  loaded ??= load();
  const mermaid = await loaded;
  const result = await mermaid.parse(text);
  if (result.diagramType !== 'flowchart-v2') {
    throw new Error(`not a flowchart: ${JSON.stringify(result)}`);
  }
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as FlowDb;
  return {
    vertices: [...db.getVertices().values()],
    edges: db.getEdges(),
    subgraphs: db.getSubGraphs(),
    classes: [...db.getClasses().keys()],
  };
}
