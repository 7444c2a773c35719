-- Curve points are little-endian float64 arrays of measured values: they do not compress, and
-- PostgreSQL's attempt to compress every large value roughly doubles the insert time of uploads.
-- EXTERNAL keeps them out of line (TOAST) without trying to compress them.
ALTER TABLE "Curve" ALTER COLUMN "tK" SET STORAGE EXTERNAL;
ALTER TABLE "Curve" ALTER COLUMN "r" SET STORAGE EXTERNAL;
ALTER TABLE "Curve" ALTER COLUMN "hOe" SET STORAGE EXTERNAL;
