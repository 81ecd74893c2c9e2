// Port detection from the entry source, then .env.
import { expect, test } from 'vitest';
import { detectProject } from '../../src/detect/index.js';
import { memoryFs } from '../support/memory-fs.js';

async function portOf(source: string, dotenv?: string): Promise<number | undefined> {
  const files: Record<string, string> = { 'package.json': '{"main":"index.js"}', 'index.js': source };
  if (dotenv !== undefined) files['.env'] = dotenv;
  return (await detectProject(memoryFs(files))).port;
}

test.each([
  ['const port = process.env.PORT || 3000;', 3000],
  ['const port = process.env.PORT ?? 8080;', 8080],
  ["const port = parseInt(process.env.PORT || '5000', 10);", 5000],
  ['server.listen(Number(process.env.PORT) || 4100);', 4100],
  ["const port = process.env['PORT'] || 7000;", 7000],
  ['app.listen(3001, () => {});', 3001],
  ['await app.listen({ port: 9000, host: "0.0.0.0" });', 9000],
  ['await app.listen({ host: "0.0.0.0", port: 9001 });', 9001],
  ['app.listen(port);', undefined],
  ['const PORT = 3002;\napp.listen(process.env.PORT || PORT);', 3002],
  ['const DEFAULT_PORT: number = 3003;\nconst port = Number(process.env.PORT ?? DEFAULT_PORT);', 3003],
  ["let port = '3004';\nserver.listen(port);", 3004],
  ['server.listen(port, host); server.listen(3005);', 3005],
  ['const port = process.env.PORT || fallbackPort();', undefined],
  ['const port = process.env.PORT || 70000;', undefined],
  ['const port = process.env.PORT || 0;', undefined],
])('%s -> %s', async (source, port) => {
  expect(await portOf(source)).toBe(port);
});

test('source default wins over .env (a container does not get .env)', async () => {
  expect(await portOf('app.listen(process.env.PORT || 3000)', 'PORT=4000\n')).toBe(3000);
});

test.each([
  ['PORT=4000\n', 4000],
  ['# comment\nexport PORT="4001" # web\n', 4001],
  ["HOST=0.0.0.0\nPORT='4002'\n", 4002],
  ['APP_PORT=5000\n', undefined],
])('.env %j -> %s when the source has none', async (dotenv, port) => {
  expect(await portOf('app.listen(port)', dotenv)).toBe(port);
});
