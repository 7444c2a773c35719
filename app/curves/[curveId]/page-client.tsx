"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { CurveChart } from "~/components/charts/curve-chart";
import { formatNumber } from "~/components/charts/log-ticks";
import { conditionLabel } from "~/components/curves/labels";
import { FitSummary } from "~/components/curves/fit-summary";
import { CRYOSTAT_LABEL } from "~/components/setups/labels";
import { useTRPC } from "~/components/trpc/client";
import { errorInfo, Field } from "~/components/ui/field";
import { GradeBadge } from "~/components/ui/grade-badge";
import { PHASE_COLORS, PHASE_NAMES, PhaseBadge } from "~/components/ui/phase-badge";
import { OVERRIDE_REASON_CODES } from "~/server/domains/fits/schemas";

const PHASES = ["S", "M1", "M2", "I1", "I2", "NONE"] as const;
const UNIT = { RESISTANCE: "Ω", SHEET_RESISTANCE: "Ω/□", RESISTIVITY: "Ω·m" } as const;

export function CurveClient({ curveId }: { curveId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.fit.getCurve.queryOptions({ curveId }));
  const [showHistory, setShowHistory] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.fit.getCurve.queryFilter({ curveId }));
  const override = useMutation(trpc.fit.override.mutationOptions({ onSuccess: refresh }));
  const revert = useMutation(trpc.fit.revertOverride.mutationOptions({ onSuccess: refresh }));
  const overrideError = errorInfo(override.error);

  if (query.error) {
    return (
      <div className="page-narrow">
        <div className="alert alert-error">{errorInfo(query.error).message}</div>
        <p className="subtle">Reload the page; if the message stays, the curve is no longer shared with you.</p>
      </div>
    );
  }
  const curve = query.data;
  if (!curve) return <div className="page subtle">Loading…</div>;
  const fit = curve.fits.find((f) => f.id === curve.currentFitId) ?? null;
  const activeOverride = curve.overrides.find((o) => !o.supersededAt) ?? null;
  const unit = UNIT[curve.quantity];
  const color = fit ? PHASE_COLORS[fit.inconclusive ? "X" : fit.phase] : "#344054";
  const isRT = curve.kind === "RT";

  function onOverride(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const phase = String(form.get("phase")) as (typeof PHASES)[number];
    const reasonCode = phase === "NONE" ? (String(form.get("reasonCode")) as (typeof OVERRIDE_REASON_CODES)[number]) : undefined;
    override.mutate({ curveId, phase, reasonCode, justification: String(form.get("justification") ?? "") });
  }

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <p className="subtle small">
            {curve.sample.lab.name} · <Link href={`/samples/${curve.sample.id}`}>{curve.sample.name}</Link> · {curve.sample.material}
          </p>
          <h1>
            {isRT ? "R(T)" : "R(H)"} at {conditionLabel(curve, { withStage: true })}
          </h1>
          <div className="row">
            {fit ? (
              <>
                <PhaseBadge phase={activeOverride?.phase ?? fit.phase} inconclusive={fit.inconclusive && !activeOverride} />
                <span className="muted" data-testid="phase-name">
                  {PHASE_NAMES[activeOverride?.phase ?? fit.phase]}
                  {activeOverride ? ` (set by ${activeOverride.by}; automatic label ${fit.phase})` : ""}
                </span>
                <span className="subtle small">
                  confidence {Math.round(fit.confidence * 100)} % · engine {fit.engineVersion}
                </span>
              </>
            ) : (
              isRT ? (
                <span className="badge">waiting to be fitted</span>
              ) : (
                <span className="muted" data-testid="isotherm-link">
                  field sweep {curve.sweepDirection === "UP" ? "up ↑" : curve.sweepDirection === "DOWN" ? "down ↓" : curve.sweepDirection.toLowerCase()}
                  {curve.temperatureK != null ? ` at T = ${formatNumber(curve.temperatureK)} K` : ""} · part of{" "}
                  <Link href={`/samples/${curve.sample.id}#isotherms`}>the sample&apos;s isotherm analysis</Link> (crossing point, R_c and zν)
                </span>
              )
            )}
          </div>
        </div>
      </div>

      <div className="grid grid-sidebar">
        <div className="stack">
          <section className="card">
            <h2>Data and fit</h2>
            <CurveChart
              series={[
                { id: "data", name: `data (${curve.pointCount} points)`, color: "#344054", points: curve.points },
                ...(curve.overlay ? [{ id: "fit", name: `fit: ${fit?.model.replaceAll("_", " ")}`, color, points: curve.overlay.line, isLine: true }] : []),
              ]}
              xLabel={isRT ? "T (K)" : "H (Oe)"}
              yLabel={`R (${unit})`}
              initialLogX={isRT}
              initialLogY
            />
            {curve.fitWindow ? (
              <p className="subtle small">
                Fitted window {formatNumber(curve.fitWindow.Tmin)}–{formatNumber(curve.fitWindow.Tmax)} K ({curve.fitWindow.n} points).
              </p>
            ) : null}
          </section>
          {curve.overlay ? (
            <section className="card">
              <h2>Residuals</h2>
              <p className="subtle small">(R − fit)/fit inside the fitted window.</p>
              <CurveChart
                series={[{ id: "residuals", name: "relative residual", color, points: curve.overlay.residuals }]}
                xLabel="T (K)"
                yLabel="(R−fit)/fit"
                initialLogX
                initialLogY={false}
                height={220}
              />
            </section>
          ) : null}
          {fit ? <FitSummary fit={fit} /> : null}
        </div>

        <div className="stack">
          <section className="card">
            <h2>Provenance</h2>
            <dl className="kv">
              <dt>Lab</dt>
              <dd>{curve.sample.lab.name}</dd>
              <dt>Sample</dt>
              <dd>
                <Link href={`/samples/${curve.sample.id}`}>{curve.sample.name}</Link>
              </dd>
              <dt>Channel</dt>
              <dd data-testid="curve-channel">
                {curve.channel ?? "—"}
                {curve.label && curve.label !== curve.channel ? ` (${curve.label})` : ""}
              </dd>
              <dt>Stage</dt>
              <dd>{curve.annealStage ?? "—"}</dd>
              <dt>Field</dt>
              <dd>{curve.fieldOe != null ? `${formatNumber(curve.fieldOe)} Oe, ${curve.fieldOrientation.toLowerCase()}` : "—"}</dd>
              <dt>Pressure</dt>
              <dd>
                {curve.pressureGPa != null ? `${formatNumber(curve.pressureGPa)} GPa, ${curve.pressureDirection.toLowerCase()}` : "—"}
                {curve.pressureMedium ? ` (${curve.pressureMedium})` : ""}
              </dd>
              <dt>Sweep</dt>
              <dd>{curve.sweepDirection.toLowerCase()}</dd>
              <dt>Measured</dt>
              <dd>{curve.measuredAt ? curve.measuredAt.toISOString().slice(0, 10) : "—"}</dd>
              <dt>Setup</dt>
              <dd>
                {curve.setup ? (
                  <>
                    {curve.setup.name} ({CRYOSTAT_LABEL[curve.setup.cryostat]}) <GradeBadge grade={curve.setup.filteringGrade} title={curve.setup.filteringExplanation} />
                  </>
                ) : (
                  <GradeBadge grade={null} title="No setup recorded" />
                )}
              </dd>
              <dt>Raw file</dt>
              <dd>
                {curve.upload ? (
                  <a href={`/api/uploads/${curve.upload.id}/raw`} data-testid="raw-upload-link">
                    {curve.upload.originalName}
                  </a>
                ) : (
                  <span className="subtle">{curve.segmentReason ?? "no upload"}</span>
                )}
                {curve.upload ? (
                  <span className="subtle small">
                    {" "}
                    · {curve.upload.parserName} {curve.upload.parserVersion} · sha256 {curve.upload.sha256.slice(0, 12)}…
                  </span>
                ) : null}
              </dd>
            </dl>
          </section>

          {fit && curve.canOverride ? (
            <form className="card stack" onSubmit={onOverride} noValidate>
              <h2>Override the label</h2>
              <p className="subtle small">Your label is shown instead of the automatic one, with your justification. The automatic label stays stored.</p>
              <Field label="Phase" htmlFor="override-phase">
                <select id="override-phase" name="phase" defaultValue={activeOverride?.phase ?? fit.phase}>
                  {PHASES.map((p) => (
                    <option key={p} value={p}>
                      {p} — {PHASE_NAMES[p]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Reason, when no SIT label applies" htmlFor="override-reason" error={overrideError.fields.reasonCode}>
                <select id="override-reason" name="reasonCode" defaultValue={activeOverride?.reasonCode ?? fit.reasonCode ?? "not_sit_other"}>
                  {OVERRIDE_REASON_CODES.map((code) => (
                    <option key={code} value={code}>
                      {code.replaceAll("_", " ")}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Justification" htmlFor="override-why" error={overrideError.fields.justification}>
                <textarea id="override-why" name="justification" placeholder="e.g. the low-T saturation comes from heating: the RuO₂ and mixing-chamber temperatures differ by 30 % below 60 mK" />
              </Field>
              {overrideError.message && !overrideError.fields.justification ? <div className="alert alert-error">{overrideError.message}</div> : null}
              <div className="row">
                <button className="btn btn-primary" type="submit" disabled={override.isPending}>
                  Save label
                </button>
                {activeOverride ? (
                  <button type="button" className="btn" onClick={() => revert.mutate({ curveId })}>
                    Back to the automatic label
                  </button>
                ) : null}
              </div>
            </form>
          ) : null}

          {curve.overrides.length > 0 || curve.fits.length > 1 ? (
            <section className="card">
              <div className="spread">
                <h2>History</h2>
                <button className="btn btn-small" onClick={() => setShowHistory(!showHistory)}>
                  {showHistory ? "Hide" : "Show"}
                </button>
              </div>
              {showHistory ? (
                <ul className="small" style={{ paddingLeft: 18, margin: 0 }}>
                  {curve.overrides.map((o) => (
                    <li key={o.id}>
                      {o.createdAt.toISOString().slice(0, 16).replace("T", " ")}: {o.by} set <strong>{o.phase}</strong> — “{o.justification}”{o.supersededAt ? " (superseded)" : ""}
                    </li>
                  ))}
                  {curve.fits.map((f) => (
                    <li key={f.id}>
                      engine {f.engineVersion}: <strong>{f.phase}</strong> ({f.model.replaceAll("_", " ")}, {Math.round(f.confidence * 100)} %){f.isCurrent ? " — current" : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
