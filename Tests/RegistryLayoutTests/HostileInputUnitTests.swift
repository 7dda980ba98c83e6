import Testing
import RegistryModel
@testable import RegistryReaders
import TestSupport

/// The alignment of a scraped row weighs spans of equal score together: told where scores
/// stay the same, it chooses exactly what it chooses when told nothing.
@Suite struct CellAlignmentTests {
    @Test(arguments: 0..<40)
    func spansOfEqualScoreWeighedTogetherChooseTheSame(_ seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let pieces = Int.random(in: 1...30, using: &generator)
        let columns = Int.random(in: 1...6, using: &generator)
        let filled: Int? = seed % 3 == 0 ? Int.random(in: 1...columns, using: &generator) : nil
        // Per column and first piece: where the score changes, and its values (nil: impossible).
        var changes: [[Int]] = []
        var values: [[[Int?]]] = []
        for _ in 0..<columns {
            var columnChanges: [Int] = []
            var columnValues: [[Int?]] = []
            for _ in 0..<pieces {
                columnChanges.append(Int.random(in: 2...6, using: &generator))
                columnValues.append((0..<2).map { _ in Int.random(in: 0...4, using: &generator) == 0 ? nil : Int.random(in: -20...20, using: &generator) })
            }
            changes.append(columnChanges)
            values.append(columnValues)
        }
        let maxSpans = (0..<columns).map { _ in Int.random(in: 1...pieces, using: &generator) }
        func score(_ column: Int, _ first: Int, _ count: Int) -> Int? { values[column][first][count < changes[column][first] ? 0 : 1] }
        func solve(told: Bool) -> [CellAlignment.Span]? {
            CellAlignment.best(
                pieces: pieces, columns: columns, filled: filled, columnCost: 3, maxSpan: { maxSpans[$0] }, score: score,
                sameScoreUntil: { column, first, count in
                    !told ? count + 1 : count < changes[column][first] ? changes[column][first] : .max
                })
        }
        #expect(solve(told: true) == solve(told: false))
    }

    @Test func anUnreadableRowOfManyCellsIsKeptWholeAtOnce() throws {
        let header = "Service Name | Port Number | Transport Protocol | Description | Assignee | Contact | Registration Date | Modification Date | Reference | Service Code | Unauthorized Use Reported | Assignment Notes |\n---|---|---|---|---|---|---|---|---|---|---|---|\n\n"
        let row = "wide | 9 | tcp | " + (0..<1000).map { "c\($0)" }.joined(separator: " | ") + " |\n"
        var diagnostics: [Diagnostic] = []
        let registry = try ScrapedMarkdownReader.read(InputFile(displayName: "md", bytes: Array((header + row).utf8)), diagnostics: &diagnostics)
        #expect(registry.records.first?.description?.plainText.hasPrefix("wide | 9 | tcp | c0") == true)
        #expect(diagnostics.contains { $0.message.contains("kept whole as the Description") })
    }
}

/// A tab on a text page stands for the blanks to the next multiple of eight columns.
@Suite struct TabStopsTests {
    @Test func tabsStopAtMultiplesOfEightCountingCharactersNotBytes() {
        var diagnostics: [Diagnostic] = []
        let input = InputFile(displayName: "page", bytes: Array("ab\tc\n\u{E9}\u{E9}\t\td\n\tx".utf8))
        let expanded = TabStops.expanded(input, &diagnostics)
        #expect(String(decoding: expanded.bytes, as: UTF8.self) == "ab      c\n\u{E9}\u{E9}              d\n        x")
        #expect(diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["1:3"])
        #expect(diagnostics.first?.message.hasPrefix("4 tabs on the page") == true)
    }

    @Test func aPageWithoutTabsIsLeftAlone() {
        var diagnostics: [Diagnostic] = []
        let input = InputFile(displayName: "page", bytes: Array("a  b\n".utf8))
        #expect(TabStops.expanded(input, &diagnostics).bytes == input.bytes && diagnostics.isEmpty)
    }
}
