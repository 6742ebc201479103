// Owns the import-cycle check: no file of src/ imports itself back, and no folder of src/ imports a folder that imports it back.
//
// The sources are read through Vite's import.meta.glob (raw text), so the check needs no Node types in the
// web project. Every static import and export-from counts, type-only ones too: a cycle of types is
// still two modules that cannot be understood (or moved) one without the other. A lazy import() does
// not: it is a load boundary (app/routes.tsx reaches the pages that way).
//
// The layers this keeps apart: src/app (the shell: App, the route table) imports features; features
// and components import src/state (the providers: ledger, i18n, undo, router, clock), never src/app.
import { describe, expect, it } from 'vitest'

const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true })

/** 'src/...' paths of the non-test sources, to their text. */
const files = new Map(Object.entries(sources).map(([key, text]) => [`src/${key.slice(2)}`, text]))

// import ... from 'x' / export ... from 'x' (clauses may span lines), and import 'x' for its effects.
const IMPORT_PATTERNS = [/\b(?:import|export)\s+[\w\s{},*$]*?\bfrom\s*(['"])([^'"\n]+)\1/g, /\bimport\s*(['"])([^'"\n]+)\1/g]

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
}

function specifiers(text: string): string[] {
  const code = withoutComments(text)
  return IMPORT_PATTERNS.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[2]!))
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/'))
}

function normalise(path: string): string {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '..') out.pop()
    else if (part !== '.' && part !== '') out.push(part)
  }
  return out.join('/')
}

/** The source file a specifier names ('@/' is src/; .ts, .tsx or a folder's index), or null for packages and anything outside src. */
function resolveSpecifier(from: string, spec: string, known: ReadonlySet<string> | ReadonlyMap<string, unknown>): string | null {
  let base: string
  if (spec.startsWith('@/')) base = `src/${spec.slice(2)}`
  else if (spec.startsWith('.')) base = normalise(`${dirname(from)}/${spec}`)
  else return null
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (known.has(candidate)) return candidate
  return null
}

type Graph = Map<string, Set<string>>

function add(graph: Graph, from: string, to: string): void {
  let targets = graph.get(from)
  if (!targets) graph.set(from, (targets = new Set()))
  targets.add(to)
}

/** The strongly connected components with more than one node (Tarjan's algorithm, iterative). */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const out: string[][] = []
  let counter = 0
  for (const root of graph.keys()) {
    if (index.has(root)) continue
    const work: { node: string; next: Iterator<string> }[] = []
    const enter = (node: string) => {
      index.set(node, counter)
      low.set(node, counter++)
      stack.push(node)
      onStack.add(node)
      work.push({ node, next: (graph.get(node) ?? new Set<string>()).values() })
    }
    enter(root)
    while (work.length > 0) {
      const top = work[work.length - 1]!
      const step = top.next.next()
      if (!step.done) {
        const w = step.value
        if (!index.has(w)) enter(w)
        else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!))
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!))
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = []
        let w: string
        do {
          w = stack.pop()!
          onStack.delete(w)
          component.push(w)
        } while (w !== top.node)
        if (component.length > 1) out.push(component.sort())
      }
    }
  }
  return out
}


/** Every import edge between two source files of src/. */
function fileEdges(): [string, string][] {
  const edges: [string, string][] = []
  for (const [file, text] of files)
    for (const spec of specifiers(text)) {
      const target = resolveSpecifier(file, spec, files)
      if (target !== null && target !== file) edges.push([file, target])
    }
  return edges
}

/** The cycles of a graph, each with the edges inside it as `from -> to` lines, for a message that says where to cut. */
function report(graph: Graph, why: Map<string, string>): string[] {
  return cycles(graph).map((component) => {
    const inside = new Set(component)
    const lines = component.flatMap((a) => [...(graph.get(a) ?? [])].filter((b) => inside.has(b)).map((b) => `  ${a} -> ${b}${why.has(`${a} ${b}`) ? `  (${why.get(`${a} ${b}`)})` : ''}`))
    return [component.join(' <-> '), ...lines].join('\n')
  })
}

describe('import cycles in src/', () => {
  const edges = fileEdges()

  it('finds the sources and their imports', () => {
    // Guards the check itself: a glob or a pattern that matched nothing would pass every test below.
    expect(files.size).toBeGreaterThan(100)
    expect(edges.length).toBeGreaterThan(files.size)
    expect(specifiers("import { a,\n  type B } from './x'\nexport * from '@/y'\nimport './z.css'\nconst P = lazy(() => import('../w'))\n// import q from './no'")).toEqual(['./x', '@/y', './z.css'])
  })

  it('no file imports itself back', () => {
    const graph: Graph = new Map()
    for (const [from, to] of edges) add(graph, from, to)
    expect(report(graph, new Map())).toEqual([])
  })

  it('no folder imports itself back (edges between different folders)', () => {
    const graph: Graph = new Map()
    const example = new Map<string, string>()
    for (const [from, to] of edges) {
      const a = dirname(from)
      const b = dirname(to)
      if (a === b) continue
      add(graph, a, b)
      if (!example.has(`${a} ${b}`)) example.set(`${a} ${b}`, `${from.slice(a.length + 1)} imports ${to.slice(b.length + 1)}`)
    }
    expect(report(graph, example)).toEqual([])
  })
})
