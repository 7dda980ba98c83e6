/// Where a value was read: the input file (an index into `Registry.sourceFiles`), the line and
/// the column, both 1-based. Kept small because every field of every record carries one.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: UInt16
    public var line: UInt32
    public var column: UInt32

    public init(file: UInt16 = 0, line: UInt32, column: UInt32) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
