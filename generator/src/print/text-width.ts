/**
 * Display width of text in columns, as prettier measures it (its `getStringWidth`): ASCII one
 * column each; control characters and combining marks none; East Asian wide and fullwidth
 * characters, and emoji, two. Used where the printers align text themselves (markdown tables);
 * the line fitter of layout-doc.ts measures with prettier's own function.
 *
 * WIDE lists the two-column code point ranges (Unicode East Asian Width W and F, plus the
 * emoji prettier counts as wide) as base-36 start/end pairs; test/generate/text-width.test.ts
 * compares every code point with prettier's `util.getStringWidth`, so a prettier upgrade that
 * changes a width fails there.
 */
const WIDE_RANGES =
  '3cw 3fj 6xm 6xn 6y1 6y2 73d 73g 73k 73k 73n 73n 7i5 7i6 7is 7it 7j1 7j1 7jk 7jr 7k8 7kj 7lr 7lr 7m2 7m7 7mb 7mb 7mp 7mp 7my 7mz 7nh 7ni 7no 7np 7ny 7ny 7o4 7o4 7oq 7oq 7oy 7oz 7p1 7p1 7p5 7p6 7p9 7p9 7ph 7ph 7pm 7pp 7qg 7qg 7rg 7rg 7ri 7ri 7rn 7rp 7rr 7rr 7th 7tj 7u8 7u8 7un 7un 8ij 8ik 8k0 8k0 8k5 8k5 96o 97d 97f 99v 9a8 9g5 9gw 9ih 9im 9j2 9j5 9li 9ln 9of 9ol 9pr 9pt 9se 9sg 9ut 9v3 9we 9wg 9xj 9xs wi4 wi8 wjq xgg xh8 xz4 16lf 1d6o 1dkv 1e6o 1e6x 1e7k 1e8i 1e8k 1e92 1e94 1e97 1edd 1eg0 1ejk 1ejq 20o0 20o3 20og 20om 20ow 26e2 26f3 26g0 26io 26lu 26m8 27bl 27c0 27de 2dbk 2dbn 2dbp 2dbv 2dbx 2dby 2dc0 2dk8 2dki 2dki 2dlc 2dle 2dlh 2dlh 2dlw 2dm0 2dm8 2dx7 2k8w 2kba 2kbk 2kc6 2pz8 2pz8 2q4v 2q4v 2qa6 2qa6 2qa9 2qai 2qb2 2qb2 2qdc 2qde 2qds 2qez 2qf4 2qfc 2qfk 2qfl 2qg0 2qg5 2qkg 2qlc 2qlp 2qlx 2qlz 2qnw 2qny 2qoj 2qow 2qq4 2qq7 2qqb 2qqo 2qr4 2qr8 2qr8 2qrc 2qta 2qtc 2qtc 2qte 2qyk 2qyn 2r0d 2r0r 2r0u 2r0w 2r1j 2r1w 2r1x 2r22 2r22 2r2o 2r2o 2r2t 2r2u 2r38 2r38 2r5n 2r7z 2r9c 2rb9 2rbg 2rbg 2rbk 2rbm 2rbp 2rbt 2rbw 2rbz 2rcb 2rcc 2rck 2rcs 2riy 2riy 2rj4 2rjf 2rjk 2rjk 2rrg 2rsq 2rss 2rt1 2rt3 2ry7 2s1c 2s1o 2s1s 2s3q 2s3s 2s3s 2s3w 2s4d 2s4f 2s4r 2s4v 2s56 2t4w 47p9 47pc 5m9p';

const WIDE: readonly number[] = WIDE_RANGES.split(' ').map((n) => parseInt(n, 36));

function isWide(codePoint: number): boolean {
  let low = 0;
  let high = WIDE.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < WIDE[2 * mid]!) high = mid - 1;
    else if (codePoint > WIDE[2 * mid + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

const NOT_ASCII = /[^\x20-\x7f]/;
const ZERO_WIDTH = /[\p{Nonspacing_Mark}\p{Enclosing_Mark}]/u;
/** Emoji sequences (flags, keycaps, skin tones, ZWJ sequences) count two columns as a whole. */
const EMOJI_SEQUENCE = new RegExp('\\p{RGI_Emoji}', 'gv');

export function displayWidth(text: string): number {
  if (!NOT_ASCII.test(text)) return text.length;
  let width = 0;
  const rest = text.replace(EMOJI_SEQUENCE, (emoji) => {
    if ([...emoji].length === 1) return emoji;
    width += 2;
    return '';
  });
  for (const ch of rest) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || ZERO_WIDTH.test(ch)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}
