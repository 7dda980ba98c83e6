import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// Writes a plain-text page in the style of IANA's `.txt`: the centred title, the metadata
/// blocks (`Last Updated`, `Expert(s)`, `Reference`, `Note`, titled notes), the records table,
/// the people table ("Contact Information") and the footnotes. Rows anchor on their **middle**
/// line, as on IANA's page (see `TextTableWriter`), so `TextReader` reads IANA's pages and
/// this writer's alike. Deterministic; no line ends in a blank.
///
/// The page shows text, so xrefs keep only their `[LABEL]`, and text is reflowed into its
/// column: what that loses is reported.
public enum TextWriter: RegistryWriter {
    public static let name = "txt"
    public static let aliases = ["text", "plain"]

    /// The width titles are centred in.
    static let pageWidth = 150

    /// The records table as IANA's text page lays it out: these titles broken after their first
    /// word, text wrapped at these widths, port and protocol centred (the service code, centred
    /// on the HTML page, is not).
    static let recordColumns = RegistryColumn.allCases.map { column in
        TextTableWriter.Column(
            title: column.title,
            breaksTitle: [.transportProtocol, .registrationDate, .modificationDate, .serviceCode, .unauthorizedUse].contains(column),
            centred: column == .number || column == .transportProtocol,
            wrapAt: recordWrapWidths[column] ?? .max)
    }
    private static let recordWrapWidths: [RegistryColumn: Int] = [
        .description: 28, .assignee: 53, .contact: 53, .reference: 47, .unauthorizedUse: 28, .notes: 110,
    ]
    private static let anchorColumns = RegistryColumn.oneLine.map(\.rawValue)
    static let peopleColumns = PeopleColumn.allCases.map { column in
        TextTableWriter.Column(
            title: column.title, breaksTitle: column == .lastUpdated, wrapAt: peopleWrapWidths[column] ?? .max)
    }
    private static let peopleWrapWidths: [PeopleColumn: Int] = [.name: 25, .organization: 24]

    public static func write(_ registry: Registry, to out: inout OutputBuffer, losses: inout LossReport) {
        losses.note(.registryIdentity, count: (registry.id == nil ? 0 : 1) + (registry.category == nil ? 0 : 1))
        centred(registry.title ?? RegistryPage.defaultTitle, into: &out)
        metadata(registry, into: &out, losses: &losses)
        var records = TextTableWriter(recordColumns)
        for record in registry.records {
            let row = cells(record, &losses)
            // A row is found by its one-line cells: without one it would be read as part of
            // the row above, or as a page cut short.
            guard anchorColumns.contains(where: { row[$0].contains { $0.contains { !$0.isEmpty } } }) else {
                losses.note(.unanchoredRecords)
                continue
            }
            losses.noteColumnLosses(record, xrefsAs: .label)
            losses.note(.cutWords, count: records.add(row))
        }
        records.write(into: &out)
        if let people = registry.people, !people.isEmpty {
            out.append("\n")
            centred(PageSection.people, into: &out)
            var table = TextTableWriter(peopleColumns)
            for person in people { losses.note(.cutWords, count: table.add(cells(person, &losses))) }
            table.write(into: &out)
        }
        if !registry.footnotes.isEmpty {
            out.append("\n")
            centred(PageSection.footnotes(count: registry.footnotes.count), into: &out)
            for footnote in registry.footnotes { self.footnote(footnote, into: &out, losses: &losses) }
        }
    }

    /// A title line, centred, then an empty line.
    private static func centred(_ title: String, into out: inout OutputBuffer) {
        out.append(String(repeating: " ", count: max(4, (pageWidth - displayWidth(title)) / 2)))
        out.append(title)
        out.append("\n\n")
    }

    private static func metadata(_ registry: Registry, into out: inout OutputBuffer, losses: inout LossReport) {
        if let updated = registry.updated { block(MetadataLabel.lastUpdated, value: [updated.text], into: &out) }
        for expert in registry.experts { block(MetadataLabel.experts, preformatted: expert, into: &out, losses: &losses) }
        if !registry.references.isEmpty {
            losses.note(.xrefTargets, count: registry.references.count { !$0.survivesAsLabel })
            block(MetadataLabel.reference, value: [registry.references.map { "[\($0.label)]" }.joined()], into: &out)
        }
        for note in registry.notes {
            block(note.title ?? MetadataLabel.note, preformatted: note.text, into: &out, losses: &losses)
        }
    }

