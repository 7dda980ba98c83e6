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

    static let defaultTitle = "Service Name and Transport Protocol Port Number Registry"
    /// The width titles are centred in.
    static let pageWidth = 150

    static let recordColumns: [TextTableWriter.Column] = [
        .init(header: ["Service Name"]), .init(header: ["Port Number"], centred: true),
        .init(header: ["Transport", "Protocol"], centred: true), .init(header: ["Description"], wrapAt: 28),
        .init(header: ["Assignee"], wrapAt: 53), .init(header: ["Contact"], wrapAt: 53),
        .init(header: ["Registration", "Date"]), .init(header: ["Modification", "Date"]),
        .init(header: ["Reference"], wrapAt: 47), .init(header: ["Service", "Code"]),
        .init(header: ["Unauthorized", "Use Reported"], wrapAt: 28), .init(header: ["Assignment Notes"], wrapAt: 110),
    ]
    static let peopleColumns: [TextTableWriter.Column] = [
        .init(header: ["ID"]), .init(header: ["Name"], wrapAt: 25), .init(header: ["Organization"], wrapAt: 24),
        .init(header: ["Contact URI"]), .init(header: ["Last", "Updated"]),
    ]

    public static func write(_ registry: Registry, to out: inout OutputBuffer, losses: inout LossReport) {
        losses.note(.registryIdentity, count: (registry.id == nil ? 0 : 1) + (registry.category == nil ? 0 : 1))
        centred(registry.title ?? defaultTitle, into: &out)
        metadata(registry, into: &out, losses: &losses)
        var records = TextTableWriter(recordColumns)
        for record in registry.records { records.add(cells(record, &losses)) }
        records.write(into: &out)
        if let people = registry.people, !people.isEmpty {
            out.append("\n")
            centred("Contact Information", into: &out)
            var table = TextTableWriter(peopleColumns)
            for person in people { table.add(cells(person, &losses)) }
            table.write(into: &out)
        }
        if !registry.footnotes.isEmpty {
            out.append("\n")
            centred(registry.footnotes.count == 1 ? "Footnote" : "Footnotes", into: &out)
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
        if let updated = registry.updated { block("Last Updated", value: [updated.text], into: &out) }
        for expert in registry.experts { block("Expert(s)", preformatted: expert, into: &out, losses: &losses) }
        if !registry.references.isEmpty {
            losses.note(.xrefTargets, count: registry.references.count { !$0.survivesAsLabel })
            block("Reference", value: [registry.references.map { "[\($0.label)]" }.joined()], into: &out)
        }
        for note in registry.notes {
            block(note.title ?? "Note", preformatted: note.text, into: &out, losses: &losses)
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
        if !exact || lines != all || lines.joined(separator: "\n") != flat { losses.note(.reflowedText) }
        out.append("\(label)\n\n")
        for line in lines { out.append(line.isEmpty ? "\n" : " \(line)\n") }
        out.append("\n")
    }

    private static func cells(_ record: Record, _ losses: inout LossReport) -> [[[String]]] {
        losses.noteLabelledColumns(record)
        func word(_ text: String?) -> [[String]] { text.map { [[$0]] } ?? [] }
        func labels(_ xrefs: [Xref]) -> [[String]] {
            xrefs.isEmpty ? [] : [words(of: xrefs.map { "[\($0.label)]" }.joined())]
        }
        func rich(_ text: RichText?) -> [[String]] {
            guard let text else { return [] }
            let (paragraphs, exact, inlineXrefs) = flow(text)
            if !exact { losses.note(.reflowedText) }
            losses.note(.xrefTargets, count: inlineXrefs)
            return paragraphs
        }
        var notes: [[String]] = []
        for note in record.notes {
            if !notes.isEmpty { notes.append([]) }
            notes += rich(note)
        }
        if record.notes.count > 1 { losses.note(.reflowedText) }
        return [
            word(record.name?.text), word(record.number?.text), word(record.transportProtocol?.text),
            rich(record.description), labels(record.assignees ?? record.contacts), labels(record.contacts),
            word(record.registrationDate?.text), word(record.modificationDate?.text), labels(record.references),
            word(record.serviceCode?.text), rich(record.unauthorizedUse), notes,
        ]
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
                        if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" { endWord() } else { word.unicodeScalars.append(scalar) }
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
            if byte == 0x0A || byte == 0x09 || byte == 0x0D { return false }
            let blank = byte == 0x20
            if blank && previousBlank { return false }
            previousBlank = blank
        }
        return !previousBlank
    }
}

/// The words of a text, split at blanks and line ends (on its bytes; most texts are one word).
private func words(of text: String) -> [String] {
    let bytes = text.utf8
    guard bytes.contains(where: isSpace) else { return text.isEmpty ? [] : [text] }
    return bytes.split(whereSeparator: isSpace).map { String(decoding: $0, as: UTF8.self) }
}

private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
}

private func trimmingTrailingBlanks(_ line: Substring) -> String {
    var line = line
    while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
    return String(line)
}
