import { describe, expect, it } from "vitest";
import { compareRowAnchors, extractAnchors, impliedKeys, parseNumber, type Anchor } from "./anchors";

const keys = (anchors: Anchor[], kind?: Anchor["kind"]) => anchors.filter((a) => !kind || a.kind === kind).map((a) => a.key);

/** One passage of the demo text, written for the test in the five languages. */
const PASSAGE: Record<string, string> = {
  ru: "В августе 1936 года Зиновьев, Каменев и другие были расстреляны по требованию Вышинского. Троцкий узнал, что 26 мая 1928 г. Цинцадзе умер в Алма-Ате (по словам Л. Д. Троцкого). Сталин повторял: «Ленин умер». После убийства Кирова арестовали 5 000 человек.",
  en: "In August 1936 Zinoviev, Kamenev and others were shot at Vyshinsky's demand. Trotsky learned that on May 26, 1928 Tsintsadze had died in Alma Ata (according to L. D. Trotsky). Stalin kept saying: “Lenin is dead.” After the murder of Kirov 5,000 people were arrested.",
  fr: "En août 1936, Zinoviev, Kamenev et d’autres furent fusillés sur la demande de Vychinski. Trotski apprit que le 26 mai 1928 Tsintsadzé était mort à Alma-Ata (selon L. D. Trotski). Staline répétait : « Lénine est mort. » Après l’assassinat de Kirov, 5.000 personnes furent arrêtées.",
  es: "En agosto de 1936 Zinóviev, Kámenev y otros fueron fusilados a petición de Vishinski. Trotski supo que el 26 de mayo de 1928 Tsintsadze había muerto en Alma Ata (según L. D. Trotski). Stalin repetía: «Lenin ha muerto». Tras el asesinato de Kirov fueron detenidas 5.000 personas.",
  it: "Nell’agosto 1936 Zinoviev, Kamenev e altri furono fucilati su richiesta di Višinskij. Trotskij seppe che il 26 maggio 1928 Tsintsadze era morto ad Alma Ata (secondo L. D. Trotskij). Stalin ripeteva: «Lenin è morto». Dopo l’assassinio di Kirov furono arrestate 5 000 persone.",
};

describe("parseNumber", () => {
  it("reads thousands groups written with comma, dot, space or thin space", () => {
    for (const text of ["5,000", "5.000", "5 000", "5\u00a0000", "5\u202f000"]) expect(parseNumber(text)?.value, text).toBe("5000");
    expect(parseNumber("1,000,000")?.value).toBe("1000000");
  });

  it("reads decimal commas and points", () => {
    expect(parseNumber("3,14")?.value).toBe("3.14");
    expect(parseNumber("3.14")?.value).toBe("3.14");
    expect(parseNumber("1.234,56")?.value).toBe("1234.56");
    expect(parseNumber("1,234.5")?.value).toBe("1234.5");
  });

  it("keeps ordinal suffixes out of the value and marks plain integers", () => {
    expect(parseNumber("26th")).toEqual({ value: "26", plain: true });
    expect(parseNumber("1er")).toEqual({ value: "1", plain: true });
    expect(parseNumber("007")).toEqual({ value: "7", plain: true });
    expect(parseNumber("Kirov")).toBeNull();
  });
});

describe("extractAnchors: numbers and years", () => {
  it("normalises grouped numbers in every language", () => {
    expect(keys(extractAnchors("5,000 people", "en"))).toEqual(["number:5000"]);
    expect(keys(extractAnchors("5 000 человек", "ru"))).toEqual(["number:5000"]);
    expect(keys(extractAnchors("5.000 personas", "es"))).toEqual(["number:5000"]);
    expect(keys(extractAnchors("5\u202f000 personnes", "fr"))).toEqual(["number:5000"]);
    expect(keys(extractAnchors("5\u00a0000 persone", "it"))).toEqual(["number:5000"]);
  });

  it("treats four-digit numbers from 1000 to 2099 as years", () => {
    expect(keys(extractAnchors("in 1848, 1936 and 2099, not 2100 or 999", "en"))).toEqual(["date:1848", "date:1936", "date:2099", "number:2100", "number:999"]);
  });

  it("does not join a year with the following number", () => {
    expect(keys(extractAnchors("В 1936 200 человек", "ru"))).toEqual(["date:1936", "number:200"]);
  });
});

