import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// The part of the page above the records table: the site banner and navigation (skipped),
/// the centred title, then blocks of a label and its value — `Last Updated`, `Expert(s)`,
/// `Reference`, `Note`, titled notes such as `Request an Assignment`, and `Available Formats`
/// (the site's links, skipped). A label sits at the labels' indentation after an empty line;
/// preformatted values (experts, notes) lose the one blank the page puts before each line.
enum TextMetadata {
    static let formatLabels: Set<String> = [MetadataLabel.availableFormats, "Alternative Formats"]

    static func read(_ lines: TextLines, before end: Int, into registry: inout Registry) {
        var line = 0
        while line < end, lines.isEmpty(line) || lines.text(line) == RegistryPage.banner || isNavigation(lines, line) { line += 1 }
        guard line < end else { return }
        registry.title = lines.text(line)
        line += 1
        while line < end, lines.isEmpty(line) { line += 1 }
        guard line < end else { return }
        let labelIndent = lines.indent(line)
        var labels: [Int] = []
        for index in line..<end where !lines.isEmpty(index) && lines.indent(index) == labelIndent
            && (index == line || lines.isEmpty(index - 1)) {
            labels.append(index)
        }
        for (k, label) in labels.enumerated() {
            let value = block(lines, (label + 1)..<(k + 1 < labels.count ? labels[k + 1] : end))
            switch lines.text(label) {
            case MetadataLabel.lastUpdated:
                registry.updated = value.first.map { Parsed(String(Substring(ASCII.trimming($0.utf8) { $0 == 0x20 }))) }
            case MetadataLabel.experts:
                registry.experts.append(RichText(stringLiteral: value.joined(separator: "\n")))
            case MetadataLabel.reference:
                registry.references += bracketLabels(value.joined(separator: " ")).labels.map { Xref.reference(label: $0) }
            case MetadataLabel.note:
                registry.notes.append(RegistryNote(text: richText(value)))
            case let title where formatLabels.contains(title):
                break
            case let title:
                registry.notes.append(RegistryNote(title: title, text: richText(value)))
            }
        }
    }

    /// The lines of a value, without the empty lines around it and without the indentation
    /// they share.
    private static func block(_ lines: TextLines, _ range: Range<Int>) -> [String] {
        var indices = Array(range)
        while let first = indices.first, lines.isEmpty(first) { indices.removeFirst() }
        while let last = indices.last, lines.isEmpty(last) { indices.removeLast() }
        let shared = indices.filter { !lines.isEmpty($0) }.map { lines.indent($0) }.min() ?? 0
        return indices.map { index in
            let visible = lines.trimmed(index)
            return visible.isEmpty ? "" : lines.string((lines.starts[index] + shared)..<visible.upperBound)
        }
    }

    /// A value that is only `[https://…]` was a link (the page shows its target).
    private static func richText(_ value: [String]) -> RichText {
        let text = value.joined(separator: "\n")
        if value.count == 1, text.hasPrefix("[http"), text.hasSuffix("]"), !text.dropFirst().dropLast().contains(" ") {
            return RichText([.xref(Xref(type: .uri, data: String(text.dropFirst().dropLast())))])
        }
        return RichText(stringLiteral: text)
    }

    private static func isNavigation(_ lines: TextLines, _ line: Int) -> Bool {
        lines.bytes[lines.trimmed(line)].starts(with: [0xE2, 0x80, 0xA2])  // "•"
    }
}
