// Imported first by the seo-* unit tests: lib/env.ts reads the environment once, on first import,
// and a base URL with a path prefix and no trailing slash is the case most likely to break URLs.
process.env.SITE_URL = "https://courier.example/news";
process.env.SITE_NAME = "The Test Courier & Gazette";
// A public SITE_URL needs a mail server to load (lib/env.ts); these tests send no mail.
process.env.EMAIL_SERVER = "smtp://127.0.0.1:25";

export const SITE = "https://courier.example/news";
