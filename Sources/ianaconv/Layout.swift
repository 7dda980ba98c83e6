import ArgumentParser
import RegistryConversion
import RegistryModel
import RegistryWriters

/// An input layout on the command line: a reader's name or alias, or 'auto', in any case.
/// Completions and help offer the names.
extension InputLayout: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { names }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    public var defaultValueDescription: String { name }
}

/// An output layout on the command line: a writer's name or alias, in any case.
struct OutputLayout: ExpressibleByArgument {
    let writer: any RegistryWriter.Type

    init?(argument: String) {
        guard let writer = Writers.writer(named: argument) else { return nil }
        self.writer = writer
    }

    static var allValueStrings: [String] { Writers.names }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// A CSV rule on the command line (`--csv-style`): the era's name.
extension CSVStyle: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
