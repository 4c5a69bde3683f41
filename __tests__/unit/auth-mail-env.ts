// Imported first by auth-mail.test.ts: lib/env.ts reads the environment once, on first import.
process.env.SITE_NAME = "The <Test> Courier";
process.env.EMAIL_FROM = "Courier <no-reply@courier.example>";
delete process.env.EMAIL_SERVER;
