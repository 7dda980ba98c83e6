@testable import RegistryValidation
import Testing

/// The one-lookup helper the "first record of each kind" rules share.
@Suite struct DictionaryStoredValueTests {
    @Test func storesOnlyWhenAbsentAndGivesWhatIsStored() {
        var first: [String: Int] = [:]
        #expect(first.storedValue(for: "http", storingIfAbsent: 3) == 3)
        #expect(first.storedValue(for: "http", storingIfAbsent: 7) == 3, "the first stays")
        #expect(first.storedValue(for: "www", storingIfAbsent: 7) == 7)
        #expect(first == ["http": 3, "www": 7])
    }
}
