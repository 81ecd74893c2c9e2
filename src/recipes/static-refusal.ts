// Apps whose build is a folder of static files have no Node server for a container to run. The tool
// says so in one line (exit 2) rather than writing a Dockerfile whose command starts nothing.
import { UsageError } from '../errors.js';

export function staticSite(found: string): UsageError {
  return new UsageError(`${found}: static site, no Node server to run (serve the build output with any static web server)`);
}
