"use client";

import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode, type Ref } from "react";
import { formatNumber } from "~/components/charts/log-ticks";
import { axisTitle, linearAxis, logAxis } from "~/components/charts/ticks";
import { isMixedUnit, R_Q_PAIR_OHM } from "~/server/domains/diagrams/axes";
import { PHASE_KEYS, type TAxisInfo, type TBin, type TBoundary, type TDiagramDto, type TDiagramPoint, type TPhaseKey } from "~/server/domains/diagrams/schemas";
import { ARTIFACT_COLOR, categoricalColor, glyphPath, PHASE_KEY_LABEL, phaseKeyColor } from "./glyphs";
import { PointTooltip, TOOLTIP_STYLE } from "./point-tooltip";
import { plural } from "~/components/ui/plural";

type Scale = (v: number) => number;

function makeScale(domain: [number, number], range: [number, number], isLog: boolean): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (isLog) {
    const a = Math.log(d0);
    const span = Math.log(d1) - a || 1;
    return (v) => r0 + ((Math.log(v) - a) / span) * (r1 - r0);
  }
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

interface AxisTicks {
  /** minor ticks have an empty label */
  values: { value: number; label: string; major: boolean }[];
  /** the axis title with the unit the labels are written in ("R(300 K) (kΩ/□)") */
  title: string;
}

/** Ticks from the one tick module of the charts: 1-2-5 steps, decades with minor ticks, prefixed units. */
function axisTicks(axis: TAxisInfo, domain: [number, number], pixels: number): AxisTicks {
  if (axis.ticks) {
    const inside = axis.ticks.filter((t) => t.value >= domain[0] && t.value <= domain[1]);
    const room = Math.max(1, Math.floor(pixels / 14));
    const step = Math.max(1, Math.ceil(inside.length / room));
    return { values: inside.filter((_, i) => i % step === 0).map((t) => ({ ...t, major: true })), title: axis.title };
  }
  // a mix of units (sheet resistances and resistances) is named in the title; the ticks carry none
  const mixed = isMixedUnit(axis.unit);
  const unit = mixed ? "" : axis.unit;
  const layout = axis.scale === "log" && domain[0] > 0 ? logAxis(domain[0], domain[1], { unit, pixels }) : linearAxis(domain[0], domain[1], { unit, pixels, snap: false });
  return { values: layout.ticks, title: axis.scale === "log" || mixed ? axis.title : axisTitle(axis.label, layout.unit) };
}

export interface ColorScheme {
  colorOf: (colorKey: string) => string;
  isPhase: boolean;
}

/** Items grouped by their facet, in their order. */
function byFacet<T extends { facetKey: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.facetKey);
    if (list) list.push(item);
    else map.set(item.facetKey, [item]);
  }
  return map;
}

/** Colours of the colour groups: phase colours, or qualitative colours in the order of the groups. */
export function colorScheme(diagram: Pick<TDiagramDto, "query" | "colorGroups">): ColorScheme {
  if (diagram.query.colorBy === "phase") return { colorOf: (key) => phaseKeyColor(key as TPhaseKey), isPhase: true };
  const index = new Map(diagram.colorGroups.map((g, i) => [g.key, i]));
  return { colorOf: (key) => categoricalColor(index.get(key) ?? 0), isPhase: false };
}

interface Panel {
  facet: { key: string; label: string; count: number };
  x: number;
  y: number;
  width: number;
  height: number;
  sx: Scale;
  sy: Scale;
  plot: { left: number; top: number; right: number; bottom: number };
}

const NO_BINS: TBin[] = [];

const FONT = "Inter, 'Segoe UI', system-ui, -apple-system, sans-serif";

