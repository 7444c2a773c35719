/**
 * Version of the fitting and classification engine. Bump it whenever results
 * can change (models, defaults, thresholds, solver tolerances): every stored
 * fit records it, so re-fits after an engine change stay traceable.
 */
export const ENGINE_VERSION = "1.2.2";
