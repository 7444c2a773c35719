import { describe, expect, it } from "vitest";
import { classifyColumn, splitHeader } from "../columns";
import { parseUnit } from "../units";

describe("parseUnit", () => {
  it.each([
    ["K", "temperature", 1],
    ["mK", "temperature", 1e-3],
    ["Kelvin", "temperature", 1],
    ["Oe", "field", 1],
    ["kOe", "field", 1e3],
    ["G", "field", 1],
    ["kG", "field", 1e3],
    ["T", "field", 1e4],
    ["mT", "field", 10],
    ["Oersted", "field", 1],
    ["GPa", "pressure", 1],
    ["kbar", "pressure", 0.1],
    ["MPa", "pressure", 1e-3],
    ["Ohm", "resistance", 1],
    ["Ohms", "resistance", 1],
    ["ohm", "resistance", 1],
    ["Ω", "resistance", 1],
    ["kΩ", "resistance", 1e3],
    ["kOhm", "resistance", 1e3],
    ["MOhm", "resistance", 1e6],
    ["MΩ", "resistance", 1e6],
    ["mOhm", "resistance", 1e-3],
    ["Ohm/sq", "sheet_resistance", 1],
    ["Ω/□", "sheet_resistance", 1],
    ["kOhm/sq", "sheet_resistance", 1e3],
    ["Ohms per square", "sheet_resistance", 1],
    ["ohm-cm", "resistivity", 1],
    ["ohm cm", "resistivity", 1],
    ["Ω·cm", "resistivity", 1],
    ["Ohm-m", "resistivity", 100],
    ["uOhm-cm", "resistivity", 1e-6],
    ["µΩ·cm", "resistivity", 1e-6],
    ["h/e^2", "resistance", 25812.80745],
    ["s", "time", 1],
    ["Torr", "gas_pressure", 1],
  ])("%s is %s ×%d", (unit, dimension, factor) => {
    const u = parseUnit(unit);
    expect(u).not.toBeNull();
    expect(u!.dimension).toBe(dimension);
    expect(u!.factor).toBeCloseTo(factor, 12);
  });

  it.each(["furlongs", "", "ohm-cm-rad", "xOhm", "cm^3/coul", "emu"])("does not recognise %j", (unit) => {
    expect(parseUnit(unit)).toBeNull();
  });
});

describe("splitHeader", () => {
  it.each([
    ["Temperature (K)", "Temperature", "K"],
    ["T [mK]", "T", "mK"],
    ["R / kOhm", "R", "kOhm"],
    ["Temperature, K", "Temperature", "K"],
    ["T_K", "T", "K"],
    ["R_ohm", "R", "ohm"],
    ["H_Oe", "H", "Oe"],
    ["P_GPa", "P", "GPa"],
    ["Hall Mobility [cm²/(VS)]", "Hall Mobility", "cm²/(VS)"],
    ["Pressure ()", "Pressure", ""],
    ["R_xx", "R_xx", null],
    ["T_MC", "T_MC", null],
    ["T", "T", null],
  ])("%s → %s / %s", (raw, base, unit) => {
    expect(splitHeader(raw)).toEqual({ base, unit });
  });
});

describe("classifyColumn", () => {
  it("tells temperature in K from field in tesla", () => {
    expect(classifyColumn("T (K)").role).toBe("temperature");
    expect(classifyColumn("B (T)").role).toBe("field");
    expect(classifyColumn("B (T)").unitInfo!.factor).toBe(1e4);
    expect(classifyColumn("Field (T)").role).toBe("field");
    expect(classifyColumn("mu0H (T)").role).toBe("field");
  });

  it("flags a temperature-named column in tesla as a conflict, not a field", () => {
    const c = classifyColumn("T (T)");
    expect(c.role).toBe("temperature");
    expect(c.problem?.code).toBe("unit_role_conflict");
  });

  it("assumes K for a bare T and says so", () => {
    const c = classifyColumn("T");
    expect(c.role).toBe("temperature");
    expect(c.assumedUnit).toBe("K");
  });

  it("reads a lower-case t in seconds as time", () => {
    expect(classifyColumn("t (s)").role).toBe("time");
  });

  it("keeps QD by-products out of the resistance role", () => {
    for (const h of [
      "Resistance Std. Dev. Ch1 (Ohms)",
      "Bridge 1 Std. Dev. (Ohm)",
      "Res. Std.Dev. ch1",
      "Quad.Error ch1 (ohm-cm-rad)",
      "Bridge 1 Excitation (uA)",
      "Phase Angle Ch1 (deg)",
      "Chamber Pressure (Torr)",
      "Min. Temperature (K)",
      "Average Temp (K)",
      "Moment (emu)",
    ]) {
      expect(classifyColumn(h).role, h).toBe("other");
    }
  });

  it("names QD channels and marks resistance/resistivity twins", () => {
    expect(classifyColumn("Bridge 2 Resistance (Ohms)")).toMatchObject({ role: "resistance", channel: "Bridge 2", twinKey: "bridge2", quantity: "resistance" });
    expect(classifyColumn("Bridge 2 Resistivity (Ohm-m)")).toMatchObject({ role: "resistance", channel: "Bridge 2", twinKey: "bridge2", quantity: "resistivity" });
    expect(classifyColumn("Resistance Ch1 (Ohms)")).toMatchObject({ channel: "Ch1", quantity: "resistance" });
    expect(classifyColumn("Res. ch2 (ohm-cm)")).toMatchObject({ channel: "Ch2", quantity: "resistivity" });
  });

  it("treats an empty QD unit as an unconfigured map channel", () => {
    expect(classifyColumn("Pressure ()", true).role).toBe("other");
  });

  it("reports an unrecognised unit on a resistance column", () => {
    expect(classifyColumn("R (furlongs)").problem?.code).toBe("unit_not_recognised");
  });

  it("picks a role from an unambiguous unit when the name is unknown", () => {
    expect(classifyColumn("Probe (mK)").role).toBe("temperature");
    expect(classifyColumn("Channel A (kOhm)").role).toBe("resistance");
  });
});
