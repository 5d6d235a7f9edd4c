import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { splitSentences } from "./sentences";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const withoutSpace = (text: string) => text.replace(/\s+/gu, "");

describe("splitSentences: English", () => {
  it("keeps initials such as “G.E. Zinoviev” inside the sentence", () => {
    expect(splitSentences("The defendants G.E. Zinoviev and L.B. Kamenev were shot. The trial was over.", "en")).toEqual([
      "The defendants G.E. Zinoviev and L.B. Kamenev were shot.",
      "The trial was over.",
    ]);
  });

  it("does not end a sentence after titles such as Mr. and Dr.", () => {
    expect(splitSentences("Mr. Davenport wrote to Dr. Jones. He answered at once.", "en")).toEqual([
      "Mr. Davenport wrote to Dr. Jones.",
      "He answered at once.",
    ]);
  });

  it("ends a sentence after the word “no”, which is not only an abbreviation", () => {
    expect(splitSentences("I said no. Then he left.", "en")).toEqual(["I said no.", "Then he left."]);
    expect(splitSentences("No. That is wrong.", "en")).toEqual(["No.", "That is wrong."]);
  });

  it("keeps a reference abbreviation followed by a number inside the sentence", () => {
    expect(splitSentences("See No. 5 and vol. 2 of the report. Then stop.", "en")).toEqual([
      "See No. 5 and vol. 2 of the report.",
      "Then stop.",
    ]);
  });

  it("splits the demo's paragraph with a quoted speech and a closing parenthesis into its sentences", () => {
    const paragraph =
      "At the end of the session, which had unfolded in restrained terms, in a really profoundly “pathetic” tone Zinoviev " +
      "said to me, “Vladimir Ilich (Lenin) warned us in his testament that relations between Trotsky and Stalin might split " +
      "the party. Think of the responsibility you bear! Is our platform correct or not? Now it is more correct than it ever " +
      "was!” (After but a few days they were to publicly disavow the platform).";
    expect(splitSentences(paragraph, "en")).toEqual([
      "At the end of the session, which had unfolded in restrained terms, in a really profoundly “pathetic” tone Zinoviev " +
        "said to me, “Vladimir Ilich (Lenin) warned us in his testament that relations between Trotsky and Stalin might split the party.",
      "Think of the responsibility you bear!",
      "Is our platform correct or not?",
      "Now it is more correct than it ever was!”",
      "(After but a few days they were to publicly disavow the platform).",
    ]);
  });

  it("keeps a closing quotation mark after a full stop with its sentence", () => {
    expect(splitSentences("It was motivated only by “the naked thirst for power.” Of course, I had this “thirst.”", "en")).toEqual([
      "It was motivated only by “the naked thirst for power.”",
      "Of course, I had this “thirst.”",
    ]);
  });

  it("keeps a note reference with the sentence it follows", () => {
    expect(splitSentences("He quoted Kote Tsintsadze,[^6] who died in exile. I can wait.", "en")).toEqual([
      "He quoted Kote Tsintsadze,[^6] who died in exile.",
      "I can wait.",
    ]);
  });

  it("reads region subtags and upper-case codes as their language", () => {
    for (const lang of ["en-GB", "EN", "en-US"]) {
      expect(splitSentences("Mr. Smith came. Then he left.", lang)).toEqual(["Mr. Smith came.", "Then he left."]);
    }
  });
});

