import { isLocalImagePath } from "@/lib/stories/local-image";

describe("isLocalImagePath", () => {
  it.each(["/images/demo/harbour.jpg", "/images/authors/mara-quist.png"])("accepts %s", (src) => {
    expect(isLocalImagePath(src)).toBe(true);
  });

  it.each([
    "/images/../.env",
    "/images/demo/../../secret.jpg",
    "images/demo/x.jpg",
    "/public/images/x.jpg",
    "https://example.org/images/x.jpg",
    "//evil.example/images/x.jpg",
    "/images/x.jpg?w=1",
    "",
    null,
    42,
  ])("refuses %p", (src) => {
    expect(isLocalImagePath(src)).toBe(false);
  });
});
