// The HEALTHCHECK script every service gets (workers none): Node's own fetch, so the image needs no
// curl or wget. With a health route (detected, the recipe's, or --healthcheck-path) a 2xx answer is
// healthy; without one, any HTTP answer from / is (a 404 still proves the server is up and
// answering; a redirect is not followed), while a refused connection or a 4 s timeout is not. The port is the one the app reads
// from PORT when it is set at run time, else the generated one.
import type { Options } from '../options/options.js';

export function healthProbe(options: Pick<Options, 'port' | 'healthcheckPath' | 'worker' | 'noHealthcheck'>): string | undefined {
  if (options.worker || options.noHealthcheck || options.port === undefined) return undefined;
  const url = `'http://127.0.0.1:'+(process.env.PORT||${options.port})+'${options.healthcheckPath ?? '/'}'`;
  // Without a route a redirect is an answer too: not followed (it may point at a host the container cannot reach).
  const [init, verdict] = options.healthcheckPath === undefined ? [",redirect:'manual'", '()=>process.exit(0)'] : ['', 'r=>process.exit(r.ok?0:1)'];
  return `fetch(${url},{signal:AbortSignal.timeout(4000)${init}}).then(${verdict},()=>process.exit(1))`;
}
