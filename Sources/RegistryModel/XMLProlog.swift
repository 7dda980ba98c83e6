/// A comment or a processing instruction: what XML may hold outside the root element.
public enum XMLMisc: Hashable, Sendable {
    case comment(String)
    case processingInstruction(target: String, data: String)

    /// The target of the processing instruction with which XML records the CSV rule of a
    /// registry read from CSV, when its date does not imply it (`Registry.csvStyle`).
    public static let csvStyleTarget = "ianaconv-csv-style"
}

/// What an XML file holds around its root element, in order, so that XML written back keeps
/// it (IANA's older files carry `<?oxygen …?>` where today's carry `<?xml-model …?>`).
public struct XMLProlog: Hashable, Sendable {
    public var beforeRoot: [XMLMisc]
    public var afterRoot: [XMLMisc]

    public init(beforeRoot: [XMLMisc] = [], afterRoot: [XMLMisc] = []) {
        self.beforeRoot = beforeRoot
        self.afterRoot = afterRoot
    }
}
