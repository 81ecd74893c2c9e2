// A health route written as a string literal in the entry source ('/health', "/healthz", `/ready`).
// The most conventional name wins when several appear.
const HEALTH_PATHS = ['/health', '/healthz', '/healthcheck', '/api/health', '/livez', '/readyz', '/ready', '/status', '/ping'];

export function detectHealthPath(source: string): string | undefined {
  return HEALTH_PATHS.find((route) => new RegExp(String.raw`['"\`]${route.replace(/\//g, '\\/')}['"\`]`).test(source));
}
