import BuiltInRegistry
import RegistryModel
import RegistryReaders

/// The built-in registry, read only as far as the queries need: its CSV rows are scanned for
/// the name, port and protocol fields, and only the rows a query may name are read as records
/// (reading all 14,533 rows would cost more than the 50 ms a lookup may take, start-up included).
public enum BuiltInRows {
    public static var updated: String { BuiltInRegistry.updated }

    /// The records any of `queries` may name (the engine then decides), with IANA's CSV reader.
    public static func records(for queries: [LookupQuery]) throws(ReadError) -> [Record] {
        var csv = BuiltInRegistry.csv
        let rows: [UInt8] = csv.withUTF8 { bytes in
            var scanner = CSVRowScanner(bytes)
            var kept = Array(bytes[scanner.nextRow()!])  // the header
            while let row = scanner.nextRow() {
                let fields = scanner.leadingFields(of: row)
                if queries.contains(where: { RegistryLookup.matches(fields, $0) }) { kept += bytes[row] }
            }
            return kept
        }
        var diagnostics: [Diagnostic] = []
        return try CSVReader.read(InputFile(displayName: "built-in registry", bytes: rows), diagnostics: &diagnostics).records
    }
}

/// Rows of IANA's CSV, quotes respected, without reading the fields beyond the first three.
struct CSVRowScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next row's bytes, its line feed included.
    mutating func nextRow() -> Range<Int>? {
        guard position < bytes.count else { return nil }
        let start = position
        var quoted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == 0x0A, !quoted { break }
        }
        return start..<position
    }

    /// Name, port and protocol of a row as a record (unquoted in IANA's CSV: a name, a
    /// number and a protocol hold no comma).
    func leadingFields(of row: Range<Int>) -> Record {
        var fields: [String] = []
        var start = row.lowerBound
        for i in row where fields.count < 3 && bytes[i] == UInt8(ascii: ",") {
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            start = i + 1
        }
        guard fields.count == 3 else { return Record() }
        var record = Record()
        if !fields[0].isEmpty { record.name = Parsed(fields[0]) }
        if !fields[1].isEmpty { record.number = Parsed(fields[1]) }
        if !fields[2].isEmpty { record.transportProtocol = Parsed(fields[2]) }
        return record
    }
}