    /// `Label`, then the value indented as IANA's `<dd>`.
    private static func block(_ label: String, value: [String], into out: inout OutputBuffer) {
        out.append("\(label)\n")
        for line in value { out.append("        \(line)\n") }
        out.append("\n")
    }

    /// `Label`, an empty line, then the text line for line, each after one blank (IANA's `<pre>`).
    private static func block(_ label: String, preformatted text: RichText, into out: inout OutputBuffer, losses: inout LossReport) {
        var flat = ""
        var exact = true
        for inline in text.content {
            switch inline {
            case .text(let characters): flat += characters
            case .lineBreak: flat += "\n"; exact = false
            case .xref(let xref):
                flat += "[\(xref.label)]"
                // A lone link comes back as one; any other xref becomes its label.
                if !(text.content.count == 1 && xref.type == .uri && xref.text == nil) { losses.note(.xrefTargets) }
            case .paragraph(let inner): flat += inner.plainText + "\n\n"; exact = false
            }
        }
        var lines = flat.split(separator: "\n", omittingEmptySubsequences: false).map { trimmingTrailingBlanks($0) }
        let all = lines
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        // The reader takes away the indentation all lines share (the page's own is one blank).
        let indents = lines.filter { !$0.isEmpty }.map { (line: String) -> Int in line.utf8.prefix { $0 == 0x20 }.count }
        let shared = indents.min() ?? 0
        if shared > 0 { lines = lines.map { String($0.dropFirst(shared)) } }
        // A tab reads back as the blanks up to its tab stop.
        if !exact || shared > 0 || flat.utf8.contains(0x09) || lines != all || lines.joined(separator: "\n") != flat { losses.note(.reflowedText) }
        out.append("\(label)\n\n")
        for line in lines { out.append(line.isEmpty ? "\n" : " \(line)\n") }
        out.append("\n")
    }

    /// Each column's paragraphs of words.
    private static func cells(_ record: Record, _ losses: inout LossReport) -> [[[String]]] {
        func labels(_ xrefs: [Xref], only kind: XrefKind?) -> [[String]] {
            let shown = kind.map { xrefs.filter($0.includes) } ?? xrefs
            return shown.isEmpty ? [] : [words(of: shown.map { "[\($0.label)]" }.joined())]
        }
        func rich(_ text: RichText?) -> [[String]] {
            guard let text else { return [] }
            let (paragraphs, exact, inlineXrefs) = flow(text)
            if !exact { losses.note(.reflowedText) }
            losses.note(.xrefTargets, count: inlineXrefs)
            return paragraphs
        }
        func notes(_ notes: [RichText]) -> [[String]] {
            var paragraphs: [[String]] = []
            for note in notes {
                if !paragraphs.isEmpty { paragraphs.append([]) }
                paragraphs += rich(note)
            }
            if notes.count > 1 { losses.note(.reflowedText) }
            return paragraphs
        }
        var cells: [[[String]]] = []
        cells.reserveCapacity(RegistryColumn.allCases.count)
        record.forEachCell { _, cell in
            switch cell {
            case .text(let text): cells.append(text.map { [[$0]] } ?? [])
            case .richText(let text): cells.append(rich(text))
            case .notes(let all): cells.append(notes(all))
            case .xrefs(let xrefs, let kind): cells.append(labels(xrefs, only: kind))
            }
        }
        return cells
    }

