"use client";

import { useQueries } from "@tanstack/react-query";
import { FigureCard } from "~/components/diagram/figure-card";
import { useTRPC } from "~/components/trpc/client";
import { DIAGRAM_PRESETS } from "~/server/domains/diagrams/presets";
import { ZDiagramQuery } from "~/server/domains/diagrams/schemas";

export function FiguresClient() {
  const trpc = useTRPC();
  const results = useQueries({ queries: DIAGRAM_PRESETS.map((p) => trpc.diagram.get.queryOptions(ZDiagramQuery.parse(p.query))) });
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Standard figures</h1>
          <p className="subtle" style={{ maxWidth: 860 }}>
            The figures of the founding papers, drawn from every curve you may read: Tc against pressure (seed 003, Fig. 2d), the pressure sequence of phases, the
            inverse residual-resistance ratio, and the saturation value and activation energy against field (seed 001, Fig. 4). Each opens in the phase diagram to
            explore, filter or share.
          </p>
        </div>
      </div>
      <div className="stack">
        {DIAGRAM_PRESETS.map((p, i) => (
          <FigureCard key={p.id} id={p.id} title={p.title} description={p.description} diagram={results[i]?.data} />
        ))}
      </div>
    </div>
  );
}
