import Foundation
import Testing
import TestSupport

/// Broken and hostile input through the binary: exit 2 with a located message, never a crash,
/// a hang, or output.
@Suite struct HostileInputTests {
    @Test(arguments: ["xml", "csv", "auto"])
    func aHundredMegabyteLineIsRefusedQuickly(_ layout: String) throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: 100 << 20)
        let result = try Binary.run([layout, "csv"], stdin: line)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("<stdin>:1:"), "\(result.stderr.prefix(300))")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: ["xml", "csv"])
    func binaryGarbageIsAnErrorWithAPlace(_ layout: String) throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let result = try Binary.run([layout, "xml"], stdin: garbage)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("<stdin>:"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func truncatedInputInEveryLayoutIsAnError() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        for (layout, file) in [("xml", "Samples/registry.xml"), ("csv", "Samples/registry.csv")] {
            let bytes = try Paths.bytes(file)
            // Cut inside a quoted CSV field / inside an XML element.
            let cut = layout == "csv" ? bytes.firstRange(of: Array("\"Defined".utf8))!.lowerBound + 5 : bytes.count / 2
            let result = try Binary.run([layout, layout], stdin: Array(bytes[..<cut]))
            #expect(result.status == 2, "\(layout): \(result.stderr)")
            #expect(result.stderr.hasPrefix("<stdin>:"), "\(layout): \(result.stderr)")
        }
    }

    @Test func mixedLineEndingsInCSVRead() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let csv = String(decoding: try Paths.bytes("Samples/registry.csv"), as: UTF8.self)
        var mixed = ""
        for (index, line) in csv.components(separatedBy: "\r\n").enumerated() where !line.isEmpty {
            mixed += line + (index % 3 == 0 ? "\n" : index % 3 == 1 ? "\r" : "\r\n")
        }
        let result = try Binary.run(["csv", "csv"], stdin: Array(mixed.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try Paths.bytes("Samples/registry.csv")), "read as the same registry")
    }
}
