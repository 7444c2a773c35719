/**
 * Runs once when a server process starts (Next.js calls register before serving): the diagram's
 * in-memory table starts loading at once, in the background, so that the first viewer of the
 * diagram does not wait for the whole table to be read (server/domains/diagrams/memory).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL || process.env.DIAGRAM_SOURCE === "database") return;
  const [{ db }, { syncedDiagramTable }] = await Promise.all([import("./server/db"), import("./server/domains/diagrams/memory/sync")]);
  syncedDiagramTable(db).catch((error: unknown) => console.error(`diagram table not loaded at start (it loads on the first view): ${error instanceof Error ? error.message : String(error)}`));
}