describe("extractAnchors: dates and months", () => {
  it("reads full dates in the five languages", () => {
    expect(keys(extractAnchors("26 мая 1928 г.", "ru"), "date")).toEqual(["date:1928-05-26"]);
    expect(keys(extractAnchors("26-го мая 1928 года", "ru"), "date")).toEqual(["date:1928-05-26"]);
    expect(keys(extractAnchors("on May 26, 1928", "en"), "date")).toEqual(["date:1928-05-26"]);
    expect(keys(extractAnchors("on the 26th of May 1928", "en"), "date")).toEqual(["date:1928-05-26"]);
    expect(keys(extractAnchors("le 1er décembre 1934", "fr"), "date")).toEqual(["date:1934-12-01"]);
    expect(keys(extractAnchors("el 1 de diciembre de 1934", "es"), "date")).toEqual(["date:1934-12-01"]);
    expect(keys(extractAnchors("il 1° dicembre 1934", "it"), "date")).toEqual(["date:1934-12-01"]);
  });

  it("reads month and year, and day and month without year", () => {
    expect(keys(extractAnchors("в августе 1936 года", "ru"))).toEqual(["date:1936-08"]);
    expect(keys(extractAnchors("En agosto de 1936", "es"))).toEqual(["date:1936-08"]);
    expect(keys(extractAnchors("le 26 mai", "fr"))).toEqual(["date:--05-26"]);
  });

  it("reads a bare month as month:n", () => {
    expect(keys(extractAnchors("В январе они уехали", "ru"))).toEqual(["month:1"]);
    expect(keys(extractAnchors("In August they left", "en"))).toEqual(["month:8"]);
    expect(keys(extractAnchors("a luglio partirono", "it"))).toEqual(["month:7"]);
  });

  it("ignores English may/March unless a day or year is next to them", () => {
    expect(extractAnchors("It may rain. May I come?", "en")).toEqual([]);
    expect(keys(extractAnchors("in March 1917", "en"))).toEqual(["date:1917-03"]);
  });

  it("does not read a date across a sentence boundary", () => {
    expect(keys(extractAnchors("Он вернулся 26. Мая не было", "ru"))).toEqual(["number:26", "month:5"]);
  });
});

describe("extractAnchors: names", () => {
  it("finds the demo names in all five languages with matching keys", () => {
    const expected = ["sinovev", "kamenev", "vishinski", "trotski", "tsintsadse", "alma", "kirov"];
    for (const [lang, text] of Object.entries(PASSAGE)) {
      const names = keys(extractAnchors(text, lang), "name").map((key) => key.slice("name:".length));
      for (const name of expected) expect(names, `${lang}: ${name}`).toContain(name);
    }
  });

  it("keys Russian case forms as the nominative", () => {
    const names = keys(extractAnchors(PASSAGE.ru, "ru"), "name");
    expect(names).toContain("name:vishinski");
    expect(names).toContain("name:kirov");
  });

  it("drops the English possessive", () => {
    const [name] = extractAnchors("at Vyshinsky's demand", "en");
    expect(name).toMatchObject({ key: "name:vishinski", text: "Vyshinsky" });
  });

  it("skips sentence-initial words unless the name occurs inside a sentence too", () => {
    expect(keys(extractAnchors("The trial began. Stalin spoke to Stalin's friends.", "en"), "name")).toEqual(["name:stalin", "name:stalin"]);
    expect(keys(extractAnchors("The trial began. Stalin spoke.", "en"), "name")).toEqual([]);
    expect(keys(extractAnchors("Stalin spoke.", "en", { knownNameKeys: ["stalin"] }), "name")).toEqual(["name:stalin"]);
  });

  it("does not end a sentence at initials or abbreviations", () => {
    expect(keys(extractAnchors("Писал Л. Д. Троцкий и т. Сталин", "ru"), "name")).toEqual(["name:trotski", "name:stalin"]);
  });

  it("ignores roman numerals, single letters, months and English capitalised common nouns", () => {
    expect(keys(extractAnchors("in Chapter XII the Opposition and the Soviet Party met in May 1936 at A", "en"), "name")).toEqual([]);
  });

  it("reports offsets that point at the anchor text", () => {
    for (const [lang, text] of Object.entries(PASSAGE)) {
      for (const anchor of extractAnchors(text, lang)) expect(text.slice(anchor.start, anchor.end)).toBe(anchor.text);
    }
  });
});

