"use client";

import { CurveChart, type ChartSeries } from "~/components/charts/curve-chart";
import { formatNumber } from "~/components/charts/log-ticks";
import { sequentialColor } from "~/components/charts/palette";
import type { TColumnMapping } from "~/server/ingest";
import { Diagnostics, formatConditions } from "./diagnostics";
import { formatBytes } from "./drop-zone";
import { MappingEditor } from "./mapping-editor";
import type { FileEntry } from "./types";
import { ChannelTargets, type ChannelChoice } from "./channel-targets";
import { TemplatePicker } from "./template-picker";
import type { TMappingTemplateDto } from "~/server/domains/uploads/template-schemas";
import { useState } from "react";
import styles from "./upload.module.css";
import { plural } from "~/components/ui/plural";

const DIRECTION: Record<string, string> = { warming: "warming", cooling: "cooling", up: "field up", down: "field down", mixed: "mixed" };
const QUANTITY: Record<string, string> = { resistance: "resistance", sheet_resistance: "sheet resistance", resistivity: "resistivity" };

function StatusBadge({ entry }: { entry: FileEntry }) {
  const p = entry.preview;
  if (entry.status === "sending") return <span className="badge">{entry.progress < 1 ? `sending ${Math.round(entry.progress * 100)}%` : "reading…"}</span>;
  if (entry.status === "failed") return <span className="badge grade-POOR">refused</span>;
  if (entry.status === "committing") return <span className="badge">importing…</span>;
  if (entry.status === "done") return <span className="badge grade-GOOD">{entry.result?.isDuplicate ? "already uploaded" : "imported"}</span>;
  if (p && p.errors.length > 0) return <span className="badge grade-POOR">needs a fix</span>;
  if (p && p.rowProblems.length > 0 && !entry.skipBadRows) return <span className="badge grade-UNKNOWN">rows with problems</span>;
  return <span className="badge grade-GOOD">ready</span>;
}

