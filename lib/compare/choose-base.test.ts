import { describe, expect, it } from "vitest";
import { chooseBase } from "./choose-base";

const editions = [
  { id: "1", slug: "ru" },
  { id: "2", slug: "en" },
];

describe("chooseBase", () => {
  it("takes the edition asked for, else the pivot, else the first, else none", () => {
    expect(chooseBase("en", editions, "1")?.slug).toBe("en");
    expect(chooseBase("xx", editions, "2")?.slug).toBe("en");
    expect(chooseBase(null, editions, null)?.slug).toBe("ru");
    expect(chooseBase(null, [], "1")).toBeNull();
  });
});
