"use client";

import { useState } from "react";
import type { TMappingTemplateDto } from "~/server/domains/uploads/template-schemas";

/**
 * A lab's saved column mappings: apply one to this file (files of the same layout, also
 * headerless ones by column index), or save this file's mapping under a name.
 */
export function TemplatePicker({
  idPrefix,
  templates,
  hasMapping,
  disabled,
  onApply,
  onSave,
}: {
  idPrefix: string;
  templates: TMappingTemplateDto[];
  hasMapping: boolean;
  disabled: boolean;
  onApply: (template: TMappingTemplateDto) => void;
  onSave: (name: string) => Promise<string | null>;
}) {
  const [chosen, setChosen] = useState("");
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const template = templates.find((t) => t.id === chosen);
  return (
    <div className="row" style={{ flexWrap: "wrap", gap: 8 }} data-testid="mapping-templates">
      <label className="row" htmlFor={`${idPrefix}-template`}>
        Mapping template
      </label>
      <select id={`${idPrefix}-template`} className="input" value={chosen} disabled={disabled || templates.length === 0} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{templates.length === 0 ? "none saved in this lab" : "choose…"}</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-small" disabled={disabled || !template} onClick={() => template && onApply(template)}>
        Apply template
      </button>
      {hasMapping ? (
        <>
          <input className="input" aria-label="Template name" placeholder="name, e.g. fridge B export" value={name} disabled={disabled} onChange={(e) => setName(e.target.value)} />
          <button
            type="button"
            className="btn btn-small"
            disabled={disabled || name.trim() === ""}
            onClick={() => void onSave(name.trim()).then((error) => setMessage(error ?? `Saved as “${name.trim()}”.`))}
          >
            Save this mapping as a template
          </button>
        </>
      ) : null}
      {message ? <span className="subtle small">{message}</span> : null}
    </div>
  );
}
