import "./auth-mail-env";
import { magicLinkMail } from "@/lib/accounts/auth/mail";

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

describe("sendMagicLink without EMAIL_SERVER (a fresh local install)", () => {
  it("writes the link to the log, warning once that mail is not sent", async () => {
    expect(process.env.EMAIL_SERVER).toBeUndefined();
    const { sendMagicLink } = await import("@/lib/accounts/auth/mail");
    const log = jest.spyOn(console, "log").mockImplementation(() => {});
    const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await sendMagicLink("reader@example.com", LINK);
      await sendMagicLink("other@example.com", LINK);
      expect(log).toHaveBeenCalledWith(`Sign-in link for reader@example.com: ${LINK}`);
      expect(log).toHaveBeenCalledWith(`Sign-in link for other@example.com: ${LINK}`);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toMatch(/EMAIL_SERVER is not set/);
    } finally {
      log.mockRestore();
      warn.mockRestore();
    }
  });
});
