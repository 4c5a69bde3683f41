/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { ThemeToggle } from "@/components/theme-toggle";
import { themeScript } from "@/lib/theme-script";

let systemDark = false;
const listeners: (() => void)[] = [];

beforeAll(() => {
  window.matchMedia = ((query: string) => ({
    get matches() {
      return query.includes("dark") && systemDark;
    },
    media: query,
    addEventListener: (_: string, fn: () => void) => listeners.push(fn),
    removeEventListener: () => {},
  })) as unknown as typeof window.matchMedia;
  // The same script app/layout.tsx puts in <head>.
  new Function(themeScript)();
});

beforeEach(() => {
  localStorage.clear();
  systemDark = false;
  window.dispatchEvent(new Event("themechange"));
});

const isDark = () => document.documentElement.classList.contains("dark");

describe("theme script", () => {
  it("follows the system when nothing is saved, live", () => {
    expect(isDark()).toBe(false);
    systemDark = true;
    listeners.forEach((fn) => fn());
    expect(isDark()).toBe(true);
  });

  it("prefers a saved choice over the system", () => {
    systemDark = true;
    localStorage.setItem("theme", "light");
    window.dispatchEvent(new Event("themechange"));
    expect(isDark()).toBe(false);
  });
});

describe("ThemeToggle", () => {
  it("saves the choice, marks it pressed and switches the page", async () => {
    const { container } = render(<ThemeToggle />);
    expect(screen.getByRole("group", { name: "Colour theme" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "System" })).toHaveAttribute("aria-pressed", "true");

    fireEvent.click(screen.getByRole("button", { name: "Dark" }));
    expect(localStorage.getItem("theme")).toBe("dark");
    expect(screen.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "System" })).toHaveAttribute("aria-pressed", "false");
    expect(isDark()).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Light" }));
    expect(isDark()).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "System" }));
    expect(localStorage.getItem("theme")).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("picks up a choice made in another tab", () => {
    render(<ThemeToggle />);
    act(() => {
      localStorage.setItem("theme", "light");
      window.dispatchEvent(new Event("storage"));
    });
    expect(screen.getByRole("button", { name: "Light" })).toHaveAttribute("aria-pressed", "true");
  });
});
