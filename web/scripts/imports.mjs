// The import rules of src/: a feature (src/features/x) uses the shared layers (api/, lib/,
// components/); another feature only through that feature's public index.ts, and never so that
// features depend on each other in a circle; the shared layers import no feature. Prints every
// cross-feature import and fails (exit 1) on a cycle between features, on an import past a
// feature's index.ts, or on a shared layer importing a feature. Run by `npm run lint`.
//
//   node scripts/imports.mjs           the report; exit 1 on a broken rule
//   node scripts/imports.mjs --quiet   only what is broken
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHARED = ['api', 'lib', 'components'];

/** Every .ts/.tsx file under a folder, tests included (a test is code that imports too). */
export function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The module specifiers a file names: static imports, re-exports and dynamic import(). */
export function specifiers(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) found.push(m[1]);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  return found;
}

function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined; // a package
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Where a file sits: a feature's name (and whether it is its index.ts), a shared layer, or the app shell. */
function placeOf(src, file) {
  const [top, second, ...rest] = relative(src, file).split(/[\\/]/);
  if (top === 'features' && second) return { feature: second, index: rest.length === 1 && /^index\.tsx?$/.test(rest[0]) };
  return { layer: top };
}

/** Elementary cycles of a small directed graph, each listed once (from its smallest node). */
export function cycles(edges) {
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])].sort();
  const found = [];
  for (const start of nodes) {
    const walk = (node, path) => {
      for (const next of [...(edges.get(node) ?? [])].sort()) {
        if (next === start) found.push([...path]);
        else if (next > start && !path.includes(next)) walk(next, [...path, next]);
      }
    };
    walk(start, [start]);
  }
  return found;
}

/** Reads src/ and answers the cross-feature imports, the feature cycles and the broken rules. */
export function analyse(src) {
  const crossFeature = [];
  const pastIndex = [];
  const layerBreaches = [];
  const edges = new Map();
  for (const file of sourceFiles(src)) {
    const from = placeOf(src, file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, specifier);
      if (!target) continue;
      const to = placeOf(src, target);
      const entry = { from: relative(src, file), to: relative(src, target) };
      if (from.feature && to.feature && from.feature !== to.feature) {
        crossFeature.push(entry);
        if (!to.index) pastIndex.push(entry);
        if (!edges.has(from.feature)) edges.set(from.feature, new Set());
        edges.get(from.feature).add(to.feature);
      }
      if (from.layer && SHARED.includes(from.layer) && to.feature) layerBreaches.push(entry);
    }
  }
  return { crossFeature, cycles: cycles(edges), pastIndex, layerBreaches };
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const quiet = process.argv.includes('--quiet');
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const { crossFeature, cycles: found, pastIndex, layerBreaches } = analyse(src);
  if (!quiet) {
    console.log(`Cross-feature imports: ${crossFeature.length}`);
    for (const { from, to } of crossFeature) console.log(`  ${from} → ${to}`);
  }
  for (const cycle of found) console.error(`Import cycle between features: ${[...cycle, cycle[0]].join(' → ')}`);
  for (const { from, to } of pastIndex) console.error(`Import past another feature's index.ts: ${from} → ${to}`);
  for (const { from, to } of layerBreaches) console.error(`A shared layer imports a feature: ${from} → ${to}`);
  console.log(
    `Feature cycles: ${found.length}. Imports past a feature's index.ts: ${pastIndex.length}. Shared layers importing features: ${layerBreaches.length}.`,
  );
  if (found.length + pastIndex.length + layerBreaches.length > 0) process.exit(1);
}
