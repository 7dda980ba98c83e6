import Testing
@testable import RegistryReaders

/// The text reader's cost of a reading compares field by field, in the order of priority:
/// no number of a later finding outweighs one of an earlier one.
@Suite struct RowCostTests {
    typealias Cost = RowGrouping.Cost

    @Test func anOpeningLineOutweighsAnyNumberOfNameEchoes() {
        let opensARow = Cost(openingContinuations: 1, nameEchoes: 15)
        let echoesNothing = Cost(openingContinuations: 0, nameEchoes: 0)
        #expect(echoesNothing < opensARow, "a weighted sum let two echoes (600 each) outweigh an opening line (1000)")
    }

    @Test func moreEchoesAreCheaperAndEvenHeightsDecideLast() {
        #expect(Cost(nameEchoes: 2, squaredHeights: 100) < Cost(nameEchoes: 1, squaredHeights: 1))
        #expect(Cost(brokenPhrases: 0, squaredHeights: 100) < Cost(brokenPhrases: 1, squaredHeights: 1))
        #expect(Cost(squaredHeights: 18) < Cost(squaredHeights: 20))
    }

    @Test func evidenceOutranksThePriors() {
        #expect(Cost(unforcedWraps: 0, openingContinuations: 9) < Cost(unforcedWraps: 1))
        #expect(Cost(differingTwins: 0, unforcedWraps: 20) < Cost(differingTwins: 1))
        #expect(Cost(unfilledLines: 0, differingTwins: 3) < Cost(unfilledLines: 1))
        #expect(Cost(openingContinuations: 5).evidence == Cost(brokenPhrases: 2).evidence, "told apart by priors only: a guess")
    }

    @Test func costsAddFieldByField() {
        let sum = Cost(unforcedWraps: 1, nameEchoes: 2) + Cost(unforcedWraps: 2, squaredHeights: 9)
        #expect(sum == Cost(unforcedWraps: 3, nameEchoes: 2, squaredHeights: 9))
    }
}
