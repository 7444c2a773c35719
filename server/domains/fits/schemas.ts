import { z } from "zod";
import { ZPhase } from "~/server/domains/curves/schemas";

/** What a member may say when no SIT label applies to a curve (server/fitting/README.md). */
export const OVERRIDE_REASON_CODES = ["no_signal", "not_longitudinal", "metallic_no_transition", "series_resistance", "reentrant", "not_sit_other"] as const;

export const ZOverrideLabelInput = z.object({
  curveId: z.string().min(1),
  phase: ZPhase,
  /** required when phase is NONE: why no SIT label applies */
  reasonCode: z.enum(OVERRIDE_REASON_CODES).optional(),
  justification: z.string().trim().min(10, "Say why, in a sentence or more (10 characters at least)").max(2000),
}).refine((v) => v.phase !== "NONE" || v.reasonCode !== undefined, { message: "Say which reason applies when no SIT label applies", path: ["reasonCode"] });
export type TOverrideLabelInput = z.infer<typeof ZOverrideLabelInput>;

export const ZRefitLabInput = z.object({ labId: z.string().min(1) });
