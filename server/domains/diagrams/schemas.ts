import { z } from "zod";
import { ZPhase, ZPressureDirection, ZQuantity } from "~/server/domains/curves/schemas";
import { AXIS_KEYS } from "./axes";

export const ZAxisKey = z.enum(AXIS_KEYS);
export const ZScale = z.enum(["linear", "log"]);
/** A legend entry: a phase, the curves the classifier could not decide, or those no SIT label applies to. */
export const PHASE_KEYS = ["S", "M1", "M2", "I1", "I2", "inconclusive", "NONE"] as const;
export const ZPhaseKey = z.enum(PHASE_KEYS);
export type TPhaseKey = z.infer<typeof ZPhaseKey>;
export const ZColorBy = z.enum(["phase", "lab", "material", "sample"]);
export const ZFacetBy = z.enum(["none", "lab", "material"]);
export const GRADES = ["GOOD", "MODERATE", "POOR", "UNKNOWN"] as const;
export const ZGrade = z.enum(GRADES);
export type TGrade = z.infer<typeof ZGrade>;

const ZId = z.string().min(1).max(64);
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

/** Most points drawn one by one; beyond, the diagram is aggregated into cells. */
export const MAX_DRAWN_POINTS = 20_000;

/**
 * The query of the phase diagram: the page's state, its URL (see ./url.ts), the input of the
 * tRPC procedure `diagram.get` and of `GET /api/v1/diagram`, and what a permalink freezes.
 */
export const ZDiagramQuery = z.object({
  /** what goes on each axis, and how it is scaled */
  x: ZAxisKey.default("P"),
  y: ZAxisKey.default("sample"),
  xScale: ZScale.default("linear"),
  yScale: ZScale.default("linear"),
  /** colour of the points (their shape always shows the phase) */
  colorBy: ZColorBy.default("phase"),
  /** one panel per lab or material */
  facetBy: ZFacetBy.default("none"),
  /** legend entries switched off */
  hidePhases: z.array(ZPhaseKey).max(PHASE_KEYS.length).default([]),
  /** filters; an empty list means no restriction */
  labIds: z.array(ZId).max(100).default([]),
  materials: z.array(z.string().min(1).max(200)).max(100).default([]),
  sampleIds: z.array(ZId).max(500).default([]),
  /** lowest fit confidence kept, 0–1 */
  minConfidence: z.number().min(0).max(1).default(0),
  /** "current" (each curve's newest fit) or one engine version */
  engine: z
    .string()
    .regex(/^[0-9A-Za-z.+_-]{1,40}$/)
    .default("current"),
  /** upload date range, inclusive, UTC days */
  uploadedFrom: ZDay.nullable().default(null),
  uploadedTo: ZDay.nullable().default(null),
  /** radiation-filtering grades of the setup kept (empty: all) */
  grades: z.array(ZGrade).max(GRADES.length).default([]),
  /** the switch: keep only data from well-filtered setups (grade GOOD) */
  wellFilteredOnly: z.boolean().default(false),
  /** join the points of each series with a line */
  lines: z.boolean().default(true),
  /** above this many points the diagram is aggregated into cells */
  maxPoints: z.number().int().min(100).max(MAX_DRAWN_POINTS).default(4000),
});
export type TDiagramQuery = z.infer<typeof ZDiagramQuery>;
export type TDiagramQueryInput = z.input<typeof ZDiagramQuery>;

export const DEFAULT_DIAGRAM_QUERY: TDiagramQuery = ZDiagramQuery.parse({});

export const ZTick = z.object({ value: z.number(), label: z.string() });

export const ZAxisInfo = z.object({
  key: ZAxisKey,
  label: z.string(),
  unit: z.string(),
  title: z.string(),
  scale: ZScale,
  /** names of the integer positions of an ordinal axis (anneal stages, sample rows) */
  ticks: z.array(ZTick).nullable(),
  /** sample rows are numbered per panel: their names, panel by panel */
  facetTicks: z.record(z.string(), z.array(ZTick)).nullable(),
});
export type TAxisInfo = z.infer<typeof ZAxisInfo>;

/** One curve's fit as a point, with what is needed to say where it comes from. */
export const ZDiagramPoint = z.object({
  fitId: z.string(),
  curveId: z.string(),
  sampleId: z.string(),
  labId: z.string(),
  setupId: z.string().nullable(),
  uploadId: z.string().nullable(),
  x: z.number(),
  y: z.number(),
  /** 1σ uncertainties of the plotted quantities, when known */
  xErr: z.number().nullable(),
  yErr: z.number().nullable(),
  /** the label shown: a member's override when there is one, else the fit's */
  phase: ZPhase,
  autoPhase: ZPhase,
  isOverride: z.boolean(),
  inconclusive: z.boolean(),
  /** why no SIT label applies, or why the label is inconclusive (absent in snapshots made before engine 1.0) */
  reasonCode: z.string().nullable().optional(),
  confidence: z.number(),
  engineVersion: z.string(),
  fieldOe: z.number().nullable(),
  pressureGPa: z.number().nullable(),
  pressureDirection: ZPressureDirection,
  gateVoltageV: z.number().nullable(),
  grade: ZGrade,
  /** M1 or M2 measured with poor or unknown filtering: the saturation may be a radiation artifact */
  isArtifact: z.boolean(),
  uploadedAt: z.string(),
  /** what the curve stores, which sets the unit of its resistances (absent in snapshots made before curves carried it) */
  quantity: ZQuantity.optional(),
  seriesKey: z.string(),
  facetKey: z.string(),
  colorKey: z.string(),
});
export type TDiagramPoint = z.infer<typeof ZDiagramPoint>;

