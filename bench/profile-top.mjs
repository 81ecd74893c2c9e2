// Where a CLI run's time goes, from V8 CPU profiles (node --cpu-prof): self time summed by script
// (bundle chunk or node: internal) and the heaviest functions, averaged over the profiles given.
// Usage: node bench/profile-top.mjs <dir-of-.cpuprofile-files> [top=12]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, topArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/profile-top.mjs <dir-of-.cpuprofile-files> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 12);
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
if (files.length === 0) {
  console.error(`no .cpuprofile files in ${dir}`);
  process.exit(2);
}
const byScript = new Map();
const byFunction = new Map();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, us] of dt) {
    const { callFrame } = nodes.get(id);
    const script = callFrame.url ? path.basename(callFrame.url).replace(/^(?!chunk-)([a-z-]+)-[A-Z0-9]{8}\.js$/, '$1.js') : `(${callFrame.functionName || 'program'})`;
    const fn = `${callFrame.functionName || '(anonymous)'} ${script}:${callFrame.lineNumber + 1}`;
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    total += us;
  }
}
const ms = (us) => (us / 1000 / files.length).toFixed(1).padStart(6);
const print = (title, map) => {
  console.log(title);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us)} ms  ${((100 * us) / total).toFixed(0).padStart(3)}%  ${name}`);
};
console.log(`${files.length} profile(s), ${ms(total).trim()} ms sampled per run`);
print('self time by script:', byScript);
print('self time by function:', byFunction);
