import type { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, type Actor } from "~/server/domains/access/actor";
import { insertCurves } from "~/server/domains/curves/service";
import { addMember, makeLab, makeUser, testDb, uid } from "~/server/testing/db";
import { createCaller } from "~/server/trpc/root";

/** No e-mail address reaches people outside the lab; missing and forbidden rows read the same; publishing needs an admin. */

const db = testDb();
const caller = (actor: Actor) => createCaller({ db, actor, headers: new Headers() });

let w: { owner: Actor & { kind: "user" }; member: Actor; outsider: Actor; labId: string; publicSample: string; privateSample: string; publicCurve: string; privateCurve: string };

async function curveOf(labId: string, sampleId: string): Promise<string> {
  const { created } = await db.$transaction((tx) =>
    insertCurves(tx, { labId, sampleId, annealStage: "S0", setupId: null }, [{ kind: "RT", quantity: "SHEET_RESISTANCE", T: [0.1, 0.2, 0.3], R: [10, 20, 30], fieldOe: 0 }]),
  );
  return created[0]!;
}

beforeAll(async () => {
  // Users without a name: the places that named them fell back to their address.
  const owner = await db.user.create({ data: { email: `${uid("owner-")}@private.invalid` }, select: { id: true } });
  const member = await makeUser(db);
  const outsider = await makeUser(db);
  const lab = await makeLab(db, owner.id);
  await addMember(db, lab.id, member.id, "MEMBER");
  const mk = async (visibility: "PUBLIC" | "PRIVATE") => {
    const id = uid("s-");
    await db.sample.create({ data: { id, labId: lab.id, name: `film ${visibility}`, material: "a-InO", lineageRootId: id, visibility, createdById: owner.id } });
    return id;
  };
  const publicSample = await mk("PUBLIC");
  const privateSample = await mk("PRIVATE");
  const publicCurve = await curveOf(lab.id, publicSample);
  const privateCurve = await curveOf(lab.id, privateSample);
  const fit = await db.fitResult.create({
    data: { curveId: publicCurve, engineVersion: "test", model: "sc_transition", params: {}, uncertainties: {}, phase: "M1", confidence: 0.9, inconclusive: false, reasons: [], candidates: [], quantities: {}, diagnostics: {}, inputHash: "x", isCurrent: true },
    select: { id: true },
  });
  await db.labelOverride.create({ data: { curveId: publicCurve, fitResultId: fit.id, userId: owner.id, phase: "S", reasonCode: "other", justification: "checked by eye" } });
  w = { owner: { kind: "user", userId: owner.id }, member: member.actor, outsider: outsider.actor, labId: lab.id, publicSample, privateSample, publicCurve, privateCurve };
});

const error = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as TRPCError);

describe("e-mail addresses", () => {
  it("never reach an anonymous visitor or another lab's member through a public curve or sample", async () => {
    for (const viewer of [ANONYMOUS, w.outsider]) {
      const curve = await caller(viewer).fit.getCurve({ curveId: w.publicCurve });
      expect(curve.overrides).toHaveLength(1);
      expect(curve.overrides[0]!.by).toBe("a lab member");
      expect(JSON.stringify(curve)).not.toContain("@");
      const sample = await caller(viewer).sample.get({ sampleId: w.publicSample });
      expect(sample.createdBy).toBe("a lab member");
      expect(JSON.stringify(sample)).not.toContain("@");
      const plots = await caller(viewer).curve.listPlots({ sampleId: w.publicSample, maxPointsPerCurve: 100 });
      expect(JSON.stringify(plots)).not.toContain("@");
    }
  });
});

describe("missing and forbidden rows", () => {
  it("answer with the same code and the same message shape", async () => {
    const hidden = await error(caller(w.outsider).fit.getCurve({ curveId: w.privateCurve }));
    const missing = await error(caller(w.outsider).fit.getCurve({ curveId: "no-such-curve" }));
    expect(hidden?.code).toBe("NOT_FOUND");
    expect(missing?.code).toBe("NOT_FOUND");
    expect(hidden?.message).toBe(`Curve ${w.privateCurve} not found`);
    expect(missing?.message).toBe("Curve no-such-curve not found");
    expect(hidden?.message).not.toContain(w.privateSample);
  });
});

describe("making a sample public", () => {
  const fields = { material: "a-InO", morphology: "AMORPHOUS" as const, geometry: "OTHER" as const, annealStage: "S0", sharedWithLabIds: [] as string[] };

  it("is refused to a member, allowed to an admin, and audited", async () => {
    const refusedCreate = await error(caller(w.member).sample.create({ ...fields, labId: w.labId, name: "m public", visibility: "PUBLIC" }));
    expect(refusedCreate?.code).toBe("FORBIDDEN");
    const refusedUpdate = await error(caller(w.member).sample.update({ ...fields, sampleId: w.privateSample, name: "film PRIVATE", visibility: "PUBLIC" }));
    expect(refusedUpdate?.code).toBe("FORBIDDEN");
    expect((await db.sample.findUniqueOrThrow({ where: { id: w.privateSample } })).visibility).toBe("PRIVATE");
    // A member still edits the sample without publishing it.
    await caller(w.member).sample.update({ ...fields, sampleId: w.privateSample, name: "film PRIVATE", visibility: "PRIVATE" });

    await caller(w.owner).sample.update({ ...fields, sampleId: w.privateSample, name: "film PRIVATE", visibility: "PUBLIC" });
    expect((await db.sample.findUniqueOrThrow({ where: { id: w.privateSample } })).visibility).toBe("PUBLIC");
    const events = await db.auditEvent.findMany({ where: { entityId: w.privateSample, action: "sample.visibility" }, select: { actorUserId: true, details: true } });
    expect(events).toEqual([{ actorUserId: w.owner.userId, details: { from: "PRIVATE", to: "PUBLIC" } }]);
  });
});