describe("extractAnchors: quotations and parentheses", () => {
  it("counts top-level quotations of every style", () => {
    expect(keys(extractAnchors("«Он сказал: „нет, никогда“ и ушёл» и потом «мы ещё вернёмся сюда, товарищи»", "ru"), "quote")).toEqual(["quote:1", "quote:2"]);
    expect(keys(extractAnchors("“one two three four five.” Then \"six seven eight nine ten.\" Then ‘a b c d e’", "en"), "quote")).toEqual(["quote:1", "quote:2", "quote:3"]);
    expect(keys(extractAnchors("« Trotski est un ennemi du peuple », a-t-il dit", "fr"), "quote")).toEqual(["quote:1"]);
  });

  it("leaves out quotations of fewer than five words (titles, terms)", () => {
    expect(keys(extractAnchors("«Моя жизнь» и «идеи», the “intelligent politician”", "ru"), "quote")).toEqual([]);
  });

  it("counts a quotation interrupted by a short attribution once", () => {
    const text = "“As soon as you appear on the platform,” Kamenev said to me, “the party will declare it.” Later: “we shall see what comes of it.”";
    expect(extractAnchors(text, "en").filter((a) => a.kind === "quote").map((a) => a.text)).toEqual([
      "“As soon as you appear on the platform,” Kamenev said to me, “the party will declare it.”",
      "“we shall see what comes of it.”",
    ]);
  });

  it("does not mistake apostrophes for quotation marks", () => {
    expect(keys(extractAnchors("l’homme de Zinov’ev, Vyshinsky’s", "fr"), "quote")).toEqual([]);
  });

  it("runs an unclosed quotation to the end of the text", () => {
    const [quote] = extractAnchors("Il disait : « Trotski est coupable de tout cela", "fr").filter((a) => a.kind === "quote");
    expect(quote.text).toBe("« Trotski est coupable de tout cela");
  });

  it("counts top-level parentheses and brackets", () => {
    const anchors = extractAnchors("Kirov (killed (1934)) and [sic] Kamenev", "en").filter((a) => a.kind === "paren");
    expect(anchors.map((a) => [a.key, a.text])).toEqual([["paren:1", "(killed (1934))"], ["paren:2", "[sic]"]]);
  });
});

describe("impliedKeys", () => {
  it("lets a full date attest its month, year and day", () => {
    expect(impliedKeys({ key: "date:1928-05-26" }).sort()).toEqual(
      ["date:1928-05-26", "date:1928-05", "date:1928", "number:1928", "month:5", "date:--05-26"].sort(),
    );
  });

  it("makes a year and the same number attest each other", () => {
    expect(impliedKeys({ key: "date:1936" })).toEqual(["date:1936", "number:1936"]);
    expect(impliedKeys({ key: "number:1500" })).toEqual(["number:1500", "date:1500"]);
    expect(impliedKeys({ key: "number:5000" })).toEqual(["number:5000"]);
  });

  it("lets the n-th quotation attest the earlier ones", () => {
    expect(impliedKeys({ key: "quote:3" })).toEqual(["quote:1", "quote:2", "quote:3"]);
  });
});