export const ZLabRef = z.object({ name: z.string(), slug: z.string() });
export const ZSampleRef = z.object({
  name: z.string(),
  material: z.string(),
  labId: z.string(),
  annealStage: z.string(),
  stageIndex: z.number().int(),
  lineageRootId: z.string(),
  visibility: z.enum(["PRIVATE", "SHARED", "PUBLIC"]),
  thicknessNm: z.number().nullable(),
});
export type TSampleRef = z.infer<typeof ZSampleRef>;
export const ZSetupRef = z.object({ name: z.string(), grade: ZGrade });

/** Names of the labs, samples and setups the points refer to. */
export const ZProvenance = z.object({
  labs: z.record(z.string(), ZLabRef),
  samples: z.record(z.string(), ZSampleRef),
  setups: z.record(z.string(), ZSetupRef),
});
export type TProvenance = z.infer<typeof ZProvenance>;

export const ZSeries = z.object({
  key: z.string(),
  label: z.string(),
  sampleId: z.string(),
  facetKey: z.string(),
  colorKey: z.string(),
  /** indexes into `points`, in increasing x */
  points: z.array(z.number().int()),
});
export type TSeries = z.infer<typeof ZSeries>;

/** Where the label changes along a series: somewhere between xLow and xHigh, estimated at x. */
export const ZBoundary = z.object({
  seriesKey: z.string(),
  facetKey: z.string(),
  from: ZPhase,
  to: ZPhase,
  x: z.number(),
  xLow: z.number(),
  xHigh: z.number(),
  yLow: z.number(),
  yHigh: z.number(),
  /** inconclusive curves between the two labelled ones */
  undecidedBetween: z.number().int(),
  label: z.string(),
});
export type TBoundary = z.infer<typeof ZBoundary>;

/** A cell of an aggregated diagram. */
export const ZBin = z.object({
  facetKey: z.string(),
  x0: z.number(),
  x1: z.number(),
  y0: z.number(),
  y1: z.number(),
  count: z.number().int(),
  counts: z.partialRecord(ZPhaseKey, z.number().int()),
  dominant: ZPhaseKey,
  artifactCount: z.number().int(),
});
export type TBin = z.infer<typeof ZBin>;

export const ZGroup = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export type TGroup = z.infer<typeof ZGroup>;

export const ZDiagramDto = z.object({
  query: ZDiagramQuery,
  xAxis: ZAxisInfo,
  yAxis: ZAxisInfo,
  mode: z.enum(["points", "aggregated"]),
  /** points that pass the filters and have a value on both axes */
  total: z.number().int(),
  /** points that pass the filters but lack a value on an axis (or are ≤ 0 on a log axis) */
  missing: z.number().int(),
  /** points the well-filtered switch removed (0 when it is off) */
  removedBySwitch: z.number().int(),
  phaseCounts: z.partialRecord(ZPhaseKey, z.number().int()),
  artifactCount: z.number().int(),
  engineVersions: z.array(z.string()),
  points: z.array(ZDiagramPoint),
  provenance: ZProvenance,
  series: z.array(ZSeries),
  boundaries: z.array(ZBoundary),
  bins: z.array(ZBin),
  facets: z.array(ZGroup),
  colorGroups: z.array(ZGroup),
  domain: z.object({ x: z.tuple([z.number(), z.number()]), y: z.tuple([z.number(), z.number()]) }).nullable(),
  /** x range of each panel when faceted (each material or lab spans its own range of the tuning parameter) */
  xDomainByFacet: z.record(z.string(), z.tuple([z.number(), z.number()])),
  /** y range of each panel when faceted (except sample rows) */
  yDomainByFacet: z.record(z.string(), z.tuple([z.number(), z.number()])),
  notes: z.array(z.string()),
});
export type TDiagramDto = z.infer<typeof ZDiagramDto>;

export const ZDiagramFilterOptions = z.object({
  labs: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int() })),
  materials: z.array(z.object({ name: z.string(), count: z.number().int() })),
  samples: z.array(z.object({ id: z.string(), name: z.string(), labId: z.string(), material: z.string(), annealStage: z.string(), count: z.number().int() })),
  engineVersions: z.array(z.object({ version: z.string(), count: z.number().int(), isCurrent: z.boolean() })),
});
export type TDiagramFilterOptions = z.infer<typeof ZDiagramFilterOptions>;
