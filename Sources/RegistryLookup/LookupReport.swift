import FoundationEssentials
import RegistryLayoutKit
import RegistryModel

/// Answers as text for people or JSON for scripts, with the registry they came from.
public struct LookupReport: Sendable {
    /// Where the answers come from: "built-in" or the file given, and its date.
    public var source: String
    public var updated: String?
    public var answers: [LookupAnswer]

    public init(source: String, updated: String?, answers: [LookupAnswer]) {
        self.source = source
        self.updated = updated
        self.answers = answers
    }

    /// Every query found an assigned record.
    public var allFound: Bool { answers.allSatisfy(\.found) }

    /// A line naming the registry, then per query a line with the query (and the RFC 6335
    /// ranges of its ports) and one line per record: name, port/protocol, description.
    public var text: String {
        var lines = ["registry: \(source)\(updated.map { ", updated \($0)" } ?? "")"]
        for answer in answers {
            let classes = answer.portClasses.map(\.rawValue).joined(separator: ", ")
            lines.append(answer.query.text + (classes.isEmpty ? "" : ": " + classes))
            for record in answer.records + answer.states { lines.append("  " + Self.line(record)) }
            if answer.records.isEmpty { lines.append("  " + Self.nothing(answer)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What an answer without an assigned record says.
    static func nothing(_ answer: LookupAnswer) -> String {
        switch answer.query {
        case .name: return "no service of that name"
        case .ports:
            if answer.portClasses == [.dynamic] { return "not assigned: IANA never assigns Dynamic Ports (RFC 6335 §6)" }
            return answer.states.isEmpty ? "no entry holds it" : "not assigned"
        }
    }

    static func line(_ record: Record) -> String {
        let name = record.name?.text ?? "-"
        let port = (record.number?.text ?? "-") + (record.transportProtocol.map { "/" + $0.text } ?? " (any protocol)")
        let description = record.description.map { ServicesLine.oneLine($0.plainText) } ?? ""
        return padded(name, 16) + " " + padded(port, 16) + " " + description
    }

    public var json: [UInt8] {
        let document = Document(
            registry: Source(source: source, updated: updated),
            answers: answers.map { answer in
                Answer(
                    query: answer.query.text, found: answer.found, portRanges: answer.portClasses.map(\.rawValue),
                    records: (answer.records + answer.states).map(Entry.init))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(document)) ?? Data()) + [0x0A]
    }

    struct Document: Encodable {
        var registry: Source
        var answers: [Answer]
    }

    struct Source: Encodable {
        var source: String
        var updated: String?
    }

    struct Answer: Encodable {
        var query: String
        var found: Bool
        var portRanges: [String]
        var records: [Entry]
    }

    /// A record's fields as text (xrefs as their labels).
    struct Entry: Encodable {
        var name, port, transportProtocol, description, registrationDate, modificationDate, serviceCode, unauthorizedUse: String?
        var state: String
        var assignees, contacts, references, notes: [String]

        init(_ record: Record) {
            (name, port, transportProtocol) = (record.name?.text, record.number?.text, record.transportProtocol?.text)
            description = record.description.map { ServicesLine.oneLine($0.plainText) }
            (registrationDate, modificationDate) = (record.registrationDate?.text, record.modificationDate?.text)
            (serviceCode, unauthorizedUse) = (record.serviceCode?.text, record.unauthorizedUse.map { ServicesLine.oneLine($0.plainText) })
            state = record.state.rawValue
            assignees = record.effectiveAssignees.map(\.label)
            contacts = record.contacts.map(\.label)
            references = record.references.map(\.label)
            notes = record.notes.map { ServicesLine.oneLine($0.plainText) }
        }
    }
}

func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
