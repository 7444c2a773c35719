import { describe, expect, it } from "vitest";
import { captionLine } from "./export-figure";

describe("figure captions", () => {
  it("say where a figure comes from: address, date and engine", () => {
    expect(captionLine({ url: "https://atlas.example/p/Ab3dE6gH9k", date: "2026-11-30T10:00:00.000Z", engineVersions: ["2.1.0"] })).toBe(
      "https://atlas.example/p/Ab3dE6gH9k · 2026-11-30 · SIT Atlas · engine 2.1.0",
    );
    expect(captionLine({ url: "https://atlas.example/diagram?x=P", date: "2026-12-01T00:00:00Z", engineVersions: [], platformVersion: "0.1.0" })).toBe(
      "https://atlas.example/diagram?x=P · 2026-12-01 · SIT Atlas 0.1.0 · engine n/a",
    );
  });
});
