/**
 * Render Mermaid diagrams to SVG with the real Mermaid browser bundle in headless Chromium (Debian's
 * `chromium` package, driven by playwright-core, which never downloads a browser of its own), then read
 * back what the browser drew: nodes, clusters and edges with their classes, computed colours and boxes.
 *
 * The code passed to `page.evaluate` runs in the page. The project compiles without the DOM library, so
 * the few browser objects it touches are described by the small interfaces below.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Mermaid's browser bundle: an IIFE that sets `globalThis.mermaid`. */
const MERMAID_BUNDLE = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

/** The network is closed on CI machines: no first-run, sync, update or QUIC traffic to wait for. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One drawn node: the flowchart id (`t1_1`), its classes, label text, box and computed shape colours. */
interface DrawnNode {
  id: string;
  classes: string[];
  text: string;
  box: Box;
  stroke: string;
  fill: string;
}

/** One drawn subgraph: its key (`wave1`), title text and box. */
interface DrawnCluster {
  id: string;
  text: string;
  box: Box;
}

/** One drawn edge: Mermaid's edge id (`L_t1_1_t1_2_0`), dotted or not, computed stroke and path length. */
interface DrawnEdge {
  id: string;
  dotted: boolean;
  stroke: string;
  length: number;
}

export interface DrawnFlowchart {
  width: number;
  height: number;
  nodes: DrawnNode[];
  clusters: DrawnCluster[];
  edges: DrawnEdge[];
  edgeLabels: string[];
}

interface MermaidApi {
  initialize(config: { startOnLoad: boolean }): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

interface PageElement {
  textContent: string | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  getBoundingClientRect(): Box & { width: number; height: number };
  getTotalLength(): number;
}

interface PageWindow {
  mermaid: MermaidApi;
  document: { body: PageElement };
  getComputedStyle(element: PageElement): { stroke: string; fill: string };
}

export interface MermaidBrowser {
  /** Mermaid's SVG for `text`; rejects with Mermaid's error when the diagram is invalid. */
  render(text: string): Promise<string>;
  /** Put `svg` into the page and read back the flowchart the browser laid out. */
  inspect(svg: string): Promise<DrawnFlowchart>;
  close(): Promise<void>;
}

/** Launch Chromium on a blank page with Mermaid loaded and initialised. */
export async function openMermaidBrowser(executablePath = CHROMIUM): Promise<MermaidBrowser> {
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}`);
  const profile = mkdtempSync(join(tmpdir(), 'specwright-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: ARGS,
      timeout: 30_000,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setContent('<!doctype html><html><head></head><body></body></html>');
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    await page.evaluate(() => {
      (globalThis as unknown as PageWindow).mermaid.initialize({ startOnLoad: false });
    });
    const opened = context;
    return {
      render: (text) =>
        page.evaluate(async (diagram) => {
          const { svg } = await (globalThis as unknown as PageWindow).mermaid.render('g', diagram);
          return svg;
        }, text),
      inspect: (svg) => page.evaluate(readFlowchart, svg),
      close: async () => {
        await opened.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Runs in the page: show `svg` in a fresh container and describe what was drawn. */
function readFlowchart(svg: string): DrawnFlowchart {
  const win = globalThis as unknown as PageWindow;
  win.document.body.innerHTML = svg;
  const root = win.document.body.querySelector('svg');
  if (root === null) throw new Error('the render produced no <svg>');
  const box = (el: PageElement): Box => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  const text = (el: PageElement) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const nodes: DrawnNode[] = [];
  for (const g of root.querySelectorAll('g.node')) {
    const shape = g.querySelector('rect, path, polygon, circle');
    const style = shape === null ? { stroke: '', fill: '' } : win.getComputedStyle(shape);
    nodes.push({
      id: /^g-flowchart-(.+)-\d+$/.exec(g.getAttribute('id') ?? '')?.[1] ?? '',
      classes: (g.getAttribute('class') ?? '').split(/\s+/).filter(Boolean),
      text: text(g),
      box: box(g),
      stroke: style.stroke,
      fill: style.fill,
    });
  }
  const clusters: DrawnCluster[] = [];
  for (const g of root.querySelectorAll('g.cluster')) {
    const rect = g.querySelector('rect');
    clusters.push({
      id: (g.getAttribute('id') ?? '').replace(/^g-/, ''),
      text: text(g),
      box: box(rect ?? g),
    });
  }
  const edges: DrawnEdge[] = [];
  for (const path of root.querySelectorAll('path.flowchart-link')) {
    edges.push({
      id: path.getAttribute('data-id') ?? '',
      dotted: (path.getAttribute('class') ?? '').includes('edge-pattern-dotted'),
      stroke: win.getComputedStyle(path).stroke,
      length: path.getTotalLength(),
    });
  }
  const edgeLabels = [...root.querySelectorAll('g.edgeLabel')].map(text).filter(Boolean);
  const size = root.getBoundingClientRect();
  return { width: size.width, height: size.height, nodes, clusters, edges, edgeLabels };
}
