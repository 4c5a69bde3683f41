/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { AuthEmailForm } from "@/components/auth-email-form";
import { AuthProviderButtons } from "@/components/auth-provider-buttons";

// The forms post to server actions; here only their markup is under test, so the actions (which
// load Auth.js and the database) are replaced by inert functions.
jest.mock("@/lib/accounts/actions/auth", () => ({
  signInWithEmail: jest.fn(async () => null),
  signInWithProvider: jest.fn(async () => undefined),
}));

function SignInForms() {
  return (
    <main>
      <h1>Sign in</h1>
      <AuthEmailForm callbackUrl="/articles/ferry-fares" />
      <AuthProviderButtons
        callbackUrl="/articles/ferry-fares"
        providers={[
          { id: "github", name: "GitHub" },
          { id: "oidc", name: "Single sign-on" },
        ]}
      />
    </main>
  );
}

describe("sign-in forms", () => {
  it("label the e-mail field and tie its hint and status to it", () => {
    render(<SignInForms />);
    const email = screen.getByRole("textbox", { name: "E-mail address" });
    expect(email).toHaveAttribute("type", "email");
    expect(email).toBeRequired();
    expect(email).toHaveAccessibleDescription(/We send you a link/);
    expect(screen.getByRole("button", { name: "E-mail me a sign-in link" })).toBeEnabled();
  });

  it("carry the return path in every form", () => {
    const { container } = render(<SignInForms />);
    const hidden = container.querySelectorAll<HTMLInputElement>('input[name="callbackUrl"]');
    expect(hidden).toHaveLength(3);
    for (const input of hidden) expect(input.value).toBe("/articles/ferry-fares");
  });

  it("offer one button per configured provider", () => {
    render(<SignInForms />);
    expect(screen.getByRole("button", { name: "Continue with GitHub" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Continue with Single sign-on" })).toBeInTheDocument();
  });

  it("render nothing for providers when none is configured", () => {
    const { container } = render(<AuthProviderButtons callbackUrl="/" providers={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("have no axe violations", async () => {
    const { container } = render(<SignInForms />);
    expect(await axe(container)).toHaveNoViolations();
  });
});
