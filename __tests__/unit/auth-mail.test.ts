import "./auth-mail-env";
import { magicLinkMail } from "@/lib/auth-mail";

const LINK =
  "https://courier.example/api/auth/callback/nodemailer?callbackUrl=%2F&token=abc&email=a%40b.example";

describe("magicLinkMail", () => {
  const mail = magicLinkMail("reader@example.com", LINK);

  it("is addressed from EMAIL_FROM to the reader", () => {
    expect(mail.to).toBe("reader@example.com");
    expect(mail.from).toBe("Courier <no-reply@courier.example>");
    expect(mail.subject).toBe("Sign in to The <Test> Courier");
  });

  it("carries the exact link in the text part", () => {
    expect(mail.text).toContain(`\n${LINK}\n`);
    expect(mail.text).toMatch(/expires in an hour/);
  });

  it("escapes the link and the site name in the HTML part", () => {
    expect(mail.html).toContain(`href="${LINK.replace(/&/g, "&#38;")}"`);
    expect(mail.html).toContain("The &#60;Test&#62; Courier");
    expect(mail.html).not.toContain("<Test>");
  });

  it("cannot be broken out of by a hostile link", () => {
    const hostile = magicLinkMail("r@example.com", 'https://x.example/"><script>alert(1)</script>');
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.html).not.toMatch(/href="[^"]*"[^>]*"/);
  });
});
