import { describe, expect, it } from "vitest";
import { editDistance, nameKey, nameKeyCandidates, namesMatch } from "./name-key";

type Spelling = [word: string, lang: string];

const SAME_NAME: Record<string, Spelling[]> = {
  Kamenev: [["Каменев", "ru"], ["Kamenev", "en"], ["Kámenev", "es"], ["Kamenef", "fr"], ["Kamenev", "it"]],
  Zinoviev: [["Зиновьев", "ru"], ["Zinoviev", "en"], ["Zinóviev", "es"], ["Zinovief", "fr"], ["Zinoviev", "it"]],
  Trotsky: [["Троцкий", "ru"], ["Trotsky", "en"], ["Trotski", "fr"], ["Trotzki", "es"], ["Trockij", "it"]],
  Vyshinsky: [["Вышинский", "ru"], ["Vyshinsky", "en"], ["Vychinski", "fr"], ["Vishinski", "es"], ["Višinskij", "it"]],
  Stalin: [["Сталин", "ru"], ["Stalin", "en"], ["Staline", "fr"], ["Stalin", "es"], ["Stalin", "it"]],
  Lenin: [["Ленин", "ru"], ["Lenin", "en"], ["Lénine", "fr"], ["Lenin", "es"], ["Lenin", "it"]],
  Bukharin: [["Бухарин", "ru"], ["Bukharin", "en"], ["Boukharine", "fr"], ["Bujarin", "es"], ["Bucharin", "it"]],
  Tsintsadze: [["Цинцадзе", "ru"], ["Tsintsadze", "en"], ["Tsintsadzé", "fr"], ["Tsintsadze", "es"]],
  "Alma Ata": [["Алма-Ата", "ru"], ["Alma Ata", "en"], ["Alma-Ata", "fr"], ["Alma Ata", "es"]],
  Kirov: [["Киров", "ru"], ["Kirov", "en"], ["Kirov", "fr"]],
  Smirnov: [["Смирнов", "ru"], ["Smirnov", "en"], ["Smirnoff", "fr"]],
  Bakaev: [["Бакаев", "ru"], ["Bakaev", "en"], ["Bakayev", "en"], ["Bakáiev", "es"]],
  Voroshilov: [["Ворошилов", "ru"], ["Voroshilov", "en"], ["Vorochilov", "fr"], ["Voroscilov", "it"]],
  Sedov: [["Седов", "ru"], ["Sedov", "en"], ["Sédov", "fr"]],
  Nikolaev: [["Николаев", "ru"], ["Nikolaev", "en"], ["Nikolayev", "en"], ["Nikolaïev", "fr"]],
};

describe("nameKey", () => {
  it("gives every spelling of the brief's names the same key or a near one", () => {
    for (const [name, spellings] of Object.entries(SAME_NAME)) {
      const [first, ...rest] = spellings;
      for (const other of rest) {
        expect(namesMatch(first[0], other[0], first[1], other[1]), `${name}: ${first[0]} ~ ${other[0]}`).toBe(true);
      }
    }
  });

  it("produces identical keys for the conventional spellings", () => {
    expect(nameKey("Каменев")).toBe("kamenev");
    expect(nameKey("Kamenef", "fr")).toBe("kamenev");
    expect(nameKey("Зиновьев")).toBe("sinovev");
    expect(nameKey("Zinóviev", "es")).toBe("sinovev");
    expect(nameKey("Троцкий")).toBe("trotski");
    expect(nameKey("Trockij", "it")).toBe("trotski");
    expect(nameKey("Trotzki", "es")).toBe("trotski");
    expect(nameKey("Vychinski", "fr")).toBe("vishinski");
    expect(nameKey("Višinskij", "it")).toBe("vishinski");
    expect(nameKey("Boukharine", "fr")).toBe("bukharin");
    expect(nameKey("Bujarin", "es")).toBe("bukharin");
    expect(nameKey("Цинцадзе")).toBe(nameKey("Tsintsadze", "en"));
    expect(nameKey("Алма-Ата")).toBe(nameKey("Alma Ata", "en"));
  });

  it("treats Cyrillic words as Russian whatever language is passed", () => {
    expect(nameKey("Каменеву", "fr")).toBe("kamenev");
  });

  it("is empty for words without letters", () => {
    expect(nameKey("1936")).toBe("");
    expect(nameKey("—")).toBe("");
  });

  it("folds pre-1918 Russian letters", () => {
    expect(nameKey("Троцкаго")).toBe("trotski");
    expect(nameKey("Ѳедоровъ")).toBe(nameKey("Федоров"));
  });
});

