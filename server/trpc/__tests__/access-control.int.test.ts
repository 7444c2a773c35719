import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db";
import { ANONYMOUS, type Actor } from "~/server/domains/access/actor";
import { insertCurves } from "~/server/domains/curves/service";
import { DEFAULT_DIAGRAM_QUERY } from "~/server/domains/diagrams/schemas";
import { decodeDiagram } from "~/server/domains/diagrams/wire";
import { makeLab, makeUser, testDb } from "~/server/testing/db";
import { appRouter, createCaller } from "../root";

/**
 * A member of lab A must not read or change lab B's private data through any procedure.
 * Every procedure of the router has a case here; a new procedure without one fails the
 * completeness test below.
 */

interface World {
  db: Db;
  alice: Actor; // member (owner) of lab A only
  bob: Actor; // owner of lab B
  labA: string;
  labB: string;
  privateSample: string; // lab B, PRIVATE
  privateCurve: string;
  setupB: string;
  invitationB: string;
  tokenB: string;
}

let w: World;

beforeAll(async () => {
  const db = testDb();
  const alice = await makeUser(db, "Alice");
  const bob = await makeUser(db, "Bob");
  const labA = await makeLab(db, alice.id);
  const labB = await makeLab(db, bob.id);
  const sample = await db.sample.create({
    data: { id: `s-${labB.id}`, labId: labB.id, name: "B secret film", material: "a-InO", lineageRootId: `s-${labB.id}`, visibility: "PRIVATE" },
    select: { id: true },
  });
  const setup = await db.measurementSetup.create({ data: { labId: labB.id, name: "B fridge" }, select: { id: true } });
  const { created } = await db.$transaction((tx) =>
    insertCurves(tx, { labId: labB.id, sampleId: sample.id, annealStage: "S0", setupId: setup.id }, [
      { kind: "RT", quantity: "SHEET_RESISTANCE", T: [0.1, 0.2, 0.3], R: [10, 20, 30], fieldOe: 0 },
    ]),
  );
  const invitation = await db.invitation.create({
    data: { labId: labB.id, email: "someone@test.invalid", role: "MEMBER", tokenHash: `h-${labB.id}`, invitedById: bob.id, expiresAt: new Date(Date.now() + 1e8) },
    select: { id: true },
  });
  const token = await db.apiToken.create({ data: { labId: labB.id, createdById: bob.id, name: "B logger", prefix: "sit_b", tokenHash: `t-${labB.id}`, scopes: ["read", "write"] }, select: { id: true } });
  w = { db, alice: alice.actor, bob: bob.actor, labA: labA.id, labB: labB.id, privateSample: sample.id, privateCurve: created[0]!, setupB: setup.id, invitationB: invitation.id, tokenB: token.id };
});

/** A crossing found on lab B's private film (stored once). */
async function ensurePrivateCriticalPoint() {
  const existing = await w.db.isothermAnalysis.findFirst({ where: { sampleId: w.privateSample } });
  if (existing) return;
  await w.db.isothermAnalysis.create({
    data: { sampleId: w.privateSample, annealStage: "S0", setupKey: "", channel: "", version: "test", source: "RH", curveIds: [], inputHash: "h", crossing: true, reasons: [], hcOe: 7000, hcOeUnc: 10, rcOhm: 5400, rcOhmUnc: 20, result: {} },
  });
}

const caller = (actor: Actor) => createCaller({ db: w.db, actor, headers: new Headers() });

