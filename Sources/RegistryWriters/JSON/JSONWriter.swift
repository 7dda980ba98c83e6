import RegistryLayoutKit
import RegistryModel

/// Writes the JSON layout: one document, `{"records": [...], "id": …, "people": […]}`, each
/// record on a line of its own (`JSONValueWriter` has the shape). The records come first so
/// that each is written the moment it is read; the registry's metadata, footnotes and people
/// follow them. JSON carries the whole model, so it reports no losses.
public enum JSONWriter: RecordStreamWriter {
    public static let name = "json"
    public static let aliases: [String] = []

    public static func writeHead(of _: Registry, into out: inout OutputBuffer) {
        out.append("{\n  \"records\": [")
    }

    public static func makeStream(for _: Registry) -> any RecordStream & ~Copyable { JSONRecordStream(lines: false) }

    /// Between the records of two parts written apart.
    public static let runSeparator: [UInt8] = Array(",".utf8)

    public static func finish(_ registry: Registry, into out: inout OutputBuffer, losses: inout LossReport) {
        var json = JSONValueWriter()
        json.out.append("\n  ]")
        for (key, value) in [("id", registry.id), ("title", registry.title), ("category", registry.category), ("updated", registry.updated?.text)] {
            guard let value else { continue }
            json.out.append(",\n  \"\(key)\": ")
            json.string(value)
        }
        json.block("references", registry.references) { json, xref in json.xref(xref) }
        json.block("experts", registry.experts) { json, expert in json.rich(expert) }
        json.block("notes", registry.notes) { json, note in json.note(note) }
        json.block("footnotes", registry.footnotes) { json, footnote in json.footnote(footnote) }
        if let people = registry.people { json.block("people", people) { json, person in json.person(person) } }
        json.out.append("\n}\n")
        out.append(contentsOf: UnsafeRawBufferPointer(json.out.bytes))
    }
}

/// JSON Lines: one record per line and nothing else, for `jq -c` and line tools. The registry's
/// metadata, people and footnotes have no line of their own, so they are reported lost.
public enum JSONLinesWriter: RecordStreamWriter {
    public static let name = "jsonl"
    public static let aliases = ["ndjson", "json-lines"]

    public static func writeHead(of _: Registry, into out: inout OutputBuffer) {}

    public static func makeStream(for _: Registry) -> any RecordStream & ~Copyable { JSONRecordStream(lines: true) }

    public static func finish(_ registry: Registry, into out: inout OutputBuffer, losses: inout LossReport) {
        losses.noteRegistryBesidesRecords(registry)
    }
}

/// Writes each record as one line into the output: after a comma and an indent inside the
/// document's `records` array, or as a line of its own in JSON Lines.
struct JSONRecordStream: RecordStream, ~Copyable {
    private var json = JSONValueWriter()
    private let lines: Bool
    private var first = true

    init(lines: Bool) {
        self.lines = lines
    }

    mutating func write(_ record: Record, into out: inout OutputBuffer, losses: inout LossReport) {
        if !lines { json.out.append(first ? "\n    " : ",\n    ") }
        first = false
        json.record(record)
        if lines { json.out.append(0x0A) }
        out.append(contentsOf: UnsafeRawBufferPointer(json.out.bytes))
        json.out.removeAll()
    }
}

extension JSONValueWriter {
    /// `"key": [` and the elements one to a line, at the document's top level.
    fileprivate mutating func block<Element>(_ key: String, _ elements: [Element], _ element: (inout JSONValueWriter, Element) -> Void) {
        out.append(",\n  \"\(key)\": [")
        for (index, value) in elements.enumerated() {
            out.append(index == 0 ? "\n    " : ",\n    ")
            element(&self, value)
        }
        out.append(elements.isEmpty ? "]" : "\n  ]")
    }
}
