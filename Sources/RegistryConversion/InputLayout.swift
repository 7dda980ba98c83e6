import RegistryReaders

/// The layout inputs are read in: a reader's, or the one each input's content looks like.
public enum InputLayout: Sendable {
    case detected
    case named(any RegistryReader.Type)

    /// A reader's name or alias, or `auto` for detection; any case.
    public init?(name: String) {
        if name.lowercased() == Self.auto {
            self = .detected
        } else if let reader = Readers.reader(named: name) {
            self = .named(reader)
        } else {
            return nil
        }
    }

    /// What `init(name:)` takes, aliases left out.
    public static var names: [String] { [auto] + Readers.names }

    public var name: String {
        switch self {
        case .detected: Self.auto
        case .named(let reader): reader.name
        }
    }

    private static let auto = "auto"
}
