// Sign-in page paths and the callback-URL check, kept free of server-only imports so pages, tests and
// the Auth.js config share them.

export const AUTH_PAGES = {
  signIn: "/signin",
  verifyRequest: "/signin/check-email",
  error: "/signin/error",
} as const;

/**
 * Where to send a reader after sign-in: a path or a URL on our own origin, otherwise the home page.
 * Refuses protocol-relative (`//evil.example`), backslash tricks and other origins.
 */
export function safeRedirect(target: string | null | undefined, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (!target) return base.origin + "/";
  const trimmed = target.trim();
  // Judged after the URL parser has resolved dot segments and dropped tabs and newlines: "/.//evil"
  // and "/..//evil" become the path "//evil", which a browser reads as another host once it stands
  // alone (the no-JS comment redirect sends only the path).
  const onOurOrigin = (url: URL) => url.origin === base.origin && /^\/(?![/\\])/.test(url.pathname);
  if (trimmed.startsWith("/") && !trimmed.startsWith("//") && !trimmed.includes("\\")) {
    const url = new URL(trimmed, base);
    if (onOurOrigin(url)) return url.toString();
  }
  try {
    const url = new URL(trimmed);
    if (onOurOrigin(url)) return url.toString();
  } catch {
    // not an absolute URL
  }
  return base.origin + "/";
}

/**
 * A relative path safe to carry in ?callbackUrl= or a Location header (same rules, without the
 * origin): always "/" followed by anything but another "/" or a backslash, or "/" alone.
 */
export function safeCallbackPath(target: string | null | undefined, baseUrl: string): string {
  const url = new URL(safeRedirect(target, baseUrl));
  return url.pathname + url.search + url.hash;
}

/** What went wrong, in words a reader can act on, for each code Auth.js puts in `?error=`. */
const AUTH_ERRORS: Record<string, { title: string; message: string }> = {
  Verification: {
    title: "That sign-in link no longer works",
    message:
      "Sign-in links work once and expire after an hour. It may also have been opened already, for example by a mail scanner. Ask for a new link below.",
  },
  AccessDenied: {
    title: "Sign-in was refused",
    message: "This account may not sign in here. If you think that is a mistake, contact the editors.",
  },
  OAuthAccountNotLinked: {
    title: "That e-mail address already has an account",
    message:
      "You signed in with a different method before. To keep your account safe, sign in the way you did the first time.",
  },
  OAuthCallbackError: {
    title: "The sign-in provider did not complete",
    message: "The provider you chose cancelled or refused the sign-in. Try again, or use another method.",
  },
  EmailSignin: {
    title: "We could not send the e-mail",
    message: "The sign-in e-mail could not be sent. Check the address and try again in a moment.",
  },
  MissingCSRF: {
    title: "The form expired",
    message: "For your safety the sign-in form was refused. Reload the page and try again.",
  },
  Configuration: {
    title: "Sign-in is not working right now",
    message: "There is a problem with the site's sign-in settings. Please try again later.",
  },
};

const FALLBACK_ERROR = {
  title: "Sign-in did not work",
  message: "Something went wrong while signing you in. Please try again.",
};

/** The message for an Auth.js error code; unknown or missing codes get a general one. */
export function authErrorMessage(code: string | null | undefined): { title: string; message: string } {
  if (code === "EmailSignInError") return AUTH_ERRORS.EmailSignin;
  return (code && Object.hasOwn(AUTH_ERRORS, code) ? AUTH_ERRORS[code] : undefined) ?? FALLBACK_ERROR;
}

/** The session cookie's name: Auth.js adds the __Secure- prefix when the site is served over https. */
export function sessionCookieName(siteUrl: string): string {
  return `${siteUrl.startsWith("https:") ? "__Secure-" : ""}authjs.session-token`;
}
