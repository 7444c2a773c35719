"use client";

import { useState } from "react";
import type { TUploadPreviewDto } from "~/server/domains/uploads/schemas";
import type { TColumnMapping } from "~/server/ingest";
import styles from "./upload.module.css";

type Column = TUploadPreviewDto["columns"][number];

const ROLE_LABEL: Record<Column["role"], string> = {
  temperature: "temperature",
  field: "field",
  pressure: "pressure",
  time: "time",
  resistance: "resistance",
  other: "—",
};

function refIndex(ref: number | string | null | undefined, columns: Column[]): string {
  if (ref === undefined) return "";
  if (ref === null) return "none";
  if (typeof ref === "number") return String(ref);
  const found = columns.find((c) => c.name.toLowerCase() === ref.toLowerCase());
  return found ? String(found.index) : "";
}

/**
 * Column roles and units as detected, and the corrections the user makes: which column holds
 * the temperature, the resistance(s), the field and the pressure, and units the header lacks.
 * "Re-read" parses the staged file again with the corrected mapping.
 */
export function MappingEditor({
  idPrefix,
  columns,
  mapping,
  pending,
  onApply,
}: {
  idPrefix: string;
  columns: Column[];
  mapping: TColumnMapping | undefined;
  pending: boolean;
  onApply: (mapping: TColumnMapping | undefined) => void;
}) {
  const m = mapping ?? {};
  const [temperature, setTemperature] = useState(refIndex(m.temperature, columns));
  const [field, setField] = useState(refIndex(m.field, columns));
  const [pressure, setPressure] = useState(refIndex(m.pressure, columns));
  const [resistance, setResistance] = useState<number[]>(
    m.resistance === undefined ? [] : (Array.isArray(m.resistance) ? m.resistance : [m.resistance]).map((r) => Number(refIndex(r, columns))).filter((n) => Number.isInteger(n)),
  );
  const [units, setUnits] = useState({ temperature: m.units?.temperature ?? "", resistance: m.units?.resistance ?? "", field: m.units?.field ?? "", pressure: m.units?.pressure ?? "" });

  function build(): TColumnMapping | undefined {
    const out: TColumnMapping = {};
    if (temperature !== "") out.temperature = Number(temperature);
    if (resistance.length > 0) out.resistance = resistance;
    if (field !== "") out.field = field === "none" ? null : Number(field);
    if (pressure !== "") out.pressure = pressure === "none" ? null : Number(pressure);
    const u = Object.fromEntries(Object.entries(units).filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, v.trim()]));
    if (Object.keys(u).length > 0) out.units = u;
    return Object.keys(out).length > 0 ? out : undefined;
  }

  const options = columns.map((c) => (
    <option key={c.index} value={String(c.index)}>
      {c.index + 1}. {c.name}
    </option>
  ));
  const detected = (role: Column["role"]) => {
    const found = columns.filter((c) => c.role === role);
    return found.length > 0 ? `detected: ${found.map((c) => c.name).join(", ")}` : "none detected";
  };

  return (
    <div className="stack" data-testid="mapping-editor">
      <div className="grid grid-2">
        <div className="field">
          <label htmlFor={`${idPrefix}-map-temperature`}>Temperature column</label>
          <select id={`${idPrefix}-map-temperature`} value={temperature} onChange={(e) => setTemperature(e.target.value)}>
            <option value="">(as detected)</option>
            {options}
          </select>
          <span className="hint">{detected("temperature")}</span>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-map-temperature-unit`}>Temperature unit</label>
          <input id={`${idPrefix}-map-temperature-unit`} type="text" placeholder="from the header, e.g. K or mK" value={units.temperature} onChange={(e) => setUnits({ ...units, temperature: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-map-field`}>Field column</label>
          <select id={`${idPrefix}-map-field`} value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">(as detected)</option>
            <option value="none">none: the file has no field</option>
            {options}
          </select>
          <span className="hint">{detected("field")}</span>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-map-field-unit`}>Field unit</label>
          <input id={`${idPrefix}-map-field-unit`} type="text" placeholder="e.g. Oe, kOe, T, mT" value={units.field} onChange={(e) => setUnits({ ...units, field: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-map-pressure`}>Pressure column</label>
          <select id={`${idPrefix}-map-pressure`} value={pressure} onChange={(e) => setPressure(e.target.value)}>
            <option value="">(as detected)</option>
            <option value="none">none: the file has no pressure</option>
            {options}
          </select>
          <span className="hint">{detected("pressure")}</span>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-map-resistance-unit`}>Resistance unit</label>
          <input id={`${idPrefix}-map-resistance-unit`} type="text" placeholder="e.g. Ohm, kOhm, Ohm/sq, Ohm-cm" value={units.resistance} onChange={(e) => setUnits({ ...units, resistance: e.target.value })} />
          <span className="hint">Ohm/sq marks sheet resistance; Ohm-cm or Ohm-m marks resistivity.</span>
        </div>
      </div>
      <fieldset>
        <legend>Resistance columns</legend>
        <p className="subtle small" style={{ marginBottom: 6 }}>
          Tick the columns that hold R (none ticked: {detected("resistance").replace("detected: ", "as detected: ")}).
        </p>
        <table className={`table ${styles.columns}`}>
          <thead>
            <tr>
              <th>R</th>
              <th>#</th>
              <th>Header</th>
              <th>Detected role</th>
              <th>Unit</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.index}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${c.name} holds resistance`}
                    checked={resistance.includes(c.index)}
                    onChange={(e) => setResistance(e.target.checked ? [...resistance, c.index].sort((a, b) => a - b) : resistance.filter((i) => i !== c.index))}
                  />
                </td>
                <td className="num">{c.index + 1}</td>
                <td className="mono">{c.name}</td>
                <td>{ROLE_LABEL[c.role]}</td>
                <td>
                  {c.unit || <span className="subtle">—</span>}
                  {c.canonicalUnit && c.unit !== c.canonicalUnit ? <span className="subtle small"> → {c.canonicalUnit}</span> : null}
                </td>
                <td className="subtle small">
                  {c.quantity && c.quantity !== "resistance" ? `${c.quantity.replace("_", " ")} ` : ""}
                  {c.note ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <div className="row">
        <button type="button" className="btn" disabled={pending} onClick={() => onApply(build())}>
          {pending ? "Re-reading…" : "Re-read with this mapping"}
        </button>
        {mapping ? (
          <button
            type="button"
            className="btn btn-small"
            disabled={pending}
            onClick={() => {
              setTemperature("");
              setField("");
              setPressure("");
              setResistance([]);
              setUnits({ temperature: "", resistance: "", field: "", pressure: "" });
              onApply(undefined);
            }}
          >
            Back to detection
          </button>
        ) : null}
      </div>
    </div>
  );
}
