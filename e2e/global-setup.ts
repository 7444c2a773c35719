/** End-to-end tests only ever run against a local database. */
export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (url && !/@(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(url)) {
    throw new Error(`Refusing to run end-to-end tests against a non-local database (${url.replace(/\/\/[^@]*@/, "//…@")}).`);
  }
}
