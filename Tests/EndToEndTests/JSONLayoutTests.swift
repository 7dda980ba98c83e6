import Foundation
import Testing
import TestSupport

/// The JSON layout through the release binary on IANA's full registries: XML → JSON → XML is
/// byte-identical to XML → XML (so it keeps the input element by element, as XML → XML does),
/// JSON Lines keeps every record, and the output validates against the JSON Schema with a
/// real validator (jsonschema from PyPI; `make json-check` runs the same check).
@Suite(.serialized) struct JSONLayoutTests {
    static let registries = ["2024-04-30", "2026-08-17"].map { "Tests/Fixtures/iana/\($0)/service-names-port-numbers.xml" }

    @Test(arguments: registries)
    func xmlToJSONToXMLIsXMLToXML(_ registry: String) throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let xml = try run(["xml", "xml", registry])
        let json = try run(["xml", "json", registry])
        #expect(try run(["json", "xml"], stdin: json) == xml)
        #expect(try run(["json", "json"], stdin: json) == json, "json → json is byte-identical")
        #expect(try run(["auto", "xml"], stdin: json) == xml, "detected as JSON")
    }

    @Test func jsonLinesKeepEveryRecord() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let registry = Self.registries[1]
        let lines = try run(["xml", "jsonl", registry])
        #expect(lines.split(separator: 0x0A).count == 14_533)
        let records = try run(["jsonl", "json"], stdin: lines)
        // The document's records are JSON Lines' lines, indented, with commas between.
        let documentRecords = try run(["xml", "json", registry]).split(separator: 0x0A).filter { $0.starts(with: Array("    {".utf8)) }
        #expect(documentRecords.count > 14_533, "records, then references and people")
        #expect(Array(documentRecords.prefix(14_533)) == lines.split(separator: 0x0A).enumerated().map { index, line in
            ArraySlice(Array("    ".utf8) + line + (index < 14_532 ? [UInt8(ascii: ",")] : []))
        })
        #expect(try run(["auto", "jsonl"], stdin: records) == lines, "jsonl → json → jsonl keeps the records")
    }

    static let validatorInstalled = (try? Command.run("/usr/bin/env", ["python3", "-c", "import jsonschema"]))?.status == 0

    @Test(.enabled(if: validatorInstalled, "jsonschema (PyPI) is not installed: `make schema-deps` or `python3 -m pip install jsonschema` installs it"))
    func theOutputValidatesAgainstTheSchema() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let scratch = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var files: [String] = []
        for (layout, input) in [("json", "Samples/registry.xml"), ("json", Self.registries[1]), ("jsonl", Self.registries[1])] {
            let file = scratch.appendingPathComponent("\(files.count).\(layout)").path
            try Data(try run(["xml", layout, input])).write(to: URL(fileURLWithPath: file))
            files.append(file)
        }
        let invalid = scratch.appendingPathComponent("invalid.json").path
        try Data(#"{"records": [{"name": 7, "port": 1}]}"#.utf8).write(to: URL(fileURLWithPath: invalid))
        let check = { (files: [String]) throws -> (Int32, String) in
            try Command.run(
                "/usr/bin/env",
                ["python3", Paths.file("Tests/JSONSchema/check.py").path, Paths.file("Schemas/service-names-port-numbers.schema.json").path] + files)
        }
        let (status, report) = try check(files)
        #expect(status == 0, "\(report)")
        #expect(report.contains("14533 value(s), 0 schema error(s)"), "\(report)")
        let (failed, errors) = try check([invalid])
        #expect(failed == 1 && errors.contains("records/0/name: 7 is not of type 'string'") && errors.contains("'port' was unexpected"), "the check can fail: \(errors)")
    }

    private func run(_ arguments: [String], stdin: [UInt8]? = nil) throws -> [UInt8] {
        let result = try Binary.run(arguments, stdin: stdin)
        #expect(result.status == 0, "ianaconv \(arguments.joined(separator: " ")): \(result.stderr.prefix(500))")
        return result.stdout
    }
}
