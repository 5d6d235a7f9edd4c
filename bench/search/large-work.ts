/**
 * A large generated work in three scripts for the search benchmark and memory measurements: `count` sentences in
 * English, Russian and Chinese, the same sentence in each (drawn from parallel word lists, deterministic), written
 * as the project's plain-text edition format, four sentences to a paragraph.
 */
const EN = "right freedom education work law state person family people country society life protection dignity equality nation justice peace court property religion opinion assembly marriage health school culture labour security government vote election duty community speech child mother history science art language city village river house land water bread book letter friend teacher worker power war".split(" ");
const RU = "право свобода образование труд закон государство личность семья народ страна общество жизнь защита достоинство равенство нация справедливость мир суд собственность религия мнение собрание брак здоровье школа культура работа безопасность правительство голос выборы обязанность община речь ребёнок мать история наука искусство язык город деревня река дом земля вода хлеб книга письмо друг учитель рабочий власть война".split(" ");
const ZH = "权利 自由 教育 工作 法律 国家 个人 家庭 人民 国家 社会 生活 保护 尊严 平等 民族 正义 和平 法院 财产 宗教 意见 集会 婚姻 健康 学校 文化 劳动 安全 政府 投票 选举 义务 社区 言论 儿童 母亲 历史 科学 艺术 语言 城市 村庄 河流 房屋 土地 水源 面包 书籍 信件 朋友 教师 工人 权力 战争".split(" ");

/** A rare word: every 997th sentence names him. */
const NAME: Record<LargeWorkLanguage, string> = { en: "Kamenev", ru: "Каменев", zh: "加米涅夫" };

/** mulberry32: the same texts on every run. */
function random(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export type LargeWorkLanguage = "en" | "ru" | "zh";

function sentenceWords(count: number): number[][] {
  const next = random(1948);
  return Array.from({ length: count }, () => Array.from({ length: 6 + Math.floor(next() * 14) }, () => Math.floor(next() * EN.length)));
}

function render(words: number[], language: LargeWorkLanguage, index: number): string {
  const name = index % 997 === 0 ? [NAME[language]] : [];
  if (language === "zh") return `${[...name, ...words.map((w) => ZH[w])].join("")}，第${index + 1}句。`;
  const list = language === "en" ? EN : RU;
  const text = [...name, ...words.map((w) => list[w])].join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}, ${index + 1}.`;
}

/** The sentences of `language`, one per row of the work. */
export function largeSentences(language: LargeWorkLanguage, count: number): string[] {
  return sentenceWords(count).map((words, i) => render(words, language, i));
}

/** The edition file of `language`, `count` sentences in paragraphs of four. */
export function largeEditionFile(work: string, language: LargeWorkLanguage, count: number): string {
  const sentences = largeSentences(language, count);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 4) paragraphs.push(sentences.slice(i, i + 4).join(language === "zh" ? "" : " "));
  const front = [
    "---",
    `work: ${work}`,
    `work-title: Large generated work`,
    `edition: ${language}`,
    `language: ${language === "zh" ? "zh-Hans" : language}`,
    `title: Large work (${language})`,
    `original: ${language === "en"}`,
    "provenance: published",
    "---",
  ].join("\n");
  return `${front}\n\n${paragraphs.join("\n\n")}\n`;
}
