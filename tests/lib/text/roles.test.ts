import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyArticleRoles, classifyRole, isSectionLabel, type RoleContext } from '../../../lib/text/roles';
import { splitSentences } from '../../../lib/text/segment';
import type { SentenceRole } from '../../../lib/types';

const seedDir = join(__dirname, '..', '..', '..', 'seeds');
const outlets = Object.fromEntries(
  (JSON.parse(readFileSync(join(seedDir, 'sources.json'), 'utf8')) as { articles: { file: string; outlet: string }[] }).articles.map(
    (a) => [a.file, a.outlet],
  ),
);

/** The sentences of a seed that are not body, as [text start, role] (non-breaking spaces shown as spaces). */
function nonBody(file: string): [string, SentenceRole][] {
  const text = readFileSync(join(seedDir, file), 'utf8');
  const sentences = splitSentences(text);
  const roles = classifyArticleRoles(text, sentences, outlets[file]);
  return sentences.flatMap((s, i) => (roles[i] === 'body' ? [] : [[s.text.replace(/\u00A0/g, ' ').slice(0, 40), roles[i]!] as [string, SentenceRole]]));
}

describe('classifyArticleRoles on the seeds', () => {
  it('000: the photo credit, subscribe lines, the bio and the comment prompt are furniture', () => {
    expect(nonBody('000_d92422b15f672f7c.txt')).toEqual([
      ['(Ludovic Marin, Pool Photo via AP)', 'furniture'],
      ['Learn more about the all-new VT News and', 'furniture'],
      ['For more details on this story, plus a f', 'furniture'],
      ['Connor Walcott is the lead writer for Va', 'furniture'],
      ['Follow Connor on X and look for him on V', 'furniture'],
      ['Got a hot scoop or an idea for a story?', 'furniture'],
      ['Connect with the VT writers on Minnect!', 'furniture'],
      ['Add comment', 'furniture'],
    ]);
  });

  it('001: the three section headings are headings, everything else is body', () => {
    expect(nonBody('001_ba9eee08ec8f519a.txt')).toEqual([
      ['Signs of Movement Amid Growing Frustrati', 'heading'],
      ['Russian Demands and European Sanctions', 'heading'],
      ['Vice President Vance ‘Optimistic’ About ', 'heading'],
    ]);
  });

  it('002: the title and section headings are headings, the image alt text is furniture, the Quick Takes items are body', () => {
    expect(nonBody('002_264115c7bb73e8f9.txt')).toEqual([
      ['Senator Rubio Issues Warning on Ukraine-', 'heading'],
      ['Toy tank on map with Ukraine and Russia ', 'furniture'],
      ['Quick Takes', 'heading'],
      ['Trump Administration Sets Deadline for P', 'heading'],
      ['Mineral Resources Deal Hangs in Balance', 'heading'],
      ['Battlefield Reality Complicates Negotiat', 'heading'],
    ]);
  });

  it('003: the caption with its Getty credit, the outlet line and "Read the full article" are furniture', () => {
    expect(nonBody('003_667c5379cb0513e8.txt')).toEqual([
      ['US Secretary of State Marco Rubio (C) ar', 'furniture'],
      ['Photo by JULIEN DE ROSA/POOL/AFP via Get', 'furniture'],
      ['Breitbart News', 'furniture'],
      ['Read the full article .', 'furniture'],
    ]);
  });

  it('004: all body', () => {
    expect(nonBody('004_1d32572d87f94e9b.txt')).toEqual([]);
  });
});

describe('classifyRole on furniture of other outlets', () => {
  const alone = (line: string, overrides: Partial<RoleContext> = {}): SentenceRole =>
    classifyRole(line, { line, lineIndex: 5, bulleted: false, bodyFollows: true, ...overrides });

  it.each([
    '(AP Photo/Evan Vucci)',
    'Photo: Kevin Lamarque/Reuters',
    'Photograph: Ludovic Marin/AFP/Getty Images',
    'Image credit: Shutterstock',
    'FILE PHOTO: U.S. Secretary of State Marco Rubio speaks in Paris, France, April 17, 2025. REUTERS/Evelyn Hockstein/File Photo',
    '(L-R) Rubio, Witkoff and Macron meet at the Elysee Palace on Thursday.',
    'Subscribe to our newsletter for the latest on Ukraine.',
    'Sign up for our free daily briefing.',
    'Click here to read more.',
    'Read more: Rubio warns of walking away',
    'Follow us on Facebook and Instagram.',
    'Follow Jane on Twitter @janedoe.',
    'Share this article',
    'Share | Tweet | Email | Print',
    'Leave a comment',
    '12 Comments',
    'Advertisement',
    'Story continues below advertisement',
    'Related: What the minerals deal means for Ukraine',
    'Have a news tip? Email us.',
    'Send us your tips at tips@example.com.',
    'By Jane Doe',
    'By Jane Doe and John Roe, Reuters',
    '(Reporting by Humeyra Pamuk; Editing by Alex Richardson)',
    'Additional reporting by Olena Harmash in Kyiv.',
    'The Associated Press contributed to this report.',
    'Jane Doe is a senior correspondent for Example News covering national security.',
    'John Roe is the Washington bureau chief editor at The Daily Example.',
    '© 2025 Example Media. All rights reserved.',
    'Published April 18, 2025 10:32am EDT',
    'Updated 2 hours ago, 14:05 GMT',
    'For the latest updates, visit our live blog.',
  ])('%s', (line) => {
    expect(alone(line)).toBe('furniture');
  });

  it('takes a sentence-case line standing alone without a period for a caption', () => {
    expect(alone('Marco Rubio speaks to reporters at Le Bourget airport')).toBe('furniture');
  });

  it('takes a line naming only the outlet for a source line', () => {
    expect(alone('The Daily Example', { outlet: 'The Daily Example', bodyFollows: true })).toBe('furniture');
  });
});

