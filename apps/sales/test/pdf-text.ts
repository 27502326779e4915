import { inflateSync } from 'node:zlib';

/** Every stream of a PDF, inflated when it is Flate-compressed (pdfkit compresses them all). */
export function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const pattern = /(?<!end)stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(raw).toString('latin1'));
    } catch {
      streams.push(raw.toString('latin1'));
    }
    pattern.lastIndex = end;
  }
  return streams;
}

/** The ToUnicode CMap (`<first> <last> [<unicode> ...]` ranges) as glyph code -> text. */
function toUnicode(cmap: string): Map<number, string> {
  const codes = new Map<number, string>();
  const ranges = /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi;
  for (let range = ranges.exec(cmap); range; range = ranges.exec(cmap)) {
    const first = parseInt(range[1], 16);
    const targets = [...range[3].matchAll(/<([0-9a-f ]+)>/gi)].map((target) =>
      String.fromCharCode(...target[1].split(' ').map((unit) => parseInt(unit, 16))),
    );
    targets.forEach((target, i) => codes.set(first + i, target));
  }
  return codes;
}

/**
 * The text a PDF reader extracts: each `[<glyph codes> kerning ...] TJ` of the content streams,
 * decoded through the font's ToUnicode CMap, one string per text operation.
 */
export function extractText(pdf: Buffer): string[] {
  const streams = pdfStreams(pdf);
  const cmap = streams.find((stream) => stream.includes('beginbfrange'));
  if (!cmap) throw new Error('the PDF has no ToUnicode CMap');
  const codes = toUnicode(cmap);
  return streams.flatMap((stream) =>
    [...stream.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((operation) =>
      [...operation[1].matchAll(/<([0-9a-f]+)>/gi)]
        .flatMap((hex) => hex[1].match(/.{4}/g) ?? [])
        .map((code) => codes.get(parseInt(code, 16)) ?? '\ufffd')
        .join(''),
    ),
  );
}
