/// A tab on a text page stands for the blanks up to the next multiple of 8 columns, as a
/// terminal or a text browser shows it: read as one column, it would shift the rest of its line
/// into the next column of the table.
enum TabStops {
    static let width = 8

    /// `input` with each tab replaced by its blanks; a warning names the first tab's place.
    static func expanded(_ input: InputFile, _ diagnostics: inout [Diagnostic]) -> InputFile {
        guard let first = input.bytes.firstIndex(of: 0x09) else { return input }
        let (line, column) = input.lineAndColumn(ofByteAt: first)
        let count = input.bytes.count { $0 == 0x09 }
        diagnostics.append(Diagnostic(
            file: input.displayName, line: line, column: column,
            message: "\(count == 1 ? "a tab" : "\(count) tabs") on the page, read as blanks up to the next multiple of \(width) columns, as a text browser shows \(count == 1 ? "it" : "them")"))
        var out: [UInt8] = []
        out.reserveCapacity(input.bytes.count + count * (width - 1))
        var columnInLine = 0
        for byte in input.bytes {
            switch byte {
            case 0x09:
                let blanks = width - columnInLine % width
                out.append(contentsOf: repeatElement(0x20, count: blanks))
                columnInLine += blanks
            case 0x0A:
                out.append(byte)
                columnInLine = 0
            default:
                out.append(byte)
                if byte & 0xC0 != 0x80 { columnInLine += 1 }  // a UTF-8 continuation byte takes no column
            }
        }
        var expanded = input
        expanded.bytes = out
        return expanded
    }
}
