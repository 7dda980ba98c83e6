import RegistryDiff
import RegistryModel
import RegistryReaders
import Synchronization

/// What a model rule sees: the registry read from one or more inputs, and, when it is judged
/// against an earlier release (`validate --against`), what became of each of its records.
public struct ValidationInput: Sendable {
    public let registry: Registry
    /// By record index: added, changed or unchanged since the earlier release; nil when the
    /// whole registry is judged.
    public let changes: [RecordStatus]?
    private let shared = SharedIndexes()

    public init(registry: Registry, changes: [RecordStatus]? = nil) {
        precondition(changes.map { $0.count == registry.records.count } ?? true, "one status per record")
        self.registry = registry
        self.changes = changes
    }

    /// Whether the record at `index` is judged as a new registration (RFC 6335 §8.1.1):
    /// against an earlier release, a record added or changed since; otherwise one registered
    /// under RFC 6335.
    func isNewRegistration(_ index: Int) -> Bool {
        if let changes { return changes[index] != .unchanged }
        return registry.records[index].registrationDate?.value?.isAfterRFC6335 ?? false
    }

    /// Whether the record at `index` is added since the earlier release: its name gets no
    /// legacy exemption, whatever it is.
    func isAdded(_ index: Int) -> Bool {
        changes?[index] == .added
    }

    /// The ports every record describes, for the rules that ask whether a port has any entry
    /// (counterparts, gaps). Built on first use and then shared: it walks and sorts every
    /// record.
    var describedPorts: PortIndex {
        shared.describedPorts(of: registry.records)
    }
}

/// What a source rule sees: one input's bytes and the reader of its layout. Its findings are
/// located in `input.index`, the input's place among the registry's source files.
public struct SourceInput: Sendable {
    public let input: InputFile
    public let reader: any RegistryReader.Type

    public init(_ input: InputFile, reader: any RegistryReader.Type) {
        self.input = input
        self.reader = reader
    }
}

/// Indexes that several rules need, built once per input by the first rule that asks; rules
/// may run on several threads at once, so the first asker builds under the lock.
private final class SharedIndexes: Sendable {
    private let described = Mutex<PortIndex?>(nil)

    func describedPorts(of records: [Record]) -> PortIndex {
        described.withLock { described in
            if let described { return described }
            let index = PortIndex(records) { _ in true }
            described = index
            return index
        }
    }
}
