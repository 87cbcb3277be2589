import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SERVER } from './zones.mjs';

/**
 * A browser command (it runs in Node, called from the test in the browser): renders every case
 * for data seen at `now` in a Node process of its own, in the server's zone and locale.
 */
export async function renderOnServer(_context, now) {
  const script = fileURLToPath(new URL('./server-render.mjs', import.meta.url));
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, now], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, ...SERVER.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const result = JSON.parse(stdout);
  return { ...result, problems: stderr ? [...result.problems, `stderr: ${stderr}`] : result.problems };
}