describe("splitSentences: French", () => {
  it("does not end a sentence after the titles M. and Mme", () => {
    expect(splitSentences("M. Blum et Mme Dupont sont venus. Ils sont repartis.", "fr")).toEqual([
      "M. Blum et Mme Dupont sont venus.",
      "Ils sont repartis.",
    ]);
  });

  it("keeps a closing guillemet after a non-breaking space with the sentence it closes", () => {
    const text = `Kote Tsintsadzé, mort en exil${NBSP}: «${NBSP}Malheureux ceux qui ne savent pas attendre${NBSP}!${NBSP}» Je sais attendre.`;
    expect(splitSentences(text, "fr")).toEqual([
      `Kote Tsintsadzé, mort en exil${NBSP}: «${NBSP}Malheureux ceux qui ne savent pas attendre${NBSP}!${NBSP}»`,
      "Je sais attendre.",
    ]);
  });

  it("keeps a closing guillemet after a narrow no-break space with its sentence", () => {
    const text = `Il cria${NNBSP}: «${NNBSP}Vive la révolution${NNBSP}!${NNBSP}» Puis il sortit.`;
    expect(splitSentences(text, "fr")).toEqual([
      `Il cria${NNBSP}: «${NNBSP}Vive la révolution${NNBSP}!${NNBSP}»`,
      "Puis il sortit.",
    ]);
  });

  it("keeps a full stop written after the closing guillemet with that sentence instead of making it a sentence", () => {
    const text = `Il cria${NBSP}: «${NBSP}Vive la révolution${NBSP}!${NBSP}». Puis il sortit.`;
    expect(splitSentences(text, "fr")).toEqual([`Il cria${NBSP}: «${NBSP}Vive la révolution${NBSP}!${NBSP}».`, "Puis il sortit."]);
  });

  it("splits the demo's quoted exclamations and questions with non-breaking spaces, each keeping its own punctuation", () => {
    const text =
      `«${NBSP}Pensez à la responsabilité qui pèse sur vous${NBSP}! Notre plate-forme est-elle juste ou non${NBSP}? ` +
      `Maintenant, elle est plus juste que jamais${NBSP}!${NBSP}» (Quelques jours plus tard à peine, ils devaient désavouer publiquement cette plate-forme.)`;
    expect(splitSentences(text, "fr")).toEqual([
      `«${NBSP}Pensez à la responsabilité qui pèse sur vous${NBSP}!`,
      `Notre plate-forme est-elle juste ou non${NBSP}?`,
      `Maintenant, elle est plus juste que jamais${NBSP}!${NBSP}»`,
      "(Quelques jours plus tard à peine, ils devaient désavouer publiquement cette plate-forme.)",
    ]);
  });

  it("ends a sentence after the noun “vol”", () => {
    expect(splitSentences("Ce n’était pas un vol. Ensuite il partit.", "fr")).toEqual(["Ce n’était pas un vol.", "Ensuite il partit."]);
  });

  it("does not end a sentence after “t.” (tome) before a Roman numeral", () => {
    expect(splitSentences("Voir le t. II de ses Œuvres. Ensuite, le reste.", "fr")).toEqual([
      "Voir le t. II de ses Œuvres.",
      "Ensuite, le reste.",
    ]);
  });
});

describe("splitSentences: Spanish", () => {
  it("does not end a sentence after Sr. and Sra.", () => {
    expect(splitSentences("El Sr. García y la Sra. López llegaron. Nadie los esperaba.", "es")).toEqual([
      "El Sr. García y la Sra. López llegaron.",
      "Nadie los esperaba.",
    ]);
  });

  it("recognises a title right after a dialogue dash or an opening ¡", () => {
    expect(splitSentences("—Sr. García, venga aquí. Ahora mismo.", "es")).toEqual(["—Sr. García, venga aquí.", "Ahora mismo."]);
    expect(splitSentences("¡Sr. García, venga! Ahora mismo.", "es")).toEqual(["¡Sr. García, venga!", "Ahora mismo."]);
  });

  it("splits the demo's quotation that ends in ‘!».’ before the parenthesis that follows", () => {
    const text =
      "¡Piensa en la responsabilidad que pesa sobre ti! ¿Es justa o no nuestra plataforma? ¡Ahora es más justa que nunca!». " +
      "(Apenas unos días después habían de renegar públicamente de la plataforma).";
    expect(splitSentences(text, "es")).toEqual([
      "¡Piensa en la responsabilidad que pesa sobre ti!",
      "¿Es justa o no nuestra plataforma?",
      "¡Ahora es más justa que nunca!».",
      "(Apenas unos días después habían de renegar públicamente de la plataforma).",
    ]);
  });

  it("keeps a quotation interrupted by a dash aside as one sentence", () => {
    const text =
      "«Si no es posible arrebatar el poder al grupo dirigente —decía Kámenev—, no queda más que una cosa por hacer: volver al tiro común». " +
      "Tras algunas vacilaciones, Zinóviev llegó a la misma conclusión.";
    expect(splitSentences(text, "es")).toEqual([
      "«Si no es posible arrebatar el poder al grupo dirigente —decía Kámenev—, no queda más que una cosa por hacer: volver al tiro común».",
      "Tras algunas vacilaciones, Zinóviev llegó a la misma conclusión.",
    ]);
  });
});

describe("splitSentences: Italian", () => {
  it("does not end a sentence after Sig., Sig.ra and Dott.", () => {
    expect(splitSentences("Il Sig. Rossi, la Sig.ra Bianchi e il Dott. Verdi sono arrivati. Poi sono ripartiti.", "it")).toEqual([
      "Il Sig. Rossi, la Sig.ra Bianchi e il Dott. Verdi sono arrivati.",
      "Poi sono ripartiti.",
    ]);
  });

  it("keeps apostrophes and the closing guillemet of the demo's quotations in place", () => {
    const text =
      "Era mosso unicamente dalla «nuda sete di potere». Naturalmente, questa «sete» io l'avevo più degli altri. " +
      "Pensa alla responsabilità che porti! Adesso è più giusta che mai!» (Di lì a pochi giorni essi avrebbero sconfessato pubblicamente la piattaforma).";
    expect(splitSentences(text, "it")).toEqual([
      "Era mosso unicamente dalla «nuda sete di potere».",
      "Naturalmente, questa «sete» io l'avevo più degli altri.",
      "Pensa alla responsabilità che porti!",
      "Adesso è più giusta che mai!»",
      "(Di lì a pochi giorni essi avrebbero sconfessato pubblicamente la piattaforma).",
    ]);
  });
});