async function expectDenied(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(TRPCError);
  expect(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"]).toContain((error as TRPCError).code);
}

const sampleFields = { name: "x", material: "a-InO", morphology: "AMORPHOUS" as const, geometry: "OTHER" as const, annealStage: "S0", visibility: "PRIVATE" as const, sharedWithLabIds: [] as string[] };
const setupFields = { name: "stolen", cryostat: "OTHER" as const, fourProbe: true, linearResponseChecked: false, filterStages: [] };

/** A fit of lab B's private curve, so that diagrams and permalinks have something to leak. */
let privateFit: Promise<unknown> | null = null;
const ensurePrivateFit = () =>
  (privateFit ??= w.db.fitResult.create({
    data: { curveId: w.privateCurve, engineVersion: "test-private", model: "sc_transition", params: {}, uncertainties: {}, phase: "M1", confidence: 0.9, inconclusive: false, reasons: [], candidates: [], quantities: { Tc90_K: { value: 1, uncertainty: 0.1 } }, diagnostics: {}, inputHash: "x" },
  }));
const diagramOf = (sampleId: string) => ({ ...DEFAULT_DIAGRAM_QUERY, x: "H" as const, y: "Tc90" as const, sampleIds: [sampleId] });

/** For each procedure: what a member of lab A tries against lab B. */
const attacks: Record<string, (actor: Actor) => Promise<unknown>> = {
  "user.signUp": async () => "not lab data",
  "user.me": async () => "not lab data",
  "user.resendVerification": async () => "sends a link to the caller's own address only",
  "lab.create": async () => "not lab data",
  "lab.directory": async () => "names of labs are public by design",
  "lab.listMine": async (actor) => {
    const labs = await caller(actor).lab.listMine();
    expect(labs.map((l) => l.id)).not.toContain(w.labB);
  },
  "lab.get": (actor) => expectDenied(caller(actor).lab.get({ labId: w.labB })),
  "lab.invite": (actor) => expectDenied(caller(actor).lab.invite({ labId: w.labB, email: "x@test.invalid", role: "MEMBER" })),
  "lab.getInvitation": async () => "needs the secret token, which only its recipient has",
  "lab.audit": (actor) => expectDenied(caller(actor).lab.audit({ labId: w.labB, limit: 10 })),
  "lab.acceptInvitation": (actor) => expectDenied(caller(actor).lab.acceptInvitation({ token: "inv_not-a-real-token-000000" })),
  "lab.revokeInvitation": (actor) => expectDenied(caller(actor).lab.revokeInvitation({ invitationId: w.invitationB })),
  "lab.inviteAccount": (actor) => expectDenied(caller(actor).lab.inviteAccount({ labId: w.labB, role: "MEMBER" })),
  "lab.claimInvitation": (actor) => expectDenied(caller(actor).lab.claimInvitation({ token: "inv_not-a-real-token-000000" })),
  "lab.confirmInvitationClaim": async (actor) => {
    const aliceId = (actor as { userId: string }).userId;
    await expectDenied(caller(actor).lab.confirmInvitationClaim({ invitationId: w.invitationB, claimantId: aliceId }));
    expect(await w.db.membership.count({ where: { labId: w.labB, userId: aliceId } })).toBe(0);
  },
  "lab.updateMemberRole": async (actor) => {
    const bobId = (w.bob as { userId: string }).userId;
    await expectDenied(caller(actor).lab.updateMemberRole({ labId: w.labB, userId: bobId, role: "VIEWER" }));
  },
  "lab.removeMember": async (actor) => {
    const bobId = (w.bob as { userId: string }).userId;
    await expectDenied(caller(actor).lab.removeMember({ labId: w.labB, userId: bobId }));
  },
  "lab.updateCitation": async (actor) => {
    await expectDenied(caller(actor).lab.updateCitation({ labId: w.labB, citation: "cite me instead" }));
    expect((await w.db.lab.findUniqueOrThrow({ where: { id: w.labB }, select: { citation: true } })).citation).toBeNull();
  },
  "sample.list": async (actor) => {
    const list = await caller(actor).sample.list({ labId: w.labB, sort: "createdAt", order: "desc", page: 1, pageSize: 50 });
    expect(list.items.map((s) => s.id)).not.toContain(w.privateSample);
    const all = await caller(actor).sample.list({ q: "secret", sort: "createdAt", order: "desc", page: 1, pageSize: 50 });
    expect(all.total).toBe(0);
  },
  "sample.get": (actor) => expectDenied(caller(actor).sample.get({ sampleId: w.privateSample })),
  "sample.create": async (actor) => {
    await expectDenied(caller(actor).sample.create({ ...sampleFields, labId: w.labB }));
    await expectDenied(caller(actor).sample.create({ ...sampleFields, labId: w.labA, previousStageId: w.privateSample }));
  },
  "sample.update": (actor) => expectDenied(caller(actor).sample.update({ ...sampleFields, sampleId: w.privateSample })),
  "setup.list": (actor) => expectDenied(caller(actor).setup.list({ labId: w.labB })),
  "setup.create": (actor) => expectDenied(caller(actor).setup.create({ ...setupFields, labId: w.labB })),
  "setup.update": (actor) => expectDenied(caller(actor).setup.update({ ...setupFields, setupId: w.setupB })),
  "token.list": (actor) => expectDenied(caller(actor).token.list({ labId: w.labB })),
  "token.create": (actor) => expectDenied(caller(actor).token.create({ labId: w.labB, name: "sneaky", scopes: ["read", "write"] })),
  "token.revoke": (actor) => expectDenied(caller(actor).token.revoke({ tokenId: w.tokenB })),
  "fit.getCurve": (actor) => expectDenied(caller(actor).fit.getCurve({ curveId: w.privateCurve })),
  "fit.override": (actor) => expectDenied(caller(actor).fit.override({ curveId: w.privateCurve, phase: "S", justification: "not my lab's curve at all" })),
  "fit.revertOverride": (actor) => expectDenied(caller(actor).fit.revertOverride({ curveId: w.privateCurve })),
  "fit.refitLab": (actor) => expectDenied(caller(actor).fit.refitLab({ labId: w.labB })),
  "curve.listPlots": (actor) => expectDenied(caller(actor).curve.listPlots({ sampleId: w.privateSample, maxPointsPerCurve: 100 })),
  "isotherm.getForSample": (actor) => expectDenied(caller(actor).isotherm.getForSample({ sampleId: w.privateSample })),
  "isotherm.listCritical": async (actor) => {
    await ensurePrivateCriticalPoint();
    expect((await caller(w.bob).isotherm.listCritical()).map((p) => p.sampleId)).toContain(w.privateSample);
    const seen = await caller(actor).isotherm.listCritical();
    expect(seen.map((p) => p.sampleId)).not.toContain(w.privateSample);
    expect(JSON.stringify(seen)).not.toContain("B secret film");
  },
  "upload.listTemplates": (actor) => expectDenied(caller(actor).upload.listTemplates({ labId: w.labB })),
  "upload.saveTemplate": (actor) => expectDenied(caller(actor).upload.saveTemplate({ labId: w.labB, name: "stolen", options: { mapping: { temperature: 0 } } })),
  "upload.deleteTemplate": async (actor) => {
    const t = await w.db.mappingTemplate.create({ data: { labId: w.labB, name: `private ${Date.now()}`, options: { mapping: { temperature: 0 } } } });
    await expectDenied(caller(actor).upload.deleteTemplate({ templateId: t.id }));
    expect(await w.db.mappingTemplate.count({ where: { id: t.id } })).toBe(1);
  },
  "upload.preview": (actor) => expectDenied(caller(actor).upload.preview({ sha256: "b".repeat(64), fileName: "b.csv", options: {} })),
  "upload.commit": async (actor) => {
    const file = { sha256: "b".repeat(64), fileName: "b.csv", options: {}, pressureDirection: "UNKNOWN" as const, fieldOrientation: "PERPENDICULAR" as const, excludeCurves: [], skipBadRows: false };
    await expectDenied(caller(actor).upload.commit({ ...file, sample: { sampleId: w.privateSample } }));
    await expectDenied(caller(actor).upload.commit({ ...file, sample: { create: { ...sampleFields, labId: w.labB } } }));
    await expectDenied(caller(actor).upload.commit({ ...file, sample: { create: { ...sampleFields, labId: w.labA } }, setup: { setupId: w.setupB } }));
  },
  "diagram.get": async (actor) => {
    await ensurePrivateFit();
    expect((await caller(w.bob).diagram.get(diagramOf(w.privateSample))).total).toBe(1);
    const seen = await caller(actor).diagram.get(diagramOf(w.privateSample));
    expect(seen.total).toBe(0);
    expect(seen.points.count).toBe(0);
    expect(decodeDiagram(seen).points).toEqual([]);
    expect(Object.keys(seen.provenance.samples)).not.toContain(w.privateSample);
  },
  "diagram.getFilterOptions": async (actor) => {
    await ensurePrivateFit();
    const options = await caller(actor).diagram.getFilterOptions();
    expect(options.samples.map((s) => s.id)).not.toContain(w.privateSample);
    expect(options.labs.map((l) => l.id)).not.toContain(w.labB);
  },
  "permalink.create": async (actor) => {
    await ensurePrivateFit();
    const link = await caller(actor).permalink.create({ query: diagramOf(w.privateSample) });
    expect(link.pointCount).toBe(0);
  },
  "compare.getCurves": async (actor) => {
    const seen = await caller(actor).compare.getCurves({ sampleIds: [w.privateSample], normalization: "none", temperature: "T", maxPointsPerCurve: 100 });
    expect(seen.curves).toEqual([]);
    expect(seen.samples).toEqual([]);
    expect(seen.unavailable).toEqual([w.privateSample]);
    expect((await caller(w.bob).compare.getCurves({ sampleIds: [w.privateSample], normalization: "none", temperature: "T", maxPointsPerCurve: 100 })).curves).toHaveLength(1);
  },
  "permalink.get": async (actor) => {
    await ensurePrivateFit();
    const link = await caller(w.bob).permalink.create({ query: diagramOf(w.privateSample) });
    expect(link.pointCount).toBe(1);
    const seen = await caller(actor).permalink.get({ id: link.id });
    expect(seen.isAccessDenied).toBe(true);
    expect(seen.diagram).toBeNull();
    expect(seen.isPartial).toBe(true);
    expect(seen.pointCount).toBe(0);
  },
};

function procedurePaths(): string[] {
  return Object.keys(appRouter._def.procedures).sort();
}

describe("access control between labs", () => {
  it("has an attack case for every procedure of the router", () => {
    expect(Object.keys(attacks).sort()).toEqual(procedurePaths());
  });

  it("declares an output schema on every procedure (nothing goes out unlisted)", () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown } }>;
    const withoutOutput = procedurePaths().filter((path) => !procedures[path]!._def.output);
    expect(withoutOutput).toEqual([]);
  });

  for (const path of Object.keys(attacks)) {
    it(`${path}: a member of lab A cannot reach lab B's private data`, async () => {
      await attacks[path]!(w.alice);
    });
  }

  it("anonymous visitors cannot read private samples either", async () => {
    await expectDenied(caller(ANONYMOUS).sample.get({ sampleId: w.privateSample }));
    await expectDenied(caller(ANONYMOUS).curve.listPlots({ sampleId: w.privateSample, maxPointsPerCurve: 100 }));
    const list = await caller(ANONYMOUS).sample.list({ sort: "createdAt", order: "desc", page: 1, pageSize: 200 });
    expect(list.items.some((s) => s.lab.id === w.labB)).toBe(false);
  });

  it("the owner of lab B still reads the sample, and nothing was changed by the attempts", async () => {
    const sample = await caller(w.bob).sample.get({ sampleId: w.privateSample });
    expect(sample.name).toBe("B secret film");
    expect(sample.curves).toHaveLength(1);
    const lab = await caller(w.bob).lab.get({ labId: w.labB });
    expect(lab.members.map((m) => m.role)).toEqual(["OWNER"]);
    expect(lab.invitations.map((i) => i.id)).toContain(w.invitationB);
    const setups = await caller(w.bob).setup.list({ labId: w.labB });
    expect(setups.map((s) => s.name)).toEqual(["B fridge"]);
    const tokens = await caller(w.bob).token.list({ labId: w.labB });
    expect(tokens.map((t) => [t.name, t.revokedAt])).toEqual([["B logger", null]]);
  });

  it("sharing a sample with lab A makes it readable to A, but still not writable", async () => {
    await caller(w.bob).sample.update({ ...sampleFields, name: "B secret film", sampleId: w.privateSample, visibility: "SHARED", sharedWithLabIds: [w.labA] });
    const seen = await caller(w.alice).sample.get({ sampleId: w.privateSample });
    expect(seen.canEdit).toBe(false);
    await expectDenied(caller(w.alice).sample.update({ ...sampleFields, sampleId: w.privateSample }));
    await caller(w.bob).sample.update({ ...sampleFields, name: "B secret film", sampleId: w.privateSample, visibility: "PRIVATE", sharedWithLabIds: [] });
    await expectDenied(caller(w.alice).sample.get({ sampleId: w.privateSample }));
  });
});
