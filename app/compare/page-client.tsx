"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { CurveChart, type ChartSeries } from "~/components/charts/curve-chart";
import { spansFactor } from "~/components/charts/ticks";
import { QuantityTable } from "~/components/compare/quantity-table";
import { DiagramChart } from "~/components/diagram/diagram-chart";
import { categoricalColor } from "~/components/diagram/glyphs";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";
import { AXES, AXIS_KEYS, type TAxisKey } from "~/server/domains/diagrams/axes";
import { diagramHref, serializeDiagramQuery } from "~/server/domains/diagrams/url";
import { decodeDiagram } from "~/server/domains/diagrams/wire";
import { MAX_COMPARED_SAMPLES } from "~/server/domains/compare/schemas";
import { compareHref, parseCompareView, scatterQuery, type TCompareView } from "~/server/domains/compare/url";
import { plural } from "~/components/ui/plural";

const TUNING_AXES = AXIS_KEYS.filter((k) => AXES[k].kind === "tuning" || AXES[k].kind === "disorder");
const QUANTITY_AXES = AXIS_KEYS.filter((k) => AXES[k].kind === "quantity");

function AxisPicker({ id, label, keys, value, scale, onChange }: { id: string; label: string; keys: TAxisKey[]; value: TAxisKey; scale: "linear" | "log"; onChange: (key: TAxisKey, scale: "linear" | "log") => void }) {
  return (
    <div className="field" style={{ minWidth: 220 }}>
      <label htmlFor={id}>{label}</label>
      <div className="row" style={{ flexWrap: "nowrap" }}>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as TAxisKey, AXES[e.target.value as TAxisKey].defaultScale)}>
          {keys.map((k) => (
            <option key={k} value={k}>
              {AXES[k].label}
              {AXES[k].unit ? ` (${AXES[k].unit})` : ""}
            </option>
          ))}
        </select>
        <label className="row small" style={{ flexWrap: "nowrap" }}>
          <input type="checkbox" checked={scale === "log"} disabled={!!AXES[value].isOrdinal} onChange={(e) => onChange(value, e.target.checked ? "log" : "linear")} /> log
        </label>
      </div>
    </div>
  );
}