    private static func cells(_ person: Person, _ losses: inout LossReport) -> [[[String]]] {
        var folded = false
        func paragraph(_ text: String?) -> [[String]] {
            guard let text else { return [] }
            let split = words(of: text)
            // An empty value reads back as none; blanks other than single spaces read back as those.
            if text.isEmpty || (split.count != 1 || split[0] != text) && split.joined(separator: " ") != text { folded = true }
            return split.isEmpty ? [] : [split]
        }
        let cells = [
            [["[\(person.id)]"]], paragraph(person.name), paragraph(person.organization),
            person.uris.flatMap { paragraph($0) }, paragraph(person.updated?.text),
        ]
        if folded || person.uris.contains(where: \.isEmpty) { losses.note(.personDetails) }
        return cells
    }

    /// `[N] text`, continuation lines under the text.
    private static func footnote(_ footnote: Footnote, into out: inout OutputBuffer, losses: inout LossReport) {
        let prefix = "[\(footnote.anchor)] "
        let hang = String(repeating: " ", count: displayWidth(prefix))
        if footnote.text.content.contains(where: { if case .text = $0 { false } else { true } }) { losses.note(.reflowedText) }
        let lines = footnote.text.plainText.split(separator: "\n", omittingEmptySubsequences: false).map { trimmingTrailingBlanks($0) }
        for (index, line) in lines.enumerated() {
            out.append(index == 0 ? prefix + line : line.isEmpty ? "" : hang + line)
            out.append("\n")
        }
        out.append("\n")
    }

    /// Rich text as the page shows it: words (HTML collapses white space), a paragraph of words
    /// per `<br/>`, an empty line between `<paragraph>`s, xrefs as `[LABEL]` glued to the text
    /// around them. Also whether reading it back gives the same text, and how many inline xrefs
    /// became text.
    static func flow(_ text: RichText) -> (paragraphs: [[String]], exact: Bool, inlineXrefs: Int) {
        var paragraphs: [[String]] = []
        var current: [String] = []
        var word = ""
        var inlineXrefs = 0
        var exact = true
        func endWord() {
            if !word.isEmpty { current.append(word) }
            word = ""
        }
        func endLine() {
            endWord()
            paragraphs.append(current)
            current = []
        }
        func walk(_ content: [Inline]) {
            for inline in content {
                switch inline {
                case .text(let characters):
                    exact = exact && content.count == 1 && isSingleSpaced(characters)
                    for scalar in characters.unicodeScalars {
                        if scalar.isASCII, ASCII.isWhiteSpace(UInt8(scalar.value)) { endWord() } else { word.unicodeScalars.append(scalar) }
                    }
                case .lineBreak:
                    exact = false
                    endLine()
                case .xref(let xref):
                    exact = false
                    inlineXrefs += 1
                    word += "[\(xref.label)]"
                case .paragraph(let inner):
                    exact = false
                    endWord()
                    if !current.isEmpty { endLine() }
                    if !paragraphs.isEmpty { paragraphs.append([]) }
                    walk(inner.content)
                    endLine()
                }
            }
        }
        walk(text.content)
        endWord()
        if !current.isEmpty { paragraphs.append(current) }
        while paragraphs.first?.isEmpty == true { paragraphs.removeFirst() }
        while paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
        return (paragraphs, exact, inlineXrefs)
    }

    /// Words one blank apart, no blank at either end: what a reflowed cell reads back as.
    private static func isSingleSpaced(_ text: String) -> Bool {
        var previousBlank = true
        for byte in text.utf8 {
            let blank = byte == 0x20
            if !blank, ASCII.isWhiteSpace(byte) { return false }
            if blank && previousBlank { return false }
            previousBlank = blank
        }
        return !previousBlank
    }
}

/// The words of a text, split at white space (on its bytes; most texts are one word).
private func words(of text: String) -> [String] {
    let bytes = text.utf8
    guard bytes.contains(where: ASCII.isWhiteSpace) else { return text.isEmpty ? [] : [text] }
    return bytes.split(whereSeparator: ASCII.isWhiteSpace).map { String(decoding: $0, as: UTF8.self) }
}

/// A line (no line feed in it) without the white space at its end.
private func trimmingTrailingBlanks(_ line: Substring) -> String {
    let bytes = line.utf8
    let end = bytes.lastIndex { !ASCII.isWhiteSpace($0) }.map(bytes.index(after:)) ?? bytes.startIndex
    return String(Substring(bytes[..<end]))
}
