import { z } from "zod";
import { ZPhase } from "~/server/domains/curves/schemas";

export const ZOverrideLabelInput = z.object({
  curveId: z.string().min(1),
  phase: ZPhase,
  justification: z.string().trim().min(10, "Say why, in a sentence or more (10 characters at least)").max(2000),
});
export type TOverrideLabelInput = z.infer<typeof ZOverrideLabelInput>;

export const ZRefitLabInput = z.object({ labId: z.string().min(1) });
