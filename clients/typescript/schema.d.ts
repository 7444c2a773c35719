// Generated from the OpenAPI document of /api/v1 by scripts/api-client.ts; do not edit.
export interface paths {
    "/api/v1/curves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload curves as JSON (sit-curves/v1)
         * @description A JSON document `{"format": "sit-curves/v1", "metadata": {…}, "curves": [{"kind": "RT", "T_K": [...], "R_ohm": [...], "H_Oe": 0, "P_GPa": 1.2, …}]}`. RT curves need one temperature per point; RH curves one field per point and one temperature (or one per point). Resistances are in Ω (Ω/□ with `"quantity": "sheet_resistance"`).
         *
         *     The document is stored byte for byte like any upload and follows the same rules: one transaction, dedupe by SHA-256, a fit job per new curve, 422 with the JSON path of every problem.
         *
         *     Needs a token with the write scope.
         */
        post: operations["postCurves"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/curves/{curveId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A curve: points, conditions, readout and current fit
         * @description The fit gives the label (null phase with a reasonCode when no SIT label applies), confidence, model, parameters with 1σ uncertainties, derived quantities and the reasons. With a token, needs its read scope; public data can be read without one.
         */
        get: operations["getCurvesCurveId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/curves/{curveId}/fits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every fit of a curve (one per engine version), newest first
         * @description With a token, needs its read scope; public data can be read without one.
         */
        get: operations["getCurvesCurveIdFits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/diagram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The phase diagram of a query
         * @description Takes the same parameters as the page /diagram (copy its address). Returns the points the caller may read with their provenance, the series, the phase boundaries along each series, or cells when there are more points than `max`. An unknown or invalid parameter is an error.
         */
        get: operations["getDiagram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the request acts as
         * @description With a token: its lab, its creator and its scopes.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permalinks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shared snapshot's points with provenance
         * @description The points a permalink froze (with the ids of their curves and fits, labels and provenance), as of when it was made. Access is checked now: points from samples the caller may not read are left out, not counted (isPartial says some are), and the title and author are then withheld; when none is readable the answer is 401 (anonymous) or 403.
         */
        get: operations["getPermalinksId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/samples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Samples the caller may read
         * @description Public samples, the token's lab's own, and samples shared with that lab. Filter by lab, material or text.
         */
        get: operations["getSamples"];
        put?: never;
        /**
         * Create a sample
         * @description In the token's lab (or `labId`). Needs a token with the write scope.
         */
        post: operations["postSamples"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/samples/{sampleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A sample
         * @description With a token, needs its read scope; public data can be read without one.
         */
        get: operations["getSamplesSampleId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a sample
         * @description Only the fields sent change. Needs a token with the write scope.
         */
        patch: operations["patchSamplesSampleId"];
        trace?: never;
    };
    "/api/v1/samples/{sampleId}/curves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The curves of a sample, with their current label
         * @description With a token, needs its read scope; public data can be read without one.
         */
        get: operations["getSamplesSampleIdCurves"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Measurement setups of a lab
         * @description The token's lab (or `labId` of a lab the caller belongs to). Needs the read scope.
         */
        get: operations["getSetups"];
        put?: never;
        /**
         * Create a measurement setup
         * @description With its filter stages; the filtering grade is derived from them. Needs a token with the write scope.
         */
        post: operations["postSetups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/setups/{setupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A measurement setup
         * @description Of a lab the caller belongs to. Needs the read scope.
         */
        get: operations["getSetupsSetupId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a measurement setup
         * @description Only the fields sent change (`filterStages`, when sent, replaces them all). Needs a token with the write scope.
         */
        patch: operations["patchSetupsSetupId"];
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an instrument file
         * @description Stores the file byte for byte (with its SHA-256), parses it (Quantum Design .dat, CSV/TSV and other delimited text, Lake Shore, sit-curves/v1 JSON), and stores every detected R(T) or R(H) sweep on the sample, in one transaction; each new curve is queued for fitting.
         *
         *     Send the file as the raw request body (streamed; `Content-Type: application/octet-stream`, name it with `?fileName=` or `Content-Disposition`) or as `multipart/form-data` with a `file` part (form text fields may carry the query parameters).
         *
         *     One file may hold several channels (several films on one puck): `channels` sends each to its own sample, in one request or in several. Duplicates are judged per (file, channel, sample): when every channel asked for was already imported into the same sample the answer is the first upload (`isDuplicate: true`, status 200, `duplicates` naming the sample each went to) and nothing is created; otherwise 201.
         *
         *     Bad input answers 422 (413 over the size limit) with a message naming the file, line and column and what was expected; `error.details` lists every problem. Nothing is stored in the database then.
         *
         *     Needs a token with the write scope.
         */
        post: operations["postUploads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                code: string;
                details?: unknown;
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postCurves: {
        parameters: {
            query?: {
                channels?: string;
                exclude?: string;
                fieldOrientation?: "PERPENDICULAR" | "PARALLEL" | "UNKNOWN";
                fileName?: string;
                pressureDirection?: "PRESSURIZING" | "DEPRESSURIZING" | "UNKNOWN";
                pressureGPa?: number;
                readout?: ("signed" | "magnitude" | "unknown") | string;
                sampleId?: string;
                setupId?: string;
                skipBadRows?: "0" | "1" | "true" | "false";
                template?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description a sit-curves/v1 document */
        requestBody: {
            content: {
                "application/json": {
                    curves: {
                        channel?: string;
                        H_Oe?: number | number[];
                        /** @enum {string} */
                        kind: "RT" | "RH";
                        label?: string;
                        P_GPa?: number;
                        /** @enum {string} */
                        pressureDirection?: "pressurizing" | "depressurizing";
                        /** @enum {string} */
                        quantity?: "resistance" | "sheet_resistance";
                        R_ohm: number[];
                        /** @enum {string} */
                        readout?: "signed" | "magnitude" | "unknown";
                        T_K: number | number[];
                    }[];
                    /** @constant */
                    format: "sit-curves/v1";
                    metadata?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description The same document was already imported into the same sample: the first upload, nothing created */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        curveIds: string[];
                        duplicates: {
                            channel: string;
                            curveCount: number;
                            sampleId: string;
                        }[];
                        excludedCurves: number;
                        format: string;
                        isDuplicate: boolean;
                        labId: string;
                        parser: {
                            name: string;
                            version: string;
                        };
                        quantity: string | null;
                        queuedFits: number;
                        sampleId: string;
                        sampleIds: string[];
                        setupId: string | null;
                        sha256: string;
                        sizeBytes: number;
                        skippedDuplicateCurves: number;
                        uploadId: string;
                        warnings: {
                            code: string;
                            column?: number | string;
                            expected?: string;
                            file?: string;
                            line?: number;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        curveIds: string[];
                        duplicates: {
                            channel: string;
                            curveCount: number;
                            sampleId: string;
                        }[];
                        excludedCurves: number;
                        format: string;
                        isDuplicate: boolean;
                        labId: string;
                        parser: {
                            name: string;
                            version: string;
                        };
                        quantity: string | null;
                        queuedFits: number;
                        sampleId: string;
                        sampleIds: string[];
                        setupId: string | null;
                        sha256: string;
                        sizeBytes: number;
                        skippedDuplicateCurves: number;
                        uploadId: string;
                        warnings: {
                            code: string;
                            column?: number | string;
                            expected?: string;
                            file?: string;
                            line?: number;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored (for example a name already taken in the lab) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file or the number of points is over the upload limits */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file could be read but holds nothing that can be stored */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCurvesCurveId: {
        parameters: {
            query?: {
                maxPoints?: number;
            };
            header?: never;
            path: {
                curveId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channel: string | null;
                        conditions: {
                            annealStage: string | null;
                            fieldOe: number | null;
                            /** @enum {string} */
                            fieldOrientation: "PERPENDICULAR" | "PARALLEL" | "UNKNOWN";
                            gateVoltageV: number | null;
                            /** @enum {string} */
                            pressureDirection: "PRESSURIZING" | "DEPRESSURIZING" | "UNKNOWN";
                            pressureGPa: number | null;
                            pressureMedium: string | null;
                            temperatureK: number | null;
                        };
                        createdAt: string;
                        fit: {
                            confidence: number | null;
                            createdAt: string;
                            engineVersion: string;
                            id: string;
                            inconclusive: boolean;
                            inconclusiveReason: string | null;
                            isCurrent: boolean;
                            model: string | null;
                            params: {
                                [key: string]: number;
                            };
                            phase: ("S" | "M1" | "M2" | "I1" | "I2") | null;
                            quantities: {
                                [key: string]: {
                                    uncertainty: number | null;
                                    value: number | null;
                                };
                            };
                            reasonCode: string | null;
                            reasons: string[];
                            uncertainties: {
                                [key: string]: number;
                            };
                        } | null;
                        id: string;
                        /** @enum {string} */
                        kind: "RT" | "RH";
                        label: string | null;
                        labId: string;
                        measuredAt: string | null;
                        pointCount: number;
                        points: {
                            x: number[];
                            /** @enum {string} */
                            xUnit: "K" | "Oe";
                            y: number[];
                        };
                        /** @enum {string} */
                        quantity: "RESISTANCE" | "SHEET_RESISTANCE" | "RESISTIVITY";
                        readout: string;
                        sampleId: string;
                        setupId: string | null;
                        /** @enum {string} */
                        sweepDirection: "WARMING" | "COOLING" | "UP" | "DOWN" | "MIXED" | "UNKNOWN";
                        unit: string;
                        uploadId: string | null;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCurvesCurveIdFits: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                curveId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            confidence: number | null;
                            createdAt: string;
                            engineVersion: string;
                            id: string;
                            inconclusive: boolean;
                            inconclusiveReason: string | null;
                            isCurrent: boolean;
                            model: string | null;
                            params: {
                                [key: string]: number;
                            };
                            phase: ("S" | "M1" | "M2" | "I1" | "I2") | null;
                            quantities: {
                                [key: string]: {
                                    uncertainty: number | null;
                                    value: number | null;
                                };
                            };
                            reasonCode: string | null;
                            reasons: string[];
                            uncertainties: {
                                [key: string]: number;
                            };
                        }[];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDiagram: {
        parameters: {
            query?: {
                color?: "phase" | "lab" | "material" | "sample";
                conf?: number;
                engine?: string;
                facet?: "none" | "lab" | "material";
                from?: string;
                grade?: ("GOOD" | "MODERATE" | "POOR" | "UNKNOWN") | ("GOOD" | "MODERATE" | "POOR" | "UNKNOWN")[];
                hide?: ("S" | "M1" | "M2" | "I1" | "I2" | "inconclusive" | "NONE") | ("S" | "M1" | "M2" | "I1" | "I2" | "inconclusive" | "NONE")[];
                lab?: string | string[];
                lines?: "0" | "1" | "true" | "false";
                material?: string | string[];
                max?: number;
                sample?: string | string[];
                to?: string;
                wf?: "0" | "1" | "true" | "false";
                x?: "H" | "P" | "stage" | "gate" | "R300" | "thickness" | "sample" | "Tc90" | "rhoQF" | "sigmaQFinv" | "Rsat" | "sigmaQF" | "EaS" | "EaI" | "Ea" | "arrT0" | "hopT0" | "hopP" | "wlG0" | "wlA" | "ratio350";
                xs?: "linear" | "log";
                y?: "H" | "P" | "stage" | "gate" | "R300" | "thickness" | "sample" | "Tc90" | "rhoQF" | "sigmaQFinv" | "Rsat" | "sigmaQF" | "EaS" | "EaI" | "Ea" | "arrT0" | "hopT0" | "hopP" | "wlG0" | "wlA" | "ratio350";
                ys?: "linear" | "log";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        artifactCount: number;
                        bins: {
                            artifactCount: number;
                            count: number;
                            counts: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            dominant: "S" | "M1" | "M2" | "I1" | "I2" | "inconclusive" | "NONE";
                            facetKey: string;
                            x0: number;
                            x1: number;
                            y0: number;
                            y1: number;
                        }[];
                        boundaries: {
                            facetKey: string;
                            /** @enum {string} */
                            from: "S" | "M1" | "M2" | "I1" | "I2" | "NONE";
                            label: string;
                            seriesKey: string;
                            /** @enum {string} */
                            to: "S" | "M1" | "M2" | "I1" | "I2" | "NONE";
                            undecidedBetween: number;
                            x: number;
                            xHigh: number;
                            xLow: number;
                            yHigh: number;
                            yLow: number;
                        }[];
                        colorGroups: {
                            count: number;
                            key: string;
                            label: string;
                        }[];
                        domain: {
                            x: [
                                number,
                                number
                            ];
                            y: [
                                number,
                                number
                            ];
                        } | null;
                        engineVersions: string[];
                        facets: {
                            count: number;
                            key: string;
                            label: string;
                        }[];
                        missing: number;
                        /** @enum {string} */
                        mode: "points" | "aggregated";
                        notes: string[];
                        phaseCounts: {
                            [key: string]: number;
                        };
                        points: {
                            /** @enum {string} */
                            autoPhase: "S" | "M1" | "M2" | "I1" | "I2" | "NONE";
                            colorKey: string;
                            confidence: number;
                            curveId: string;
                            engineVersion: string;
                            facetKey: string;
                            fieldOe: number | null;
                            fitId: string;
                            gateVoltageV: number | null;
                            /** @enum {string} */
                            grade: "GOOD" | "MODERATE" | "POOR" | "UNKNOWN";
                            inconclusive: boolean;
                            isArtifact: boolean;
                            isOverride: boolean;
                            labId: string;
                            /** @enum {string} */
                            phase: "S" | "M1" | "M2" | "I1" | "I2" | "NONE";
                            /** @enum {string} */
                            pressureDirection: "PRESSURIZING" | "DEPRESSURIZING" | "UNKNOWN";
                            pressureGPa: number | null;
                            /** @enum {string} */
                            quantity?: "RESISTANCE" | "SHEET_RESISTANCE" | "RESISTIVITY";
                            reasonCode?: string | null;
                            sampleId: string;
                            seriesKey: string;
                            setupId: string | null;
                            uploadedAt: string;
                            uploadId: string | null;
                            x: number;
                            xErr: number | null;
                            y: number;
                            yErr: number | null;
                        }[];
                        provenance: {
                            labs: {
                                [key: string]: {
                                    name: string;
                                    slug: string;
                                };
                            };
                            samples: {
                                [key: string]: {
                                    annealStage: string;
                                    labId: string;
                                    lineageRootId: string;
                                    material: string;
                                    name: string;
                                    stageIndex: number;
                                    thicknessNm: number | null;
                                    /** @enum {string} */
                                    visibility: "PRIVATE" | "SHARED" | "PUBLIC";
                                };
                            };
                            setups: {
                                [key: string]: {
                                    /** @enum {string} */
                                    grade: "GOOD" | "MODERATE" | "POOR" | "UNKNOWN";
                                    name: string;
                                };
                            };
                        };
                        query: {
                            /**
                             * @default phase
                             * @enum {string}
                             */
                            colorBy: "phase" | "lab" | "material" | "sample";
                            /** @default current */
                            engine: string;
                            /**
                             * @default none
                             * @enum {string}
                             */
                            facetBy: "none" | "lab" | "material";
                            /** @default [] */
                            grades: ("GOOD" | "MODERATE" | "POOR" | "UNKNOWN")[];
                            /** @default [] */
                            hidePhases: ("S" | "M1" | "M2" | "I1" | "I2" | "inconclusive" | "NONE")[];
                            /** @default [] */
                            labIds: string[];
                            /** @default true */
                            lines: boolean;
                            /** @default [] */
                            materials: string[];
                            /** @default 4000 */
                            maxPoints: number;
                            /** @default 0 */
                            minConfidence: number;
                            /** @default [] */
                            sampleIds: string[];
                            /** @default null */
                            uploadedFrom: string | null;
                            /** @default null */
                            uploadedTo: string | null;
                            /** @default false */
                            wellFilteredOnly: boolean;
                            /**
                             * @default P
                             * @enum {string}
                             */
                            x: "H" | "P" | "stage" | "gate" | "R300" | "thickness" | "sample" | "Tc90" | "rhoQF" | "sigmaQFinv" | "Rsat" | "sigmaQF" | "EaS" | "EaI" | "Ea" | "arrT0" | "hopT0" | "hopP" | "wlG0" | "wlA" | "ratio350";
                            /**
                             * @default linear
                             * @enum {string}
                             */
                            xScale: "linear" | "log";
                            /**
                             * @default sample
                             * @enum {string}
                             */
                            y: "H" | "P" | "stage" | "gate" | "R300" | "thickness" | "sample" | "Tc90" | "rhoQF" | "sigmaQFinv" | "Rsat" | "sigmaQF" | "EaS" | "EaI" | "Ea" | "arrT0" | "hopT0" | "hopP" | "wlG0" | "wlA" | "ratio350";
                            /**
                             * @default linear
                             * @enum {string}
                             */
                            yScale: "linear" | "log";
                        };
                        removedBySwitch: number;
                        series: {
                            colorKey: string;
                            facetKey: string;
                            key: string;
                            label: string;
                            points: number[];
                            sampleId: string;
                        }[];
                        total: number;
                        xAxis: {
                            facetTicks: {
                                [key: string]: {
                                    label: string;
                                    value: number;
                                }[];
                            } | null;
                            /** @enum {string} */
                            key: "H" | "P" | "stage" | "gate" | "R300" | "thickness" | "sample" | "Tc90" | "rhoQF" | "sigmaQFinv" | "Rsat" | "sigmaQF" | "EaS" | "EaI" | "Ea" | "arrT0" | "hopT0" | "hopP" | "wlG0" | "wlA" | "ratio350";
                            label: string;
                            /** @enum {string} */
                            scale: "linear" | "log";
                            ticks: {
                                label: string;
                                value: number;
                            }[] | null;
                            title: string;
                            unit: string;
                        };
                        xDomainByFacet: {
                            [key: string]: [
                                number,
                                number
                            ];
                        };
                        yAxis: {
                            facetTicks: {
                                [key: string]: {
                                    label: string;
                                    value: number;
                                }[];
                            } | null;
                            /** @enum {string} */
                            key: "H" | "P" | "stage" | "gate" | "R300" | "thickness" | "sample" | "Tc90" | "rhoQF" | "sigmaQFinv" | "Rsat" | "sigmaQF" | "EaS" | "EaI" | "Ea" | "arrT0" | "hopT0" | "hopP" | "wlG0" | "wlA" | "ratio350";
                            label: string;
                            /** @enum {string} */
                            scale: "linear" | "log";
                            ticks: {
                                label: string;
                                value: number;
                            }[] | null;
                            title: string;
                            unit: string;
                        };
                        yDomainByFacet: {
                            [key: string]: [
                                number,
                                number
                            ];
                        };
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "token" | "user" | "anonymous";
                        labId: string | null;
                        scopes: string[];
                        userId: string | null;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPermalinksId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessMessage: string | null;
                        contentHash: string;
                        createdAt: string;
                        createdBy: string | null;
                        engineVersions: string[];
                        id: string;
                        isAccessDenied: boolean;
                        isAllPublic: boolean;
                        isHashVerified: boolean;
                        isPartial: boolean;
                        pointCount: number;
                        points: {
                            anneal_stage: string | number | boolean | null;
                            automatic_phase: string | number | boolean | null;
                            confidence: string | number | boolean | null;
                            curve_id: string | number | boolean | null;
                            curve_url: string | number | boolean | null;
                            engine_version: string | number | boolean | null;
                            field_Oe: string | number | boolean | null;
                            filtering_grade: string | number | boolean | null;
                            fit_id: string | number | boolean | null;
                            gate_V: string | number | boolean | null;
                            inconclusive: string | number | boolean | null;
                            is_override: string | number | boolean | null;
                            lab: string | number | boolean | null;
                            lab_id: string | number | boolean | null;
                            material: string | number | boolean | null;
                            phase: string | number | boolean | null;
                            possible_radiation_artifact: string | number | boolean | null;
                            pressure_direction: string | number | boolean | null;
                            pressure_GPa: string | number | boolean | null;
                            raw_upload_url: string | number | boolean | null;
                            sample: string | number | boolean | null;
                            sample_id: string | number | boolean | null;
                            setup: string | number | boolean | null;
                            uploaded_at: string | number | boolean | null;
                            x: string | number | boolean | null;
                            x_axis: string | number | boolean | null;
                            x_uncertainty: string | number | boolean | null;
                            y: string | number | boolean | null;
                            y_axis: string | number | boolean | null;
                            y_uncertainty: string | number | boolean | null;
                        }[];
                        query: {
                            /**
                             * @default phase
                             * @enum {string}
                             */
                            colorBy: "phase" | "lab" | "material" | "sample";
                            /** @default current */
                            engine: string;
                            /**
                             * @default none
                             * @enum {string}
                             */
                            facetBy: "none" | "lab" | "material";
                            /** @default [] */
                            grades: ("GOOD" | "MODERATE" | "POOR" | "UNKNOWN")[];
                            /** @default [] */
                            hidePhases: ("S" | "M1" | "M2" | "I1" | "I2" | "inconclusive" | "NONE")[];
                            /** @default [] */
                            labIds: string[];
                            /** @default true */
                            lines: boolean;
                            /** @default [] */
                            materials: string[];
                            /** @default 4000 */
                            maxPoints: number;
                            /** @default 0 */
                            minConfidence: number;
                            /** @default [] */
                            sampleIds: string[];
                            /** @default null */
                            uploadedFrom: string | null;
                            /** @default null */
                            uploadedTo: string | null;
                            /** @default false */
                            wellFilteredOnly: boolean;
                            /**
                             * @default P
                             * @enum {string}
                             */
                            x: "H" | "P" | "stage" | "gate" | "R300" | "thickness" | "sample" | "Tc90" | "rhoQF" | "sigmaQFinv" | "Rsat" | "sigmaQF" | "EaS" | "EaI" | "Ea" | "arrT0" | "hopT0" | "hopP" | "wlG0" | "wlA" | "ratio350";
                            /**
                             * @default linear
                             * @enum {string}
                             */
                            xScale: "linear" | "log";
                            /**
                             * @default sample
                             * @enum {string}
                             */
                            y: "H" | "P" | "stage" | "gate" | "R300" | "thickness" | "sample" | "Tc90" | "rhoQF" | "sigmaQFinv" | "Rsat" | "sigmaQF" | "EaS" | "EaI" | "Ea" | "arrT0" | "hopT0" | "hopP" | "wlG0" | "wlA" | "ratio350";
                            /**
                             * @default linear
                             * @enum {string}
                             */
                            yScale: "linear" | "log";
                        };
                        title: string | null;
                        todayPath: string;
                        view: string;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSamples: {
        parameters: {
            query?: {
                labId?: string;
                material?: string;
                order?: "asc" | "desc";
                page?: number;
                pageSize?: number;
                q?: string;
                sort?: "name" | "material" | "thicknessNm" | "createdAt" | "lab" | "curveCount";
                visibility?: "PRIVATE" | "SHARED" | "PUBLIC";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        facets: {
                            labs: {
                                id: string;
                                name: string;
                            }[];
                            materials: string[];
                        };
                        items: {
                            annealStage: string;
                            createdAt: unknown;
                            curveCount: number;
                            id: string;
                            lab: {
                                id: string;
                                name: string;
                            };
                            material: string;
                            /** @enum {string} */
                            morphology: "AMORPHOUS" | "GRANULAR" | "COMPOSITE" | "POLYCRYSTALLINE" | "EPITAXIAL" | "JOSEPHSON_ARRAY" | "OTHER";
                            name: string;
                            stageIndex: number;
                            thicknessNm: number | null;
                            /** @enum {string} */
                            visibility: "PRIVATE" | "SHARED" | "PUBLIC";
                        }[];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSamples: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default S0 */
                    annealStage?: string;
                    annealTreatment?: string | null;
                    depositionMethod?: string | null;
                    depositionNotes?: string | null;
                    depositionO2PressureMbar?: number | null;
                    depositionRateNmPerS?: number | null;
                    depositionTemperatureK?: number | null;
                    /**
                     * @default OTHER
                     * @enum {string}
                     */
                    geometry?: "HALL_BAR" | "VAN_DER_PAUW" | "STRIP" | "OTHER";
                    labId?: string;
                    leadMaterial?: string | null;
                    material: string;
                    /**
                     * @default OTHER
                     * @enum {string}
                     */
                    morphology?: "AMORPHOUS" | "GRANULAR" | "COMPOSITE" | "POLYCRYSTALLINE" | "EPITAXIAL" | "JOSEPHSON_ARRAY" | "OTHER";
                    name: string;
                    notes?: string | null;
                    previousStageId?: string;
                    provenance?: string | null;
                    /** @default [] */
                    sharedWithLabIds?: string[];
                    squares?: number | null;
                    substrate?: string | null;
                    thicknessNm?: number | null;
                    /**
                     * @default PRIVATE
                     * @enum {string}
                     */
                    visibility?: "PRIVATE" | "SHARED" | "PUBLIC";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        annealStage: string;
                        annealTreatment: string | null;
                        createdAt: unknown;
                        createdBy: string | null;
                        curveCount: number;
                        depositionMethod: string | null;
                        depositionNotes: string | null;
                        depositionO2PressureMbar: number | null;
                        depositionRateNmPerS: number | null;
                        depositionTemperatureK: number | null;
                        /** @enum {string} */
                        geometry: "HALL_BAR" | "VAN_DER_PAUW" | "STRIP" | "OTHER";
                        id: string;
                        lab: {
                            id: string;
                            institution: string | null;
                            name: string;
                            slug: string;
                        };
                        labId: string;
                        leadMaterial: string | null;
                        lineageRootId: string;
                        material: string;
                        /** @enum {string} */
                        morphology: "AMORPHOUS" | "GRANULAR" | "COMPOSITE" | "POLYCRYSTALLINE" | "EPITAXIAL" | "JOSEPHSON_ARRAY" | "OTHER";
                        name: string;
                        notes: string | null;
                        parentId: string | null;
                        provenance: string | null;
                        sharedWith: {
                            id: string;
                            name: string;
                        }[];
                        squares: number | null;
                        stageIndex: number;
                        stages: {
                            annealStage: string;
                            annealTreatment: string | null;
                            id: string;
                            name: string;
                            stageIndex: number;
                        }[];
                        substrate: string | null;
                        thicknessNm: number | null;
                        updatedAt: unknown;
                        /** @enum {string} */
                        visibility: "PRIVATE" | "SHARED" | "PUBLIC";
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored (for example a name already taken in the lab) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSamplesSampleId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sampleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        annealStage: string;
                        annealTreatment: string | null;
                        createdAt: unknown;
                        createdBy: string | null;
                        curveCount: number;
                        depositionMethod: string | null;
                        depositionNotes: string | null;
                        depositionO2PressureMbar: number | null;
                        depositionRateNmPerS: number | null;
                        depositionTemperatureK: number | null;
                        /** @enum {string} */
                        geometry: "HALL_BAR" | "VAN_DER_PAUW" | "STRIP" | "OTHER";
                        id: string;
                        lab: {
                            id: string;
                            institution: string | null;
                            name: string;
                            slug: string;
                        };
                        labId: string;
                        leadMaterial: string | null;
                        lineageRootId: string;
                        material: string;
                        /** @enum {string} */
                        morphology: "AMORPHOUS" | "GRANULAR" | "COMPOSITE" | "POLYCRYSTALLINE" | "EPITAXIAL" | "JOSEPHSON_ARRAY" | "OTHER";
                        name: string;
                        notes: string | null;
                        parentId: string | null;
                        provenance: string | null;
                        sharedWith: {
                            id: string;
                            name: string;
                        }[];
                        squares: number | null;
                        stageIndex: number;
                        stages: {
                            annealStage: string;
                            annealTreatment: string | null;
                            id: string;
                            name: string;
                            stageIndex: number;
                        }[];
                        substrate: string | null;
                        thicknessNm: number | null;
                        updatedAt: unknown;
                        /** @enum {string} */
                        visibility: "PRIVATE" | "SHARED" | "PUBLIC";
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchSamplesSampleId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sampleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default S0 */
                    annealStage?: string;
                    annealTreatment?: string | null;
                    depositionMethod?: string | null;
                    depositionNotes?: string | null;
                    depositionO2PressureMbar?: number | null;
                    depositionRateNmPerS?: number | null;
                    depositionTemperatureK?: number | null;
                    /**
                     * @default OTHER
                     * @enum {string}
                     */
                    geometry?: "HALL_BAR" | "VAN_DER_PAUW" | "STRIP" | "OTHER";
                    leadMaterial?: string | null;
                    material?: string;
                    /**
                     * @default OTHER
                     * @enum {string}
                     */
                    morphology?: "AMORPHOUS" | "GRANULAR" | "COMPOSITE" | "POLYCRYSTALLINE" | "EPITAXIAL" | "JOSEPHSON_ARRAY" | "OTHER";
                    name?: string;
                    notes?: string | null;
                    provenance?: string | null;
                    /** @default [] */
                    sharedWithLabIds?: string[];
                    squares?: number | null;
                    substrate?: string | null;
                    thicknessNm?: number | null;
                    /**
                     * @default PRIVATE
                     * @enum {string}
                     */
                    visibility?: "PRIVATE" | "SHARED" | "PUBLIC";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        annealStage: string;
                        annealTreatment: string | null;
                        createdAt: unknown;
                        createdBy: string | null;
                        curveCount: number;
                        depositionMethod: string | null;
                        depositionNotes: string | null;
                        depositionO2PressureMbar: number | null;
                        depositionRateNmPerS: number | null;
                        depositionTemperatureK: number | null;
                        /** @enum {string} */
                        geometry: "HALL_BAR" | "VAN_DER_PAUW" | "STRIP" | "OTHER";
                        id: string;
                        lab: {
                            id: string;
                            institution: string | null;
                            name: string;
                            slug: string;
                        };
                        labId: string;
                        leadMaterial: string | null;
                        lineageRootId: string;
                        material: string;
                        /** @enum {string} */
                        morphology: "AMORPHOUS" | "GRANULAR" | "COMPOSITE" | "POLYCRYSTALLINE" | "EPITAXIAL" | "JOSEPHSON_ARRAY" | "OTHER";
                        name: string;
                        notes: string | null;
                        parentId: string | null;
                        provenance: string | null;
                        sharedWith: {
                            id: string;
                            name: string;
                        }[];
                        squares: number | null;
                        stageIndex: number;
                        stages: {
                            annealStage: string;
                            annealTreatment: string | null;
                            id: string;
                            name: string;
                            stageIndex: number;
                        }[];
                        substrate: string | null;
                        thicknessNm: number | null;
                        updatedAt: unknown;
                        /** @enum {string} */
                        visibility: "PRIVATE" | "SHARED" | "PUBLIC";
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored (for example a name already taken in the lab) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSamplesSampleIdCurves: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                sampleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            channel: string | null;
                            conditions: {
                                annealStage: string | null;
                                fieldOe: number | null;
                                /** @enum {string} */
                                fieldOrientation: "PERPENDICULAR" | "PARALLEL" | "UNKNOWN";
                                /** @enum {string} */
                                pressureDirection: "PRESSURIZING" | "DEPRESSURIZING" | "UNKNOWN";
                                pressureGPa: number | null;
                                temperatureK: number | null;
                            };
                            confidence: number | null;
                            createdAt: string;
                            engineVersion: string | null;
                            id: string;
                            inconclusive: boolean | null;
                            /** @enum {string} */
                            kind: "RT" | "RH";
                            label: string | null;
                            labId: string;
                            phase: ("S" | "M1" | "M2" | "I1" | "I2") | null;
                            pointCount: number;
                            /** @enum {string} */
                            quantity: "RESISTANCE" | "SHEET_RESISTANCE" | "RESISTIVITY";
                            reasonCode: string | null;
                            rRange: [
                                number,
                                number
                            ];
                            sampleId: string;
                            setupId: string | null;
                            /** @enum {string} */
                            sweepDirection: "WARMING" | "COOLING" | "UP" | "DOWN" | "MIXED" | "UNKNOWN";
                            tRangeK: [
                                number,
                                number
                            ];
                            unit: string;
                            uploadId: string | null;
                        }[];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSetups: {
        parameters: {
            query?: {
                labId?: string;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            baseTemperatureK: number | null;
                            /** @enum {string} */
                            cryostat: "DILUTION" | "HE3" | "HE4" | "PPMS" | "DYNACOOL" | "ADR" | "OTHER";
                            excitation: ("AC" | "DC") | null;
                            excitationAmplitudeA: number | null;
                            excitationFrequencyHz: number | null;
                            filteringExplanation: string;
                            /** @enum {string} */
                            filteringGrade: "GOOD" | "MODERATE" | "POOR" | "UNKNOWN";
                            filterStages: {
                                attenuationDb: number | null;
                                bandHighHz: number | null;
                                bandLowHz: number | null;
                                notes: string | null;
                                position: number;
                                /** @enum {string} */
                                stage: "ROOM" | "K50" | "K4" | "STILL" | "COLD_PLATE" | "MIXING_CHAMBER" | "SAMPLE";
                                /** @enum {string} */
                                type: "PI" | "RC" | "LC" | "COPPER_POWDER" | "THERMOCOAX" | "SILVER_EPOXY" | "MICROWAVE_ABSORBER" | "TWISTED_PAIR" | "OTHER";
                            }[];
                            fourProbe: boolean;
                            id: string;
                            labId: string;
                            linearResponseChecked: boolean;
                            name: string;
                            notes: string | null;
                            shielding: string | null;
                            thermometerPlacement: string | null;
                            thermometry: string | null;
                        }[];
                        page: number;
                        pageSize: number;
                        total: number;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postSetups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    baseTemperatureK?: number | null;
                    /**
                     * @default OTHER
                     * @enum {string}
                     */
                    cryostat?: "DILUTION" | "HE3" | "HE4" | "PPMS" | "DYNACOOL" | "ADR" | "OTHER";
                    excitation?: ("AC" | "DC") | null;
                    excitationAmplitudeA?: number | null;
                    excitationFrequencyHz?: number | null;
                    /** @default [] */
                    filterStages?: {
                        attenuationDb?: number | null;
                        bandHighHz?: number | null;
                        bandLowHz?: number | null;
                        notes?: string | null;
                        /** @enum {string} */
                        stage: "ROOM" | "K50" | "K4" | "STILL" | "COLD_PLATE" | "MIXING_CHAMBER" | "SAMPLE";
                        /** @enum {string} */
                        type: "PI" | "RC" | "LC" | "COPPER_POWDER" | "THERMOCOAX" | "SILVER_EPOXY" | "MICROWAVE_ABSORBER" | "TWISTED_PAIR" | "OTHER";
                    }[];
                    /** @default true */
                    fourProbe?: boolean;
                    labId?: string;
                    /** @default false */
                    linearResponseChecked?: boolean;
                    name: string;
                    notes?: string | null;
                    shielding?: string | null;
                    thermometerPlacement?: string | null;
                    thermometry?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        baseTemperatureK: number | null;
                        /** @enum {string} */
                        cryostat: "DILUTION" | "HE3" | "HE4" | "PPMS" | "DYNACOOL" | "ADR" | "OTHER";
                        excitation: ("AC" | "DC") | null;
                        excitationAmplitudeA: number | null;
                        excitationFrequencyHz: number | null;
                        filteringExplanation: string;
                        /** @enum {string} */
                        filteringGrade: "GOOD" | "MODERATE" | "POOR" | "UNKNOWN";
                        filterStages: {
                            attenuationDb: number | null;
                            bandHighHz: number | null;
                            bandLowHz: number | null;
                            notes: string | null;
                            position: number;
                            /** @enum {string} */
                            stage: "ROOM" | "K50" | "K4" | "STILL" | "COLD_PLATE" | "MIXING_CHAMBER" | "SAMPLE";
                            /** @enum {string} */
                            type: "PI" | "RC" | "LC" | "COPPER_POWDER" | "THERMOCOAX" | "SILVER_EPOXY" | "MICROWAVE_ABSORBER" | "TWISTED_PAIR" | "OTHER";
                        }[];
                        fourProbe: boolean;
                        id: string;
                        labId: string;
                        linearResponseChecked: boolean;
                        name: string;
                        notes: string | null;
                        shielding: string | null;
                        thermometerPlacement: string | null;
                        thermometry: string | null;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored (for example a name already taken in the lab) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSetupsSetupId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                setupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        baseTemperatureK: number | null;
                        /** @enum {string} */
                        cryostat: "DILUTION" | "HE3" | "HE4" | "PPMS" | "DYNACOOL" | "ADR" | "OTHER";
                        excitation: ("AC" | "DC") | null;
                        excitationAmplitudeA: number | null;
                        excitationFrequencyHz: number | null;
                        filteringExplanation: string;
                        /** @enum {string} */
                        filteringGrade: "GOOD" | "MODERATE" | "POOR" | "UNKNOWN";
                        filterStages: {
                            attenuationDb: number | null;
                            bandHighHz: number | null;
                            bandLowHz: number | null;
                            notes: string | null;
                            position: number;
                            /** @enum {string} */
                            stage: "ROOM" | "K50" | "K4" | "STILL" | "COLD_PLATE" | "MIXING_CHAMBER" | "SAMPLE";
                            /** @enum {string} */
                            type: "PI" | "RC" | "LC" | "COPPER_POWDER" | "THERMOCOAX" | "SILVER_EPOXY" | "MICROWAVE_ABSORBER" | "TWISTED_PAIR" | "OTHER";
                        }[];
                        fourProbe: boolean;
                        id: string;
                        labId: string;
                        linearResponseChecked: boolean;
                        name: string;
                        notes: string | null;
                        shielding: string | null;
                        thermometerPlacement: string | null;
                        thermometry: string | null;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    patchSetupsSetupId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                setupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    baseTemperatureK?: number | null;
                    /**
                     * @default OTHER
                     * @enum {string}
                     */
                    cryostat?: "DILUTION" | "HE3" | "HE4" | "PPMS" | "DYNACOOL" | "ADR" | "OTHER";
                    excitation?: ("AC" | "DC") | null;
                    excitationAmplitudeA?: number | null;
                    excitationFrequencyHz?: number | null;
                    /** @default [] */
                    filterStages?: {
                        attenuationDb?: number | null;
                        bandHighHz?: number | null;
                        bandLowHz?: number | null;
                        notes?: string | null;
                        /** @enum {string} */
                        stage: "ROOM" | "K50" | "K4" | "STILL" | "COLD_PLATE" | "MIXING_CHAMBER" | "SAMPLE";
                        /** @enum {string} */
                        type: "PI" | "RC" | "LC" | "COPPER_POWDER" | "THERMOCOAX" | "SILVER_EPOXY" | "MICROWAVE_ABSORBER" | "TWISTED_PAIR" | "OTHER";
                    }[];
                    /** @default true */
                    fourProbe?: boolean;
                    /** @default false */
                    linearResponseChecked?: boolean;
                    name?: string;
                    notes?: string | null;
                    shielding?: string | null;
                    thermometerPlacement?: string | null;
                    thermometry?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        baseTemperatureK: number | null;
                        /** @enum {string} */
                        cryostat: "DILUTION" | "HE3" | "HE4" | "PPMS" | "DYNACOOL" | "ADR" | "OTHER";
                        excitation: ("AC" | "DC") | null;
                        excitationAmplitudeA: number | null;
                        excitationFrequencyHz: number | null;
                        filteringExplanation: string;
                        /** @enum {string} */
                        filteringGrade: "GOOD" | "MODERATE" | "POOR" | "UNKNOWN";
                        filterStages: {
                            attenuationDb: number | null;
                            bandHighHz: number | null;
                            bandLowHz: number | null;
                            notes: string | null;
                            position: number;
                            /** @enum {string} */
                            stage: "ROOM" | "K50" | "K4" | "STILL" | "COLD_PLATE" | "MIXING_CHAMBER" | "SAMPLE";
                            /** @enum {string} */
                            type: "PI" | "RC" | "LC" | "COPPER_POWDER" | "THERMOCOAX" | "SILVER_EPOXY" | "MICROWAVE_ABSORBER" | "TWISTED_PAIR" | "OTHER";
                        }[];
                        fourProbe: boolean;
                        id: string;
                        labId: string;
                        linearResponseChecked: boolean;
                        name: string;
                        notes: string | null;
                        shielding: string | null;
                        thermometerPlacement: string | null;
                        thermometry: string | null;
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored (for example a name already taken in the lab) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    postUploads: {
        parameters: {
            query?: {
                channels?: string;
                decimalComma?: "0" | "1" | "true" | "false";
                delimiter?: "," | ";" | "\t" | "|" | "whitespace";
                exclude?: string;
                fieldOe?: number;
                fieldOrientation?: "PERPENDICULAR" | "PARALLEL" | "UNKNOWN";
                fileName?: string;
                format?: "auto" | "qd-dat" | "delimited" | "json" | "lakeshore";
                mapping?: string;
                pressureDirection?: "PRESSURIZING" | "DEPRESSURIZING" | "UNKNOWN";
                pressureGPa?: number;
                readout?: ("signed" | "magnitude" | "unknown") | string;
                sampleId?: string;
                setupId?: string;
                skipBadRows?: "0" | "1" | "true" | "false";
                temperatureK?: number;
                template?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description the instrument file, byte for byte (or multipart/form-data with a `file` part) */
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Every channel was already imported into the same sample: the first upload, nothing created */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        curveIds: string[];
                        duplicates: {
                            channel: string;
                            curveCount: number;
                            sampleId: string;
                        }[];
                        excludedCurves: number;
                        format: string;
                        isDuplicate: boolean;
                        labId: string;
                        parser: {
                            name: string;
                            version: string;
                        };
                        quantity: string | null;
                        queuedFits: number;
                        sampleId: string;
                        sampleIds: string[];
                        setupId: string | null;
                        sha256: string;
                        sizeBytes: number;
                        skippedDuplicateCurves: number;
                        uploadId: string;
                        warnings: {
                            code: string;
                            column?: number | string;
                            expected?: string;
                            file?: string;
                            line?: number;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        curveIds: string[];
                        duplicates: {
                            channel: string;
                            curveCount: number;
                            sampleId: string;
                        }[];
                        excludedCurves: number;
                        format: string;
                        isDuplicate: boolean;
                        labId: string;
                        parser: {
                            name: string;
                            version: string;
                        };
                        quantity: string | null;
                        queuedFits: number;
                        sampleId: string;
                        sampleIds: string[];
                        setupId: string | null;
                        sha256: string;
                        sizeBytes: number;
                        skippedDuplicateCurves: number;
                        uploadId: string;
                        warnings: {
                            code: string;
                            column?: number | string;
                            expected?: string;
                            file?: string;
                            line?: number;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid: the message says which parameter or field, the details list each problem */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The API token is missing, unknown, revoked or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the scope, or its lab may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not readable with this token (the two are not told apart) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with what is stored (for example a name already taken in the lab) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file or the number of points is over the upload limits */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file could be read but holds nothing that can be stored */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: wait for the seconds in Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected error: the code, a message saying what is wrong, and details */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