export function CompareClient() {
  const trpc = useTRPC();
  const router = useRouter();
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const view = useMemo(() => parseCompareView(new URLSearchParams(search)), [search]);
  const update = (patch: Partial<TCompareView>) => router.push(compareHref({ ...view, ...patch }), { scroll: false });
  const [filter, setFilter] = useState("");

  const options = useQuery(trpc.diagram.getFilterOptions.queryOptions());
  const hasSamples = view.sampleIds.length > 0;
  const curves = useQuery({
    ...trpc.compare.getCurves.queryOptions({ sampleIds: hasSamples ? view.sampleIds : ["-"], normalization: view.normalization, temperature: view.temperature, maxPointsPerCurve: 240 }),
    enabled: hasSamples,
    placeholderData: keepPreviousData,
  });
  const scatter = useQuery({ ...trpc.diagram.get.queryOptions(scatterQuery(view)), enabled: hasSamples, placeholderData: keepPreviousData, select: decodeDiagram });

  const labName = new Map((options.data?.labs ?? []).map((l) => [l.id, l.name]));
  const chosen = new Set(view.sampleIds);
  const candidates = (options.data?.samples ?? []).filter((s) => !filter || `${s.name} ${s.material} ${labName.get(s.labId) ?? ""}`.toLowerCase().includes(filter.toLowerCase()));
  const sampleColor = new Map((curves.data?.samples ?? []).map((s, i) => [s.id, categoricalColor(i)]));
  const series: ChartSeries[] = (curves.data?.curves ?? []).map((c) => ({ id: c.curveId, name: `${c.label}${c.phase ? ` (${c.phase})` : ""}`, color: sampleColor.get(c.sampleId) ?? "#667085", points: c.points }));
  const exportParams = serializeDiagramQuery(scatterQuery(view)).toString();
  // curves that span decades (insulators beside superconductors) are all readable only on a log axis
  const logY = view.normalization !== "RN" || spansFactor(series.flatMap((c) => c.points.y), 30);

  return (
    <div className="page" style={{ maxWidth: 1500 }}>
      <div className="page-head">
        <div>
          <h1>Compare materials</h1>
          <p className="subtle" style={{ maxWidth: 820 }}>
            Pick samples from any lab you may read. Their curves are overlaid on a common scale, and any fitted quantity is plotted against a tuning parameter, with
            the same numbers in a table. The address holds the choice.
          </p>
        </div>
      </div>
      <div className="grid grid-controls">
        <aside className="card">
          <strong>Samples</strong>{" "}
          <span className="subtle small">
            {view.sampleIds.length} of at most {MAX_COMPARED_SAMPLES}
          </span>
          <input type="search" placeholder="Find a sample, material or lab…" aria-label="Find a sample" value={filter} onChange={(e) => setFilter(e.target.value)} style={{ margin: "8px 0" }} />
          <div style={{ maxHeight: 640, overflowY: "auto" }} data-testid="compare-samples">
            {candidates.slice(0, 400).map((s) => (
              <label key={s.id} className="small" style={{ display: "flex", gap: 6, alignItems: "flex-start", padding: "3px 0" }}>
                <input
                  type="checkbox"
                  checked={chosen.has(s.id)}
                  disabled={!chosen.has(s.id) && view.sampleIds.length >= MAX_COMPARED_SAMPLES}
                  onChange={(e) => update({ sampleIds: e.target.checked ? [...view.sampleIds, s.id] : view.sampleIds.filter((id) => id !== s.id) })}
                />
                <span>
                  {chosen.has(s.id) ? <span className="swatch" style={{ background: sampleColor.get(s.id) ?? "#d0d5dd", marginRight: 4 }} /> : null}
                  <strong style={{ fontWeight: 500 }}>{s.name}</strong>
                  <span className="subtle" style={{ display: "block" }}>
                    {s.material} · {labName.get(s.labId)} · {plural(s.count, "curve")}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </aside>
        <div className="stack">
          {!hasSamples ? (
            <div className="card empty">Choose samples on the left to compare them.</div>
          ) : (
            <>
              <section className="card">
                <div className="spread" style={{ alignItems: "flex-start" }}>
                  <h2>Curves, normalized</h2>
                  <div className="row small">
                    {(
                      [
                        ["RN", "R / R_N"],
                        ["RQ", "R / (h/4e²)"],
                        ["none", "R"],
                      ] as const
                    ).map(([value, label]) => (
                      <label key={value} className="row" style={{ gap: 4 }}>
                        <input type="radio" name="norm" checked={view.normalization === value} onChange={() => update({ normalization: value })} /> {label}
                      </label>
                    ))}
                    <span className="subtle">against</span>
                    {(
                      [
                        ["T", "T"],
                        ["TTc", "T / Tc"],
                      ] as const
                    ).map(([value, label]) => (
                      <label key={value} className="row" style={{ gap: 4 }}>
                        <input type="radio" name="temperature" checked={view.temperature === value} onChange={() => update({ temperature: value })} /> {label}
                      </label>
                    ))}
                  </div>
                </div>
                {curves.error ? <div className="alert alert-error">{errorInfo(curves.error).message}</div> : null}
                {curves.data && curves.data.unavailable.length > 0 ? (
                  <div className="alert alert-warn small">{curves.data.unavailable.length} chosen sample(s) cannot be read with your access and are left out.</div>
                ) : null}
                {curves.data && curves.data.withoutTc > 0 ? <p className="subtle small">{curves.data.withoutTc} curve(s) have no Tc from their fit and are not drawn against T/Tc.</p> : null}
                <p className="subtle small">R_N is the resistance at 10 K (or at the warmest point of sweeps that stop below); Tc is at 90 % of the normal state just above the drop; h/4e² = 6.45 kΩ.</p>
                {series.length > 0 ? (
                  <CurveChart key={`${view.normalization}-${view.temperature}-${logY}`} series={series} xLabel={curves.data?.xLabel ?? "T (K)"} yLabel={curves.data?.yLabel ?? "R"} initialLogX initialLogY={logY} />
                ) : (
                  <div className="empty">{curves.isLoading ? "Loading…" : "No R(T) curve to draw."}</div>
                )}
              </section>
              <section className="card">
                <div className="spread" style={{ alignItems: "flex-end", flexWrap: "wrap" }}>
                  <h2>A fitted quantity across materials</h2>
                  <div className="row">
                    <AxisPicker id="compare-y" label="Quantity" keys={QUANTITY_AXES} value={view.y} scale={view.yScale} onChange={(y, yScale) => update({ y, yScale })} />
                    <AxisPicker id="compare-x" label="against" keys={TUNING_AXES} value={view.x} scale={view.xScale} onChange={(x, xScale) => update({ x, xScale })} />
                  </div>
                </div>
                {scatter.data ? (
                  <>
                    <DiagramChart diagram={scatter.data} height={400} />
                    <div className="spread" style={{ margin: "12px 0 6px" }}>
                      <strong>The same numbers</strong>
                      <div className="row">
                        <a className="btn btn-small" href={`/api/exports/diagram?${exportParams}&format=csv`} download>
                          CSV
                        </a>
                        <a className="btn btn-small" href={`/api/exports/diagram?${exportParams}&format=json`} download>
                          JSON
                        </a>
                        <Link className="btn btn-small" href={diagramHref(scatterQuery(view))}>
                          Open in the phase diagram
                        </Link>
                      </div>
                    </div>
                    <QuantityTable diagram={scatter.data} />
                  </>
                ) : (
                  <div className="empty">{scatter.isLoading ? "Loading…" : ""}</div>
                )}
              </section>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
