"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { FigureCard } from "~/components/diagram/figure-card";
import { CriticalFigure } from "~/components/isotherms/critical-figure";
import { useTRPC } from "~/components/trpc/client";
import { DIAGRAM_PRESETS } from "~/server/domains/diagrams/presets";
import { ZDiagramQuery } from "~/server/domains/diagrams/schemas";
import { decodeDiagram } from "~/server/domains/diagrams/wire";

export function FiguresClient() {
  const trpc = useTRPC();
  const results = useQueries({ queries: DIAGRAM_PRESETS.map((p) => ({ ...trpc.diagram.get.queryOptions(ZDiagramQuery.parse(p.query)), select: decodeDiagram })) });
  const critical = useQuery(trpc.isotherm.listCritical.queryOptions());
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Standard figures</h1>
          <p className="subtle" style={{ maxWidth: 860 }}>
            The figures of the founding papers, drawn from every curve you may read: Tc against pressure (seed 003, Fig. 2d), the pressure sequence of phases, the
            inverse residual-resistance ratio, and the saturation value and activation energy against field (seed 001, Fig. 4); last, the critical field, critical resistance and zν of field-tuned transitions. Each diagram opens in the phase diagram to
            explore, filter or share.
          </p>
        </div>
      </div>
      <div className="stack">
        {DIAGRAM_PRESETS.map((p, i) => (
          <FigureCard key={p.id} id={p.id} title={p.title} description={p.description} diagram={results[i]?.data} />
        ))}
        <CriticalFigure points={critical.data} />
      </div>
    </div>
  );
}
