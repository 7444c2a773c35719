/**
 * Child processes in their own process group, stopped by their parent only.
 *
 * Ctrl-C in a terminal sends SIGINT to every process of the foreground process group. A child
 * in that group (PostgreSQL, the web server, a worker) would stop on its own, in no order — the
 * database before the web server has finished its requests. A guarded child is spawned
 * `detached` (a session and process group of its own, out of the terminal's reach) behind a
 * small POSIX shell guard that holds the read end of a pipe from the parent:
 *
 *   - the parent asks it to stop by closing the pipe: the guard sends the child its stop signal
 *     (SIGTERM for the app's processes, SIGINT — a fast, clean shutdown — for PostgreSQL) and
 *     exits with the child's status once it has ended;
 *   - the pipe also closes when the parent dies in any way (even SIGKILL), so a guarded child
 *     never outlives the launcher as an orphan.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";

/**
 * "$@" runs in the background (stdin from /dev/null); a watcher subshell reads the pipe, kept
 * on fd 3 (a background list would get /dev/null as its stdin), and signals the child at its
 * end-of-file; the guard waits for the child and passes on its exit status.
 */
const GUARD_SCRIPT = [
  '"$@" </dev/null &',
  "child=$!",
  "exec 3<&0",
  '( read -r line <&3; kill -"$GUARD_SIGNAL" "$child" 2>/dev/null ) &',
  "watcher=$!",
  "exec 3<&- 0</dev/null",
  'wait "$child"',
  "code=$?",
  'kill "$watcher" 2>/dev/null',
  'exit "$code"',
].join("\n");

export interface GuardedOptions {
  /** the signal the child gets when its parent stops it or dies */
  stopSignal: "TERM" | "INT";
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** stdout and stderr */
  output?: "inherit" | "pipe";
  uid?: number;
  gid?: number;
}

/** Spawns `command` in a process group of its own behind the guard (see above). */
export function spawnGuarded(command: string, args: string[], options: GuardedOptions): ChildProcess {
  const output = options.output ?? "inherit";
  const stdio: StdioOptions = ["pipe", output, output];
  const child = spawn("/bin/sh", ["-c", GUARD_SCRIPT, "guard", command, ...args], {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), GUARD_SIGNAL: options.stopSignal },
    stdio,
    detached: true,
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  // A parent that goes away closes the pipe: that is the point, not an error.
  child.stdin!.on("error", () => undefined);
  return child;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Kills whatever is left in the child's process group (a grandchild that outlived it). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is empty
  }
}

/**
 * Asks a guarded child to stop (its stop signal) and waits for it; after `timeoutMs` its whole
 * process group is killed. Resolves once it has exited.
 */
export function stopGuarded(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(kill);
      killGroup(child, "SIGKILL");
      resolve();
    };
    const kill = setTimeout(() => killGroup(child, "SIGKILL"), timeoutMs);
    if (hasExited(child)) return done();
    child.once("exit", done);
    child.stdin?.end();
  });
}
