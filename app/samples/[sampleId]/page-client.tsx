"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { CurveChart, type ChartSeries } from "~/components/charts/curve-chart";
import { IsothermSection } from "~/components/isotherms/isotherm-section";
import { formatNumber } from "~/components/charts/log-ticks";
import { sequentialColor } from "~/components/charts/palette";
import { conditionLabel } from "~/components/curves/labels";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo } from "~/components/ui/field";
import { CRYOSTAT_LABEL, describeFilterStage } from "~/components/setups/labels";
import { GradeBadge } from "~/components/ui/grade-badge";
import { PhaseBadge } from "~/components/ui/phase-badge";
import { plural } from "~/components/ui/plural";

const QUANTITY_UNIT = { RESISTANCE: "Ω", SHEET_RESISTANCE: "Ω/□", RESISTIVITY: "Ω·m" } as const;

function Value({ value, unit }: { value: number | string | null | undefined; unit?: string }) {
  if (value === null || value === undefined || value === "") return <span className="subtle">—</span>;
  return (
    <>
      {typeof value === "number" ? formatNumber(value, 4) : value}
      {unit ? ` ${unit}` : ""}
    </>
  );
}

export function SampleClient({ sampleId }: { sampleId: string }) {
  const trpc = useTRPC();
  const sampleQuery = useQuery(trpc.sample.get.queryOptions({ sampleId }));
  const plotsQuery = useQuery(trpc.curve.listPlots.queryOptions({ sampleId, maxPointsPerCurve: 400 }));
  const isothermsQuery = useQuery(trpc.isotherm.getForSample.queryOptions({ sampleId }));
  if (sampleQuery.error) {
    return (
      <div className="page-narrow">
        <div className="alert alert-error">{errorInfo(sampleQuery.error).message}</div>
        <p className="subtle">Reload the page; if the message stays, the sample is no longer shared with you.</p>
      </div>
    );
  }
  const sample = sampleQuery.data;
  if (!sample) return <div className="page subtle">Loading…</div>;
  const plots = plotsQuery.data ?? [];
  const rtPlots = plots.filter((p) => p.kind === "RT");
  const series: ChartSeries[] = rtPlots.map((p, i) => ({
    id: p.id,
    name: `${p.channel ? `${p.channel} · ` : ""}${conditionLabel(p)}${p.phase ? ` (${p.phase})` : ""}`,
    color: sequentialColor(i, rtPlots.length),
    points: p.points,
  }));
  // the axis unit follows what is stored: Ω/□ only when every curve holds a sheet resistance
  const quantities = [...new Set(sample.curves.map((c) => c.quantity))];
  const unit = quantities.length === 1 ? QUANTITY_UNIT[quantities[0]!] : "mixed units";

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="subtle small">
            <Link href={`/samples?labId=${sample.lab.id}`}>{sample.lab.name}</Link> · sample
          </p>
          <h1 data-testid="sample-name">{sample.name}</h1>
          <div className="row">
            <span className="badge">{sample.material}</span>
            <span className="badge">{sample.morphology.toLowerCase().replace("_", " ")}</span>
            <span className="badge">{sample.visibility.toLowerCase()}</span>
            {sample.sharedWith.length > 0 ? <span className="subtle small">shared with {sample.sharedWith.map((l) => l.name).join(", ")}</span> : null}
          </div>
        </div>
        {sample.canEdit ? (
          <div className="row">
            <Link className="btn" href={`/samples/${sample.id}/edit`}>
              Edit
            </Link>
            <Link className="btn" href={`/samples/new?labId=${sample.labId}&previousStageId=${sample.id}`}>
              Next anneal stage
            </Link>
            <Link className="btn btn-primary" href={`/upload?sampleId=${sample.id}`}>
              Upload data
            </Link>
          </div>
        ) : null}
      </div>

      <div className="card" style={{ marginBottom: 16 }}>
        <div className="lineage" aria-label="Anneal stages of this film">
          <strong>Anneal stages:</strong>
          {sample.stages.map((s, i) => (
            <span key={s.id} className="row">
              {i > 0 ? <span className="arrow">→</span> : null}
              <Link href={`/samples/${s.id}`} aria-current={s.id === sample.id} title={s.annealTreatment ?? undefined}>
                {s.annealStage}
              </Link>
            </span>
          ))}
          {sample.annealTreatment ? <span className="subtle small">({sample.annealTreatment})</span> : null}
        </div>
      </div>

      <div className="grid grid-sidebar">
        <div className="stack">
          {rtPlots.length === 0 && sample.curves.some((c) => c.kind === "RH") ? null : (
          <section className="card">
            <div className="spread">
              <h2>R(T) curves</h2>
              <span className="subtle small">{plural(sample.curves.length, "curve")} · click a legend entry to hide it</span>
            </div>
            {series.length > 0 ? (
              <CurveChart series={series} xLabel="T (K)" yLabel={`R (${unit})`} initialLogX initialLogY />
            ) : (
              <div className="empty">{plotsQuery.isLoading ? "Loading curves…" : "No R(T) curves yet."}</div>
            )}
          </section>
          )}
          <IsothermSection data={isothermsQuery.data} unit={unit} />
          <section className="card">
            <h2>Curves</h2>
            {sample.curves.length === 0 ? (
              <div className="empty">No curves yet.</div>
            ) : (
              <table className="table" data-testid="curves-table">
                <thead>
                  <tr>
                    <th>Conditions</th>
                    <th>Channel</th>
                    <th>Measured</th>
                    <th>Kind</th>
                    <th className="num">Points</th>
                    <th className="num">T range (K)</th>
                    <th className="num">R range</th>
                    <th>Label</th>
                    <th>Model</th>
                  </tr>
                </thead>
                <tbody>
                  {sample.curves.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link href={`/curves/${c.id}`}>{conditionLabel(c)}</Link>
                      </td>
                      <td data-testid="curve-channel">
                        {c.channel ?? "—"}
                        {c.label && c.label !== c.channel ? <span className="subtle small"> ({c.label})</span> : null}
                      </td>
                      <td className="small">{c.measuredAt ? c.measuredAt.toISOString().slice(0, 10) : "—"}</td>
                      <td>{c.kind === "RT" ? "R(T)" : "R(H)"}</td>
                      <td className="num">{c.pointCount}</td>
                      <td className="num">
                        {formatNumber(c.tMinK)} – {formatNumber(c.tMaxK)}
                      </td>
                      <td className="num">
                        {formatNumber(c.rMin)} – {formatNumber(c.rMax)}
                      </td>
                      <td>
                        {c.kind === "RH" ? (
                          <a href="#isotherms" className="small">
                            isotherm analysis
                          </a>
                        ) : (
                          <PhaseBadge phase={c.fit ? (c.fit.override?.phase ?? c.fit.phase) : null} inconclusive={c.fit?.inconclusive && !c.fit.override} />
                        )}
                        {c.fit?.override ? <span className="subtle small"> (override)</span> : null}
                        {c.fit ? <span className="subtle small"> {Math.round(c.fit.confidence * 100)}%</span> : null}
                      </td>
                      <td className="muted small">{c.fit?.model.replaceAll("_", " ") ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
        <div className="stack">
          <section className="card">
            <h2>Film</h2>
            <dl className="kv">
              <dt>Thickness</dt>
              <dd>
                <Value value={sample.thicknessNm} unit="nm" />
              </dd>
              <dt>Substrate</dt>
              <dd>
                <Value value={sample.substrate} />
              </dd>
              <dt>Deposition</dt>
              <dd>
                <Value value={sample.depositionMethod} />
              </dd>
              <dt>O₂ pressure</dt>
              <dd>
                <Value value={sample.depositionO2PressureMbar} unit="mbar" />
              </dd>
              <dt>Geometry</dt>
              <dd>
                {sample.geometry.toLowerCase().replaceAll("_", " ")}
                {sample.squares ? ` · ${sample.squares} □` : ""}
              </dd>
              <dt>Leads</dt>
              <dd>
                <Value value={sample.leadMaterial} />
              </dd>
              <dt>Provenance</dt>
              <dd>
                <Value value={sample.provenance} />
              </dd>
              <dt>Added by</dt>
              <dd>
                <Value value={sample.createdBy} />
              </dd>
            </dl>
            {sample.notes ? <p className="muted small" style={{ marginTop: 8, whiteSpace: "pre-wrap" }}>{sample.notes}</p> : null}
          </section>
          <section className="card">
            <h2>Setups</h2>
            {sample.setups.length === 0 ? <p className="subtle">No setup recorded for these curves.</p> : null}
            {sample.setups.map((s) => (
              <div key={s.id} className="stack" style={{ marginBottom: 12 }}>
                <div className="spread">
                  <strong>{s.name}</strong>
                  <GradeBadge grade={s.filteringGrade} title={s.filteringExplanation} />
                </div>
                <p className="subtle small">
                  {CRYOSTAT_LABEL[s.cryostat]}
                  {s.baseTemperatureK ? `, base ${formatNumber(s.baseTemperatureK)} K` : ""}
                  {s.excitation ? `, ${s.excitation}` : ""}
                  {s.excitationAmplitudeA ? ` ${formatNumber(s.excitationAmplitudeA * 1e9)} nA` : ""}
                  {s.excitationFrequencyHz ? ` at ${formatNumber(s.excitationFrequencyHz)} Hz` : ""}
                  {s.thermometry ? ` · ${s.thermometry}` : ""}
                </p>
                <p className="small muted">{s.filteringExplanation}</p>
                {s.filterStages.length > 0 ? (
                  <ol className="small muted" style={{ margin: 0, paddingLeft: 18 }}>
                    {s.filterStages.map((f) => (
                      <li key={f.position}>{describeFilterStage(f)}</li>
                    ))}
                  </ol>
                ) : null}
              </div>
            ))}
          </section>
        </div>
      </div>
    </div>
  );
}
