// Which file a start script runs.
import { expect, test } from 'vitest';
import { fileFromScript } from '../../src/detect/start-script.js';

const cases: [string, string | undefined][] = [
  ['node server.js', 'server.js'],
  ['node --enable-source-maps dist/x.js', 'dist/x.js'],
  ['NODE_ENV=production node ./server.js', './server.js'],
  ['cross-env NODE_ENV=production node index.js', 'index.js'],
  ['node -r dotenv/config src/main.js', 'src/main.js'],
  ['node --require=dotenv/config src/main.js', 'src/main.js'],
  ['node --import ./otel.mjs --env-file .env app.mjs', 'app.mjs'],
  ['node --watch server.js', 'server.js'],
  ['npm run build && node dist/server.js', 'dist/server.js'],
  ['node dist/server.js | pino-pretty', 'dist/server.js'],
  ['tsx watch src/index.ts', 'src/index.ts'],
  ['ts-node --project tsconfig.json src/app.ts', 'src/app.ts'],
  ['nodemon -e js,json --watch src src/server.js', 'src/server.js'],
  ['node "my server.js"', 'my server.js'],
  ['./node_modules/.bin/node server.js', 'server.js'],
  ['node -- server.js', 'server.js'],
  ['node -e "require(\'./x\')"', undefined],
  ['next start', undefined],
  ['nest start', undefined],
  ['node', undefined],
  ['', undefined],
];

test.each(cases)('%j runs %j', (command, file) => {
  expect(fileFromScript(command)).toBe(file);
});

test.each([
  ['npm run serve', 'dist/main.js'],
  ['yarn serve', 'dist/main.js'],
  ['pnpm run serve', 'dist/main.js'],
  ['npm run-script serve', 'dist/main.js'],
  ['npm run build && npm run serve', 'dist/main.js'],
  ['npm run loop', undefined],
  ['npm run missing', undefined],
  ['npm serve', undefined],
])('%j follows the script it calls -> %j', (command, file) => {
  const scripts = { serve: 'NODE_ENV=production node dist/main.js', build: 'tsc', loop: 'npm run again', again: 'npm run loop' };
  expect(fileFromScript(command, scripts)).toBe(file);
});