describe('classifyRole keeps body text body', () => {
  const alone = (line: string, overrides: Partial<RoleContext> = {}): SentenceRole =>
    classifyRole(line, { line, lineIndex: 5, bulleted: false, bodyFollows: true, ...overrides });

  it.each([
    'By April, the talks had stalled.',
    'By Monday, Trump had decided to press on.',
    'Rubio said he would check out the proposal before the meeting.',
    'Follow-up talks are expected in London next week.',
    'A photo by the AP showed Rubio boarding his plane.',
    'Smith, a senior analyst at the Atlantic Council, said the deal was fragile.',
    'Comments by the Kremlin suggested little movement.',
    'Watchdogs warned that the aid could be diverted.',
    'Readers of the agreement say it favors Washington.',
    'Related talks in Riyadh produced a partial ceasefire.',
    'The subscription model, he said, was failing.',
    'PARIS (Reuters) - U.S. Secretary of State Marco Rubio said on Friday the talks could end.',
    'WASHINGTON (AP) — Rubio warned that the U.S. may walk away within days.',
  ])('%s', (line) => {
    expect(alone(line)).toBe('body');
  });

  it('treats a bulleted line without a period as a list item', () => {
    expect(alone('Trump administration is pursuing a mineral resources deal', { bulleted: true })).toBe('body');
  });

  it('treats a long unpunctuated line as text that lost its period', () => {
    expect(
      alone('Rubio warned that the United States may walk away from the peace talks within days if there is no progress from either side'),
    ).toBe('body');
  });

  it('classifies a sentence inside a body paragraph by itself, not by the paragraph', () => {
    const line = 'Rubio spoke in Paris. He said the talks were useful.';
    expect(classifyRole('Rubio spoke in Paris.', { line, lineIndex: 2, bulleted: false, bodyFollows: true })).toBe('body');
  });
});

describe('headings', () => {
  const ctx = (line: string, overrides: Partial<RoleContext> = {}): RoleContext => ({
    line,
    lineIndex: 4,
    bulleted: false,
    bodyFollows: true,
    ...overrides,
  });

  it('are short Title Case lines with body after them', () => {
    expect(classifyRole('What Comes Next for the Talks', ctx('What Comes Next for the Talks'))).toBe('heading');
    expect(classifyRole('What Happens If the U.S. Walks Away?', ctx('What Happens If the U.S. Walks Away?'))).toBe('heading');
  });

  it('include a sentence-case title on the first line', () => {
    const title = 'Rubio says US may walk away from Ukraine talks within days';
    expect(classifyRole(title, ctx(title, { lineIndex: 0 }))).toBe('heading');
  });

  it('are not headings when nothing but furniture follows', () => {
    expect(classifyRole('Example Wire Service', ctx('Example Wire Service', { bodyFollows: false }))).toBe('furniture');
  });

  it('are never sentences ending in a period', () => {
    expect(classifyRole('Rubio Warns Of Pullout.', ctx('Rubio Warns Of Pullout.'))).toBe('body');
  });
});

describe('isSectionLabel: a heading that names a section and states nothing', () => {
  it.each(['Quick Takes', 'Key Points', 'Related Coverage', 'Russian Demands and European Sanctions', 'Signs of Movement Amid Growing Frustration', 'What We Know So Far', 'Background'])(
    '%j is a label',
    (text) => expect(isSectionLabel(text)).toBe(true),
  );

  it.each([
    // A verb after its subject, as headlines write them.
    'Trump Administration Sets Deadline for Peace Efforts',
    'Battlefield Reality Complicates Negotiations',
    'Talks Stalled in Paris',
    'Mineral Resources Deal Hangs in Balance',
    // An auxiliary or a verb of saying anywhere.
    'Rubio Says',
    'Russia Will Not Wait',
    // Long: a headline, whatever its grammar.
    'Vice President Vance ‘Optimistic’ About Ending the War',
    // Not Title Case, or a sentence.
    'Toy tank on map',
    'Quick takes.',
  ])('%j is not', (text) => expect(isSectionLabel(text)).toBe(false));
});
