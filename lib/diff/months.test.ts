import { describe, expect, it } from "vitest";
import { isAmbiguousMonth, monthOf } from "./months";

describe("monthOf", () => {
  it("knows every Russian case form of every month", () => {
    const forms: [number, string[]][] = [
      [1, ["январь", "января", "январе", "январю", "январём", "январем"]],
      [2, ["февраль", "февраля", "феврале", "февралю", "февралём"]],
      [3, ["март", "марта", "марте", "марту", "мартом"]],
      [4, ["апрель", "апреля", "апреле", "апрелю", "апрелем"]],
      [5, ["май", "мая", "мае", "маю", "маем"]],
      [6, ["июнь", "июня", "июне", "июню", "июнем"]],
      [7, ["июль", "июля", "июле", "июлю", "июлем"]],
      [8, ["август", "августа", "августе", "августу", "августом"]],
      [9, ["сентябрь", "сентября", "сентябре", "сентябрю", "сентябрём"]],
      [10, ["октябрь", "октября", "октябре", "октябрю", "октябрём"]],
      [11, ["ноябрь", "ноября", "ноябре", "ноябрю", "ноябрём"]],
      [12, ["декабрь", "декабря", "декабре", "декабрю", "декабрём"]],
    ];
    for (const [month, words] of forms) for (const word of words) expect(monthOf(word, "ru"), word).toBe(month);
  });

  it("knows the months of the Latin-script languages with or without accents and capitals", () => {
    expect(monthOf("Août", "fr")).toBe(8);
    expect(monthOf("aout", "fr")).toBe(8);
    expect(monthOf("décembre", "fr")).toBe(12);
    expect(monthOf("setiembre", "es")).toBe(9);
    expect(monthOf("Mayo", "es")).toBe(5);
    expect(monthOf("maggio", "it")).toBe(5);
    expect(monthOf("Sept", "en")).toBe(9);
  });

  it("looks in the given language only", () => {
    expect(monthOf("mai", "en")).toBeNull();
    expect(monthOf("mai", "fr")).toBe(5);
    expect(monthOf("agosto", "")).toBe(8);
  });

  it("rejects other words", () => {
    expect(monthOf("Kamenev", "ru")).toBeNull();
    expect(monthOf("маяк", "ru")).toBeNull();
    expect(monthOf("martes", "es")).toBeNull();
  });

  it("flags months that double as ordinary words", () => {
    expect(isAmbiguousMonth("May", "en")).toBe(true);
    expect(isAmbiguousMonth("August", "en")).toBe(false);
    expect(isAmbiguousMonth("mayo", "es")).toBe(false);
  });
});
