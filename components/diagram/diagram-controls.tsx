"use client";

import { useState, type CSSProperties, type ReactNode } from "react";
import { AXES, AXIS_KEYS, type TAxisKey, type TAxisKind } from "~/server/domains/diagrams/axes";
import { DIAGRAM_PRESETS } from "~/server/domains/diagrams/presets";
import { GRADES, type TDiagramFilterOptions, type TDiagramQuery } from "~/server/domains/diagrams/schemas";
import { GRADE_LABEL } from "./describe";

const GROUPS: { kind: TAxisKind; label: string }[] = [
  { kind: "tuning", label: "Tuning parameters" },
  { kind: "disorder", label: "Disorder proxies" },
  { kind: "category", label: "Rows" },
  { kind: "quantity", label: "Fitted quantities" },
];

const box: CSSProperties = { maxHeight: 168, overflowY: "auto", border: "1px solid var(--line)", borderRadius: 6, padding: "4px 8px" };
const section: CSSProperties = { borderTop: "1px solid var(--line)", paddingTop: 10, marginTop: 10 };

function AxisSelect({ id, label, value, onChange }: { id: string; label: string; value: TAxisKey; onChange: (key: TAxisKey) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as TAxisKey)}>
        {GROUPS.map((g) => (
          <optgroup key={g.kind} label={g.label}>
            {AXIS_KEYS.filter((k) => AXES[k].kind === g.kind).map((k) => (
              <option key={k} value={k} title={AXES[k].description}>
                {AXES[k].label}
                {AXES[k].unit ? ` (${AXES[k].unit})` : ""}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function ScaleToggle({ name, value, disabled, onChange }: { name: string; value: "linear" | "log"; disabled?: boolean; onChange: (v: "linear" | "log") => void }) {
  return (
    <div className="row small" role="radiogroup" aria-label={`${name} scale`}>
      {(["linear", "log"] as const).map((v) => (
        <label key={v} className="row" style={{ gap: 4 }}>
          <input type="radio" name={`${name}-scale`} checked={value === v} disabled={disabled} onChange={() => onChange(v)} />
          {v}
        </label>
      ))}
    </div>
  );
}

function CheckList<T extends string>({ label, items, selected, onChange, testId }: { label: string; items: { value: T; label: ReactNode; count?: number }[]; selected: readonly T[]; onChange: (next: T[]) => void; testId?: string }) {
  const set = new Set(selected);
  return (
    <fieldset style={{ border: "none", padding: 0, minWidth: 0 }} data-testid={testId}>
      <legend className="small" style={{ fontWeight: 600, color: "var(--ink-2)", padding: 0, marginBottom: 4 }}>
        {label}
        {selected.length > 0 ? (
          <button type="button" className="btn btn-small" style={{ marginLeft: 8, padding: "0 6px" }} onClick={() => onChange([])}>
            all
          </button>
        ) : null}
      </legend>
      <div style={box}>
        {items.length === 0 ? <div className="subtle small">none</div> : null}
        {items.map((item) => (
          <label key={item.value} className="small" style={{ display: "flex", alignItems: "center", gap: 6, minWidth: 0 }}>
            <input
              type="checkbox"
              style={{ flex: "none" }}
              checked={set.has(item.value)}
              onChange={(e) => {
                const next = new Set(set);
                if (e.target.checked) next.add(item.value);
                else next.delete(item.value);
                onChange([...next]);
              }}
            />
            <span style={{ flex: "1 1 auto", minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{item.label}</span>
            {item.count !== undefined ? <span className="subtle" style={{ flex: "none" }}>{item.count}</span> : null}
          </label>
        ))}
      </div>
      {selected.length === 0 ? <div className="subtle small">no restriction</div> : null}
    </fieldset>
  );
}

const CONFIDENCES = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

/** Axes, display and filters of the diagram. Every change is a new query (and a new address). */
export function DiagramControls({ query, options, onChange }: { query: TDiagramQuery; options: TDiagramFilterOptions | undefined; onChange: (patch: Partial<TDiagramQuery>) => void }) {
  const [sampleFilter, setSampleFilter] = useState("");
  const samples = (options?.samples ?? []).filter((s) => !sampleFilter || `${s.name} ${s.material}`.toLowerCase().includes(sampleFilter.toLowerCase()));
  const labName = new Map((options?.labs ?? []).map((l) => [l.id, l.name]));
  return (
    <div className="stack" data-testid="diagram-controls">
      <div>
        <div className="small" style={{ fontWeight: 600, color: "var(--ink-2)", marginBottom: 4 }}>
          Standard views
        </div>
        <div className="stack" style={{ display: "flex", flexDirection: "column", gap: 4 }}>
          {DIAGRAM_PRESETS.map((p) => (
            <button key={p.id} type="button" className="btn btn-small" style={{ justifyContent: "flex-start", textAlign: "left" }} title={p.description} onClick={() => onChange({ hidePhases: [], colorBy: "phase", facetBy: "none", xScale: "linear", yScale: "linear", ...p.query })}>
              {p.title}
            </button>
          ))}
        </div>
      </div>

      <div style={section}>
        <AxisSelect id="diagram-x" label="X axis" value={query.x} onChange={(x) => onChange({ x, xScale: AXES[x].defaultScale })} />
        <ScaleToggle name="x" value={query.xScale} disabled={!!AXES[query.x].isOrdinal} onChange={(xScale) => onChange({ xScale })} />
        <div style={{ height: 8 }} />
        <AxisSelect id="diagram-y" label="Y axis" value={query.y} onChange={(y) => onChange({ y, yScale: AXES[y].defaultScale })} />
        <ScaleToggle name="y" value={query.yScale} disabled={!!AXES[query.y].isOrdinal} onChange={(yScale) => onChange({ yScale })} />
      </div>

      <div style={section} className="stack">
        <div className="field">
          <label htmlFor="diagram-color">Colour by</label>
          <select id="diagram-color" value={query.colorBy} onChange={(e) => onChange({ colorBy: e.target.value as TDiagramQuery["colorBy"] })}>
            <option value="phase">phase</option>
            <option value="lab">lab</option>
            <option value="material">material</option>
            <option value="sample">sample</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="diagram-facet">One panel per</label>
          <select id="diagram-facet" value={query.facetBy} onChange={(e) => onChange({ facetBy: e.target.value as TDiagramQuery["facetBy"] })}>
            <option value="none">— (one panel)</option>
            <option value="lab">lab</option>
            <option value="material">material</option>
          </select>
        </div>
        <label className="row small">
          <input type="checkbox" checked={query.lines} onChange={(e) => onChange({ lines: e.target.checked })} /> join the points of each series
        </label>
      </div>

      <div style={section} className="stack">
        <label className="row" style={{ fontWeight: 600, alignItems: "flex-start", flexWrap: "nowrap" }} data-testid="well-filtered-switch">
          <input type="checkbox" role="switch" aria-label="Well-filtered data only" checked={query.wellFilteredOnly} onChange={(e) => onChange({ wellFilteredOnly: e.target.checked })} />
          <span>
            Well-filtered data only
            <span className="subtle small" style={{ display: "block", fontWeight: 400 }}>
              keeps curves measured with cold filtering and ≥ 80 dB; unfiltered radiation can fake saturation
            </span>
          </span>
        </label>
        <CheckList
          label="Filtering grade of the setup"
          items={GRADES.map((g) => ({ value: g, label: GRADE_LABEL[g] }))}
          selected={query.grades}
          onChange={(grades) => onChange({ grades })}
        />
        <CheckList label="Labs" testId="filter-labs" items={(options?.labs ?? []).map((l) => ({ value: l.id, label: l.name, count: l.count }))} selected={query.labIds} onChange={(labIds) => onChange({ labIds })} />
        <CheckList label="Materials" testId="filter-materials" items={(options?.materials ?? []).map((m) => ({ value: m.name, label: m.name, count: m.count }))} selected={query.materials} onChange={(materials) => onChange({ materials })} />
        <div>
          <input type="search" placeholder="Find a sample…" aria-label="Find a sample" value={sampleFilter} onChange={(e) => setSampleFilter(e.target.value)} style={{ marginBottom: 4 }} />
          <CheckList
            label="Samples"
            testId="filter-samples"
            items={samples.slice(0, 300).map((s) => ({ value: s.id, label: <span title={`${labName.get(s.labId) ?? ""} · ${s.material}`}>{s.name}</span>, count: s.count }))}
            selected={query.sampleIds}
            onChange={(sampleIds) => onChange({ sampleIds })}
          />
        </div>
        <div className="field">
          <label htmlFor="diagram-confidence">Fit confidence at least</label>
          <select id="diagram-confidence" value={String(query.minConfidence)} onChange={(e) => onChange({ minConfidence: Number(e.target.value) })}>
            {[...new Set([...CONFIDENCES, query.minConfidence])].sort((a, b) => a - b).map((c) => (
              <option key={c} value={String(c)}>
                {c === 0 ? "any" : `${Math.round(c * 100)} %`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="diagram-engine">Fitting engine</label>
          <select id="diagram-engine" value={query.engine} onChange={(e) => onChange({ engine: e.target.value })}>
            <option value="current">newest fit of each curve</option>
            {(options?.engineVersions ?? []).map((v) => (
              <option key={v.version} value={v.version}>
                version {v.version} ({v.count})
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-2" style={{ gap: 8 }}>
          <div className="field">
            <label htmlFor="diagram-from">Uploaded from</label>
            <input id="diagram-from" type="date" value={query.uploadedFrom ?? ""} onChange={(e) => onChange({ uploadedFrom: e.target.value || null })} />
          </div>
          <div className="field">
            <label htmlFor="diagram-to">to</label>
            <input id="diagram-to" type="date" value={query.uploadedTo ?? ""} onChange={(e) => onChange({ uploadedTo: e.target.value || null })} />
          </div>
        </div>
      </div>
    </div>
  );
}
