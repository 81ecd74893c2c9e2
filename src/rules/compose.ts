// The compose rules: every service runs with a read-only root filesystem, no capabilities, no
// privilege escalation, a non-root user, and never privileged. YAML is parsed by `yaml` (bundled,
// loaded only with the check command) with line numbers, so findings point at the service.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Hit } from './catalog.js';

export interface ComposeResult {
  hits: Hit[];
  /** Every service sets `init: true`. */
  allInit: boolean;
}

export class ComposeSyntaxError extends Error {}

export interface ComposeContext {
  /** The Dockerfile's final stage sets a non-root USER, so a service without `user:` is still not root. */
  imageNonRoot: boolean;
}

export function checkComposeText(text: string, context: ComposeContext): ComposeResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) throw new ComposeSyntaxError(document.errors[0]!.message.split('\n')[0] ?? 'invalid YAML');
  const lineOf = (node: unknown) => {
    const range = (node as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const services = isMap(document.contents) ? document.contents.get('services', true) : undefined;
  if (!isMap(services)) return { hits: [], allInit: false };
  const hits: Hit[] = [];
  let allInit = services.items.length > 0;
  for (const pair of services.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : 'service';
    const line = lineOf(pair.key);
    if (!isMap(pair.value)) continue;
    const service = pair.value as YAMLMap;
    const value = (key: string) => service.get(key, true) as Node | undefined;
    const scalar = (key: string) => { const node = value(key); return isScalar(node) ? node.value : undefined; };
    const list = (key: string) => { const node = value(key); return isSeq(node) ? node.items.map((i) => (isScalar(i) ? String(i.value) : '')) : []; };
    const at = (key: string) => (value(key) ? lineOf(value(key)) : line);
    if (scalar('init') !== true) allInit = false;
    if (scalar('privileged') === true) hits.push({ rule: 'compose-privileged', line: at('privileged'), message: `service ${name} runs privileged: full access to the host` });
    if (scalar('read_only') !== true) hits.push({ rule: 'compose-read-only', line: at('read_only'), message: `service ${name} does not set read_only: true` });
    if (!list('cap_drop').some((c) => c.toUpperCase() === 'ALL')) hits.push({ rule: 'compose-cap-drop', line: at('cap_drop'), message: `service ${name} does not drop all capabilities (cap_drop: [ALL])` });
    if (!list('security_opt').some((o) => /^no-new-privileges([:=]true)?$/.test(o))) hits.push({ rule: 'compose-no-new-privileges', line: at('security_opt'), message: `service ${name} does not set security_opt: no-new-privileges:true` });
    const user = scalar('user');
    const userText = user === undefined || user === null ? undefined : String(user);
    const root = userText !== undefined && /^(root|0)(:|$)|:(root|0)$/.test(userText);
    if (root || (userText === undefined && !context.imageNonRoot)) {
      hits.push({ rule: 'compose-user', line: at('user'), message: root ? `service ${name} runs as ${userText}` : `service ${name} sets no user and the image runs as root` });
    }
  }
  return { hits, allInit };
}