describe("namesMatch", () => {
  it("matches Russian case forms with the nominative in another script", () => {
    const pairs: [string, string][] = [
      ["Каменеву", "Kamenev"],
      ["Каменевым", "Kamenev"],
      ["Зиновьева", "Zinoviev"],
      ["Троцкого", "Trotsky"],
      ["Вышинским", "Vyshinsky"],
      ["Ленина", "Lenin"],
      ["Сталиным", "Stalin"],
      ["Кирове", "Kirov"],
      ["Бухарину", "Bukharin"],
      ["Алма-Ате", "Alma-Ata"],
      ["Алма-Аты", "Alma Ata"],
    ];
    for (const [ru, en] of pairs) expect(namesMatch(ru, en, "ru", "en"), `${ru} ~ ${en}`).toBe(true);
  });

  it("matches case forms of Russian place names that are not surnames", () => {
    expect(namesMatch("Ленинграде", "Leningrad", "ru", "en")).toBe(true);
    expect(namesMatch("Тифлиса", "Tiflis", "ru", "fr")).toBe(true);
    expect(namesMatch("Тифлиса", "Minsk", "ru", "en")).toBe(false);
  });

  it("matches group words derived from a name across languages", () => {
    expect(namesMatch("Зиновьевцы", "zinovievistes", "ru", "fr")).toBe(true);
    expect(namesMatch("зиновьевцев", "Zinovievists", "ru", "en")).toBe(true);
    expect(namesMatch("zinovievistas", "zinovievisti", "es", "it")).toBe(true);
    expect(namesMatch("троцкисты", "trotskistes", "ru", "fr")).toBe(true);
  });

  it("reads scholarly transliteration (c for ц, č for ч, ch for х)", () => {
    expect(namesMatch("Cincadze", "Цинцадзе", "it", "ru")).toBe(true);
    expect(namesMatch("Il'ič", "Ильич", "it", "ru")).toBe(true);
    expect(namesMatch("trockisti", "троцкисты", "it", "ru")).toBe(true);
    expect(namesMatch("Bucharin", "Бухарин", "it", "ru")).toBe(true);
    expect(namesMatch("Cincadze", "Chicherin", "it", "en")).toBe(false);
  });

  it("works without language hints for near spellings", () => {
    expect(namesMatch("Vychinski", "Vyshinsky")).toBe(true);
    expect(namesMatch("Boukharine", "Bukharin")).toBe(true);
  });

  it("keeps different names apart", () => {
    const different: [string, string][] = [
      ["Stalin", "Lenin"],
      ["Сталин", "Lenin"],
      ["Kirov", "Kamenev"],
      ["Киров", "Kamenev"],
      ["Zinoviev", "Kamenev"],
      ["Smirnov", "Sedov"],
      ["Bakaev", "Nikolaev"],
      ["Trotsky", "Tsintsadze"],
      ["Vyshinsky", "Voroshilov"],
      ["Bukharin", "Bakaev"],
      ["Sedov", "Kirov"],
    ];
    for (const [a, b] of different) expect(namesMatch(a, b), `${a} ≠ ${b}`).toBe(false);
  });

  it("requires exact keys for short words and allows only an added final letter up to six letters", () => {
    expect(namesMatch("Ata", "Ato")).toBe(false);
    expect(namesMatch("Rykov", "Rakov")).toBe(false);
    expect(namesMatch("Kirov", "Kirova")).toBe(true);
    expect(namesMatch("Lenin", "Lenine")).toBe(true);
  });

  it("allows one differing letter in longer names", () => {
    expect(namesMatch("Bucharin", "Bukharin")).toBe(true);
    expect(namesMatch("Petrovsky", "Petrovich")).toBe(false);
  });

  it("never matches words without letters", () => {
    expect(namesMatch("1936", "1936")).toBe(false);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});

describe("exonyms", () => {
  it("gives every language's name of Moscow, and the Russian adjective, the key of Москва", () => {
    for (const [word, lang] of [["Moscow", "en"], ["Moscou", "fr"], ["Moscú", "es"], ["Mosca", "it"], ["Москвы", "ru"], ["московские", "ru"]]) {
      expect(namesMatch(word, "Москва", lang, "ru"), word).toBe(true);
    }
  });

  it("keeps exonyms of different places apart", () => {
    expect(namesMatch("Moscou", "Asie", "fr", "fr")).toBe(false);
    expect(namesMatch("Europe", "Asia", "en", "en")).toBe(false);
  });
});

describe("nameKeyCandidates", () => {
  it("answers a repeated word with the same keys", () => {
    expect(nameKeyCandidates("Зиновьева", "ru")).toEqual(nameKeyCandidates("Зиновьева", "ru"));
    expect(nameKeyCandidates("Зиновьева", "ru")).toContain("sinovev");
  });
});
