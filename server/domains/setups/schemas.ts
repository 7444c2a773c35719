import { z } from "zod";

export const ZCryostat = z.enum(["DILUTION", "HE3", "HE4", "PPMS", "DYNACOOL", "ADR", "OTHER"]);
export const ZFilterType = z.enum(["PI", "RC", "LC", "COPPER_POWDER", "THERMOCOAX", "SILVER_EPOXY", "MICROWAVE_ABSORBER", "TWISTED_PAIR", "OTHER"]);
export const ZTemperatureStage = z.enum(["ROOM", "K50", "K4", "STILL", "COLD_PLATE", "MIXING_CHAMBER", "SAMPLE"]);
export const ZFilteringGrade = z.enum(["GOOD", "MODERATE", "POOR", "UNKNOWN"]);

const positive = (what: string) => z.number().positive(`${what} must be positive`).finite();

export const ZFilterStageInput = z
  .object({
    type: ZFilterType,
    stage: ZTemperatureStage,
    attenuationDb: z.number().min(0, "Attenuation is in dB and cannot be negative").max(300).nullish(),
    bandLowHz: positive("The lower band edge").nullish(),
    bandHighHz: positive("The upper band edge").nullish(),
    notes: z.string().trim().max(500).nullish(),
  })
  .refine((s) => s.bandLowHz == null || s.bandHighHz == null || s.bandLowHz < s.bandHighHz, {
    message: "The lower band edge must be below the upper one",
    path: ["bandHighHz"],
  });

export const ZSetupFields = z.object({
  name: z.string().trim().min(1, "Name the setup").max(120),
  cryostat: ZCryostat.default("OTHER"),
  baseTemperatureK: positive("Base temperature").max(400).nullish(),
  thermometry: z.string().trim().max(300).nullish(),
  thermometerPlacement: z.string().trim().max(300).nullish(),
  excitation: z.enum(["AC", "DC"]).nullish(),
  excitationAmplitudeA: positive("Excitation amplitude").max(1).nullish(),
  excitationFrequencyHz: positive("Excitation frequency").max(1e6).nullish(),
  fourProbe: z.boolean().default(true),
  linearResponseChecked: z.boolean().default(false),
  shielding: z.string().trim().max(500).nullish(),
  notes: z.string().trim().max(4000).nullish(),
  filterStages: z.array(ZFilterStageInput).max(20).default([]),
});

export const ZCreateSetupInput = ZSetupFields.extend({ labId: z.string().min(1) });
export type TCreateSetupInput = z.infer<typeof ZCreateSetupInput>;
export const ZUpdateSetupInput = ZSetupFields.extend({ setupId: z.string().min(1) });
export type TUpdateSetupInput = z.infer<typeof ZUpdateSetupInput>;

export const ZSetupDto = z.object({
  id: z.string(),
  labId: z.string(),
  name: z.string(),
  cryostat: ZCryostat,
  baseTemperatureK: z.number().nullable(),
  thermometry: z.string().nullable(),
  thermometerPlacement: z.string().nullable(),
  excitation: z.enum(["AC", "DC"]).nullable(),
  excitationAmplitudeA: z.number().nullable(),
  excitationFrequencyHz: z.number().nullable(),
  fourProbe: z.boolean(),
  linearResponseChecked: z.boolean(),
  shielding: z.string().nullable(),
  notes: z.string().nullable(),
  filteringGrade: ZFilteringGrade,
  filteringExplanation: z.string(),
  filterStages: z.array(
    z.object({
      position: z.number().int(),
      type: ZFilterType,
      stage: ZTemperatureStage,
      attenuationDb: z.number().nullable(),
      bandLowHz: z.number().nullable(),
      bandHighHz: z.number().nullable(),
      notes: z.string().nullable(),
    }),
  ),
});
export type TSetupDto = z.infer<typeof ZSetupDto>;
