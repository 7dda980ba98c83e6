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
    case registryIdentity, reflowedText, personDetails, emptyElements, unkeptMarkup

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
        }
    }
}

func plural(_ count: Int, _ noun: String, _ nouns: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : nouns ?? noun + "s")"
}
