// Runs a TypeScript command from a prebuilt JavaScript bundle instead of transpiling it at
// every start (tsx costs about half a second before the first line of the script runs):
//
//   node scripts/run-bundled.mjs scripts/classify.ts [arguments…]
//
// The entry and everything it imports are bundled by esbuild into `.build/` (git-ignored),
// as `<entry>-<key>.mjs`, where the key is a hash of the content of every bundled input, of
// tsconfig.json, of this file and of the esbuild version. `.build/<entry>.json` lists the
// inputs of the last build; at each start they are read and hashed again (a few milliseconds
// for the classify command's ~40 files), and when the bundle of that key does not exist the
// entry is bundled anew, so a fresh clone or an edited engine always runs current code.
// Files are written under temporary names and renamed into place (bundle, then list), so two
// commands starting at once may both build, but neither ever runs a partial or stale bundle.
// Dependencies under node_modules stay external (imported from node_modules at run time).
//
// The bundle then runs in this process with `process.argv[1]` set to its path, as if it had
// been started as `node .build/<entry>-<key>.mjs …`: its own "am I the main module" check and
// its worker threads (which load `import.meta.url`, the bundle itself) work unchanged.
// BUNDLE_DIR moves the build folder (used by the tests).
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SELF = fileURLToPath(import.meta.url);
/** bundles of other keys older than this are removed after a build */
const KEEP_OLD_MS = 3600_000;

function fail(message) {
  process.stderr.write(`run-bundled: ${message}\nusage: node scripts/run-bundled.mjs <entry.ts> [arguments…]\n`);
  process.exit(2);
}

const sha256 = (data) => createHash("sha256").update(data).digest("hex");

/** The esbuild version, read without loading esbuild (the fast path never loads it). */
function esbuildVersion() {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, "node_modules", "esbuild", "package.json"), "utf8")).version;
  } catch {
    return "missing";
  }
}

/**
 * The key of a bundle built from `inputs` (paths relative to ROOT → sha256 of their content):
 * changes when any input, tsconfig.json, this launcher or esbuild changes.
 */
function bundleKey(inputs) {
  const h = createHash("sha256");
  h.update(`esbuild ${esbuildVersion()}\n`);
  for (const file of [SELF, path.join(ROOT, "tsconfig.json")]) h.update(`${path.relative(ROOT, file)} ${sha256(readFileSync(file))}\n`);
  for (const rel of Object.keys(inputs).sort()) h.update(`${rel} ${inputs[rel]}\n`);
  return h.digest("hex").slice(0, 20);
}

/** Write `data` to `file` atomically: a temporary file in the same folder, then a rename. */
function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** The current key of the last build's inputs, or null when there is none or an input is gone. */
function currentKey(listFile) {
  let list;
  try {
    list = JSON.parse(readFileSync(listFile, "utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(list.inputs)) return null;
  const inputs = {};
  try {
    for (const rel of list.inputs) inputs[rel] = sha256(readFileSync(path.join(ROOT, rel)));
  } catch {
    return null;
  }
  return bundleKey(inputs);
}

const LOADERS = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "jsx", ".json": "json" };

/** Bundle `entry` (relative to ROOT) into `dir`; returns the bundle's path. */
async function build(entry, dir, name) {
  const esbuild = await import("esbuild");
  // the content of every input is hashed as esbuild reads it, so the key names exactly the
  // sources that went into the bundle, even if one of them is edited during the build
  const inputs = {};
  const hashInputs = {
    name: "hash-inputs",
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]sx?$|\.json$/ }, (args) => {
        const contents = readFileSync(args.path);
        inputs[path.relative(ROOT, args.path).split(path.sep).join("/")] = sha256(contents);
        return { contents, loader: LOADERS[path.extname(args.path)] ?? "js" };
      });
    },
  };
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile: path.join(dir, `${name}.mjs`),
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    sourcemap: "linked",
    write: false,
    logLevel: "error",
    plugins: [hashInputs],
  });
  const key = bundleKey(inputs);
  const file = path.join(dir, `${name}-${key}.mjs`);
  const js = result.outputFiles.find((f) => f.path.endsWith(".mjs"));
  const map = result.outputFiles.find((f) => f.path.endsWith(".mjs.map"));
  if (!js || !map) throw new Error("esbuild produced no bundle");
  const text = js.text.replace(`//# sourceMappingURL=${name}.mjs.map`, `//# sourceMappingURL=${name}-${key}.mjs.map`);
  writeAtomic(`${file}.map`, map.contents);
  writeAtomic(file, text);
  writeAtomic(path.join(dir, `${name}.json`), `${JSON.stringify({ entry, key, inputs: Object.keys(inputs).sort() }, null, 1)}\n`);
  // bundles of earlier sources, once no command started from them can still be starting
  for (const f of readdirSync(dir)) {
    // (and temporary files a killed build left behind)
    if (!f.startsWith(`${name}-`) || (f.startsWith(`${name}-${key}.`) && !f.endsWith(".tmp"))) continue;
    try {
      if (Date.now() - statSync(path.join(dir, f)).mtimeMs > KEEP_OLD_MS) rmSync(path.join(dir, f), { force: true });
    } catch {
      // removed by another build meanwhile
    }
  }
  return file;
}

const [entryArg, ...args] = process.argv.slice(2);
if (!entryArg) fail("missing entry");
const entry = path.relative(ROOT, path.resolve(entryArg)).split(path.sep).join("/");
if (!/\.[cm]?tsx?$/.test(entry)) fail(`not a TypeScript file: ${entryArg}`);
const dir = process.env.BUNDLE_DIR ? path.resolve(process.env.BUNDLE_DIR) : path.join(ROOT, ".build");
mkdirSync(dir, { recursive: true });
// the real path, so that the bundle's import.meta.url and process.argv[1] name the same file
const realDir = realpathSync(dir);
const name = entry.replace(/\.[cm]?tsx?$/, "").replace(/[^A-Za-z0-9_]+/g, "-").replace(/^-+/, "");
const key = currentKey(path.join(realDir, `${name}.json`));
let bundle = key ? path.join(realDir, `${name}-${key}.mjs`) : null;
if (!bundle || !statSync(bundle, { throwIfNoEntry: false })) {
  try {
    bundle = await build(entry, realDir, name);
  } catch (err) {
    // esbuild has already printed its messages
    process.stderr.write(`run-bundled: cannot bundle ${entry}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
    process.exit(1);
  }
}
process.argv = [process.argv[0], bundle, ...args];
await import(pathToFileURL(bundle).href);
