// Imported first by the seo-* unit tests: lib/env.ts reads the environment once, on first import,
// and a base URL with a path prefix and no trailing slash is the case most likely to break URLs.
process.env.SITE_URL = "https://courier.example/news";
process.env.SITE_NAME = "The Test Courier & Gazette";

export const SITE = "https://courier.example/news";
