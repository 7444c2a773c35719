/**
 * Saving the drawn figure: the SVG, or a PNG rendered from it at twice the size, each with a
 * caption line under the figure saying where it comes from (address, date, engine version).
 */

const CAPTION_HEIGHT = 22;

export interface FigureProvenance {
  /** the permalink, or the address that holds the live view */
  url: string;
  /** when the snapshot was made, or when the live figure was saved (ISO 8601) */
  date: string;
  engineVersions: string[];
  platformVersion?: string;
}

/** "https://…/p/Ab3 · 2026-12-01 · SIT Atlas 0.1.0 · engine 2.1.0" */
export function captionLine(p: FigureProvenance): string {
  const parts = [p.url, p.date.slice(0, 10), `SIT Atlas${p.platformVersion ? ` ${p.platformVersion}` : ""}`];
  parts.push(p.engineVersions.length > 0 ? `engine ${p.engineVersions.join(", ")}` : "engine n/a");
  return parts.join(" · ");
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function svgText(svg: SVGSVGElement, caption: string | null): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.removeAttribute("style");
  if (caption) {
    const { width, height } = svgSize(svg);
    const extended = height + CAPTION_HEIGHT;
    clone.setAttribute("viewBox", `0 0 ${width} ${extended}`);
    clone.setAttribute("width", String(width));
    clone.setAttribute("height", String(extended));
    const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
    text.setAttribute("x", "8");
    text.setAttribute("y", String(height + CAPTION_HEIGHT - 7));
    text.setAttribute("font-family", "Inter, Helvetica, Arial, sans-serif");
    text.setAttribute("font-size", "10.5");
    text.setAttribute("fill", "#4b5563");
    text.setAttribute("data-caption", "provenance");
    text.textContent = caption;
    clone.appendChild(text);
  }
  const source = new XMLSerializer().serializeToString(clone);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${source}`;
}

function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  return { width: svg.viewBox.baseVal.width || svg.clientWidth, height: svg.viewBox.baseVal.height || svg.clientHeight };
}

export function exportSvg(svg: SVGSVGElement, filename: string, provenance?: FigureProvenance): void {
  download(new Blob([svgText(svg, provenance ? captionLine(provenance) : null)], { type: "image/svg+xml" }), filename);
}

export async function exportPng(svg: SVGSVGElement, filename: string, provenance?: FigureProvenance, scale = 2): Promise<void> {
  const size = svgSize(svg);
  const width = size.width;
  const height = size.height + (provenance ? CAPTION_HEIGHT : 0);
  const url = URL.createObjectURL(new Blob([svgText(svg, provenance ? captionLine(provenance) : null)], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The figure could not be rendered"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob) download(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}
