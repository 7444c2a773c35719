import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, inject, it, vi } from "vitest";
import { main, parseArgs, runImport } from "~/scripts/import";
import { makeLab, makeUser, testDb, uid } from "~/server/testing/db";

/** `npm run -s import -- --lab … --sample … <file>`: a real import through the upload service. */

// Raw files go to a temporary DATA_DIR, set before any import reads the environment.
const dataDir = await vi.hoisted(async () => {
  const [fs, os, path] = await Promise.all([import("node:fs"), import("node:os"), import("node:path")]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sit-import-cli-"));
  process.env.DATA_DIR = dir;
  return dir;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Fit jobs of the labs made here are removed after each test, so that queue tests never wait behind them. */
const labsMade = new Set<string>();
afterEach(async () => {
  if (labsMade.size === 0) return;
  await testDb().$executeRawUnsafe(
    `DELETE FROM pgboss.job WHERE name = 'fit-curve' AND data->>'curveId' IN (SELECT id FROM "Curve" WHERE "labId" = ANY($1::text[]))`,
    [...labsMade],
  );
});

function writeCsv(name: string, text: string): string {
  const file = path.join(dataDir, name);
  writeFileSync(file, text);
  return file;
}

const rows = (n: number) => Array.from({ length: n }, (_, k) => `${(1.5 + 0.25 * k).toFixed(2)},${(800 - 3 * k).toFixed(1)}`);

describe("import (database)", () => {
  it("sends each channel to its own sample with --channels, with --readout and --temperature", async () => {
    const db = testDb();
    const owner = await makeUser(db, "Owner");
    const lab = await makeLab(db, owner.id);
    labsMade.add(lab.id);
    const [a, b] = [uid("s-"), uid("s-")];
    for (const id of [a, b]) await db.sample.create({ data: { id, labId: lab.id, name: `bar ${id}`, material: "Al", lineageRootId: id } });
    const lines = Array.from({ length: 30 }, (_, k) => `${(-0.15 + 0.01 * k).toFixed(3)}\t${(10 * k).toFixed(1)}\t${(5 * k).toFixed(1)}`);
    const file = writeCsv(`bars-${uid()}.dat`, `bpar\tlockin_1_ResX\tlockin_3_ResX\n${lines.join("\n")}\n`);
    const args = parseArgs(["--lab", lab.id, "--sample", a, "--channels", JSON.stringify({ lockin_3_ResX: b }), "--readout", "signed", "--temperature", "0.05", file]);
    const r = await runImport(args, inject("databaseUrl"));
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(new Set(out.sampleIds)).toEqual(new Set([a, b]));
    const curves = await db.curve.findMany({ where: { uploadId: out.uploadId }, select: { channel: true, sampleId: true, temperatureK: true, readout: true }, orderBy: { channel: "asc" } });
    expect(curves).toEqual([
      { channel: "lockin_1_ResX", sampleId: a, temperatureK: 0.05, readout: "SIGNED" },
      { channel: "lockin_3_ResX", sampleId: b, temperatureK: 0.05, readout: "SIGNED" },
    ]);
    expect(() => parseArgs(["--channels", "[1]", "f"])).toThrow(/--channels takes JSON/);
  });

  it("imports as the lab's first owner by slug, prints one JSON summary, and recognises the same file again", async () => {
    const db = testDb();
    const owner = await makeUser(db, "Owner");
    const lab = await makeLab(db, owner.id);
    labsMade.add(lab.id);
    const { slug } = await db.lab.findUniqueOrThrow({ where: { id: lab.id }, select: { slug: true } });
    const sampleId = uid("s-");
    await db.sample.create({ data: { id: sampleId, labId: lab.id, name: "cli film", material: "NbSi", lineageRootId: sampleId, squares: 5 } });
    const setup = await db.measurementSetup.create({ data: { labId: lab.id, name: `fridge ${uid()}` }, select: { id: true } });
    const file = writeCsv(`cli-${uid()}.csv`, `T (K),R (Ohm)\n${rows(30).join("\n")}\n`);

    const args = parseArgs(["--lab", slug, "--sample", sampleId, "--setup", setup.id, "--pressure", "2.5", file]);
    const r = await runImport(args, inject("databaseUrl"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ lab: slug, actingAs: owner.email, isDuplicate: false, curves: 1, queuedFits: 1, quantity: "SHEET_RESISTANCE", setupId: setup.id });
    const curve = await db.curve.findUniqueOrThrow({ where: { id: out.curveIds[0] }, select: { pressureGPa: true, rMax: true } });
    expect(curve.pressureGPa).toBe(2.5);
    expect(curve.rMax).toBeCloseTo(800 / 5, 9);
    const upload = await db.upload.findUniqueOrThrow({ where: { id: out.uploadId }, select: { uploadedById: true, originalName: true } });
    expect(upload).toEqual({ uploadedById: owner.id, originalName: path.basename(file) });

    const again = JSON.parse((await runImport(args, inject("databaseUrl"))).stdout);
    expect(again).toMatchObject({ isDuplicate: true, uploadId: out.uploadId });
  });

  it("refuses bad input with a JSON error naming the line, a sample of another lab, and a user who may not write", async () => {
    const db = testDb();
    const owner = await makeUser(db);
    const viewer = await makeUser(db);
    const lab = await makeLab(db, owner.id);
    labsMade.add(lab.id);
    await db.membership.create({ data: { labId: lab.id, userId: viewer.id, role: "VIEWER" } });
    const other = await makeLab(db, owner.id);
    const sampleId = uid("s-");
    await db.sample.create({ data: { id: sampleId, labId: lab.id, name: "f", material: "m", lineageRootId: sampleId } });
    const lines = ["T (K),R (Ohm)", ...rows(20)];
    lines[3] = "0,700";
    const bad = writeCsv(`bad-${uid()}.csv`, lines.join("\n"));

    const r = await runImport(parseArgs(["--lab", lab.id, "--sample", sampleId, bad]), inject("databaseUrl"));
    expect(r.code).toBe(1);
    const err = JSON.parse(r.stdout).error;
    expect(err.code).toBe("UNPROCESSABLE");
    expect(err.message).toMatch(/line 4, column 1 \("T \(K\)"\): temperature 0 K is not positive/);
    expect(err.details[0]).toMatchObject({ line: 4, column: 1 });
    const skipped = await runImport(parseArgs(["--lab", lab.id, "--sample", sampleId, "--skip-bad-rows", bad]), inject("databaseUrl"));
    expect(JSON.parse(skipped.stdout)).toMatchObject({ curves: 1 });

    const good = writeCsv(`good-${uid()}.csv`, `T (K),R (Ohm)\n${rows(20).join("\n")}\n`);
    const wrongLab = await runImport(parseArgs(["--lab", other.id, "--sample", sampleId, good]), inject("databaseUrl"));
    expect(wrongLab.code).toBe(1);
    expect(JSON.parse(wrongLab.stdout).error.message).toMatch(/is not a sample of lab/);
    const asViewer = await runImport(parseArgs(["--lab", lab.id, "--sample", sampleId, "--as", viewer.email, good]), inject("databaseUrl"));
    expect(JSON.parse(asViewer.stdout).error.code).toBe("FORBIDDEN");
    expect(await db.upload.count({ where: { labId: lab.id } })).toBe(1);
  });

  it("checks its arguments before touching the database", async () => {
    expect((await main(["--lab", "x", "f.csv"])).code).toBe(2);
    expect((await main(["--lab", "x", "--sample", "y", "--pressure", "-1", "f.csv"])).code).toBe(2);
    const missing = await main(["--lab", "x", "--sample", "y", path.join(dataDir, "does-not-exist.csv")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read/);
  });
});