describe("splitSentences: Russian", () => {
  it("keeps Cyrillic initials such as “Г.Е. Зиновьев” inside the sentence", () => {
    expect(splitSentences("Подсудимые Г.Е. Зиновьев и Л.Б. Каменев были расстреляны. Процесс окончился.", "ru")).toEqual([
      "Подсудимые Г.Е. Зиновьев и Л.Б. Каменев были расстреляны.",
      "Процесс окончился.",
    ]);
  });

  it("does not end a sentence after т., тов., т.е. or г. before a name", () => {
    expect(splitSentences("Об этом писал т. Сталин, т.е. Генеральный секретарь. Тов. Каменев молчал в г. Москве. Потом всё изменилось.", "ru")).toEqual([
      "Об этом писал т. Сталин, т.е. Генеральный секретарь.",
      "Тов. Каменев молчал в г. Москве.",
      "Потом всё изменилось.",
    ]);
  });

  it("ends a sentence after the pronoun “им”", () => {
    expect(splitSentences("Он позвонил им. Они не ответили.", "ru")).toEqual(["Он позвонил им.", "Они не ответили."]);
  });

  it("splits the demo's quotation with „…“ inner quotes and keeps each closing mark with its sentence", () => {
    const text =
      "«Как только вы появитесь на трибуне рука об руку с Зиновьевым, — говорил мне Каменев, — партия заявит: „Вот Центральный " +
      "комитет! Вот правительство!“ Вопрос лишь в том, готовы ли вы образовать правительство».";
    expect(splitSentences(text, "ru")).toEqual([
      "«Как только вы появитесь на трибуне рука об руку с Зиновьевым, — говорил мне Каменев, — партия заявит: „Вот Центральный комитет!",
      "Вот правительство!“",
      "Вопрос лишь в том, готовы ли вы образовать правительство».",
    ]);
  });
});

describe("splitSentences: unknown and empty language codes", () => {
  it.each(["xx", "und", "", "not a language"])("splits plain sentences with the generic rules for %j", (lang) => {
    expect(splitSentences("One sentence here. Another one there.", lang)).toEqual(["One sentence here.", "Another one there."]);
  });

  it("keeps initials inside the sentence whatever the language", () => {
    expect(splitSentences("The defendant G.E. Zinoviev spoke. Then silence.", "xx")).toEqual([
      "The defendant G.E. Zinoviev spoke.",
      "Then silence.",
    ]);
  });
});

