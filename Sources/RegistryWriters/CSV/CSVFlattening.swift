import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// How IANA's CSV flattens rich text into one field, in each era (`CSVStyle`), each derived
/// from its XML/CSV pair, which it reproduces byte for byte. In every era character data is
/// kept, line feeds included; an xref becomes `[label]`; white space at either end of the
/// field is dropped. Then:
///
/// - before 2019 (2018-02-21 pair): `<br/>` is dropped; all other white space is kept;
/// - 2019 (2020-07-14 pair): `<br/>` becomes a line feed; all other white space is kept;
/// - 2020 (2024-04-30 pair, all 14,447 rows): a run of white space that contains `<br/>`s
///   becomes one space, except a single `<br/>` with no blank beside it, which stays a line
///   break (`x<br/>\ny` → `x\n\ny`); a run with no `<br/>` that wraps a line and has blanks
///   on both ends (`for \n      "RadSec"`) becomes one space; any other run is kept;
/// - 2025 (2026-04-24 pair): `<br/>` is dropped, each `<paragraph>` opens with eight spaces,
///   and the runs that result follow the 2020 rule.
///
/// Paragraphs add nothing of their own before 2025.
///
/// In IANA's files every `<br/>` is followed by a line feed. Where a rule drops breaks and a
/// run is breaks alone (text read from a page, say: `a<br/>b`), no file decides; the run is
/// written as one line feed, so that the words stay apart (the cases `wordsApart` in the tests).
struct CSVFlattening: ~Copyable {
    /// Stands for `<br/>` among the text's bytes; outside the byte range, so never text.
    private static let lineBreak: UInt16 = 0x100
    /// What IANA's 2025 stylesheet puts before each paragraph.
    private static let paragraphIndent = repeatElement(UInt16(0x20), count: 8)
    let style: CSVStyle
    private var units: [UInt16] = []
    private var labels = ByteBuffer(capacity: 1024)

    init(style: CSVStyle) {
        self.style = style
    }

    /// Appends the flattened field to `out`; returns false when the flat text cannot give the
    /// rich text back (markup, folded or trimmed white space).
    @discardableResult
    mutating func flatten(_ text: RichText, into out: inout ByteBuffer) -> Bool {
        // Nearly every field is one run of character data: flatten its bytes in place.
        if text.content.count == 1, case .text(var characters) = text.content[0] {
            return characters.withUTF8 { emit($0, into: &out) }
        }
        // Otherwise it is empty, or it has markup: xrefs and paragraphs are lost in CSV, breaks
        // too but where the CSV reader gives them back (`isReadBack`).
        units.removeAll(keepingCapacity: true)
        serialize(text)
        let unchanged = units.withUnsafeBufferPointer { emit($0, into: &out) }
        return unchanged && !text.content.contains { inline in
            switch inline {
            case .xref, .paragraph: true
            case .text, .lineBreak: false
            }
        }
    }

    /// `[label][label]…` of the xrefs of `kind` (all when nil), flattened the same way.
    mutating func flatten(labels xrefs: [Xref], only kind: XrefKind?, into out: inout ByteBuffer) {
        labels.removeAll()
        // Through a buffer, so that each xref is read in place, not copied out of the array.
        xrefs.withUnsafeBufferPointer { xrefs in
            for i in xrefs.indices where kind?.includes(xrefs[i]) ?? true {
                labels.append(UInt8(ascii: "["))
                labels.append(xrefs[i].label)
                labels.append(UInt8(ascii: "]"))
            }
        }
        _ = emit(labels.bytes, into: &out)
    }

    private mutating func serialize(_ text: RichText) {
        for inline in text.content {
            switch inline {
            case .text(let characters): units.append(contentsOf: characters.utf8.lazy.map(UInt16.init))
            case .lineBreak: units.append(Self.lineBreak)
            case .xref(let xref): appendLabel(xref)
            case .paragraph(let inner):
                if style == .from2025 { units.append(contentsOf: Self.paragraphIndent) }
                serialize(inner)
            }
        }
    }

    /// Labels inside marked-up text (inline xrefs).
    private mutating func appendLabel(_ xref: Xref) {
        units.append(UInt16(UInt8(ascii: "[")))
        units.append(contentsOf: xref.label.utf8.lazy.map(UInt16.init))
        units.append(UInt16(UInt8(ascii: "]")))
    }

