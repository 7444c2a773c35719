import { describe, expect, it } from "vitest";
import { ancestors, blockingFolder, canEnter, rootAccessMessage, type FolderMode } from "./root-access";

const tree: Record<string, FolderMode> = {
  "/": { mode: 0o755, uid: 0, gid: 0 },
  "/root": { mode: 0o700, uid: 0, gid: 0 },
  "/root/app": { mode: 0o755, uid: 0, gid: 0 },
  "/srv": { mode: 0o755, uid: 0, gid: 0 },
  "/srv/app": { mode: 0o750, uid: 0, gid: 120 },
  "/srv/app/.data": { mode: 0o700, uid: 110, gid: 120 },
};
const stat = (f: string) => tree[f] ?? null;

describe("root access of the embedded server", () => {
  it("lists every folder from the root down", () => {
    expect(ancestors("/root/app/.data")).toEqual(["/", "/root", "/root/app", "/root/app/.data"]);
  });

  it("finds the folder other users cannot enter", () => {
    expect(blockingFolder("/root/app/.data/pg", { uid: 110, gid: 120 }, stat)).toBe("/root");
    expect(blockingFolder("/root/app", { uid: null, gid: null }, stat)).toBe("/root");
  });

  it("uses the owner and group bits when the user owns the folder or is in its group", () => {
    expect(blockingFolder("/srv/app/.data/pg", { uid: 110, gid: 120 }, stat)).toBeNull();
    expect(canEnter(tree["/srv/app"]!, { uid: 999, gid: 999 })).toBe(false);
    expect(canEnter(tree["/srv/app/.data"]!, { uid: 110, gid: 1 })).toBe(true);
  });

  it("stops at a folder that does not exist yet", () => {
    expect(blockingFolder("/srv/new/place", { uid: null, gid: null }, stat)).toBeNull();
  });

  it("says what to do", () => {
    const text = rootAccessMessage("/root", 0o700);
    expect(text).toContain("cannot enter /root (mode 700)");
    expect(text).toContain("DATABASE_URL");
    expect(text).toContain("chmod o+x /root");
  });
});