describe("compareRowAnchors", () => {
  const cells = (texts: Record<string, string>) => Object.entries(texts).map(([lang, text]) => ({ editionId: `ed-${lang}`, lang, text }));

  it("finds no difference between faithful versions of the passage", () => {
    expect(compareRowAnchors(cells(PASSAGE))).toEqual([]);
  });

  it("reports a name left out of one edition", () => {
    const texts = { ...PASSAGE, en: PASSAGE.en.replace("Zinoviev, Kamenev and", "Zinoviev and") };
    expect(compareRowAnchors(cells(texts))).toEqual([
      { key: "name:kamenev", kind: "name", text: "Каменев", presentIn: ["ed-ru", "ed-fr", "ed-es", "ed-it"], missingIn: ["ed-en"] },
    ]);
  });

  it("reports a date reduced to its year, once", () => {
    const texts = { ...PASSAGE, es: PASSAGE.es.replace("En agosto de 1936", "En 1936") };
    expect(compareRowAnchors(cells(texts))).toEqual([
      { key: "date:1936-08", kind: "date", text: "августе 1936", presentIn: ["ed-ru", "ed-en", "ed-fr", "ed-it"], missingIn: ["ed-es"] },
    ]);
  });

  it("reports a changed number and a missing quotation and parenthesis", () => {
    const texts = { ru: "Арестовали 5 000 человек (по словам Кирова): «нет, это ещё не всё».", fr: "On arrêta 6.000 personnes, selon Kirov." };
    const found = compareRowAnchors(cells(texts)).map((d) => [d.key, d.presentIn, d.missingIn]);
    expect(found).toEqual([
      ["number:5000", ["ed-ru"], ["ed-fr"]],
      ["paren:1", ["ed-ru"], ["ed-fr"]],
      ["quote:1", ["ed-ru"], ["ed-fr"]],
      ["number:6000", ["ed-fr"], ["ed-ru"]],
    ]);
  });

  it("does not report capitalised words that only one edition has (translated titles and institutions)", () => {
    const texts = { ru: "Мы строим Четвёртый Интернационал вместе с Седовым.", en: "We are building the Fourth International with Sedov." };
    expect(compareRowAnchors(cells(texts))).toEqual([]);
  });

  it("ignores empty cells", () => {
    const texts = { ru: "Киров убит 1 декабря 1934 г.", en: "  ", fr: "Kirov fut tué le 1er décembre 1934." };
    expect(compareRowAnchors(cells(texts))).toEqual([]);
  });

  it("counts a name as present when a cell uses a derived or inflected word", () => {
    const texts = { ru: "Зиновьевцы и троцкисты были арестованы.", fr: "Les zinoviévistes et les trotskistes de Zinoviev furent arrêtés." };
    expect(compareRowAnchors(cells(texts))).toEqual([]);
  });

  it("accepts a sentence-initial name that other editions confirm", () => {
    const texts = { ru: "Сталин молчал.", en: "Stalin was silent.", fr: "Staline se taisait. Le procès commença." };
    expect(compareRowAnchors(cells(texts))).toEqual([]);
    const omitted = { ...texts, en: "He was silent." };
    expect(compareRowAnchors(cells(omitted))).toEqual([
      { key: "name:stalin", kind: "name", text: "Сталин", presentIn: ["ed-ru", "ed-fr"], missingIn: ["ed-en"] },
    ]);
  });
});

describe("compareRowAnchors: quotations across compact languages", () => {
  const cells = (texts: Record<string, string>) => Object.entries(texts).map(([lang, text]) => ({ editionId: `ed-${lang}`, lang, text }));

  it("does not report a five-word quotation that another language says in three or four words", () => {
    const texts = {
      en: "It was motivated only by “the naked thirst for power.” Of course, I had this “thirst” more than others.",
      it: "Era mosso unicamente dalla «nuda sete di potere». Naturalmente, questa «sete» io l'avevo più degli altri.",
      ru: "Им двигала лишь «голая жажда власти». Этой «жаждой» я, разумеется, обладал в большей мере, чем другие.",
    };
    expect(compareRowAnchors(cells(texts))).toEqual([]);
  });

  it("still reports a long quotation that a cell leaves out altogether", () => {
    const texts = {
      en: "Kamenev said to me: “The bloc can be realized only if you intend to struggle for power.”",
      ru: "Каменев сказал мне, что блок возможен лишь при борьбе за власть.",
    };
    expect(compareRowAnchors(cells(texts)).map((d) => [d.key, d.missingIn])).toEqual([["quote:1", ["ed-ru"]]]);
  });
});

