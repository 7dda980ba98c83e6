/// Every layout ianaconv writes. Adding a layout is one writer file and one line here.
public enum Writers {
    public static let all: [any RegistryWriter.Type] = [
        XMLWriter.self,
        CSVWriter.self,
        HTMLWriter.self,
        TextWriter.self,
        JSONWriter.self,
        JSONLinesWriter.self,
        ServicesWriter.self,
    ]

    /// The writer for a layout name or alias (case-insensitive).
    public static func writer(named name: String) -> (any RegistryWriter.Type)? {
        let wanted = name.lowercased()
        return all.first { $0.name == wanted || $0.aliases.contains(wanted) }
    }

    public static var names: [String] { all.map { $0.name } }
}
