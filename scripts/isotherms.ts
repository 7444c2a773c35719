/**
 * Isotherm analysis of JSON-lines input from the command line.
 *
 *   npm run -s isotherms -- <input.jsonl>
 *
 * Input: one JSON object per line, {"id": …, "isotherms": [{"T_K": t, "H_Oe": [Oe…], "R": [Ω…]}, …]}.
 * Output (stdout): one JSON line per input line, in input order:
 *   {"id","Hc_Oe":{value,uncertainty}|null,"Rc_ohm":…,"znu":…,"znuSlope":…,"crossing","reasonCode","reasons","version"}
 * A malformed line yields {"id": <id or null>, "crossing": false, "reasonCode": "invalid_input",
 * "reasons": ["<error>"], …} and processing continues. Blank lines are skipped.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { analyzeIsotherms, SCALING_VERSION } from "../server/scaling";

const ZLine = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  isotherms: z
    .array(
      z
        .object({ T_K: z.number().positive(), H_Oe: z.array(z.number()), R: z.array(z.number()) })
        .refine((i) => i.H_Oe.length === i.R.length, { message: "H_Oe and R must have the same length" }),
    )
    .min(1),
});

const round = (e: { value: number; uncertainty: number } | null) => (e ? { value: Number(e.value.toPrecision(6)), uncertainty: Number(e.uncertainty.toPrecision(3)) } : null);

/** One output line for one input line; never throws. */
export function isothermLine(line: string): string {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    return errorLine(null, `malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const id = obj !== null && typeof obj === "object" && "id" in obj ? (obj as { id: unknown }).id : null;
  const parsed = ZLine.safeParse(obj);
  if (!parsed.success) return errorLine(id, parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; "));
  const r = analyzeIsotherms(parsed.data.isotherms);
  return JSON.stringify({
    id: parsed.data.id ?? null,
    Hc_Oe: round(r.Hc_Oe),
    Rc_ohm: round(r.Rc),
    znu: round(r.znu),
    znuSlope: round(r.znuSlope),
    crossing: r.crossing,
    reasonCode: r.reasonCode,
    reasons: r.reasons.map((x) => `${x.code}: ${x.message}`),
    version: r.version,
  });
}

function errorLine(id: unknown, message: string): string {
  return JSON.stringify({ id: id ?? null, Hc_Oe: null, Rc_ohm: null, znu: null, znuSlope: null, crossing: false, reasonCode: "invalid_input", reasons: [message], version: SCALING_VERSION });
}

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a) => a !== "--");
  if (!file) {
    process.stderr.write("usage: npm run -s isotherms -- <input.jsonl>\n");
    process.exit(2);
  }
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === "") continue;
    process.stdout.write(isothermLine(line) + "\n");
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
