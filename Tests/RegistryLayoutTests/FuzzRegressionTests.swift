import Testing
import TestSupport
import Foundation
import RegistryModel
import RegistryReaders

/// Every input a fuzzer once crashed a reader with (Tests/Fixtures/fuzz/<layout>/) must now
/// read, or fail with a located ReadError.
@Suite struct FuzzRegressionTests {
    static let cases: [(layout: String, file: String)] = {
        let root = Paths.file("Tests/Fixtures/fuzz")
        let layouts = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return layouts.sorted().flatMap { layout in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(layout).path)) ?? [])
                .sorted().map { (layout, "Tests/Fixtures/fuzz/\(layout)/\($0)") }
        }
    }()

    @Test func thereAreReproducersToReplay() {
        #expect(!Self.cases.isEmpty)
    }

    @Test(arguments: cases)
    func replays(_ testCase: (layout: String, file: String)) throws {
        let reader = try #require(Readers.reader(named: testCase.layout))
        var diagnostics: [Diagnostic] = []
        do {
            _ = try reader.read(InputFile(displayName: testCase.file, bytes: Paths.bytes(testCase.file)), diagnostics: &diagnostics)
        } catch let error as ReadError {
            #expect(error.line != nil, "\(error)")
        }
    }
}
