/**
 * Pure instrument-file parsers and segmentation. Bytes in, curves and diagnostics out:
 * no framework, database, file-system or node:* imports. See README.md.
 */
export { createParser, parseBytes, PARSERS, PRELUDE_BYTES } from "./parser";
export {
  ZParseOptions,
  ZColumnMapping,
  ZColumnRef,
  ZSegmentationOptions,
  ZLimits,
  DEFAULT_LIMITS,
  DEFAULT_SEGMENTATION,
  resolveOptions,
  type TParseOptions,
  type TColumnMapping,
  type TColumnRef,
} from "./options";
export { ZCurveUploadJson, ZCurveJson, type TCurveUploadJson, type TCurveJson } from "./json";
export { segmentSeries, type SeriesInput, type Segment, type SegmentReport } from "./segment";
export { parseUnit } from "./units";
export type {
  Diagnostic,
  FixedConditions,
  IngestParser,
  ParsedColumn,
  ParsedCurve,
  ParsedFile,
  ParserId,
  ParseStats,
  TColumnRole,
  TCurveKind,
  TDirection,
  TFileFormat,
  TQuantity,
  TReadout,
} from "./types";
