// What verify learns from INSIDE the running container, with the image's own node: the uid of
// every process, the TCP sockets listening, and whether the port answers HTTP. Running inside
// needs no published port and no bridge network, so it works on any engine.

export interface InsideFacts {
  processes: { pid: number; uid: number; name: string }[];
  /** Listening TCP sockets: address as printed (e.g. 0.0.0.0, ::, 127.0.0.1) and port. */
  listening: { address: string; port: number }[];
  /** HTTP status of GET http://127.0.0.1:<port><path>, or the error code. */
  http?: { status?: number; error?: string };
}

/** The script `docker exec <c> node -e <script> <port> <path>` runs; prints InsideFacts as JSON. */
export const INSIDE_PROBE_SCRIPT = `
const fs = require('fs');
const [port, path] = process.argv.slice(1);
const processes = [];
for (const d of fs.readdirSync('/proc')) {
  if (!/^\\d+$/.test(d) || Number(d) === process.pid) continue;
  try {
    const s = fs.readFileSync('/proc/' + d + '/status', 'utf8');
    const argv0 = fs.readFileSync('/proc/' + d + '/cmdline', 'utf8').split('\\0')[0] || /^Name:\\s+(.*)$/m.exec(s)[1];
    processes.push({ pid: Number(d), uid: Number(/^Uid:\\s+(\\d+)/m.exec(s)[1]), name: argv0.split('/').pop() });
  } catch {}
}
const listening = [];
for (const f of ['tcp', 'tcp6']) {
  let text = '';
  try { text = fs.readFileSync('/proc/net/' + f, 'utf8'); } catch { continue; }
  for (const line of text.split('\\n').slice(1)) {
    const c = line.trim().split(/\\s+/);
    if (c[3] !== '0A') continue;
    const [hex, p] = c[1].split(':');
    listening.push({ address: hex, port: parseInt(p, 16) });
  }
}
const done = (http) => { process.stdout.write(JSON.stringify({ processes, listening, http })); };
if (!port) done(undefined);
else fetch('http://127.0.0.1:' + port + path, { signal: AbortSignal.timeout(3000), redirect: 'manual' })
  .then((r) => done({ status: r.status }), (e) => done({ error: String((e.cause && e.cause.code) || e.name) }));
`;

export function parseInsideFacts(stdout: string): InsideFacts | undefined {
  try {
    const raw = JSON.parse(stdout) as InsideFacts;
    return { ...raw, listening: raw.listening.map((l) => ({ address: decodeAddress(l.address), port: l.port })) };
  } catch {
    return undefined;
  }
}

/** /proc/net/tcp{,6} addresses are hex, 32-bit words in host (little-endian) order. */
export function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((w) => (w.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16)));
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255) return bytes.slice(12).join('.');
  if (bytes.every((b) => b === 0)) return '::';
  if (bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1) return '::1';
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}
