import { deleteAccountSchema, displayNameSchema } from "@/lib/accounts/schemas/account";
import { signInEmailSchema } from "@/lib/accounts/schemas/auth";

describe("displayNameSchema", () => {
  it.each([
    ["  Ada   Lovelace ", "Ada Lovelace"],
    ["Zoë", "Zoë"],
    ["Cafe\u0301 Owner", "Café Owner"], // NFC: e + combining accent becomes é
    ["Bob\u202Eevil", "Bobevil"], // a right-to-left override would reverse what follows on screen
    ["Ann\u200Bie", "Annie"],
    ["李小龍", "李小龍"],
  ])("cleans %j to %j", (input, expected) => {
    expect(displayNameSchema.parse(input)).toBe(expected);
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["one letter", "A"],
    ["too long", "x".repeat(51)],
    ["only punctuation", "!!!"],
    ["control characters only", "\u0000\u0007"],
    ["the placeholder for deleted comments", "[deleted]"],
    ["not a string", 42],
  ])("refuses %s", (_label, input) => {
    expect(displayNameSchema.safeParse(input).success).toBe(false);
  });
});

describe("signInEmailSchema", () => {
  it("trims and lower-cases the address", () => {
    expect(signInEmailSchema.parse({ email: "  Reader@Example.COM " }).email).toBe("reader@example.com");
  });

  it.each(["", "reader", "reader@", "a@b@example.com", "<script>@x.example", `${"a".repeat(250)}@x.example`])(
    "refuses %j with a field message",
    (email) => {
      const result = signInEmailSchema.safeParse({ email });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["email"]);
    },
  );
});

describe("deleteAccountSchema", () => {
  it("accepts the confirmation word in any case", () => {
    expect(deleteAccountSchema.safeParse({ confirm: " DELETE " }).success).toBe(true);
  });

  it.each(["", "yes", "delet", "delete!"])("refuses %j", (confirm) => {
    expect(deleteAccountSchema.safeParse({ confirm }).success).toBe(false);
  });
});