const PointsLayer = memo(function PointsLayer({
  points,
  panel,
  scheme,
  selectedFitId,
}: {
  points: TDiagramPoint[];
  panel: Panel;
  scheme: ColorScheme;
  selectedFitId: string | null;
}) {
  const r = points.length > 1500 ? 3 : points.length > 400 ? 4 : 5;
  return (
    <g data-testid="diagram-points">
      {points.map((p) => {
        const cx = panel.sx(p.x);
        const cy = panel.sy(p.y);
        const color = scheme.colorOf(p.colorKey);
        const isSelected = p.fitId === selectedFitId;
        return (
          <g key={p.fitId} transform={`translate(${cx.toFixed(1)},${cy.toFixed(1)})`} data-phase={p.inconclusive ? "inconclusive" : p.phase} data-fit-id={p.fitId} data-artifact={p.isArtifact ? "1" : undefined} className="diagram-point">
            {p.isArtifact ? <circle r={r + 4.5} fill="none" stroke={ARTIFACT_COLOR} strokeWidth={1.4} strokeDasharray="2.5 2" /> : null}
            {p.phase === "NONE" ? (
              // no SIT label: a cross, drawn as a line
              <path d={glyphPath(p.phase, r)} fill="none" stroke={color} strokeWidth={2} strokeLinecap="round" />
            ) : (
              <path
                d={glyphPath(p.phase, r)}
                fill={p.inconclusive ? "#ffffff" : color}
                stroke={p.inconclusive ? color : "#ffffff"}
                strokeWidth={p.inconclusive ? 1.6 : 0.8}
                fillOpacity={0.92}
              />
            )}
            {isSelected ? <circle r={r + 7} fill="none" stroke="#111827" strokeWidth={1.6} /> : null}
          </g>
        );
      })}
    </g>
  );
});

/**
 * The cells of an aggregated view. Thousands of cells are drawn as a few paths, one per colour
 * and opacity step (and one for the artifact outlines), not one element each: the browser lays
 * out and paints a handful of nodes, and a filter change replaces them at once.
 */
const BinsLayer = memo(function BinsLayer({ bins, panel, maxCount }: { bins: TBin[]; panel: Panel; maxCount: number }) {
  const layers = useMemo(() => {
    const logMax = Math.log(maxCount + 1);
    const fills = new Map<string, { color: string; opacity: number; d: string[] }>();
    const outlines: string[] = [];
    for (const b of bins) {
      const x0 = panel.sx(b.x0);
      const x1 = panel.sx(b.x1);
      const y0 = panel.sy(b.y0);
      const y1 = panel.sy(b.y1);
      const x = Math.min(x0, x1);
      const y = Math.min(y0, y1);
      const w = Math.max(1, Math.abs(x1 - x0) - 0.5);
      const h = Math.max(1, Math.abs(y1 - y0) - 0.5);
      // opacity 0.3–1 by log count, in 16 steps
      const step = Math.round(15 * (Math.log(b.count + 1) / logMax));
      const key = `${b.dominant}|${step}`;
      const rect = `M${x.toFixed(1)} ${y.toFixed(1)}h${w.toFixed(1)}v${h.toFixed(1)}h${(-w).toFixed(1)}z`;
      const layer = fills.get(key);
      if (layer) layer.d.push(rect);
      else fills.set(key, { color: phaseKeyColor(b.dominant), opacity: 0.3 + (0.7 * step) / 15, d: [rect] });
      if (b.artifactCount > 0) outlines.push(rect);
    }
    return { fills: [...fills.entries()], outlines: outlines.join("") };
  }, [bins, panel, maxCount]);
  return (
    <g data-testid="diagram-bins" data-cells={bins.length}>
      {layers.fills.map(([key, layer]) => (
        <path key={key} d={layer.d.join("")} fill={layer.color} fillOpacity={layer.opacity} />
      ))}
      {layers.outlines ? <path d={layers.outlines} fill="none" stroke={ARTIFACT_COLOR} strokeWidth={0.8} /> : null}
    </g>
  );
});