/** One file: progress, what the parser found (curves plotted, conditions, units), problems, and the mapping. */
export function FilePreview({
  entry,
  onToggleCurve,
  onApplyMapping,
  onSkipBadRows,
  onRemove,
  onChannel,
  onTemperature,
  samples,
  setups,
  sampleName,
  templates,
  onApplyTemplate,
  onSaveTemplate,
}: {
  entry: FileEntry;
  onToggleCurve: (index: number) => void;
  onApplyMapping: (mapping: TColumnMapping | undefined) => void;
  onSkipBadRows: (skip: boolean) => void;
  onRemove: () => void;
  onChannel: (channel: string, choice: ChannelChoice) => void;
  /** re-reads the file with the temperature of its field sweeps (files that record none) */
  onTemperature: (kelvin: number) => void;
  samples: { id: string; name: string }[];
  setups: { id: string; name: string }[];
  sampleName: (id: string) => string;
  templates: TMappingTemplateDto[];
  onApplyTemplate: (template: TMappingTemplateDto) => void;
  /** saves the file's current mapping; resolves to an error message or null */
  onSaveTemplate: (name: string) => Promise<string | null>;
}) {
  const [temperature, setTemperature] = useState("");
  const p = entry.preview;
  const excluded = new Set(entry.excluded);
  const isLocked = entry.status === "committing" || entry.status === "done";
  const included = p ? p.curves.filter((c) => !excluded.has(c.index)) : [];
  const chart = (kind: "RT" | "RH"): ChartSeries[] => {
    const list = included.filter((c) => c.kind === kind);
    return list.map((c, i) => ({
      id: `${entry.key}-${c.index}`,
      name: `#${c.index + 1} ${c.channel} · ${formatConditions(c, (n) => formatNumber(n))}`,
      color: sequentialColor(i, list.length),
      points: c.points,
    }));
  };
  // A log R axis helps only when R spans a decade or more (and is positive).
  const spansDecades = (kind: "RT" | "RH") => {
    const list = included.filter((c) => c.kind === kind);
    const lo = Math.min(...list.map((c) => c.rRange[0]));
    const hi = Math.max(...list.map((c) => c.rRange[1]));
    return lo > 0 && hi / lo >= 10;
  };
  const rt = chart("RT");
  const rh = chart("RH");
  const units = p ? [...new Set(p.curves.map((c) => c.unit))] : [];
  const yUnit = units.length === 1 ? units[0] : "mixed units";

  return (
    <section className="card stack" data-testid="file-card" aria-label={entry.file.name}>
      <div className="spread">
        <div className="row">
          <strong data-testid="file-name">{entry.file.name}</strong>
          <span className="subtle small">{formatBytes(entry.file.size)}</span>
          <StatusBadge entry={entry} />
        </div>
        {!isLocked ? (
          <button type="button" className="btn btn-small" onClick={onRemove}>
            Remove
          </button>
        ) : null}
      </div>

      {entry.status === "sending" ? (
        <div className={styles.progress} role="progressbar" aria-label={`Sending ${entry.file.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(entry.progress * 100)}>
          <div className={styles.progressBar} style={{ width: `${Math.round(entry.progress * 100)}%` }} />
        </div>
      ) : null}

      {entry.error ? (
        <div className="alert alert-error small" data-testid="file-error">
          {entry.error.message}
          {Array.isArray(entry.error.details) && entry.error.details.length > 1 ? <Diagnostics items={entry.error.details as never} /> : null}
        </div>
      ) : null}

      {entry.result ? (
        <div className="alert alert-ok small" data-testid="file-result">
          {entry.result.isDuplicate
            ? `Already imported, nothing new was stored: ${entry.result.duplicates.map((d) => `${d.channel} → ${sampleName(d.sampleId)}`).join(", ")}.`
            : `Stored ${entry.result.curveIds.length} curve${entry.result.curveIds.length === 1 ? "" : "s"} (${entry.result.queuedFits} queued for fitting)${entry.result.skippedDuplicateCurves > 0 ? `; ${entry.result.skippedDuplicateCurves} identical to curves already on the sample were skipped` : ""}${entry.result.duplicates.length > 0 ? `; already imported before: ${entry.result.duplicates.map((d) => `${d.channel} → ${sampleName(d.sampleId)}`).join(", ")}` : ""}.`}{" "}
          {(entry.result.sampleIds.length > 0 ? entry.result.sampleIds : [entry.result.sampleId]).map((id) => (
            <a key={id} href={`/samples/${id}`} style={{ marginRight: 8 }}>
              Open {sampleName(id)} →
            </a>
          ))}
        </div>
      ) : null}

      {p ? (
        <>
          <p className="subtle small">
            {p.format} · {p.parser.name} {p.parser.version} · {p.stats.lines} lines, {p.stats.rows} data rows, {p.stats.points} points
            {p.metadata.encoding ? ` · ${p.metadata.encoding}` : ""}
            {p.metadata.delimiter ? ` · delimiter ${JSON.stringify(p.metadata.delimiter)}` : ""} · SHA-256 <span className="mono">{p.sha256.slice(0, 12)}…</span>
            {p.instrument ? ` · ${p.instrument}` : ""}
            {p.measuredAt ? <span data-testid="preview-measured"> · measured {p.measuredAt.slice(0, 16).replace("T", " ")}</span> : null}
          </p>
          {p.columns.some((c) => c.unitSource === "inferred" || c.unitSource === "assumed") ? (
            <div className="alert alert-info small" data-testid="units-to-confirm">
              Units not written in the file — confirm them, or set them under “Columns and mapping”:{" "}
              {p.columns
                .filter((c) => c.unitSource === "inferred" || c.unitSource === "assumed")
                .map((c) => `${c.name} → ${c.unit} (${c.unitSource === "inferred" ? "inferred from the values" : "assumed"})`)
                .join("; ")}
              .
            </div>
          ) : null}
          {p.curves.some((c) => c.tRangeK === null) ? (
            <div className="alert alert-warn small" data-testid="temperature-needed">
              The file records no temperature: these are field sweeps at one temperature. Give it to import them.{" "}
              <label className="row" style={{ marginTop: 6 }}>
                Temperature (K){" "}
                <input className="input" style={{ width: 100 }} inputMode="decimal" value={temperature} disabled={isLocked} onChange={(e) => setTemperature(e.target.value)} />
                <button type="button" className="btn btn-small" disabled={isLocked || !(Number(temperature) > 0)} onClick={() => onTemperature(Number(temperature))}>
                  Re-read
                </button>
              </label>
            </div>
          ) : null}
          {p.existingUploads.length > 0 ? (
            <div className="alert alert-info small" data-testid="already-uploaded">
              These exact bytes were already uploaded:{" "}
              {p.existingUploads.map((u) => `${u.labName} on ${u.createdAt.slice(0, 10)} (${plural(u.curveCount, "curve")}${u.sampleIds.length > 0 ? ` in ${u.sampleIds.map(sampleName).join(", ")}` : ""})`).join("; ")}. A channel already imported into the same sample is not stored again; other channels or samples are added.
            </div>
          ) : null}
          {p.errors.length > 0 ? (
            <div className="alert alert-error small" data-testid="parse-errors">
              <strong>The file cannot be imported as read.</strong> Fix the column mapping below, or the file.
              <Diagnostics items={p.errors} />
            </div>
          ) : null}
          {p.rowProblems.length > 0 ? (
            <div className="alert alert-warn small" data-testid="row-problems">
              <strong>Some rows have problems</strong> and would be left out:
              <Diagnostics items={p.rowProblems} />
              <label className="row" style={{ marginTop: 6 }}>
                <input type="checkbox" checked={entry.skipBadRows} disabled={isLocked} onChange={(e) => onSkipBadRows(e.target.checked)} /> Skip these rows and import the others
              </label>
            </div>
          ) : null}

          {p.curves.length > 0 ? (
            <>
              {rt.length > 0 ? <CurveChart series={rt} xLabel="T (K)" yLabel={`R (${yUnit})`} initialLogY={spansDecades("RT")} height={320} /> : null}
              {rh.length > 0 ? <CurveChart series={rh} xLabel="H (Oe)" yLabel={`R (${yUnit})`} initialLogY={false} height={320} /> : null}
              <div style={{ overflowX: "auto" }}>
                <table className="table" data-testid="preview-curves">
                  <thead>
                    <tr>
                      <th>Import</th>
                      <th>#</th>
                      <th>Kind</th>
                      <th>Channel</th>
                      <th>Conditions</th>
                      <th>Sweep</th>
                      <th className="num">Points</th>
                      <th className="num">Readings</th>
                      <th className="num">T range (K)</th>
                      <th>R</th>
                      <th>Lines</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.curves.map((c) => (
                      <tr key={c.index} className={excluded.has(c.index) ? styles.excluded : undefined} title={c.segmentReason}>
                        <td>
                          <input type="checkbox" aria-label={`Import curve ${c.index + 1}`} checked={!excluded.has(c.index)} disabled={isLocked} onChange={() => onToggleCurve(c.index)} />
                        </td>
                        <td className="num">{c.index + 1}</td>
                        <td>{c.kind === "RT" ? "R(T)" : "R(H)"}</td>
                        <td>
                          {c.channel}
                          {c.label ? <span className="subtle small"> ({c.label})</span> : null}
                        </td>
                        <td>{formatConditions(c, (n) => formatNumber(n))}</td>
                        <td>{DIRECTION[c.direction] ?? c.direction}</td>
                        <td className="num">{c.pointCount}</td>
                        <td className="num" title={c.mergedPoints > 0 ? `${c.mergedPoints} points merge repeated readings (mean, count and spread kept)` : undefined}>
                          {c.readings}
                        </td>
                        <td className="num">{c.tRangeK ? `${formatNumber(c.tRangeK[0])} – ${formatNumber(c.tRangeK[1])}` : "not recorded"}</td>
                        <td>
                          {QUANTITY[c.quantity]} ({c.unit})
                        </td>
                        <td className="mono small">
                          {c.sourceRows.first}–{c.sourceRows.last}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="subtle small">Hover a row for how the sweep was found (tolerances, swept variable, direction). Untick a curve to leave it out.</p>
              <ChannelTargets preview={p} choices={entry.channels} samples={samples} setups={setups} disabled={isLocked} onChange={onChannel} />
            </>
          ) : null}

          {p.warnings.length > 0 ? (
            <details>
              <summary className="small">{p.warnings.length} warning{p.warnings.length === 1 ? "" : "s"}</summary>
              <Diagnostics items={p.warnings} testId="parse-warnings" />
            </details>
          ) : null}

          {!isLocked ? (
            <details open={p.errors.length > 0 || !!p.options.mapping}>
              <summary className="small">Columns and mapping ({p.columns.length} columns)</summary>
              <div style={{ marginTop: 8 }} className="stack">
                <TemplatePicker idPrefix={entry.key} templates={templates} hasMapping={!!p.options.mapping} disabled={entry.isRereading} onApply={onApplyTemplate} onSave={onSaveTemplate} />
                <MappingEditor key={JSON.stringify(p.options.mapping ?? null)} idPrefix={entry.key} columns={p.columns} mapping={p.options.mapping} pending={entry.isRereading} onApply={onApplyMapping} />
              </div>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
