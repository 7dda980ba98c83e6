import RegistryModel

/// What a writer could not carry into its layout, counted by kind. The command line prints it
/// as warnings and `--fail-on-loss` makes it an error: nothing is dropped in silence.
public struct LossReport: Sendable, Equatable {
    public private(set) var counts: [LossKind: Int] = [:]

    public init() {}

    public mutating func note(_ kind: LossKind, count: Int = 1) {
        guard count > 0 else { return }
        counts[kind, default: 0] += count
    }

    public var isEmpty: Bool { counts.isEmpty }

    /// Notes the metadata, people and footnotes as lost, for a layout of records only.
    mutating func noteRegistryBesidesRecords(_ registry: Registry) {
        let metadata = [registry.id, registry.title, registry.category, registry.updated?.text].compactMap { $0 }.count
            + registry.references.count + registry.experts.count + registry.notes.count
        note(.metadata, count: metadata)
        note(.people, count: registry.people?.count ?? 0)
        note(.footnotes, count: registry.footnotes.count)
    }

    /// Adds what another report counted (of records written apart).
    public mutating func add(_ other: LossReport) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// One line per kind, in a fixed order.
    public func messages(layout: String) -> [String] {
        LossKind.allCases.compactMap { kind in
            counts[kind].map { "\(layout) cannot carry \(kind.describe(count: $0))" }
        }
    }
}

public enum LossKind: CaseIterable, Sendable, Hashable {
    case metadata, people, footnotes, xrefTargets, textMarkup, assigneeElement, elementOrder
    case registryIdentity, reflowedText, personDetails, emptyElements, unanchoredRecords, cutWords, unkeptMarkup
    // What a services(5) file cannot carry: a line holds a name, a port, a protocol, aliases
    // and a one-line description, under a header with the registry's title and date.
    case recordsWithoutService, nameOnlyRecords, protocolLessRecords, unwritableRecords, expandedRanges
    case recordDetails, foldedDescriptions, metadataBeyondHeader, peopleTable, footnotesDropped

    func describe(count: Int) -> String {
        switch self {
        case .metadata:
            "the registry's metadata (\(plural(count, "item")): title, category, updated, references, experts, notes); dropped"
        case .people:
            "the people table (\(count) \(count == 1 ? "person" : "people")); dropped, only [ids] remain"
        case .footnotes:
            "\(plural(count, "footnote")); dropped, only \(count == 1 ? "its [anchor] remains" : "their [anchors] remain")"
        case .xrefTargets:
            "the type or target of \(plural(count, "xref")) (URLs, attributes); only the [label] remains"
        case .textMarkup:
            "line breaks, paragraphs, inline xrefs or edge white space in \(plural(count, "text field")); folded into plain text as IANA's CSV does"
        case .assigneeElement:
            "\(plural(count, "<assignee> element")) identical to the contacts; read back, the contacts stand for them"
        case .elementOrder:
            "the element order of \(plural(count, "record")); read back, they take the usual order"
        case .registryIdentity:
            "the registry's id and category (\(plural(count, "item"))); dropped, the page shows neither"
        case .reflowedText:
            "the exact line breaks, paragraphs and white space of \(plural(count, "text field")); reflowed into its column (a line break survives where the next word would have fitted)"
        case .personDetails:
            "details of \(count) \(count == 1 ? "person" : "people") (empty values, line breaks or runs of blanks in names); folded"
        case .unkeptMarkup:
            "\(plural(count, "comment or processing instruction", "comments or processing instructions")) inside the registry; the model has no place for them, so no layout keeps them"
        case .emptyElements:
            "\(plural(count, "empty element")) (<name/>, <note/>, <uri/>, …); an empty cell reads back as no element"
        case .unanchoredRecords:
            "\(plural(count, "record")) with no name, port, protocol, date or service code; a row is found by one of those, so they are left out"
        case .cutWords:
            "\(plural(count, "word")) wider than a page column may be (\(TextTableWriter.maxColumnWidth) characters); cut to that width"
        case .recordsWithoutService:
            "\(plural(count, "record")) that assign no service (no name, Reserved, Unassigned); left out"
        case .nameOnlyRecords:
            "\(plural(count, "name-only registration")) (no port); left out"
        case .protocolLessRecords:
            "\(plural(count, "named record")) without a transport protocol; left out, a line needs tcp, udp, sctp or dccp"
        case .unwritableRecords:
            "\(plural(count, "record")) whose name, port or protocol a line cannot hold (white space or # in the name, a port or protocol that does not parse); left out"
        case .expandedRanges:
            "\(plural(count, "port range")) as ranges; written one line per port, each read back as a record of its own"
        case .recordDetails:
            "the assignees, contacts, references, dates, service codes, unauthorized uses and notes of \(plural(count, "record")) (and an alias's description); dropped"
        case .foldedDescriptions:
            "line breaks, markup or runs of white space in \(plural(count, "description")); folded into a one-line comment"
        case .metadataBeyondHeader:
            "the registry's metadata but its title and date (\(plural(count, "item")): id, category, references, experts, notes); dropped"
        case .peopleTable:
            "the people table (\(count) \(count == 1 ? "person" : "people")); dropped"
        case .footnotesDropped:
            "\(plural(count, "footnote")); dropped"
        }
    }
}

func plural(_ count: Int, _ noun: String, _ nouns: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : nouns ?? noun + "s")"
}