function BoundaryLayer({ boundaries, panel, isRowAxis, onHover }: { boundaries: TBoundary[]; panel: Panel; isRowAxis: boolean; onHover: (b: TBoundary | null, x: number, y: number) => void }) {
  return (
    <g data-testid="diagram-boundaries">
      {boundaries.map((b, i) => {
        const xa = panel.sx(b.xLow);
        const xb = panel.sx(b.xHigh);
        const xm = panel.sx(b.x);
        let ya: number;
        let yb: number;
        if (isRowAxis) {
          // the band spans the series' track within its row
          ya = panel.sy(b.yLow);
          yb = panel.sy(b.yHigh);
        } else {
          const p0 = panel.sy(b.yLow);
          const p1 = panel.sy(b.yHigh);
          ya = Math.min(p0, p1) - 14;
          yb = Math.max(p0, p1) + 14;
        }
        const top = Math.max(panel.plot.top, Math.min(ya, yb));
        const bottom = Math.min(panel.plot.bottom, Math.max(ya, yb));
        return (
          <g key={i} className="diagram-boundary" onMouseEnter={() => onHover(b, xm, top)} onMouseLeave={() => onHover(null, 0, 0)}>
            <rect x={Math.min(xa, xb)} y={top} width={Math.max(1, Math.abs(xb - xa))} height={Math.max(1, bottom - top)} fill="#344054" fillOpacity={0.07} />
            <line x1={xm} x2={xm} y1={top} y2={bottom} stroke="#344054" strokeWidth={1.6} strokeDasharray="4 3" />
          </g>
        );
      })}
    </g>
  );
}

function SeriesLines({ diagram, panel, scheme }: { diagram: TDiagramDto; panel: Panel; scheme: ColorScheme }) {
  return (
    <g data-testid="diagram-series" fill="none">
      {diagram.series
        .filter((s) => s.facetKey === panel.facet.key && s.points.length > 1)
        .map((s) => {
          const d = s.points.map((i, k) => `${k === 0 ? "M" : "L"}${panel.sx(diagram.points[i]!.x).toFixed(1)},${panel.sy(diagram.points[i]!.y).toFixed(1)}`).join("");
          return <path key={s.key} d={d} stroke={scheme.isPhase ? "#98a2b3" : scheme.colorOf(s.colorKey)} strokeOpacity={scheme.isPhase ? 0.7 : 0.55} strokeWidth={1.2} />;
        })}
    </g>
  );
}

