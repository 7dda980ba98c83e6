/// Text with the registry's markup kept as structure: character data, `<br/>` line breaks,
/// xrefs and `<paragraph>`s. White space inside it is significant and kept as read.
public struct RichText: Hashable, Sendable, ExpressibleByStringLiteral {
    public var content: [Inline]

    public init(_ content: [Inline] = []) {
        self.content = content
    }

    public init(stringLiteral text: String) {
        self.content = text.isEmpty ? [] : [.text(text)]
    }

    public var isEmpty: Bool { content.isEmpty }

    /// Character data and xref labels in order, with no markup: a line break counts as "\n".
    /// For comparisons and messages; each layout has its own, exact, flattening.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        for inline in content {
            switch inline {
            case .text(let text): out += text
            case .lineBreak: out += "\n"
            case .xref(let xref): out += "[\(xref.label)]"
            case .paragraph(let inner): inner.appendPlainText(to: &out)
            }
        }
    }

    /// Every xref in the text, paragraphs included.
    public var xrefs: [Xref] {
        content.flatMap { inline -> [Xref] in
            switch inline {
            case .xref(let xref): [xref]
            case .paragraph(let inner): inner.xrefs
            case .text, .lineBreak: []
            }
        }
    }

    /// Adds character data, merging it with text just before so that equal texts compare equal
    /// however the parser chunked them.
    public mutating func append(text: String) {
        guard !text.isEmpty else { return }
        if case .text(var previous)? = content.last {
            // Taken out of the array first, so that it grows in place: a cell of many lines
            // would otherwise be copied once per line.
            content[content.count - 1] = .lineBreak
            previous += text
            content[content.count - 1] = .text(previous)
        } else {
            content.append(.text(text))
        }
    }
}

public enum Inline: Hashable, Sendable {
    case text(String)
    case lineBreak
    /// Boxed: an xref is several times the size of the text case, and rare.
    indirect case xref(Xref)
    case paragraph(RichText)
}
