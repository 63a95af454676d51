// Performance budget: the JavaScript the first screen loads, gzipped, must stay under 200 KB.
// The first screen loads index.html's module script and the modules it imports statically.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
const files = new Set(entries);
const total = [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
const kb = (total / 1024).toFixed(1);
console.log(`First-screen JavaScript: ${kb} KB gzipped (${files.size} file(s); ${all.length} chunks in all). Budget: 200 KB.`);
if (total > 200 * 1024) {
  console.error('Over the 200 KB budget.');
  process.exit(1);
}