describe("splitSentences: text is kept", () => {
  it("collapses line breaks and tabs to single spaces but keeps no-break spaces", () => {
    expect(splitSentences(`  Il dit\n\tà Kamenev${NBSP}:\r\n«${NBSP}Non${NBSP}!${NBSP}»  `, "fr")).toEqual([`Il dit à Kamenev${NBSP}: «${NBSP}Non${NBSP}!${NBSP}»`]);
  });

  it("returns no sentence for an empty or blank paragraph", () => {
    expect(splitSentences("", "en")).toEqual([]);
    expect(splitSentences(" \n\t ", "en")).toEqual([]);
  });

  it("returns a paragraph without final punctuation as one sentence", () => {
    expect(splitSentences("January 1937", "en")).toEqual(["January 1937"]);
  });

  const pieces = [
    "Zinoviev", "Kamenev", "Зиновьев", "Каменев", "l’Opposition", "дело", "la", "власти", "el", "poder", "potere", "and", "1937",
    "G.E.", "Г.Е.", "M.", "Mme", "Sr.", "Sig.ra", "Dott.", "т.", "т.е.", "г.", "no.", "etc.", "[^6]",
    ".", "!", "?", "…", ",", ":", ";", "—", "«", "»", "“", "”", "„", "“", "‘", "’", "(", ")", "¡", "¿", "\"",
    " ", " ", " ", "\n", NBSP, NNBSP,
  ];
  const paragraph = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(""));

  it.each(["en", "fr", "es", "it", "ru", "xx"])("loses, adds and reorders no character in %s (property)", (lang) => {
    fc.assert(
      fc.property(paragraph, (text) => {
        const sentences = splitSentences(text, lang);
        expect(withoutSpace(sentences.join(""))).toBe(withoutSpace(text));
        for (const sentence of sentences) {
          expect(sentence).toBe(sentence.trim());
          expect(sentence.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe("note references", () => {
  it("keeps a note reference after a full stop whole, with the sentence before it", () => {
    expect(splitSentences("This was the charge.[^1] Trotsky answered it.", "en")).toEqual(["This was the charge.[^1]", "Trotsky answered it."]);
  });

  it("keeps a note reference inside a sentence where it was", () => {
    expect(splitSentences("Kote Tsintsadze,[^6] who died in exile, wrote. Then he left.", "en")).toEqual([
      "Kote Tsintsadze,[^6] who died in exile, wrote.",
      "Then he left.",
    ]);
  });
});

describe("splitSentences in the scripts of the UDHR", () => {
  it.each([
    ["my", "Burmese ။ ends a sentence, ၊ does not", "လူသားများ ဖြစ်ကြ၏၊ လွတ်လပ်ကြသည်။ နောက်ထပ် ဝါကျ ဖြစ်သည်။", ["လူသားများ ဖြစ်ကြ၏၊ လွတ်လပ်ကြသည်။", "နောက်ထပ် ဝါကျ ဖြစ်သည်။"]],
    ["hi", "the Devanagari danda । and double danda ॥", "सभी मनुष्य स्वतंत्र हैं। उन्हें बुद्धि मिली है॥ तीसरा वाक्य।", ["सभी मनुष्य स्वतंत्र हैं।", "उन्हें बुद्धि मिली है॥", "तीसरा वाक्य।"]],
    ["ar", "the Arabic question mark ؟ (the comma ، is no end)", "هل هذا صحيح، يا صديقي؟ نعم هذا صحيح.", ["هل هذا صحيح، يا صديقي؟", "نعم هذا صحيح."]],
    ["ur", "the Urdu full stop ۔", "تمام انسان آزاد ہیں۔ ان کو ضمیر ملا ہے۔", ["تمام انسان آزاد ہیں۔", "ان کو ضمیر ملا ہے۔"]],
    ["am", "the Ethiopic full stop ። and question mark ፧ (not the comma ፣ nor the semicolon ፤)", "የሰው ልጅ ሁሉ፤ ነጻ፣ ነው። ይህ ጥያቄ ነው፧ ሶስተኛ።", ["የሰው ልጅ ሁሉ፤ ነጻ፣ ነው።", "ይህ ጥያቄ ነው፧", "ሶስተኛ።"]],
    ["hy", "the Armenian full stop ։ (not the comma-like ՝)", "Բոլոր մարդիկ ծնվում են ազատ։ Նրանք ունեն բանականություն՝ խիղճ։", ["Բոլոր մարդիկ ծնվում են ազատ։", "Նրանք ունեն բանականություն՝ խիղճ։"]],
    ["zh", "Chinese 。！？ (not ， nor 、)", "人人生而自由，在尊严、权利上一律平等。你好吗？是的！", ["人人生而自由，在尊严、权利上一律平等。", "你好吗？", "是的！"]],
    ["ja", "Japanese 。, and a quotation the sentence goes on from", "「自由である。」と言った。第二文です？", ["「自由である。」と言った。", "第二文です？"]],
    ["th", "Thai, whose spaces between phrases are not sentence ends", "มนุษย์ทั้งหลายเกิดมามีอิสระ และเสมอกัน ในเกียรติศักดิ์และสิทธิ ต่างมีเหตุผลและมโนธรรม", ["มนุษย์ทั้งหลายเกิดมามีอิสระ และเสมอกัน ในเกียรติศักดิ์และสิทธิ ต่างมีเหตุผลและมโนธรรม"]],
    ["km", "the Khmer khan ។ (spaces are no end)", "មនុស្សទាំងអស់ កើតមកមានសេរីភាព។ គេមានវិចារណញ្ញាណ។", ["មនុស្សទាំងអស់ កើតមកមានសេរីភាព។", "គេមានវិចារណញ្ញាណ។"]],
    ["bo", "the Tibetan nyis shad ༎ (the shad ། separates clauses)", "འགྲོ་བ་མི་ཡོད་ལ། ཁོང་ཚོར་ཡོད༎ སྐྱེ་བོ་རེ་རེར་ཡོད༎", ["འགྲོ་བ་མི་ཡོད་ལ། ཁོང་ཚོར་ཡོད༎", "སྐྱེ་བོ་རེ་རེར་ཡོད༎"]],
    ["ka", "Georgian, written in one case (its letters are lower-case)", "ყველა ადამიანი იბადება თავისუფალი. მეორე წინადადება.", ["ყველა ადამიანი იბადება თავისუფალი.", "მეორე წინადადება."]],
  ])("%s: %s", (lang, _what, paragraph, sentences) => {
    expect(splitSentences(paragraph, lang)).toEqual(sentences);
  });
});
