"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "~/components/trpc/client";
import { parseSampleListParams } from "~/server/domains/samples/schemas";
import { plural } from "~/components/ui/plural";

const COLUMNS = [
  { key: "name", label: "Sample" },
  { key: "material", label: "Material" },
  { key: "thicknessNm", label: "Thickness", isNumber: true },
  { key: "lab", label: "Lab" },
  { key: "curveCount", label: "Curves", isNumber: true },
  { key: "createdAt", label: "Added" },
] as const;

export function SamplesClient() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const input = parseSampleListParams((key) => search.get(key));
  const { data } = useSuspenseQuery(trpc.sample.list.queryOptions(input));

  function setParams(changes: Record<string, string | null>) {
    const next = new URLSearchParams(search.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    if (!("page" in changes)) next.delete("page");
    router.replace(`${pathname}?${next.toString()}`);
  }

  function sortBy(key: string) {
    const isSame = input.sort === key;
    setParams({ sort: key, order: isSame && input.order === "asc" ? "desc" : "asc" });
  }

  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Samples</h1>
          <p className="subtle">Every film you can read: your labs’ own, those shared with them, and public ones.</p>
        </div>
        <Link className="btn btn-primary" href={input.labId ? `/samples/new?labId=${input.labId}` : "/samples/new"}>
          New sample
        </Link>
      </div>
      <div className="card">
        <div className="row" style={{ marginBottom: 12 }}>
          <input
            type="search"
            aria-label="Search samples"
            placeholder="Search name, material, notes…"
            defaultValue={input.q ?? ""}
            onKeyDown={(e) => {
              if (e.key === "Enter") setParams({ q: e.currentTarget.value });
            }}
            style={{ maxWidth: 280 }}
          />
          <select aria-label="Material" value={input.material ?? ""} onChange={(e) => setParams({ material: e.target.value })} style={{ maxWidth: 200 }}>
            <option value="">All materials</option>
            {data.facets.materials.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          <select aria-label="Lab" value={input.labId ?? ""} onChange={(e) => setParams({ labId: e.target.value })} style={{ maxWidth: 240 }}>
            <option value="">All labs</option>
            {data.facets.labs.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
          <select aria-label="Visibility" value={input.visibility ?? ""} onChange={(e) => setParams({ visibility: e.target.value })} style={{ maxWidth: 160 }}>
            <option value="">Any visibility</option>
            <option value="PRIVATE">private</option>
            <option value="SHARED">shared</option>
            <option value="PUBLIC">public</option>
          </select>
          <span className="subtle">{plural(data.total, "sample")}</span>
        </div>
        {data.items.length === 0 ? (
          <div className="empty">No samples match.</div>
        ) : (
          <table className="table" data-testid="samples-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} className={"isNumber" in c ? "num" : undefined} aria-sort={input.sort === c.key ? (input.order === "asc" ? "ascending" : "descending") : "none"}>
                    <button onClick={() => sortBy(c.key)}>
                      {c.label} {input.sort === c.key ? (input.order === "asc" ? "▲" : "▼") : ""}
                    </button>
                  </th>
                ))}
                <th>Stage</th>
                <th>Visibility</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link href={`/samples/${s.id}`}>{s.name}</Link>
                  </td>
                  <td>{s.material}</td>
                  <td className="num">{s.thicknessNm != null ? `${s.thicknessNm} nm` : "—"}</td>
                  <td className="muted">{s.lab.name}</td>
                  <td className="num">{s.curveCount}</td>
                  <td className="muted">{s.createdAt.toISOString().slice(0, 10)}</td>
                  <td>{s.annealStage}</td>
                  <td>
                    <span className="badge">{s.visibility.toLowerCase()}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 ? (
          <div className="row" style={{ marginTop: 12 }}>
            <button className="btn btn-small" disabled={input.page <= 1} onClick={() => setParams({ page: String(input.page - 1) })}>
              Previous
            </button>
            <span className="subtle">
              page {input.page} of {pages}
            </span>
            <button className="btn btn-small" disabled={input.page >= pages} onClick={() => setParams({ page: String(input.page + 1) })}>
              Next
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
