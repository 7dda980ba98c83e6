import RegistryModel

/// How IANA's CSV flattens rich text into one field, derived from the 2024-04-30 XML/CSV pair
/// (it reproduces all 14,447 rows byte for byte):
///
/// - character data is kept, line feeds included; an xref becomes `[label]`; paragraphs add
///   nothing of their own;
/// - a run of white space that contains `<br/>`s becomes one space, except a single `<br/>`
///   with no blank beside it, which stays a line break (`x<br/>\ny` → `x\n\ny`);
/// - a run of white space with no `<br/>` that wraps a line and has blanks on both ends
///   (`for \n      "RadSec"`) becomes one space; any other run is kept as it is;
/// - white space at either end of the field is dropped.
struct CSVFlattening {
    private static let lineBreak: UInt16 = 0x100
    private var units: [UInt16] = []

    /// Appends the flattened field to `out`; returns false when the flat text cannot give the
    /// rich text back (markup, folded or trimmed white space).
    @discardableResult
    mutating func flatten(_ text: RichText, into out: inout OutputBuffer) -> Bool {
        units.removeAll(keepingCapacity: true)
        let markupFree = serialize(text)
        return emit(into: &out) && markupFree
    }

    /// `[label][label]…`, flattened the same way (labels may wrap lines too).
    mutating func flatten(labels xrefs: [Xref], into out: inout OutputBuffer) {
        units.removeAll(keepingCapacity: true)
        for xref in xrefs { appendLabel(xref) }
        emit(into: &out)
    }

    /// Returns true when the text was plain character data (no markup to lose).
    private mutating func serialize(_ text: RichText) -> Bool {
        var plain = true
        for inline in text.content {
            switch inline {
            case .text(let characters):
                for byte in characters.utf8 { units.append(UInt16(byte)) }
            case .lineBreak:
                units.append(Self.lineBreak)
                plain = false
            case .xref(let xref):
                appendLabel(xref)
                plain = false
            case .paragraph(let inner):
                _ = serialize(inner)
                plain = false
            }
        }
        return plain
    }

    private mutating func appendLabel(_ xref: Xref) {
        units.append(UInt16(UInt8(ascii: "[")))
        for byte in xref.label.utf8 { units.append(UInt16(byte)) }
        units.append(UInt16(UInt8(ascii: "]")))
    }

    /// Writes `units` with the white-space rules applied; returns false if any run changed.
    @discardableResult
    private func emit(into out: inout OutputBuffer) -> Bool {
        var unchanged = true
        var i = 0
        let count = units.count
        while i < count {
            guard Self.isSpace(units[i]) else {
                out.append(byte: UInt8(truncatingIfNeeded: units[i]))
                i += 1
                continue
            }
            var end = i
            var breaks = 0
            var blanks = false
            var lineFeeds = false
            while end < count, Self.isSpace(units[end]) {
                switch units[end] {
                case Self.lineBreak: breaks += 1
                case 0x0A: lineFeeds = true
                default: blanks = true
                }
                end += 1
            }
            defer { i = end }
            if i == 0 || end == count {  // trimmed
                unchanged = false
                continue
            }
            if breaks == 0 {
                if lineFeeds, Self.isBlank(units[i]), Self.isBlank(units[end - 1]) {
                    out.append(byte: 0x20)
                    unchanged = false
                } else {
                    for unit in units[i..<end] { out.append(byte: UInt8(truncatingIfNeeded: unit)) }
                }
            } else if breaks == 1, !blanks {
                for unit in units[i..<end] { out.append(byte: unit == Self.lineBreak ? 0x0A : UInt8(unit)) }
            } else {
                out.append(byte: 0x20)
            }
        }
        return unchanged
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == lineBreak
    }

    private static func isBlank(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0D
    }
}
