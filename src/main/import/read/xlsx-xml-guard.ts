// A look at a spreadsheet part's XML text as it streams past, before exceljs's XML parser
// (sax) gets it: sax holds a whole text node, a whole tag and the stack of open elements in
// memory, so one 500 MB text node or a million nested elements, packed into a small file,
// would take all the memory there is. A contact list's sheet nests a handful of levels and
// no cell holds more than 32,767 characters; this stops at the caps (limits.ts) instead.

export class XmlShapeError extends Error {
  /** The part's path inside the ZIP. */
  readonly part: string;
  readonly kind: 'depth' | 'run';
  readonly limit: number;
  constructor(part: string, kind: XmlShapeError['kind'], limit: number) {
    super(kind === 'depth' ? `${part} nests its XML more than ${limit} levels deep` : `${part} has an XML text or tag longer than ${limit} characters`);
    this.part = part;
    this.kind = kind;
    this.limit = limit;
  }
}

export class XmlShapeGuard {
  private readonly part: string;
  private readonly maxDepth: number;
  private readonly maxRun: number;
  private depth = 0;
  /** Characters since the last '<'. */
  private run = 0;
  /** The chunk ended right after '<': the next chunk's first character says what it opens. */
  private afterLt = false;
  /** The chunk ended inside an opening tag: whether it closes itself is still to come. */
  private inOpenTag = false;
  private lastChar = '';

  constructor(part: string, maxDepth: number, maxRun: number) {
    this.part = part;
    this.maxDepth = maxDepth;
    this.maxRun = maxRun;
  }

  /** Throws XmlShapeError when the text so far goes past a cap. */
  check(text: string): void {
    let i = 0;
    if (this.afterLt && text.length > 0) {
      this.afterLt = false;
      i = this.tagAt(text, 0);
    } else if (this.inOpenTag) {
      i = this.finishOpenTag(text, 0, this.lastChar);
    }
    for (;;) {
      const lt = text.indexOf('<', i);
      if (lt === -1) {
        this.run += text.length - i;
        break;
      }
      this.run += lt - i;
      if (this.run > this.maxRun) break;
      this.run = 0;
      if (lt + 1 >= text.length) {
        this.afterLt = true;
        break;
      }
      i = this.tagAt(text, lt + 1);
    }
    if (text.length > 0) this.lastChar = text[text.length - 1]!;
    if (this.run > this.maxRun) throw new XmlShapeError(this.part, 'run', this.maxRun);
  }

  /** At the character after a '<': a closing tag, a declaration or comment, or an element that opens. */
  private tagAt(text: string, at: number): number {
    const c = text[at];
    if (c === '/') {
      this.depth = Math.max(0, this.depth - 1);
      return at + 1;
    }
    if (c === '?' || c === '!') return at + 1;
    this.depth += 1;
    if (this.depth > this.maxDepth) throw new XmlShapeError(this.part, 'depth', this.maxDepth);
    return this.finishOpenTag(text, at, '<');
  }

  /** Finds where an opening tag ends; `<x/>` closes itself. */
  private finishOpenTag(text: string, from: number, before: string): number {
    const gt = text.indexOf('>', from);
    if (gt === -1) {
      this.inOpenTag = true;
      this.run += text.length - from;
      return text.length;
    }
    this.inOpenTag = false;
    this.run += gt - from;
    const previous = gt > 0 ? text[gt - 1] : before;
    if (previous === '/') this.depth = Math.max(0, this.depth - 1);
    // A '<' inside the tag's attributes is not allowed in XML; the next search starts after it.
    return gt + 1;
  }
}
