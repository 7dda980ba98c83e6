@testable import RegistryConversion
import Synchronization
import Testing

/// The two ways the engine uses more cores: a second thread for one piece of work, and a pool
/// that hands out pieces.
@Suite struct ThreadTests {
    @Test func inParallelGivesResultsInTheItemsOrder() {
        let items = Array(0..<200)
        let results = InParallel.map(items, threads: 4) { item in item * 2 }
        #expect(results == items.map { $0 * 2 })
    }

    @Test func inParallelRunsEachItemOnce() {
        let runs = Atomic<Int>(0)
        let results = InParallel.map(Array(0..<1000), threads: 8) { item in
            runs.wrappingAdd(1, ordering: .relaxed)
            return item
        }
        #expect(runs.load(ordering: .relaxed) == 1000)
        #expect(results.count == 1000)
        #expect(InParallel.map([Int](), threads: 4) { $0 }.isEmpty)
        #expect(InParallel.map([7], threads: 4) { $0 + 1 } == [8], "more threads than items")
    }

    @Test func aBackgroundThreadGivesItsResultEachTimeItIsAsked() {
        let thread = BackgroundThread { (1...100).reduce(0, +) }
        #expect(thread.wait() == 5050)
        #expect(thread.wait() == 5050, "joined once, then the value again")
    }

    @Test func theCoresAreCountedAndCapped() {
        #expect((1...8).contains(InParallel.cores))
    }
}