    /// Writes `units` with the white-space rules applied; returns false if any run changed.
    /// Generic so that plain text (bytes) and marked-up text (bytes and breaks) share it.
    private func emit<Unit: FixedWidthInteger>(_ units: UnsafeBufferPointer<Unit>, into out: inout ByteBuffer) -> Bool {
        var unchanged = true
        var i = 0
        let count = units.count
        while i < count {
            var end = i
            while end < count, !Self.isSpace(units[end]) { end += 1 }
            if end > i {  // a run of visible text, copied whole
                out.append(contentsOf: UnsafeBufferPointer(rebasing: units[i..<end]))
                i = end
                continue
            }
            var breaks = 0
            var blanks = false
            var lineFeeds = false
            while end < count, Self.isSpace(units[end]) {
                if Self.isBreak(units[end]) {
                    breaks += 1
                } else if units[end] == 0x0A {
                    lineFeeds = true
                } else {
                    blanks = true
                }
                end += 1
            }
            defer { i = end }
            if i == 0 || end == count {  // white space at either end is dropped
                unchanged = false
                continue
            }
            let run = UnsafeBufferPointer(rebasing: units[i..<end])
            if breaks > 0, !isReadBack(run) { unchanged = false }
            switch style {
            case .before2019 where !blanks && !lineFeeds:
                out.append(0x0A)  // breaks alone: see the type's comment
            case .before2019, .from2019:
                // Kept as it is, each break dropped or written as a line feed.
                for unit in run where !Self.isBreak(unit) || style == .from2019 { out.append(Self.isBreak(unit) ? 0x0A : UInt8(unit)) }
            case .from2020,
                .from2025 where breaks == 0:
                Self.collapse(run, breaks: breaks, blanks: blanks, lineFeeds: lineFeeds, into: &out, unchanged: &unchanged)
            case .from2025:
                Self.collapseDroppingBreaks(run, into: &out, unchanged: &unchanged)
            }
        }
        return unchanged
    }

    /// True for the one run of breaks that the CSV reader reads back: in the 2020 rule, a
    /// `<br/>` and a line feed, written as two line feeds (see `CSVStyleEvidence`).
    private func isReadBack<Unit: FixedWidthInteger>(_ run: UnsafeBufferPointer<Unit>) -> Bool {
        style == .from2020 && run.count == 2 && Self.isBreak(run[0]) && run[1] == 0x0A
    }

    /// The 2020 rule for one run of white space inside the field.
    private static func collapse<Unit: FixedWidthInteger>(
        _ run: UnsafeBufferPointer<Unit>, breaks: Int, blanks: Bool, lineFeeds: Bool,
        into out: inout ByteBuffer, unchanged: inout Bool
    ) {
        if breaks == 0 {
            if lineFeeds, isBlank(run[0]), isBlank(run[run.count - 1]) {
                out.append(0x20)
                unchanged = false
            } else {
                out.append(contentsOf: run)
            }
        } else if breaks == 1, !blanks {
            for unit in run { out.append(isBreak(unit) ? 0x0A : UInt8(unit)) }
        } else {
            out.append(0x20)
        }
    }

    /// The 2025 rule for a run with breaks: the 2020 rule on what is left once they are
    /// dropped (a copy, but only marked-up text has breaks).
    private static func collapseDroppingBreaks<Unit: FixedWidthInteger>(
        _ run: UnsafeBufferPointer<Unit>, into out: inout ByteBuffer, unchanged: inout Bool
    ) {
        let rest = run.filter { !isBreak($0) }
        guard !rest.isEmpty else { return out.append(0x0A) }  // breaks alone: see the type's comment
        rest.withUnsafeBufferPointer { rest in
            collapse(rest, breaks: 0, blanks: rest.contains { $0 != 0x0A }, lineFeeds: rest.contains(0x0A), into: &out, unchanged: &unchanged)
        }
    }

    /// White space, or the `<br/>` marker.
    @inline(__always)
    private static func isSpace<Unit: FixedWidthInteger>(_ unit: Unit) -> Bool {
        unit <= 0x20 && ASCII.isWhiteSpace(UInt8(truncatingIfNeeded: unit)) || isBreak(unit)
    }

    @inline(__always)
    private static func isBreak<Unit: FixedWidthInteger>(_ unit: Unit) -> Bool {
        Unit.bitWidth > 8 && UInt16(truncatingIfNeeded: unit) == lineBreak
    }

    /// A blank (or a carriage return) at the edge of a run that wraps a line.
    @inline(__always)
    private static func isBlank<Unit: FixedWidthInteger>(_ unit: Unit) -> Bool {
        unit <= 0x20 && (ASCII.isBlank(UInt8(truncatingIfNeeded: unit)) || unit == 0x0D)
    }
}

extension ByteBuffer {
    /// Appends text units that are known to be bytes (no line-break marker among them).
    @inline(__always)
    mutating func append<Unit: FixedWidthInteger>(contentsOf units: UnsafeBufferPointer<Unit>) {
        if Unit.self == UInt8.self {
            append(UnsafeRawBufferPointer(units).assumingMemoryBound(to: UInt8.self))
        } else {
            for unit in units { append(UInt8(truncatingIfNeeded: unit)) }
        }
    }
}
