import RegistryModel
import RegistryReaders
import Synchronization

/// What a model rule sees: the registry read from one or more inputs.
public struct ValidationInput: Sendable {
    public let registry: Registry
    private let shared = SharedIndexes()

    public init(registry: Registry) {
        self.registry = registry
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
