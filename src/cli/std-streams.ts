// Standard output and error for the CLI without process.stdout and process.stderr when those are not
// terminals. Reading either creates a stream, and that loads Node's stream modules (about 20
// internal modules: 5-6 ms of a 90 ms `node -e 0` on this machine, on Node 20 and 26) for a run that
// only writes a report to a pipe or a file. Writes to a pipe, file or socket are made with
// fs.writeSync, which is what those streams do on Linux anyway (synchronous writes), so output keeps
// its order and nothing is lost at exit.
import { fs } from '../core/node-fs.js';

type Fd = 0 | 1 | 2;
type Stream = { isTTY?: boolean; write(data: string | Uint8Array): unknown };

const stream = (fd: Fd): Stream => (fd === 0 ? process.stdin : fd === 1 ? process.stdout : process.stderr);

/** Whether fd is a terminal. Only a character device can be (a terminal or /dev/null): for those, the stream is asked. */
export function isTerminal(fd: Fd): boolean {
  return characterDevice(fd) === true && Boolean(stream(fd).isTTY);
}

/**
 * A writer for fd 1 or 2, chosen at its first write: the stream for a terminal or a character device
 * (prompts and spinners share it), else fs.writeSync. A descriptor left non-blocking by the parent
 * (EAGAIN) hands the rest to the stream; a reader that went away (EPIPE) ends the output silently,
 * as for `create-secure-node-docker --json | head -1`.
 */
export function stdWriter(fd: 1 | 2): (text: string) => void {
  let mode: 'stream' | 'fd' | 'closed' | undefined;
  return (text) => {
    mode ??= characterDevice(fd) === false ? 'fd' : 'stream';
    if (mode === 'stream') {
      stream(fd).write(text);
      return;
    }
    if (mode === 'closed') return;
    const data = Buffer.from(text);
    for (let offset = 0; offset < data.length; ) {
      try {
        offset += fs.writeSync(fd, data, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          mode = 'stream';
          stream(fd).write(data.subarray(offset));
        } else if (code === 'EPIPE') {
          mode = 'closed';
        } else {
          throw error;
        }
        return;
      }
    }
  };
}

/** undefined: fstat failed (a closed descriptor); the stream decides what that means, as before. */
function characterDevice(fd: Fd): boolean | undefined {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return undefined;
  }
}
