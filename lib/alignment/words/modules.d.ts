// Types for two untyped packages the word aligner uses.
declare module "snowball-stemmers" {
  const snowball: { newStemmer(algorithm: string): { stem(word: string): string }; algorithms(): string[] };
  export default snowball;
}
declare module "stopwords-iso" {
  const stopwords: Record<string, string[]>;
  export default stopwords;
}
