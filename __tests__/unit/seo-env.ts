// Imported first by the seo-* unit tests: lib/env.ts reads the environment once, on first import.
// SITE_URL is an origin (lib/env.ts refuses a path prefix; see env-site-url.test.ts).
process.env.SITE_URL = "https://courier.example";
process.env.SITE_NAME = "The Test Courier & Gazette";
// A public SITE_URL needs a mail server to load (lib/env.ts); these tests send no mail.
process.env.EMAIL_SERVER = "smtp://127.0.0.1:25";

export const SITE = "https://courier.example";
