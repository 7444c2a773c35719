import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { plainJson, transformer } from "./transformer";

const wire = (value: unknown) => transformer.deserialize(JSON.parse(JSON.stringify(transformer.serialize(value))));

describe("tRPC transformer", () => {
  it("keeps what JSON cannot carry through superjson", () => {
    const value = { at: new Date("2026-01-02T03:04:05.000Z"), tags: new Set(["a"]), missing: undefined };
    expect(wire(value)).toEqual(value);
    expect(transformer.serialize(value)).toEqual(superjson.serialize(value));
  });

  it("sends a result marked as plain JSON as it is, and reads it back unchanged", () => {
    const dto = plainJson({ points: [{ x: 1, y: 2, label: "S" }], total: 1 });
    expect(transformer.serialize(dto)).toEqual({ json: dto });
    expect(Object.keys(dto)).toEqual(["points", "total"]);
    expect(wire(dto)).toEqual({ points: [{ x: 1, y: 2, label: "S" }], total: 1 });
  });

  it("reads payloads written by superjson alone", () => {
    const value = { at: new Date(0), n: 3 };
    expect(transformer.deserialize(JSON.parse(JSON.stringify(superjson.serialize(value))))).toEqual(value);
  });
});
