/** The classify command: one output line per input line, in order, errors as lines. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyLine } from "~/scripts/classify";
import { altGenerators } from "./helpers";

describe("classifyLine", () => {
  it("classifies a curve and ignores unknown fields", () => {
    const c = altGenerators(1).I2();
    const out = JSON.parse(classifyLine(JSON.stringify({ id: "a", T: Array.from(c.T), R: Array.from(c.R), phase: "x", extra: { y: 1 } })));
    expect(Object.keys(out)).toEqual(["id", "phase", "inconclusive", "reasonCode", "confidence", "model", "params", "uncertainties", "reasons", "quantities"]);
    expect(out.id).toBe("a");
    expect(out.phase).toBe("I2");
    expect(out.quantities.hoppingP).toMatchObject({ value: expect.any(Number), uncertainty: expect.any(Number) });
  });
  it("takes the readout: a lock-in magnitude floor below a transition reads as zero resistance", () => {
    const T = Array.from({ length: 120 }, (_, i) => 0.2 + (i * 2.8) / 119);
    let s = 7;
    const noise = () => {
      s = (s * 16807) % 2147483647;
      const u = s / 2147483647;
      s = (s * 16807) % 2147483647;
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * (s / 2147483647));
    };
    const R = T.map((t) => Math.hypot(1000 / (1 + Math.exp(-(t - 1.5) / 0.05)) + 0.5 * noise(), 0.5 * noise()));
    const out = JSON.parse(classifyLine(JSON.stringify({ id: "m", T, R, readout: "magnitude" })));
    expect(out).toMatchObject({ phase: "S", inconclusive: false, reasonCode: null });
    expect(out.quantities.Tc90_K.value).toBeGreaterThan(1.5);
    expect(out.quantities.Tc90_K.value).toBeLessThan(1.75);
    expect(JSON.parse(classifyLine(JSON.stringify({ id: "m", T, R, readout: "volts" }))).reasons[0]).toMatch(/invalid "readout"/);
    expect(JSON.parse(classifyLine(JSON.stringify({ id: "m", T, R, fourProbe: "no" }))).reasons[0]).toMatch(/invalid "fourProbe"/);
  });
  it("malformed JSON gives a null phase, the id when recoverable and the error", () => {
    const out = JSON.parse(classifyLine('{"id": "x17", "T": [1, 2,'));
    expect(out).toMatchObject({ id: "x17", phase: null, inconclusive: true });
    expect(out.reasons[0]).toMatch(/malformed JSON/);
    expect(JSON.parse(classifyLine("")).phase).toBeNull();
    expect(JSON.parse(classifyLine("[1,2]")).reasons[0]).toMatch(/not a JSON object/);
    expect(JSON.parse(classifyLine('{"id": 3, "T": [1]}'))).toMatchObject({ id: 3, phase: null });
  });
});

describe("classify command", () => {
  it("writes exactly one line per input line, in order, with 1 and 2 workers", () => {
    const dir = mkdtempSync(join(tmpdir(), "classify-"));
    const file = join(dir, "in.jsonl");
    const gens = altGenerators(2);
    const lines: string[] = [];
    for (let i = 0; i < 70; i++) {
      const c = (["S", "M1", "M2", "I1", "I2"] as const).map((p) => gens[p])[i % 5]!();
      lines.push(i === 33 ? "{broken" : JSON.stringify({ id: `c${i}`, T: Array.from(c.T), R: Array.from(c.R) }));
    }
    writeFileSync(file, lines.join("\n") + "\n");
    const run = (workers: number) => {
      const r = spawnSync(join("node_modules", ".bin", "tsx"), ["scripts/classify.ts", file, "--workers", String(workers)], { encoding: "utf8" });
      expect(r.status).toBe(0);
      return r.stdout.trimEnd().split("\n");
    };
    const one = run(1);
    expect(one).toHaveLength(70);
    one.forEach((l, i) => {
      const o = JSON.parse(l);
      if (i === 33) expect(o.phase).toBeNull();
      else expect(o.id).toBe(`c${i}`);
    });
    expect(run(2)).toEqual(one);
    // the bundled command (npm run classify), built afresh into its own folder, prints the
    // same bytes as tsx, with the bundle as its own worker entry
    const bundleDir = join(dir, "build");
    const bundled = (workers: number) => {
      const r = spawnSync(process.execPath, ["scripts/run-bundled.mjs", "scripts/classify.ts", file, "--workers", String(workers)], {
        encoding: "utf8",
        env: { ...process.env, BUNDLE_DIR: bundleDir },
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      return r.stdout.trimEnd().split("\n");
    };
    expect(bundled(1)).toEqual(one);
    expect(bundled(2)).toEqual(one);
    expect(readdirSync(bundleDir).filter((f) => f.endsWith(".mjs"))).toHaveLength(1);
  }, 90_000);
});

describe("run-bundled", () => {
  const start = (entry: string, bundleDir: string) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["scripts/run-bundled.mjs", entry, "x", "--y"], { env: { ...process.env, BUNDLE_DIR: bundleDir } });
      let out = "";
      let err = "";
      child.stdout.on("data", (b: Buffer) => (out += b.toString()));
      child.stderr.on("data", (b: Buffer) => (err += b.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, out, err }));
    });
  it("rebuilds when an imported file changes, and two commands starting at once both run a whole bundle", async () => {
    const dir = mkdtempSync(join(tmpdir(), "run-bundled-"));
    const bundleDir = join(dir, "build");
    const entry = join(dir, "entry.ts");
    writeFileSync(join(dir, "dep.ts"), "export const word: string = 'first';\n");
    writeFileSync(
      entry,
      "import { fileURLToPath } from 'node:url';\nimport { word } from './dep';\n" +
        "console.log(JSON.stringify({ word, args: process.argv.slice(2), main: fileURLToPath(import.meta.url) === process.argv[1] }));\n",
    );
    const [a, b] = await Promise.all([start(entry, bundleDir), start(entry, bundleDir)]);
    for (const r of [a, b]) {
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toEqual({ word: "first", args: ["x", "--y"], main: true });
    }
    // no temporary file is left behind
    expect(readdirSync(bundleDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    writeFileSync(join(dir, "dep.ts"), "export const word: string = 'second';\n");
    expect(JSON.parse((await start(entry, bundleDir)).out).word).toBe("second");
    expect(readdirSync(bundleDir).filter((f) => f.endsWith(".mjs"))).toHaveLength(2);
    // a build error is reported, not a stale bundle run
    writeFileSync(join(dir, "dep.ts"), "export const word: string = ;\n");
    const broken = await start(entry, bundleDir);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/cannot bundle/);
  }, 60_000);
});