function Axes({ panel, xAxis, yAxis, domain, xTicks, yTicks, showXTitle, showYTitle }: { panel: Panel; xAxis: TAxisInfo; yAxis: TAxisInfo; domain: { x: [number, number]; y: [number, number] }; xTicks: AxisTicks; yTicks: AxisTicks; showXTitle: boolean; showYTitle: boolean }) {
  const { left, top, right, bottom } = panel.plot;
  return (
    <g fontFamily={FONT} fontSize={11} fill="#4b5563">
      <rect x={left} y={top} width={right - left} height={bottom - top} fill="#ffffff" stroke="#d1d5db" />
      {xTicks.values.map((t) => {
        const x = panel.sx(t.value);
        if (x < left - 0.5 || x > right + 0.5) return null;
        return (
          <g key={`x${t.value}`}>
            {t.major ? <line x1={x} x2={x} y1={top} y2={bottom} stroke="#eef0f3" /> : null}
            <line x1={x} x2={x} y1={bottom} y2={bottom + (t.major ? 4 : 2)} stroke="#9ca3af" />
            <text x={x} y={bottom + 16} textAnchor="middle">
              {t.label}
            </text>
          </g>
        );
      })}
      {yTicks.values.map((t) => {
        const y = panel.sy(t.value);
        if (y < top - 0.5 || y > bottom + 0.5) return null;
        return (
          <g key={`y${t.value}`}>
            {t.major ? <line x1={left} x2={right} y1={y} y2={y} stroke="#eef0f3" /> : null}
            <line x1={left - (t.major ? 4 : 2)} x2={left} y1={y} y2={y} stroke="#9ca3af" />
            <text x={left - 7} y={y + 3.5} textAnchor="end">
              {t.label.length > 34 ? `${t.label.slice(0, 33)}…` : t.label}
            </text>
          </g>
        );
      })}
      {showXTitle ? (
        <text x={(left + right) / 2} y={bottom + 34} textAnchor="middle" fill="#111827" fontSize={12}>
          {xTicks.title}
          {xAxis.scale === "log" ? " · log" : ""}
        </text>
      ) : null}
      {showYTitle && yAxis.key !== "sample" ? (
        <text transform={`translate(${left - 48},${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle" fill="#111827" fontSize={12}>
          {yTicks.title}
          {yAxis.scale === "log" ? " · log" : ""}
        </text>
      ) : null}
      {/* h/4e² is a sheet resistance: marked only on an axis of sheet resistances */}
      {yAxis.unit === "Ω/□" && R_Q_PAIR_OHM > domain.y[0] && R_Q_PAIR_OHM < domain.y[1] ? (
        <g>
          <line x1={left} x2={right} y1={panel.sy(R_Q_PAIR_OHM)} y2={panel.sy(R_Q_PAIR_OHM)} stroke="#d92d20" strokeDasharray="6 4" strokeWidth={1} />
          <text x={right - 4} y={panel.sy(R_Q_PAIR_OHM) - 4} textAnchor="end" fill="#d92d20" fontSize={10.5}>
            h/4e² = 6.45 kΩ
          </text>
        </g>
      ) : null}
    </g>
  );
}

/** Legend: phases (click to hide or show), the artifact mark and the boundary mark. */
function legendLayout(diagram: TDiagramDto, scheme: ColorScheme, width: number, onTogglePhase?: (key: TPhaseKey) => void): { node: ReactNode; height: number } {
  const hidden = new Set(diagram.query.hidePhases);
  const items: { key: string; node: ReactNode; w: number; onClick?: () => void; isOff?: boolean; testId?: string; newLine?: boolean }[] = [];
  for (const key of PHASE_KEYS) {
    const count = diagram.phaseCounts[key] ?? 0;
    if (count === 0 && !hidden.has(key)) continue;
    const isOff = hidden.has(key);
    const color = scheme.isPhase ? phaseKeyColor(key) : "#667085";
    const label = `${PHASE_KEY_LABEL[key]} (${count})`;
    items.push({
      key,
      w: 26 + label.length * 6.7,
      isOff,
      testId: `legend-${key}`,
      onClick: onTogglePhase ? () => onTogglePhase(key) : undefined,
      node: (
        <>
          <path
            d={glyphPath(key === "inconclusive" ? "S" : key, 5)}
            transform="translate(7,0)"
            fill={key === "inconclusive" ? "#fff" : key === "NONE" ? "none" : color}
            stroke={key === "inconclusive" ? phaseKeyColor("inconclusive") : key === "NONE" ? color : "none"}
            strokeWidth={key === "NONE" ? 2 : 1.6}
          />
          <text x={18} y={4}>
            {label}
          </text>
        </>
      ),
    });
  }
  if (diagram.artifactCount > 0) {
    const label = `possible radiation artifact (${diagram.artifactCount})`;
    items.push({
      key: "artifact",
      w: 26 + label.length * 6.7,
      node: (
        <>
          <circle cx={7} r={7} fill="none" stroke={ARTIFACT_COLOR} strokeWidth={1.4} strokeDasharray="2.5 2" />
          <text x={18} y={4} fill={ARTIFACT_COLOR}>
            {label}
          </text>
        </>
      ),
    });
  }
  if (diagram.boundaries.length > 0) {
    items.push({
      key: "boundary",
      w: 170,
      node: (
        <>
          <rect x={0} y={-7} width={14} height={14} fill="#344054" fillOpacity={0.1} />
          <line x1={7} x2={7} y1={-7} y2={7} stroke="#344054" strokeDasharray="3 2" strokeWidth={1.6} />
          <text x={18} y={4}>
            phase boundary (interval)
          </text>
        </>
      ),
    });
  }
  if (!scheme.isPhase) {
    const shown = diagram.colorGroups.slice(0, 16);
    for (const g of shown) {
      const label = g.label.length > 36 ? `${g.label.slice(0, 35)}…` : g.label;
      items.push({
        key: `color-${g.key}`,
        w: 24 + label.length * 6.7,
        newLine: g === shown[0],
        node: (
          <>
            <rect x={1} y={-6} width={12} height={12} rx={3} fill={scheme.colorOf(g.key)} />
            <text x={18} y={4}>
              {label}
            </text>
          </>
        ),
      });
    }
    if (diagram.colorGroups.length > shown.length) {
      items.push({ key: "color-more", w: 90, node: <text y={4}>+{diagram.colorGroups.length - shown.length} more</text> });
    }
  }
  let x = 8;
  let y = 14;
  const placed = items.map((item) => {
    if (item.newLine && x > 8) {
      x = 8;
      y += 20;
    }
    if (x + item.w > width - 8 && x > 8) {
      x = 8;
      y += 20;
    }
    const at = { ...item, x, y };
    x += item.w + 10;
    return at;
  });
  const node = (
    <g fontFamily={FONT} fontSize={11.5} fill="#344054" role="group" aria-label="Legend">
      {placed.map((item) => (
        <g
          key={item.key}
          transform={`translate(${item.x},${item.y})`}
          opacity={item.isOff ? 0.35 : 1}
          style={item.onClick ? { cursor: "pointer" } : undefined}
          onClick={item.onClick}
          role={item.onClick ? "button" : undefined}
          aria-pressed={item.onClick ? !item.isOff : undefined}
          data-testid={item.testId}
        >
          <rect x={-4} y={-10} width={item.w} height={20} fill="transparent" />
          {item.node}
        </g>
      ))}
    </g>
  );
  return { node, height: y + 16 };
}

export interface DiagramChartProps {
  diagram: TDiagramDto;
  /** height of the plot (of each panel when faceted) */
  height?: number;
  title?: string;
  selectedFitId?: string | null;
  onSelectPoint?: (point: TDiagramPoint | null) => void;
  /** double click: open the point's curve */
  onOpenPoint?: (point: TDiagramPoint) => void;
  onTogglePhase?: (key: TPhaseKey) => void;
  svgRef?: Ref<SVGSVGElement>;
}

/**
 * The phase diagram: one SVG with the legend and one panel per facet; points shaped and
 * coloured by phase, artifact rings, series lines, boundary bands, or aggregated cells.
 * Hover shows a point's provenance; click selects it.
 */
export function DiagramChart({ diagram, height = 520, title, selectedFitId = null, onSelectPoint, onOpenPoint, onTogglePhase, svgRef }: DiagramChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  // clip paths are looked up by id in the whole document: each chart needs its own
  const clipBase = `plot-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [width, setWidth] = useState(960);
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && Math.abs(w - width) > 2) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [width]);

  const scheme = useMemo(() => colorScheme(diagram), [diagram]);
  const isRowY = diagram.yAxis.key === "sample";
  const yLabelWidth = useMemo(() => {
    if (!isRowY) return 72;
    const labels = [...(diagram.yAxis.ticks ?? []), ...Object.values(diagram.yAxis.facetTicks ?? {}).flat()].map((t) => t.label);
    const longest = Math.max(0, ...labels.map((l) => Math.min(34, l.length)));
    return Math.min(250, 18 + longest * 6.2);
  }, [diagram.yAxis, isRowY]);

  const facets = useMemo(() => (diagram.facets.length > 0 ? diagram.facets : [{ key: "all", label: "All data", count: 0 }]), [diagram.facets]);
  // rows of samples are stacked, one panel under the other, each as tall as its rows need
  const cols = facets.length === 1 || isRowY ? 1 : width >= 1100 && facets.length >= 3 ? 3 : width >= 700 ? 2 : 1;
  const titleHeight = title ? 26 : 0;
  const legend = useMemo(() => legendLayout(diagram, scheme, width, onTogglePhase), [diagram, scheme, width, onTogglePhase]);
  const legendH = legend.height;
  const facetTitle = facets.length > 1 ? 22 : 0;
  const panelW = width / cols;
  // rows are the integer tick positions (a row with several tracks has one tick per track)
  const rowsOf = useCallback((key: string) => {
    const ticks = diagram.yAxis.facetTicks?.[key] ?? diagram.yAxis.ticks ?? [];
    return ticks.length === 0 ? 1 : Math.max(...ticks.map((t) => Math.round(t.value))) + 1;
  }, [diagram.yAxis]);
  const heightOf = useCallback(
    (key: string) => (isRowY ? Math.max(170, Math.min(height, rowsOf(key) * 64 + 70)) : facets.length === 1 ? height : Math.min(height, 380)),
    [isRowY, rowsOf, height, facets.length],
  );

  const { panels, totalHeight } = useMemo(() => {
    const out: Panel[] = [];
    let cursor = titleHeight + legendH;
    if (!diagram.domain) return { panels: out, totalHeight: cursor + 120 };
    const domain = diagram.domain;
    for (let i = 0; i < facets.length; i += cols) {
      const line = facets.slice(i, i + cols);
      const h = Math.max(...line.map((f) => heightOf(f.key)));
      line.forEach((facet, col) => {
        const x = col * panelW;
        const y = cursor + facetTitle;
        const plot = { left: x + yLabelWidth, top: y + 8, right: x + panelW - 14, bottom: y + h - 44 };
        const sx = makeScale(diagram.xDomainByFacet[facet.key] ?? domain.x, [plot.left, plot.right], diagram.xAxis.scale === "log");
        // rows of samples read from the top; other axes grow upwards
        const sy = isRowY
          ? makeScale([-0.5, rowsOf(facet.key) - 0.5], [plot.top, plot.bottom], false)
          : makeScale(diagram.yDomainByFacet[facet.key] ?? domain.y, [plot.bottom, plot.top], diagram.yAxis.scale === "log");
        out.push({ facet, x, y, width: panelW, height: h, sx, sy, plot });
      });
      cursor += h + facetTitle;
    }
    return { panels: out, totalHeight: cursor + 4 };
  }, [diagram, facets, cols, panelW, facetTitle, titleHeight, legendH, yLabelWidth, isRowY, rowsOf, heightOf]);

  const pointsByFacet = useMemo(() => byFacet(diagram.points), [diagram.points]);
  const maxBin = useMemo(() => diagram.bins.reduce((m, b) => Math.max(m, b.count), 1), [diagram.bins]);
  const binsByFacet = useMemo(() => byFacet(diagram.bins), [diagram.bins]);

  const [hover, setHover] = useState<{ point: TDiagramPoint; x: number; y: number } | null>(null);
  const [hoverBoundary, setHoverBoundary] = useState<{ b: TBoundary; x: number; y: number } | null>(null);
  const [hoverBin, setHoverBin] = useState<{ bin: TBin; x: number; y: number } | null>(null);

  const nearest = useCallback(
    (mx: number, my: number): { point: TDiagramPoint; x: number; y: number } | null => {
      const panel = panels.find((p) => mx >= p.plot.left - 8 && mx <= p.plot.right + 8 && my >= p.plot.top - 8 && my <= p.plot.bottom + 8);
      if (!panel) return null;
      let best: TDiagramPoint | null = null;
      let bestD = 14 * 14;
      let bx = 0;
      let by = 0;
      for (const p of pointsByFacet.get(panel.facet.key) ?? []) {
        const px = panel.sx(p.x);
        const py = panel.sy(p.y);
        const d = (px - mx) ** 2 + (py - my) ** 2;
        if (d < bestD) {
          bestD = d;
          best = p;
          bx = px;
          by = py;
        }
      }
      return best ? { point: best, x: bx, y: by } : null;
    },
    [panels, pointsByFacet],
  );

  const onMove = (e: React.MouseEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const mx = e.clientX - rect.left;
    const my = e.clientY - rect.top;
    if (diagram.mode === "aggregated") {
      const panel = panels.find((p) => mx >= p.plot.left && mx <= p.plot.right && my >= p.plot.top && my <= p.plot.bottom);
      const bin = panel
        ? diagram.bins.find((b) => {
            if (b.facetKey !== panel.facet.key) return false;
            const [x0, x1] = [panel.sx(b.x0), panel.sx(b.x1)].sort((a, c) => a - c) as [number, number];
            const [y0, y1] = [panel.sy(b.y0), panel.sy(b.y1)].sort((a, c) => a - c) as [number, number];
            return mx >= x0 && mx <= x1 && my >= y0 && my <= y1;
          })
        : undefined;
      setHoverBin(bin ? { bin, x: mx, y: my } : null);
      return;
    }
    const found = nearest(mx, my);
    setHover((prev) => (prev?.point.fitId === found?.point.fitId ? prev : found));
  };

  const onDoubleClick = (e: React.MouseEvent<SVGSVGElement>) => {
    if (!onOpenPoint || diagram.mode !== "points") return;
    const rect = e.currentTarget.getBoundingClientRect();
    const found = nearest(e.clientX - rect.left, e.clientY - rect.top);
    if (found) onOpenPoint(found.point);
  };

  const onClick = (e: React.MouseEvent<SVGSVGElement>) => {
    if (!onSelectPoint || diagram.mode !== "points") return;
    const rect = e.currentTarget.getBoundingClientRect();
    const found = nearest(e.clientX - rect.left, e.clientY - rect.top);
    if (found) onSelectPoint(found.point);
  };

  return (
    <div ref={boxRef} style={{ position: "relative", width: "100%" }} data-testid="diagram-chart" data-mode={diagram.mode} data-count={diagram.mode === "points" ? diagram.points.length : diagram.total}>
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        width={width}
        height={totalHeight}
        viewBox={`0 0 ${width} ${totalHeight}`}
        onMouseMove={onMove}
        onMouseLeave={() => {
          setHover(null);
          setHoverBin(null);
        }}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
        style={{ display: "block", cursor: hover ? "pointer" : "default", background: "#ffffff" }}
        role="img"
        aria-label={`${diagram.yAxis.title} against ${diagram.xAxis.title}`}
      >
        {title ? (
          <text x={8} y={18} fontFamily={FONT} fontSize={14} fontWeight={600} fill="#111827">
            {title}
          </text>
        ) : null}
        <g transform={`translate(0,${titleHeight})`}>
          {legend.node}
        </g>
        {diagram.domain && panels.length > 0 ? (
          panels.map((panel, i) => {
            const xTicks = axisTicks(diagram.xAxis, diagram.xDomainByFacet[panel.facet.key] ?? diagram.domain!.x, panel.plot.right - panel.plot.left);
            const yAxis = { ...diagram.yAxis, ticks: diagram.yAxis.facetTicks?.[panel.facet.key] ?? diagram.yAxis.ticks };
            const yTicks = axisTicks(yAxis, isRowY ? [-0.5, rowsOf(panel.facet.key) - 0.5] : (diagram.yDomainByFacet[panel.facet.key] ?? diagram.domain!.y), panel.plot.bottom - panel.plot.top);
            return (
              <g key={panel.facet.key} data-facet={panel.facet.key}>
                {facets.length > 1 ? (
                  <text x={panel.plot.left} y={panel.y - 6} fontFamily={FONT} fontSize={12.5} fontWeight={600} fill="#111827">
                    {panel.facet.label} <tspan fontWeight={400} fill="#6b7280">({panel.facet.count})</tspan>
                  </text>
                ) : null}
                <Axes panel={panel} xAxis={diagram.xAxis} yAxis={diagram.yAxis} domain={{ x: diagram.xDomainByFacet[panel.facet.key] ?? diagram.domain!.x, y: diagram.yDomainByFacet[panel.facet.key] ?? diagram.domain!.y }} xTicks={xTicks} yTicks={yTicks} showXTitle={isRowY || facets.length - i <= cols} showYTitle={i % cols === 0} />
                <clipPath id={`${clipBase}-${i}`}>
                  <rect x={panel.plot.left} y={panel.plot.top} width={panel.plot.right - panel.plot.left} height={panel.plot.bottom - panel.plot.top} />
                </clipPath>
                <g clipPath={`url(#${clipBase}-${i})`}>
                  {diagram.mode === "aggregated" ? (
                    <BinsLayer bins={binsByFacet.get(panel.facet.key) ?? NO_BINS} panel={panel} maxCount={maxBin} />
                  ) : (
                    <>
                      {diagram.query.lines ? <SeriesLines diagram={diagram} panel={panel} scheme={scheme} /> : null}
                      <BoundaryLayer
                        boundaries={diagram.boundaries.filter((b) => b.facetKey === panel.facet.key)}
                        panel={panel}
                        isRowAxis={isRowY}
                        onHover={(b, x, y) => setHoverBoundary(b ? { b, x, y } : null)}
                      />
                      <PointsLayer points={pointsByFacet.get(panel.facet.key) ?? []} panel={panel} scheme={scheme} selectedFitId={selectedFitId} />
                    </>
                  )}
                </g>
              </g>
            );
          })
        ) : (
          <text x={width / 2} y={titleHeight + legendH + 80} textAnchor="middle" fontFamily={FONT} fontSize={13} fill="#6b7280">
            No curves with values on both axes match these filters.
          </text>
        )}
      </svg>
      {hover ? <PointTooltip point={hover.point} diagram={diagram} x={hover.x} y={hover.y} width={width} /> : null}
      {hoverBoundary && !hover ? (
        <div style={{ ...TOOLTIP_STYLE, left: Math.min(hoverBoundary.x + 12, width - 320), top: hoverBoundary.y }} role="tooltip">
          <strong>Phase boundary</strong>
          <div>{hoverBoundary.b.label}</div>
          {hoverBoundary.b.undecidedBetween > 0 ? <div className="subtle small">{hoverBoundary.b.undecidedBetween} inconclusive curve(s) in between</div> : null}
        </div>
      ) : null}
      {hoverBin ? (
        <div style={{ ...TOOLTIP_STYLE, left: Math.min(hoverBin.x + 12, width - 260), top: hoverBin.y + 12 }} role="tooltip">
          <strong>{plural(hoverBin.bin.count, "curve")}</strong>
          <div className="small">
            {diagram.xAxis.label}: {formatNumber(hoverBin.bin.x0)} – {formatNumber(hoverBin.bin.x1)}
          </div>
          <div className="small">
            {diagram.yAxis.label}: {formatNumber(hoverBin.bin.y0)} – {formatNumber(hoverBin.bin.y1)}
          </div>
          <div className="small">
            {PHASE_KEYS.filter((k) => hoverBin.bin.counts[k])
              .map((k) => `${k === "inconclusive" ? "inconclusive" : k}: ${hoverBin.bin.counts[k]}`)
              .join(" · ")}
          </div>
          {hoverBin.bin.artifactCount > 0 ? <div className="small" style={{ color: ARTIFACT_COLOR }}>{hoverBin.bin.artifactCount} possible radiation artifacts</div> : null}
        </div>
      ) : null}
    </div>
  );
}
