/**
 * Capitalised words that are not proper names, per language, compared in
 * lowercase: pronouns, titles, weekdays, and the institution and political
 * words that editions capitalise but translate rather than transliterate
 * (Opposition, Parti, Comitato, URSS, History in book titles), so that they
 * cannot be matched across languages as names are.
 */
import { primaryLanguage } from "../text/name-key";

const STOPWORDS: Record<string, ReadonlySet<string>> = {
  en: new Set([
    "i", "mr", "mrs", "ms", "dr", "st", "messrs", "sir",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "opposition", "party", "central", "committee", "soviet", "soviets", "bolshevik", "bolsheviks", "bolshevism",
    "communist", "communists", "communism", "politburo", "government", "state", "revolution", "constitution",
    "marxist", "marxists", "marxism", "left", "right", "red", "white", "army", "court", "trial", "prosecutor",
    "international", "congress", "center", "centre", "united", "ussr", "union",
    "russian", "russians", "french", "german", "germans", "english", "british", "american", "jewish", "georgian",
    "thermidor", "thermidorian", "comrade", "comrades", "chapter", "part", "history",
  ]),
  fr: new Set([
    "m", "mm", "mme", "mlle", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "chapitre",
    "opposition", "parti", "comité", "central", "centre", "état", "révolution", "congrès", "internationale",
    "communiste", "gouvernement", "urss", "union", "soviet", "soviets", "bureau", "politique", "histoire",
  ]),
  es: new Set([
    "sr", "sra", "d", "don", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "capítulo",
    "oposición", "partido", "comité", "central", "centro", "estado", "revolución", "congreso", "internacional",
    "comunista", "gobierno", "urss", "unión", "soviet", "soviets", "buró", "político", "unificado", "historia",
  ]),
  it: new Set([
    "sig", "signor", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "capitolo",
    "opposizione", "partito", "comitato", "centrale", "centro", "stato", "rivoluzione", "congresso", "internazionale",
    "comunista", "governo", "urss", "unione", "soviet", "ufficio", "politico", "unificato", "storia",
  ]),
  ru: new Set(["глава", "г", "гг", "тов", "ссср", "цк", "коминтерн", "коминтерна", "коминтерне"]),
};

export function isNameStopword(word: string, lang: string): boolean {
  return STOPWORDS[primaryLanguage(lang)]?.has(word.toLowerCase()) ?? false;
}
