import ASCIIBytes
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
            var kept = Array(bytes[scanner.nextRow()!.row])  // the header
            let wanted = RowFilter(queries)
            while let (row, fields) = scanner.nextRow() {
                if wanted.mayName(fields) { kept += bytes[row] }
            }
            return kept
        }
        var diagnostics: [Diagnostic] = []
        return try CSVReader.read(InputFile(displayName: "built-in registry", bytes: rows), diagnostics: &diagnostics).records
    }
}

/// Which rows a query may name, asked of a row's name and port fields as bytes: a name in any
/// case, or a port range that overlaps (the protocol is left to the engine).
struct RowFilter {
    private let names: [[UInt8]]
    private let ranges: [PortRange]

    init(_ queries: [LookupQuery]) {
        var names: [[UInt8]] = []
        var ranges: [PortRange] = []
        for query in queries {
            switch query {
            case .name(let name, _): names.append(name.utf8.map(ASCII.lowercased))
            case .ports(let range, _): ranges.append(range)
            }
        }
        (self.names, self.ranges) = (names, ranges)
    }

    func mayName(_ fields: CSVRowScanner.LeadingFields) -> Bool {
        if !names.isEmpty, names.contains(where: { $0.elementsEqual(fields.name.lazy.map(ASCII.lowercased)) }) { return true }
        guard !ranges.isEmpty, let ports = Self.portRange(fields.number) else { return false }
        return ranges.contains { $0.overlaps(ports) }
    }

    /// `N` or `N-M` in decimal; nil for anything else (an empty field, a name-only row).
    static func portRange(_ bytes: UnsafeBufferPointer<UInt8>) -> PortRange? {
        var bounds: [UInt32] = [0]
        for byte in bytes {
            if byte == UInt8(ascii: "-") {
                bounds.append(0)
            } else {
                guard ASCII.isDigit(byte), bounds[bounds.count - 1] <= 65535 else { return nil }
                bounds[bounds.count - 1] = bounds[bounds.count - 1] * 10 + UInt32(byte - UInt8(ascii: "0"))
            }
        }
        guard !bytes.isEmpty, bounds.count <= 2, bounds.allSatisfy({ $0 <= 65535 }) else { return nil }
        return PortRange(lower: UInt16(bounds[0]), upper: UInt16(bounds[bounds.count - 1]))
    }
}

/// Rows of IANA's CSV, quotes respected, with their first two fields (name and port: IANA's
/// CSV never quotes them, as they hold no comma).
struct CSVRowScanner {
    struct LeadingFields {
        var name: UnsafeBufferPointer<UInt8>
        var number: UnsafeBufferPointer<UInt8>
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The next row's bytes (its line feed included) and its leading fields.
    mutating func nextRow() -> (row: Range<Int>, fields: LeadingFields)? {
        guard position < bytes.count else { return nil }
        let start = position
        let nameEnd = field(from: start)
        let numberEnd = field(from: nameEnd + 1)
        let fields = LeadingFields(
            name: UnsafeBufferPointer(rebasing: bytes[start..<nameEnd]),
            number: UnsafeBufferPointer(rebasing: bytes[min(nameEnd + 1, numberEnd)..<numberEnd]))
        position = numberEnd
        var quoted = false
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == 0x0A, !quoted { break }
        }
        return (start..<position, fields)
    }

    /// Where the unquoted field starting at `start` ends (a comma, a line feed or the end).
    private func field(from start: Int) -> Int {
        var end = min(start, bytes.count)
        while end < bytes.count, bytes[end] != UInt8(ascii: ","), bytes[end] != 0x0A { end += 1 }
        return end
    }
}