describe("note references", () => {
  it("are neither numbers nor parentheses, and offsets still point into the original text", () => {
    const text = "the words of Kote Tsintsadze,[^6] who died in 1931";
    const anchors = extractAnchors(text, "en");
    expect(keys(anchors)).toEqual(["name:kote", "name:tsintsadse", "date:1931"]);
    for (const anchor of anchors) expect(text.slice(anchor.start, anchor.end)).toBe(anchor.text);
  });
});

describe("compareRowAnchors: names that each language forms its own way", () => {
  const cells = (texts: Record<string, string>) => Object.entries(texts).map(([lang, text]) => ({ editionId: `ed-${lang}`, lang, text }));

  it("matches Moscow in five languages, the Russian adjective included", () => {
    const texts = {
      en: "the “idea” ascribed to me by the Moscow falsifiers and by Kamenev",
      fr: "l’« idée » que m’attribuent les faussaires de Moscou et Kamenev",
      es: "la «idea» que me atribuyen los falsificadores de Moscú y Kámenev",
      it: "l'«idea» che mi attribuiscono i falsificatori di Mosca e Kamenev",
      ru: "«идеи», которую приписывают мне московские фальсификаторы и Каменев",
    };
    expect(compareRowAnchors(cells(texts))).toEqual([]);
  });

  it("matches Asia and Asie, and does not take a book title's History for a name", () => {
    expect(compareRowAnchors(cells({ en: "I wrote from Alma Ata (Central Asia).", fr: "J’écrivis d’Alma-Ata (Asie centrale).", ru: "Я писал из Алма-Аты (Средняя Азия)." }))).toEqual([]);
    const titles = {
      en: "Readers of my History of the Russian Revolution and of Lenin",
      es: "Los lectores de mi Historia de la Revolución rusa y de Lenin",
      fr: "Les lecteurs de mon Histoire de la révolution russe et de Lénine",
    };
    expect(compareRowAnchors(cells(titles))).toEqual([]);
  });
});

describe("compareRowAnchors: editions in one language", () => {
  const cells = (texts: [string, string, string][]) => texts.map(([editionId, lang, text]) => ({ editionId, lang, text }));

  it("does not take the title case of two English editions for a name the Russian lacks", () => {
    const texts = cells([["ru", "ru", "Жажда власти"], ["en", "en", "Thirst for Power"], ["en-pub", "en", "Thirst for Power"]]);
    expect(compareRowAnchors(texts)).toEqual([]);
  });

  it("still reports a name that the other editions of a one-language row carry", () => {
    const texts = cells([
      ["en", "en", "He wrote to Kamenev and to Zinoviev."],
      ["en-1937", "en", "He wrote to Kamenev and Zinoviev."],
      ["en-pub", "en", "He wrote to Zinoviev."],
    ]);
    expect(compareRowAnchors(texts).map((d) => [d.key, d.missingIn])).toEqual([["name:kamenev", ["en-pub"]]]);
  });
});

describe("a year range written short", () => {
  it("attests its closing year, so 1923-26 and 1923–1926 carry the same dates", () => {
    const keys = (text: string, lang: string) => extractAnchors(text, lang).map((anchor) => anchor.key).filter((key) => !key.startsWith("paren:"));
    expect(keys("(1923-26)", "en")).toEqual(["date:1923", "date:1926"]);
    expect(keys("(1923–1926)", "ru")).toEqual(["date:1923", "date:1926"]);
    expect(keys("pages 1923-12", "en")).toEqual(["date:1923", "number:12"]);
  });
});
