/**
 * Inflected forms of function words that the stopword lists (stopwords-iso) leave out, by language. The Russian list
 * has мой, наш, весь, который in some cases and not in others (моей, нашей, всей, которую), so a possessive or a
 * relative pronoun in the oblique cases was taken for a word of content: marked as "no counterpart in the base"
 * whenever the English has no possessive there. Here are the whole paradigms of the pronouns and pronominal
 * adjectives, made from their stems and case endings.
 */

const forms = (stems: string[], endings: string[]) => stems.flatMap((stem) => endings.map((ending) => stem + ending));

/** мой, твой, свой: masculine/neuter/feminine/plural in every case, ё and е both. */
const MOI = forms(["мо", "тво", "сво"], ["й", "я", "ё", "е", "и", "его", "ей", "ему", "им", "их", "ими", "ём", "ем", "ю"]);
/** наш, ваш. */
const NASH = forms(["наш", "ваш"], ["", "а", "е", "и", "его", "ей", "ему", "им", "их", "ими", "ем", "у"]);
const VES = ["весь", ...forms(["вс"], ["я", "ё", "е", "его", "ей", "ему", "ем", "ём", "ех", "еми", "ю"])];
const ETOT = ["этот", ...forms(["эт"], ["а", "о", "и", "ого", "ой", "ому", "им", "их", "ими", "ом", "у"])];
const TOT = ["тот", ...forms(["т"], ["а", "о", "е", "ого", "ой", "ому", "ем", "ех", "еми", "ом", "у"])];
const SAM = forms(["сам"], ["", "а", "о", "и", "ого", "ой", "ому", "им", "их", "ими", "ом", "у", "оё"]);
const CHEI = ["чей", ...forms(["чь"], ["я", "ё", "е", "и", "его", "ей", "ему", "им", "их", "ими", "ём", "ем", "ю"])];
/** который, каждый, самый: hard-stem adjectives. */
const HARD = forms(["котор", "кажд", "сам"], ["ый", "ая", "ое", "ые", "ого", "ой", "ому", "ым", "ых", "ыми", "ом", "ую"]);
/** какой, такой, никакой, другой: a velar stem, -ой in the masculine, -ие in the plural. */
const VELAR = forms(["как", "так", "никак", "друг"], ["ой", "ая", "ое", "ие", "ого", "ому", "им", "их", "ими", "ом", "ую"]);
const PERSONAL = [
  ...["я", "меня", "мне", "мной", "мною", "ты", "тебя", "тебе", "тобой", "тобою"],
  ...["он", "его", "него", "ему", "нему", "им", "ним", "нём", "нем"],
  ...["она", "её", "ее", "неё", "нее", "ей", "ней", "ею", "нею", "оно"],
  ...["мы", "нас", "нам", "нами", "вы", "вас", "вам", "вами", "они", "их", "них", "ими", "ними"],
  ...["себя", "себе", "собой", "собою"],
];

export const EXTRA_STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  ru: [...MOI, ...NASH, ...VES, ...ETOT, ...TOT, ...SAM, ...CHEI, ...HARD, ...VELAR, ...PERSONAL],
};
