import { describe, expect, it } from 'vitest';
import { charsetOf, decodeHtml, decodeUtf8Text, mimeTypeOf, sniffFormat } from '../../lib/cli/document-bytes';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffFormat', () => {
  it('knows HTML by its first markup, after a BOM, whitespace or comments', () => {
    for (const page of ['<!DOCTYPE html><html>', '\uFEFF  <html lang="en">', '<!-- saved from url=(0042)https://x.example/ -->\n<!doctype html>', '<head><title>x</title>', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">']) {
      expect(sniffFormat(bytes(page))).toEqual({ format: 'html' });
    }
  });

  it('names the binary formats people pass by mistake', () => {
    expect(sniffFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({ format: 'foreign', name: 'a PNG image' });
    expect(sniffFormat(bytes('%PDF-1.7\n'))).toEqual({ format: 'foreign', name: 'a PDF document' });
    expect(sniffFormat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ format: 'foreign', name: 'a JPEG image' });
    expect(sniffFormat(bytes('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toEqual({ format: 'foreign', name: 'a WebP image' });
    expect(sniffFormat(Uint8Array.from([0x41, 0x00, 0x42]))).toEqual({ format: 'foreign', name: 'a binary file' });
  });

  it('reads a UTF-16 page by its BOM rather than calling its NUL bytes binary', () => {
    const utf16le = Uint8Array.from([0xff, 0xfe, ...[...'<html><p>Kyiv'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(sniffFormat(utf16le)).toEqual({ format: 'html' });
    expect(decodeHtml(utf16le, 'utf-8')).toBe('<html><p>Kyiv');
  });

  it('tells JSON and XML from article text', () => {
    expect(sniffFormat(bytes('{"pages": []}'))).toEqual({ format: 'foreign', name: 'JSON data' });
    expect(sniffFormat(bytes('<?xml version="1.0"?><rss></rss>'))).toEqual({ format: 'foreign', name: 'an XML document' });
    // Brackets that do not parse as JSON are text, e.g. an article opening with an editor's note.
    expect(sniffFormat(bytes('[Updated 5 p.m.] Rubio said the US may walk away.'))).toEqual({ format: 'text' });
    expect(sniffFormat(bytes('Rubio said the US may walk away.'))).toEqual({ format: 'text' });
  });
});

describe('decoding', () => {
  it('decodes HTML by BOM, then the declared charset, then <meta>, else UTF-8', () => {
    const latin1 = Uint8Array.from([...bytes('<meta charset="windows-1252"><p>Caf'), 0xe9]);
    expect(decodeHtml(latin1)).toBe('<meta charset="windows-1252"><p>Café');
    expect(decodeHtml(Uint8Array.from([...bytes('<p>Caf'), 0xe9]), 'iso-8859-1')).toBe('<p>Café');
    expect(decodeHtml(bytes('<p>Café</p>'), 'no-such-charset')).toBe('<p>Café</p>');
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('<p>é')]), 'windows-1252')).toBe('<p>é');
  });

  it('accepts only valid UTF-8 as plain text', () => {
    expect(decodeUtf8Text(bytes('Zelenskyy’s office'))).toEqual({ text: 'Zelenskyy’s office' });
    expect(decodeUtf8Text(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]))).toEqual({ problem: 'is not valid UTF-8 text; re-save it as UTF-8' });
  });

  it('reads the type and charset of a Content-Type header', () => {
    expect(mimeTypeOf('Text/HTML; charset="UTF-8"')).toBe('text/html');
    expect(charsetOf('Text/HTML; charset="UTF-8"')).toBe('UTF-8');
    expect(charsetOf('text/html')).toBeNull();
  });
});
