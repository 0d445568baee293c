import { pinyin } from 'pinyin-pro';

/**
 * Mandarin text as tone-numbered pinyin for espeak-ng's `cmn-latn-pinyin` voice: Debian's `cmn`
 * voice misreads many characters, while its pinyin voice reads syllables reliably. pinyin-pro picks
 * the reading of polyphones from context (还 hái/huán, 行 xíng/háng) and applies 一/不 sandhi.
 */
const punctuation: Record<string, string> = {
  '，': ', ',
  '、': ', ',
  '；': ', ',
  '：': ', ',
  '。': '. ',
  '！': '. ',
  '？': '? ',
  '…': '. ',
  '（': ', ',
  '）': ', ',
  '“': ' ',
  '”': ' ',
  '《': ' ',
  '》': ' ',
};

/**
 * `names` are people's names inside the text (the {{name}} slot): their first character is read as
 * a surname, so 曾阿姨 is Zēng, 单大爷 Shàn, 解奶奶 Xiè. An elder greeted by the wrong name stops
 * trusting the machine.
 */
export function toPinyin(text: string, names: string[] = []): string {
  const wanted = names.filter((n) => n.trim() !== '');
  const syllables: string[] = [];
  let rest = text;
  while (rest !== '') {
    const hits = wanted.map((n) => ({ n, at: rest.indexOf(n) })).filter((h) => h.at >= 0);
    const first = hits.sort((a, b) => a.at - b.at || b.n.length - a.n.length)[0];
    const plain = first ? rest.slice(0, first.at) : rest;
    if (plain)
      syllables.push(...pinyin(plain, { toneType: 'num', type: 'array', nonZh: 'consecutive' }));
    if (!first) break;
    syllables.push(
      ...pinyin(first.n, { toneType: 'num', type: 'array', nonZh: 'consecutive', surname: 'head' }),
    );
    rest = rest.slice(first.at + first.n.length);
  }
  return syllables
    .map((s) => {
      if (/^[a-zü]+[0-5]$/i.test(s)) {
        // pinyin-pro writes the neutral tone as 0; espeak-ng's pinyin voice expects 5.
        return s.replace(/0$/, '5').replace('ü', 'v');
      }
      return [...s].map((ch) => punctuation[ch] ?? ch).join('');
    })
    .join(' ')
    .replace(/\s+([,.?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
