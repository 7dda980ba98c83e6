import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// The content of one table cell, `<dd>`, `<dt>` or heading as the page has it: rich text with
/// paragraphs (`<p>`), line breaks (`<br>`) and links, and the blocks it holds (`<pre>`, or
/// `<div class="note">` around each of several notes). Links become xrefs as they close; the
/// `[` `]` around a link are the page's rendering of an xref, not text, and are dropped.
struct HTMLFragment {
    let location: SourceLocation
    /// The `name` (or `id`) of an anchor without a target: the ID cell of the people table,
    /// the anchor cell of a footnote.
    var anchor: String?
    /// `<pre>` and `<div class="note">` contents, in order.
    private(set) var blocks: [RichText] = []
    /// The fragment's own content, and the paragraphs and blocks open inside it (apart, so that
    /// the many cells with neither allocate no array).
    private var root = RichText()
    private var inner: [RichText] = []
    /// What each element opened inside the fragment started, to close the same on its end.
    private var opened: [Opened] = []
    private var pending: [UInt8] = []
    private var link: (target: String, label: [UInt8], location: SourceLocation)?
    /// A link just closed: a `]` right after it is its closing bracket.
    private var dropClosingBracket = false

    enum Opened { case paragraph, block, link, anchor, other }

    init(location: SourceLocation) {
        self.location = location
    }

    /// How many elements opened inside the fragment are still open.
    var depth: Int { opened.count }

    // MARK: building

    mutating func start(_ tag: HTMLTag, _ attributes: HTMLAttributes, at location: SourceLocation) {
        dropClosingBracket = false
        switch tag {
        case .br:
            flush()
            top.content.append(.lineBreak)
            opened.append(.other)
        case .p:
            openContainer(.paragraph)
        case .span where attributes.hasClass("paragraph"):
            openContainer(.paragraph)
        case .pre:
            openContainer(.block)
        case .div where attributes.hasClass("note"):
            openContainer(.block)
        case .a where attributes.href != nil && link == nil:
            flush()
            dropOpeningBracket()
            link = (attributes.href!, [], location)
            opened.append(.link)
        case .a:
            if anchor == nil { anchor = attributes.name ?? attributes.id }
            opened.append(.anchor)
        default:
            opened.append(.other)
        }
    }

    mutating func end() {
        dropClosingBracket = false
        guard let last = opened.popLast() else { return }
        switch last {
        case .paragraph:
            flush()
            let inner = inner.removeLast()
            top.content.append(.paragraph(inner))
        case .block:
            flush()
            blocks.append(inner.removeLast())
        case .link:
            guard let (target, label, location) = link else { return }
            link = nil
            let xref = Xref(link: target, label: String(decoding: label, as: UTF8.self), location: location)
            top.content.append(.xref(xref))
            dropClosingBracket = true
        case .anchor, .other:
            break
        }
    }

    /// A blank between two texts the page shows apart (the cells of a table inside a cell).
    mutating func separate() {
        if link == nil { pending.append(0x20) }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        var bytes = bytes[...]
        if dropClosingBracket {
            dropClosingBracket = false
            if bytes.first == UInt8(ascii: "]") { bytes = bytes.dropFirst() }
        }
        if link != nil {
            link!.label.append(contentsOf: bytes)
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    /// The content outside blocks, with anything still open closed.
    mutating func finish() -> HTMLFragment {
        while !opened.isEmpty { end() }
        flush()
        return self
    }

    /// The innermost open container.
    private var top: RichText {
        get { inner.last ?? root }
        _modify {
            if inner.isEmpty {
                yield &root
            } else {
                yield &inner[inner.count - 1]
            }
        }
    }

    private mutating func openContainer(_ kind: Opened) {
        flush()
        inner.append(RichText())
        opened.append(kind)
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        top.append(text: String(decoding: pending, as: UTF8.self))
        pending.removeAll(keepingCapacity: true)
    }

    /// Removes the `[` the page puts before a link.
    private mutating func dropOpeningBracket() {
        guard case .text(let text)? = top.content.last, text.hasSuffix("[") else { return }
        top.content.removeLast()
        if text.count > 1 { top.content.append(.text(String(text.dropLast()))) }
    }

    // MARK: reading the result

    /// The rich text outside blocks.
    var richText: RichText { root }

    /// The text with xrefs as their labels and line breaks as line feeds, for one-value cells.
    var plainText: String {
        var out = ""
        for inline in richText.content {
            switch inline {
            case .text(let text): out += text
            case .lineBreak: out += "\n"
            case .xref(let xref): out += xref.label
            case .paragraph(let inner): out += inner.plainText
            }
        }
        return out
    }

    /// The text, or nil when the cell is empty.
    var value: String? {
        let text = plainText
        return text.isEmpty ? nil : text
    }

    /// The blocks, or the content when there are none (a `<dd>` without `<pre>`).
    var blocksOrContent: [RichText] {
        if !blocks.isEmpty { return blocks }
        return richText.isEmpty ? [] : [richText]
    }

    /// The xrefs of a Reference, Assignee or Contact cell: links, and `[text]` for text xrefs.
    /// Text outside brackets has no place in these columns; it is returned to be reported.
    func xrefs() -> (xrefs: [Xref], stray: String) {
        var xrefs: [Xref] = []
        var stray: [UInt8] = []
        for inline in richText.content {
            switch inline {
            case .xref(let xref): xrefs.append(xref)
            case .text(let text): bracketedTexts(text, into: &xrefs, stray: &stray)
            case .lineBreak: break
            case .paragraph(let inner): stray += inner.plainText.utf8
            }
        }
        return (xrefs, String(decoding: stray, as: UTF8.self))
    }

    /// `[a][b]` → text xrefs `a`, `b`; brackets may nest inside one (`[see [1]]`).
    private func bracketedTexts(_ text: String, into xrefs: inout [Xref], stray: inout [UInt8]) {
        var depth = 0
        var label: [UInt8] = []
        for byte in text.utf8 {
            switch (byte, depth) {
            case (UInt8(ascii: "["), 0):
                depth = 1
                label.removeAll()
            case (UInt8(ascii: "]"), 1):
                depth = 0
                xrefs.append(Xref(link: nil, label: String(decoding: label, as: UTF8.self), location: location))
            case (_, 0):
                if !ASCII.isWhiteSpace(byte) { stray.append(byte) }
            default:
                if byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "]") { depth -= 1 }
                label.append(byte)
            }
        }
        if depth > 0 { stray += [UInt8(ascii: "[")] + label }
    }
}
