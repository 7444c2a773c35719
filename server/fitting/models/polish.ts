/** Final step of the variable-projection fits. */
import { levenbergMarquardt, linearizeAt, type LmOptions, type LmProblem, type LmResult } from "../solvers/levenberg-marquardt";

/** LM polish or a plain linearisation at the start point. */
export function polishOrLinearize(
  problem: LmProblem,
  start: number[],
  polish: boolean,
  options: LmOptions,
): LmResult | null {
  if (polish) return levenbergMarquardt(problem, start, options);
  const lin = linearizeAt(problem, start);
  if (!lin) return null;
  return {
    params: Float64Array.from(start),
    rss: lin.rss,
    iterations: 0,
    converged: true,
    reason: "gtol",
    jtj: lin.jtj,
    atBound: new Uint8Array(start.length),
  };
}
