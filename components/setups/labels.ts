export const CRYOSTAT_LABEL: Record<string, string> = {
  DILUTION: "dilution refrigerator",
  HE3: "³He cryostat",
  HE4: "⁴He cryostat",
  PPMS: "PPMS",
  DYNACOOL: "DynaCool",
  ADR: "ADR",
  OTHER: "other",
};

export const STAGE_LABEL: Record<string, string> = {
  ROOM: "300 K",
  K50: "50 K",
  K4: "4 K",
  STILL: "still",
  COLD_PLATE: "cold plate",
  MIXING_CHAMBER: "mixing chamber",
  SAMPLE: "sample stage",
};

export const FILTER_LABEL: Record<string, string> = {
  PI: "π",
  RC: "RC",
  LC: "LC",
  COPPER_POWDER: "copper-powder",
  THERMOCOAX: "Thermocoax",
  SILVER_EPOXY: "silver-epoxy",
  MICROWAVE_ABSORBER: "microwave-absorber",
  TWISTED_PAIR: "twisted-pair",
  OTHER: "other",
};

interface StageLike {
  type: string;
  stage: string;
  attenuationDb: number | null;
  bandLowHz?: number | null;
  bandHighHz?: number | null;
}

function hz(value: number): string {
  if (value >= 1e9) return `${+(value / 1e9).toPrecision(3)} GHz`;
  if (value >= 1e6) return `${+(value / 1e6).toPrecision(3)} MHz`;
  if (value >= 1e3) return `${+(value / 1e3).toPrecision(3)} kHz`;
  return `${value} Hz`;
}

/** e.g. "copper-powder filter at the mixing chamber, 45 dB over 100 MHz–5 GHz" */
export function describeFilterStage(s: StageLike): string {
  const where = STAGE_LABEL[s.stage] ?? s.stage;
  const band = s.bandLowHz && s.bandHighHz ? ` over ${hz(s.bandLowHz)}–${hz(s.bandHighHz)}` : "";
  const db = s.attenuationDb != null ? `, ${s.attenuationDb} dB${band}` : "";
  return `${FILTER_LABEL[s.type] ?? s.type} filter at ${where}${db}`;
}
