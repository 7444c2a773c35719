import path from "node:path";

/**
 * When the project is started as root, the embedded PostgreSQL runs as the unprivileged user
 * `postgres`, which must be able to enter every folder above its binaries and its data
 * directory. Under a folder such as /root it cannot, and `initdb` fails with a bare EACCES.
 * These helpers find the folder that blocks it so that start-up can say what to do.
 */

export interface FolderMode {
  /** permission bits (`stat.mode & 0o777`) */
  mode: number;
  uid: number;
  gid: number;
}

export interface RunAs {
  /** uid and gid of the user the server runs as, or null when that user does not exist yet */
  uid: number | null;
  gid: number | null;
}

/** True when a user can search (enter) a folder with these permissions. */
export function canEnter(folder: FolderMode, user: RunAs): boolean {
  if (user.uid !== null && folder.uid === user.uid) return (folder.mode & 0o100) !== 0;
  if (user.gid !== null && folder.gid === user.gid) return (folder.mode & 0o010) !== 0;
  return (folder.mode & 0o001) !== 0;
}

/** Every folder from the root down to `target` itself. */
export function ancestors(target: string): string[] {
  const out: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    out.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) return out;
    current = parent;
  }
}

/**
 * The first folder on the way to `target` that `user` cannot enter, or null. `stat` returns
 * null for a folder that does not exist yet (it will be created by the server's owner).
 */
export function blockingFolder(target: string, user: RunAs, stat: (folder: string) => FolderMode | null): string | null {
  for (const folder of ancestors(target)) {
    const mode = stat(folder);
    if (mode === null) return null;
    if (!canEnter(mode, user)) return folder;
  }
  return null;
}

/** The message start-up prints when the embedded server would not be able to enter `folder`. */
export function rootAccessMessage(folder: string, mode: number): string {
  const octal = mode.toString(8).padStart(3, "0");
  return [
    `Started as root: the embedded PostgreSQL runs as the user "postgres", which cannot enter ${folder} (mode ${octal}).`,
    "Do one of these:",
    "  - move the project to a folder every user can enter (for example under /srv or /opt) and start it there;",
    "  - start it as an ordinary user instead of root;",
    `  - let other users enter the folder: chmod o+x ${folder} (only if that is acceptable on this machine);`,
    "  - or set DATABASE_URL to a PostgreSQL server you run yourself.",
  ].join("\n");
}
